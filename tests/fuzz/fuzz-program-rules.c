/* fuzz-program-rules.c: text typed into the add/edit dialog → the model's
 * rule → a program saved as JSON → loaded back
 *
 * The first byte picks the value (duration, hours, tuition, rating) and the
 * locale; the rest is the text of the field. Whatever the rule accepts must
 * lie in its range, read back from its own formatting, and survive a save
 * and a load unchanged: what the dialog saves, the loaders load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "mp-program-format.h"
#include "mp-program-json.h"
#include "mp-program-rules.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
set_value (MpProgram      *program,
           MpProgramValue  value,
           double          number)
{
  switch (value)
    {
    case MP_PROGRAM_VALUE_DURATION_YEARS: mp_program_set_duration_years (program, number); break;
    case MP_PROGRAM_VALUE_HOURS_PER_WEEK: mp_program_set_hours_per_week (program, number); break;
    case MP_PROGRAM_VALUE_TUITION: mp_program_set_tuition (program, number); break;
    case MP_PROGRAM_VALUE_RATING:
    case MP_N_PROGRAM_VALUES:
    default:
      mp_program_set_rating (program, MP_CRITERION_BRAND, number);
      break;
    }
}

static void
check_saved_loads (MpProgramValue value,
                   double         number)
{
  g_autoptr(MpProgram) program = mp_program_new ("typed", "Typed");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  MpProgramSource source = { "saved", NULL, 0, NULL, NULL, 0 };

  set_value (program, value, number);
  json = mp_program_json_serialize (&program, 1);
  source.data = json;
  source.length = strlen (json);
  loaded = mp_program_json_parse (&source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_true (mp_program_equal (program, loaded->pdata[0]));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const locales[] = { "C", "es_ES.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *again_message = NULL;
  MpProgramValue value;
  double number = -1, again = -1;

  if (size < 1)
    return 0;
  value = data[0] % MP_N_PROGRAM_VALUES;
  if (setlocale (LC_NUMERIC, locales[(data[0] / MP_N_PROGRAM_VALUES) % 4]) == NULL)
    setlocale (LC_NUMERIC, "C");
  text = g_strndup ((const char *) data + 1, size - 1);
  /* An entry holds valid UTF-8 without NUL bytes. */
  if (strlen (text) != size - 1 || !g_utf8_validate (text, -1, NULL))
    return 0;
  message = mp_program_rules_parse (value, text, &number);
  if (message != NULL)
    return 0;
  g_assert_true (mp_program_rules_in_range (value, number));
  formatted = mp_program_rules_format (number);
  again_message = mp_program_rules_parse (value, formatted, &again);
  g_assert_null (again_message);
  g_assert_cmpfloat (fabs (again - number), <=, 1e-6 * MAX (1.0, number));
  check_saved_loads (value, number);
  setlocale (LC_NUMERIC, "C");
  return 0;
}
