/* test-program-rules.c: one rule per value, read in the user's locale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mp-program-csv.h"
#include "mp-program-io.h"
#include "mp-program-json.h"
#include "mp-program-rules.h"
#include "mp-program-store.h"

static void
assert_reads (MpProgramValue  value,
              const char     *text,
              double          expected)
{
  g_autofree char *message = NULL;
  double number = -1;

  message = mp_program_rules_parse (value, text, &number);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpfloat (number, ==, expected);
}

static void
assert_refuses (MpProgramValue  value,
                const char     *text,
                const char     *expected)
{
  g_autofree char *message = NULL;
  double number = -1;

  message = mp_program_rules_parse (value, text, &number);
  g_assert_cmpstr (message, ==, expected);
}

/* "12,500" is one number in every field: 12 500, too long for a duration. */
static void
test_c_locale (void)
{
  g_autofree char *hint = NULL;

  setlocale (LC_NUMERIC, "C");
  assert_reads (MP_PROGRAM_VALUE_TUITION, "12,500", 12500);
  assert_reads (MP_PROGRAM_VALUE_TUITION, "$ 42 000", 42000);
  assert_reads (MP_PROGRAM_VALUE_TUITION, "1,234,567.5", 1234567.5);
  assert_reads (MP_PROGRAM_VALUE_DURATION_YEARS, " 1.5 ", 1.5);
  assert_reads (MP_PROGRAM_VALUE_RATING, "10", 10);
  assert_refuses (MP_PROGRAM_VALUE_DURATION_YEARS, "12,500",
                  "Read as 12500: enter a number from 0 to 10.");
  assert_refuses (MP_PROGRAM_VALUE_DURATION_YEARS, "50",
                  "Read as 50: enter a number from 0 to 10.");
  assert_refuses (MP_PROGRAM_VALUE_DURATION_YEARS, "1,5",
                  "Enter a number, such as 1.5; the decimal sign is “.”.");
  assert_refuses (MP_PROGRAM_VALUE_RATING, "-1", "Read as -1: enter a number from 0 to 10.");
  assert_refuses (MP_PROGRAM_VALUE_RATING, "", "Enter a number, such as 1.5; the decimal sign is “.”.");
  assert_refuses (MP_PROGRAM_VALUE_RATING, "1e3", "Enter a number, such as 1.5; the decimal sign is “.”.");
  assert_refuses (MP_PROGRAM_VALUE_RATING, "nan", "Enter a number, such as 1.5; the decimal sign is “.”.");
  assert_refuses (MP_PROGRAM_VALUE_HOURS_PER_WEEK, "$5", "Enter a number, such as 1.5; the decimal sign is “.”.");
  assert_refuses (MP_PROGRAM_VALUE_TUITION, "99999999999999999999999",
                  "Read as 99999999999999991611392: enter a number from 0 to 10000000.");
  hint = mp_program_rules_describe_reading ("12,500", 12500);
  g_assert_cmpstr (hint, ==, "Read as 12500.");
  g_clear_pointer (&hint, g_free);
  hint = mp_program_rules_describe_reading ("12500", 12500);
  g_assert_null (hint);
}

/* In Spanish the comma is the decimal sign in every field. */
static void
test_spanish_locale (void)
{
  g_autofree char *formatted = NULL;

  if (setlocale (LC_NUMERIC, "es_ES.UTF-8") == NULL)
    {
      g_test_skip ("the es_ES.UTF-8 locale is not installed");
      return;
    }
  assert_reads (MP_PROGRAM_VALUE_DURATION_YEARS, "1,5", 1.5);
  assert_reads (MP_PROGRAM_VALUE_TUITION, "12.500", 12500);
  assert_reads (MP_PROGRAM_VALUE_TUITION, "12,5", 12.5);
  assert_refuses (MP_PROGRAM_VALUE_DURATION_YEARS, "12.500",
                  "Read as 12500: enter a number from 0 to 10.");
  formatted = mp_program_rules_format (7.25);
  g_assert_cmpstr (formatted, ==, "7,25");
  setlocale (LC_NUMERIC, "C");
}

/* Every value the rules accept, the loader accepts; every value they
 * refuse, the loader refuses too. */
static void
test_loader_agrees (void)
{
  static const char * const durations[] = { "0", "0.5", "10", "10.0000001", "50", "-1" };

  setlocale (LC_NUMERIC, "C");
  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autoptr(GPtrArray) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *rule_message = NULL;
      g_autofree char *json = NULL;
      MpProgramSource source = { "p.json", NULL, 0, NULL, NULL };
      double number;

      json = g_strdup_printf ("{\"schema_version\": 1, \"programs\": [{\"id\": \"p\", "
                              "\"name\": \"P\", \"kind\": \"masters\", \"format\": \"online\", "
                              "\"duration_years\": %s, \"hours_per_week\": 1, "
                              "\"tuition_usd\": 1, \"ratings\": {\"faculty\": 1, "
                              "\"scholarship\": 1, \"funding\": 1, \"flexibility\": 1, "
                              "\"brand\": 1}}]}", durations[i]);
      source.data = json;
      source.length = strlen (json);
      loaded = mp_program_json_parse (&source, &error);
      rule_message = mp_program_rules_parse (MP_PROGRAM_VALUE_DURATION_YEARS, durations[i],
                                             &number);
      g_assert_cmpint (loaded != NULL, ==, rule_message == NULL);
    }
}

/* schema_version quoted as written: "1.0", a number too large for 64 bits. */
static void
test_schema_version_messages (void)
{
  static const char * const cases[][2] = {
    { "1.0", "v.json:1:20: “schema_version” must be a whole number such as 1, not 1.0" },
    { "99999999999999999999", "v.json:1:20: schema version 99999999999999999999 is newer than "
      "this version of Master Plan reads (1); update Master Plan to open this file" },
    { "-3", "v.json:1:20: “schema_version” must be 1 or more, not -3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"schema_version\": %s, \"programs\": []}",
                                               cases[i][0]);
      MpProgramSource source = { "v.json", json, strlen (json), NULL, NULL, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) programs = mp_program_json_parse (&source, &error);

      g_assert_null (programs);
      g_assert_cmpstr (error->message, ==, cases[i][1]);
    }
}

/* The dialog's "not sure" range and the loaders take the same ranges. */
static void
test_rating_range (void)
{
  static const struct {
    const char *lo, *hi;
    gboolean    valid;
    const char *csv;
  } cases[] = {
    { "6", "8", TRUE, "6-8" },
    { "", "  ", TRUE, "" },
    { "8", "6", FALSE, "8-6" },
    { "6", "", FALSE, NULL },
    { "6", "11", FALSE, "6-11" },
    { "7", "7", TRUE, "7-7" },
  };

  setlocale (LC_NUMERIC, "C");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      double lo = -1, hi = -1;
      gboolean unknown = FALSE;

      message = mp_program_rules_parse_rating_range (cases[i].lo, cases[i].hi, &lo, &hi, &unknown);
      g_assert_cmpint (message == NULL, ==, cases[i].valid);
      if (cases[i].valid && cases[i].lo[0] == '\0')
        {
          g_assert_true (unknown);
          g_assert_cmpfloat (lo, ==, 0);
          g_assert_cmpfloat (hi, ==, 10);
        }
      else if (cases[i].valid)
        g_assert_cmpfloat (lo, <=, hi);
      if (cases[i].csv != NULL)
        {
          g_autofree char *csv = g_strdup_printf ("id,name,kind,format,duration_years,"
                                                  "hours_per_week,tuition_usd,faculty,"
                                                  "scholarship,funding,flexibility,brand\n"
                                                  "p,P,masters,online,1,1,1,%s,1,1,1,1\n",
                                                  cases[i].csv);
          MpProgramSource source = { "p.csv", csv, strlen (csv), NULL, NULL, 0 };
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) loaded = mp_program_csv_parse (&source, &error);

          g_assert_cmpint (loaded != NULL, ==, cases[i].valid);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/program-rules/c-locale", test_c_locale);
  g_test_add_func ("/program-rules/spanish-locale", test_spanish_locale);
  g_test_add_func ("/program-rules/loader-agrees", test_loader_agrees);
  g_test_add_func ("/program-rules/schema-version-messages", test_schema_version_messages);
  g_test_add_func ("/program-rules/rating-range", test_rating_range);

  return g_test_run ();
}
