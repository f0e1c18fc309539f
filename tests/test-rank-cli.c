/* test-rank-cli.c: `masterplan --rank`, run as a real process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-test-utils.h"

static char *
first_lines (const char *text,
             guint       n)
{
  const char *p = text;

  for (guint i = 0; i < n && p != NULL; i++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return p != NULL ? g_strndup (text, p - text) : g_strdup (text);
}

static guint
count_lines (const char *text)
{
  return mp_test_count_char (text, '\n');
}

static void
test_default (void)
{
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *head = NULL;

  mp_test_run_masterplan (&run, "--rank", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  head = first_lines (run.out, 3);
  /* Ridgeway: 2700 / 36.5 = 73.97; faculty 90·7/36.5 = 17.26 … */
  g_assert_cmpstr (head, ==,
                   "rank\tscore\tid\tname\tkind\tfaculty\tscholarship\tfunding\tflexibility\tbrand\n"
                   "1\t74.0\tridgeway-mhpe\tMaster of Health Professions Education\tmasters\t"
                   "17.26\t21.92\t16.44\t11.51\t6.85\n"
                   "2\t73.3\tpinecrest-mhpe\tMHPE with Educational Leadership track\tmasters\t"
                   "19.73\t17.53\t14.38\t13.42\t8.22\n");
  g_assert_cmpuint (count_lines (run.out), ==, 18);
}

static void
test_weights (void)
{
  g_auto(MpTestRun) run = { 0, };
  g_auto(MpTestRun) partial = { 0, };
  g_auto(MpTestRun) article = { 0, };
  g_autofree char *head = NULL;

  mp_test_run_masterplan (&run, "--rank",
                          "--weights", "faculty=0,scholarship=0,funding=0,flexibility=0,brand=100",
                          NULL);
  g_assert_cmpint (run.status, ==, 0);
  head = first_lines (run.out, 3);
  g_assert_cmpstr (strchr (head, '\n') + 1, ==,
                   "1\t100.0\tharrowgate-mhpe\tMaster of Health Professions Education\tmasters\t"
                   "0.00\t0.00\t0.00\t0.00\t100.00\n"
                   "2\t90.0\taldermoor-mmeded\tMaster of Medical Education\tmasters\t"
                   "0.00\t0.00\t0.00\t0.00\t90.00\n");

  /* Criteria not named keep the article's weights. */
  mp_test_run_masterplan (&partial, "--rank", "--weights", " faculty = 90 ", NULL);
  mp_test_run_masterplan (&article, "--rank", NULL);
  g_assert_cmpint (partial.status, ==, 0);
  g_assert_cmpstr (partial.out, ==, article.out);
}

static void
test_json (void)
{
  g_auto(MpTestRun) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *first, *contributions;
  JsonArray *ranking;

  mp_test_run_masterplan (&run, "--rank", "--format", "json", "--weights", "brand=0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "weights"),
                                                    "faculty"), ==, 90);
  ranking = json_object_get_array_member (root, "ranking");
  g_assert_cmpuint (json_array_get_length (ranking), ==, 17);
  first = json_array_get_object_element (ranking, 0);
  /* Without brand, Σw = 315; Ridgeway 2700 − 250 = 2450 → 2450 / 31.5 = 77.8 */
  g_assert_cmpint (json_object_get_int_member (first, "rank"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "ridgeway-mhpe");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "score"), 77.8, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "masters");
  contributions = json_object_get_object_member (first, "contributions");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (contributions, "scholarship"),
                                  25.4, 1e-9);
  g_assert_cmpfloat (json_object_get_double_member (contributions, "brand"), ==, 0);
  /* Numbers as the UI shows them, not the nearest double in full. */
  g_assert_null (strstr (run.out, "00000"));
  g_assert_null (strstr (run.out, "99999"));
  g_assert_nonnull (strstr (run.out, "\"score\" : 77.8,"));
}

static void
test_programs_file (void)
{
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *csv = g_build_filename (TEST_DATA_DIR, "programs-import.csv", NULL);

  mp_test_run_masterplan (&run, "--rank", "--programs", csv, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 4);
  /* sim-med: (90·8.5 + 80·6 + 75·7 + 70·6 + 50·7) / 36.5 = 2540 / 36.5 = 69.6 */
  g_assert_nonnull (strstr (run.out, "\n1\t69.6\tsim-med\tMaster of Simulation Education\tmasters\t"));
}

static void
test_bad_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mp-rank-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *absent = g_build_filename (dir, "absent.json", NULL);
  g_autofree char *expected = NULL;
  g_auto(MpTestRun) run = { 0, };
  g_auto(MpTestRun) missing = { 0, };

  g_assert_true (g_file_set_contents (path, "{\"schema_version\": 1,\n \"programs\": [{\"id\": 3}]}",
                                      -1, NULL));
  mp_test_run_masterplan (&run, "--rank", "--programs", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  expected = g_strdup_printf ("%s:2:22: “id” must be a string, not a number\n", path);
  g_assert_cmpstr (run.err, ==, expected);

  mp_test_run_masterplan (&missing, "--rank", "--programs", absent, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, absent));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_arguments (void)
{
  const struct { const char *option, *value, *err; } cases[] = {
    { "--weights", "faculty=101",
      "masterplan: --weights: The weight of “faculty” must be from 0 to 100, not 101\n" },
    { "--weights", "fame=3",
      "masterplan: --weights: Unknown criterion “fame”; the criteria are faculty, scholarship, "
      "funding, flexibility and brand\n" },
    { "--weights", "brand=lots",
      "masterplan: --weights: The weight of “brand” must be a number from 0 to 100, not “lots”\n" },
    { "--weights", "brand=1,brand=2",
      "masterplan: --weights: The weight of “brand” is given twice\n" },
    { "--weights", "brand",
      "masterplan: --weights: “brand” is not of the form criterion=weight, e.g. faculty=90\n" },
    { "--weights", "faculty=0,scholarship=0,funding=0,flexibility=0,brand=0",
      "masterplan: --weights: All weights are zero, so there is nothing to rank by; give at "
      "least one criterion a weight above 0\n" },
    { "--format", "xml", "masterplan: --format: unknown output format; use tsv or json\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MpTestRun) run = { 0, };

      mp_test_run_masterplan (&run, "--rank", cases[i].option, cases[i].value, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, ==, cases[i].err);
    }
}

static void
test_unknown_option (void)
{
  g_auto(MpTestRun) run = { 0, };

  mp_test_run_masterplan (&run, "--rank", "--frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
}

/* --help lists every mode and option. */
static void
test_help (void)
{
  static const char * const listed[] = {
    "--rank", "--weights=LIST", "--programs=FILE", "--format=FORMAT",
    "--export-flowchart=INPUT", "-o, --output=OUTPUT", "--block=N", "FILE.md",
  };
  g_auto(MpTestRun) run = { 0, };

  mp_test_run_masterplan (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    g_assert_nonnull (strstr (run.out, listed[i]));
}

/* An option without its mode, or unknown, exits 2 and says what is right. */
static void
test_option_without_mode (void)
{
  static const struct {
    const char *args[3];
    const char *err;
  } cases[] = {
    { { "--weights", "brand=1", NULL },
      "masterplan: --weights, --programs and --format belong to --rank; add --rank, e.g. "
      "masterplan --rank --weights faculty=90,brand=10\n" },
    { { "-o", "out.svg", NULL },
      "masterplan: --output and --block belong to --export-flowchart; add --export-flowchart "
      "INPUT, e.g. masterplan --export-flowchart chart.mmd -o chart.svg\n" },
    { { "--export-flowchart", "chart.mmd", NULL },
      "masterplan: --export-flowchart needs -o OUTPUT, a .svg, .png or .pdf file, e.g. "
      "masterplan --export-flowchart chart.mmd -o chart.svg\n" },
    { { "--bogus", NULL, NULL }, "masterplan: Unknown option --bogus\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MpTestRun) run = { 0, };
      g_autofree char *expected = g_strconcat (cases[i].err, "Run “masterplan --help” to see "
                                               "every mode and option.\n", NULL);

      mp_test_run_masterplan (&run, cases[i].args[0], cases[i].args[1], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.err, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rank-cli/default", test_default);
  g_test_add_func ("/rank-cli/weights", test_weights);
  g_test_add_func ("/rank-cli/json", test_json);
  g_test_add_func ("/rank-cli/programs-file", test_programs_file);
  g_test_add_func ("/rank-cli/bad-file", test_bad_file);
  g_test_add_func ("/rank-cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/rank-cli/unknown-option", test_unknown_option);
  g_test_add_func ("/rank-cli/help", test_help);
  g_test_add_func ("/rank-cli/option-without-mode", test_option_without_mode);

  return g_test_run ();
}
