/* test-rank-extras.c: `masterplan --rank` with --confidence, --funding and
 * --hours, run as a real process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "mp-test-utils.h"

/* The rows of a TSV output, each split into fields; the header first. */
static GPtrArray *
tsv_rows (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

static const char *
field (GPtrArray  *rows,
       guint       row,
       const char *column)
{
  char **header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], column))
      return ((char **) g_ptr_array_index (rows, row))[i];
  g_assert_not_reached ();
}

static void
test_confidence_tsv (void)
{
  const char *args[] = { "--rank", "--confidence", "--seed", "7", NULL };
  g_auto(MpTestRun) run = { 0, };
  g_auto(MpTestRun) again = { 0, };
  g_autoptr(GPtrArray) rows = NULL;
  double first = 0, top3 = 0;

  mp_test_run_masterplanv (&run, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  rows = tsv_rows (run.out);
  g_assert_cmpuint (rows->len, ==, 18);
  g_assert_true (g_str_has_prefix (run.out,
                                   "rank\tscore\tid\tname\tkind\tfaculty\tscholarship\tfunding\t"
                                   "flexibility\tbrand\tp_first\tp_top3\trank_p5\trank_p95\n"));
  for (guint r = 1; r < rows->len; r++)
    {
      int p5 = atoi (field (rows, r, "rank_p5")), p95 = atoi (field (rows, r, "rank_p95"));

      first += g_ascii_strtod (field (rows, r, "p_first"), NULL);
      top3 += g_ascii_strtod (field (rows, r, "p_top3"), NULL);
      g_assert_cmpint (p5, >=, 1);
      g_assert_cmpint (p5, <=, p95);
      g_assert_cmpint (p95, <=, 17);
    }
  /* Rounded to 4 decimals, 17 values each. */
  g_assert_cmpfloat_with_epsilon (first, 1, 0.001);
  g_assert_cmpfloat_with_epsilon (top3, 3, 0.001);
  /* The same seed, the same figures. */
  mp_test_run_masterplanv (&again, args);
  g_assert_cmpstr (again.out, ==, run.out);
}

/* No spread: every sample is the plain ranking. */
static void
test_confidence_exact (void)
{
  const char *args[] = { "--rank", "--confidence", "--spread", "0", "--samples", "500", NULL };
  g_auto(MpTestRun) run = { 0, };
  g_autoptr(GPtrArray) rows = NULL;

  mp_test_run_masterplanv (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  rows = tsv_rows (run.out);
  g_assert_cmpstr (field (rows, 1, "p_first"), ==, "1.0000");
  g_assert_cmpstr (field (rows, 2, "p_first"), ==, "0.0000");
  g_assert_cmpstr (field (rows, 3, "p_top3"), ==, "1.0000");
  g_assert_cmpstr (field (rows, 4, "p_top3"), ==, "0.0000");
  for (guint r = 1; r < rows->len; r++)
    {
      g_assert_cmpstr (field (rows, r, "rank_p5"), ==, field (rows, r, "rank"));
      g_assert_cmpstr (field (rows, r, "rank_p95"), ==, field (rows, r, "rank"));
    }
}

static void
test_confidence_json (void)
{
  const char *args[] = { "--rank", "--confidence", "--format", "json", "--samples", "2000", NULL };
  g_auto(MpTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *ranking;
  JsonObject *first;

  mp_test_run_masterplanv (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  ranking = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "ranking");
  first = json_array_get_object_element (ranking, 0);
  g_assert_cmpfloat (json_object_get_double_member (first, "p_first"), >, 0.5);
  g_assert_cmpfloat (json_object_get_double_member (first, "p_top3"), <=, 1);
  g_assert_cmpint (json_object_get_int_member (first, "rank_p5"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "rank_p95"), >=, 1);
  g_assert_false (json_object_has_member (first, "out_of_pocket_usd"));
}

/* Ridgeway's master's: $27,000, 14 hours a week, 2 years. By hand: 27 000 −
 * 10 000 = 17 000; 14 × 30 × 2 = 840 hours; 14 > 12, so it does not fit. */
static void
test_costs (void)
{
  const char *tsv_args[] = { "--rank", "--funding", "10000", "--hours", "12", NULL };
  const char *json_args[] = { "--rank", "--funding", "all", "--format", "json", NULL };
  g_auto(MpTestRun) run = { 0, };
  g_auto(MpTestRun) json = { 0, };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *first;

  mp_test_run_masterplanv (&run, tsv_args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  rows = tsv_rows (run.out);
  g_assert_cmpstr (field (rows, 1, "id"), ==, "ridgeway-mhpe");
  g_assert_cmpstr (field (rows, 1, "out_of_pocket_usd"), ==, "17000");
  g_assert_cmpstr (field (rows, 1, "total_hours"), ==, "840.0");
  g_assert_cmpstr (field (rows, 1, "fits_hours"), ==, "false");

  /* All of the tuition funded; hours not said, so fits_hours is null. */
  mp_test_run_masterplanv (&json, json_args);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, NULL));
  first = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "ranking"),
    0);
  g_assert_cmpfloat (json_object_get_double_member (first, "out_of_pocket_usd"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (first, "total_hours"), ==, 840);
  g_assert_true (json_object_get_null_member (first, "fits_hours"));
}

static void
test_bad_arguments (void)
{
  const struct { const char *args[8]; const char *err; } cases[] = {
    { { "--rank", "--confidence", "--spread", "lots" },
      "masterplan: --spread: give the weights’ spread in points, from 0 to 100, e.g. 15\n" },
    { { "--rank", "--confidence", "--spread", "101" },
      "masterplan: --spread: give the weights’ spread in points, from 0 to 100, e.g. 15\n" },
    { { "--rank", "--confidence", "--samples", "0" },
      "masterplan: --samples: give a whole number of samples from 1 to 10000000, e.g. 10000\n" },
    { { "--rank", "--confidence", "--samples", "2.5" },
      "masterplan: --samples: give a whole number of samples from 1 to 10000000, e.g. 10000\n" },
    { { "--rank", "--confidence", "--seed", "-1" },
      "masterplan: --seed: give a whole number from 0 to 18446744073709551615\n" },
    { { "--rank", "--samples", "100" },
      "masterplan: --spread, --samples, --seed: these belong to --confidence; add --confidence\n" },
    { { "--rank", "--funding", "12k" },
      "masterplan: --funding: “12k” is not a funding: give an amount in US dollars from 0 to "
      "10000000 (digits only, e.g. 12000), “none” or “all”\n" },
    { { "--rank", "--hours", "200" },
      "masterplan: --hours: “200” is not a number of hours a week: give one from 0 to 168, "
      "e.g. 10\n" },
    { { "--confidence" },
      "masterplan: --confidence, --spread, --samples, --seed, --funding and --hours belong to "
      "--rank\n" },
    { { "--funding", "100", "--export-flowchart", "x.mmd", "-o", "x.svg" },
      "masterplan: --confidence, --spread, --samples, --seed, --funding and --hours belong to "
      "--rank\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MpTestRun) run = { 0, };

      mp_test_run_masterplanv (&run, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, cases[i].err));
    }
}

/* Programs × samples past the limit is refused at once, before any work,
 * naming the samples that fit; nothing goes to the output. */
static void
test_confidence_too_much_work (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-rank-extras-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,kind,format,duration_years,hours_per_week,"
                                         "tuition_usd,faculty,scholarship,funding,flexibility,"
                                         "brand\n");
  g_auto(MpTestRun) run = { 0, };
  gint64 start;

  for (guint i = 0; i < 201; i++)
    g_string_append_printf (csv, "Program %u,masters,online,2,10,20000,%u,5,5,5,5\n", i, i % 11);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  start = g_get_monotonic_time ();
  mp_test_run_masterplan (&run, "--rank", "--programs", path, "--confidence", "--samples",
                          "10000000", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "masterplan: --confidence: 201 programs with 10000000 samples each is more "
                   "than 1000000000 program-samples; give --samples 4975124 or fewer\n");
  /* Refused before the work: 201 × 10 000 000 samples would take many seconds. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  mp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rank-extras/confidence-tsv", test_confidence_tsv);
  g_test_add_func ("/rank-extras/confidence-exact", test_confidence_exact);
  g_test_add_func ("/rank-extras/confidence-json", test_confidence_json);
  g_test_add_func ("/rank-extras/confidence-too-much-work", test_confidence_too_much_work);
  g_test_add_func ("/rank-extras/costs", test_costs);
  g_test_add_func ("/rank-extras/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
