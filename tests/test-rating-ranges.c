/* test-rating-ranges.c: ratings as ranges or unknown, in the program model,
 * its JSON and CSV forms, and the rank confidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mp-confidence.h"
#include "mp-program-store.h"
#include "mp-ranking-format.h"
#include "mp-scorer.h"

static const char *json_head =
  "{\"schema_version\": 1, \"programs\": [{\"id\": \"p\", \"name\": \"P\", \"kind\": \"masters\",\n"
  " \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1000,\n"
  " \"ratings\": ";

static char *
write_temp (const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mp-ranges-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Loads @text as a programs file (JSON or CSV by @name); NULL with @error. */
static MpProgramStore *
load (const char  *name,
      const char  *text,
      GError     **error)
{
  g_autofree char *path = write_temp (name, text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  int n = mp_program_store_import (store, file, error);

  remove_temp (path);
  return n < 0 ? NULL : g_steal_pointer (&store);
}

static MpProgramStore *
load_ratings_json (const char  *ratings,
                   GError     **error)
{
  g_autofree char *text = g_strconcat (json_head, ratings, "}]}", NULL);

  return load ("programs.json", text, error);
}

static void
assert_range (MpProgram   *program,
              MpCriterion  c,
              double       lo,
              double       hi,
              gboolean     unknown)
{
  double l, h;

  mp_program_get_rating_range (program, c, &l, &h);
  g_assert_cmpfloat (l, ==, lo);
  g_assert_cmpfloat (h, ==, hi);
  g_assert_cmpint (mp_program_get_rating_unknown (program, c), ==, unknown);
  g_assert_cmpfloat (mp_program_get_rating (program, c), ==, (lo + hi) / 2);
}

static void
test_model (void)
{
  g_autoptr(MpProgram) program = mp_program_new ("p", "P");
  g_autoptr(MpProgram) copy = NULL;

  mp_program_set_rating (program, MP_CRITERION_FACULTY, 7);
  assert_range (program, MP_CRITERION_FACULTY, 7, 7, FALSE);
  mp_program_set_rating_range (program, MP_CRITERION_SCHOLARSHIP, 6, 8);
  assert_range (program, MP_CRITERION_SCHOLARSHIP, 6, 8, FALSE);
  mp_program_set_rating_unknown (program, MP_CRITERION_BRAND);
  assert_range (program, MP_CRITERION_BRAND, 0, 10, TRUE);

  copy = mp_program_copy (program);
  g_assert_true (mp_program_equal (program, copy));
  /* An explicit 0–10 range is not the same as unknown. */
  mp_program_set_rating_range (copy, MP_CRITERION_BRAND, 0, 10);
  assert_range (copy, MP_CRITERION_BRAND, 0, 10, FALSE);
  g_assert_false (mp_program_equal (program, copy));
  mp_program_set_rating (copy, MP_CRITERION_BRAND, 4);
  assert_range (copy, MP_CRITERION_BRAND, 4, 4, FALSE);
}

static void
test_json_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpProgramStore) store =
    load_ratings_json ("{\"faculty\": 8, \"scholarship\": [6, 8], \"funding\": null, "
                       "\"flexibility\": [7.5, 7.5]}", &error);
  MpProgram *p;

  g_assert_no_error (error);
  p = mp_program_store_peek (store, 0);
  assert_range (p, MP_CRITERION_FACULTY, 8, 8, FALSE);
  assert_range (p, MP_CRITERION_SCHOLARSHIP, 6, 8, FALSE);
  assert_range (p, MP_CRITERION_FUNDING, 0, 10, TRUE);
  assert_range (p, MP_CRITERION_FLEXIBILITY, 7.5, 7.5, FALSE);
  /* Absent: unknown. */
  assert_range (p, MP_CRITERION_BRAND, 0, 10, TRUE);
}

static void
test_json_errors (void)
{
  const struct { const char *ratings, *message; } cases[] = {
    { "{\"faculty\": [6]}",
      ":3:25: a range for “faculty” must be two numbers, lowest and highest, e.g. [6, 8]" },
    { "{\"faculty\": [8, 6]}",
      ":3:25: the range for “faculty” must give the lowest rating first" },
    { "{\"faculty\": [6, \"8\"]}",
      ":3:29: a range for “faculty” must be two numbers, not a string" },
    { "{\"faculty\": [6, 11]}", ":3:29:" },
    { "{\"faculty\": [-1, 5]}", ":3:26:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpProgramStore) store = load_ratings_json (cases[i].ratings, &error);

      g_test_message ("ratings: %s", cases[i].ratings);
      g_assert_null (store);
      g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static const char *csv_text =
  "id,name,kind,format,duration_years,hours_per_week,tuition_usd,"
  "faculty,scholarship,funding,flexibility,brand\n"
  "p,P,masters,online,2,10,1000,8,6-8,,7.5-9,0-10\n";

static void
test_csv_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpProgramStore) store = load ("programs.csv", csv_text, &error);
  MpProgram *p;

  g_assert_no_error (error);
  p = mp_program_store_peek (store, 0);
  assert_range (p, MP_CRITERION_FACULTY, 8, 8, FALSE);
  assert_range (p, MP_CRITERION_SCHOLARSHIP, 6, 8, FALSE);
  assert_range (p, MP_CRITERION_FUNDING, 0, 10, TRUE);
  assert_range (p, MP_CRITERION_FLEXIBILITY, 7.5, 9, FALSE);
  assert_range (p, MP_CRITERION_BRAND, 0, 10, FALSE);
}

static void
test_csv_errors (void)
{
  const struct { const char *cell, *message; } cases[] = {
    { "8-6", ":2:30: the range for “faculty” must give the lowest rating first, not “8-6”" },
    { "6-", ":2:30: “faculty” must be a number or a range such as 6-8, not “6-”" },
    { "6-x", ":2:30: “faculty” must be a number or a range such as 6-8, not “6-x”" },
    { "6--8", ":2:30: “faculty” must be a number or a range such as 6-8, not “6--8”" },
    { "6-11", ":2:30:" },
    { "-1", ":2:30:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "id,name,kind,format,duration_years,hours_per_week,tuition_usd,"
        "faculty,scholarship,funding,flexibility,brand\n"
        "p,P,masters,online,2,10,1000,%s,5,5,5,5\n", cases[i].cell);
      g_autoptr(GError) error = NULL;
      g_autoptr(MpProgramStore) store = load ("programs.csv", text, &error);

      g_test_message ("cell: %s → %s", cases[i].cell, error ? error->message : "loaded");
      g_assert_null (store);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
assert_same_programs (MpProgramStore *a,
                      MpProgramStore *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      MpProgram *pa = mp_program_store_peek (a, i), *pb = mp_program_store_peek (b, i);

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          double la, ha, lb, hb;

          mp_program_get_rating_range (pa, c, &la, &ha);
          mp_program_get_rating_range (pb, c, &lb, &hb);
          g_assert_cmpfloat (la, ==, lb);
          g_assert_cmpfloat (ha, ==, hb);
          g_assert_cmpint (mp_program_get_rating_unknown (pa, c), ==,
                           mp_program_get_rating_unknown (pb, c));
        }
    }
}

/* JSON → store → JSON, and store → ranking CSV → store: nothing lost. */
static void
test_round_trips (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpProgramStore) store = load ("programs.csv", csv_text, &error);
  g_autofree char *json = mp_program_store_to_json (store, FALSE);
  g_autoptr(MpProgramStore) from_json = load ("again.json", json, &error);
  g_autofree char *json_again = NULL;
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autofree char *csv = NULL;
  g_autoptr(MpProgramStore) from_csv = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"scholarship\" : [\n"));
  g_assert_nonnull (strstr (json, "\"funding\" : null"));
  assert_same_programs (store, from_json);
  json_again = mp_program_store_to_json (from_json, FALSE);
  g_assert_cmpstr (json_again, ==, json);

  csv = mp_ranking_to_csv (scorer);
  g_assert_nonnull (strstr (csv, ",8,6-8,,7.5-9,0-10,"));
  from_csv = load ("again.csv", csv, &error);
  g_assert_no_error (error);
  assert_same_programs (store, from_csv);
}

/* Files written before ranges existed load as they did: every rating exact. */
static void
test_samples_unchanged (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_program_store_load_samples (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    for (guint c = 0; c < MP_N_CRITERIA; c++)
      {
        MpProgram *p = mp_program_store_peek (store, i);
        double r = mp_program_get_rating (p, c);

        assert_range (p, c, r, r, FALSE);
      }
}

/* The plain ranking uses the middle of a range; the confidence samples it. */
static void
test_confidence_reads_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpProgramStore) store = load (
    "two.csv",
    "id,name,kind,format,duration_years,hours_per_week,tuition_usd,"
    "faculty,scholarship,funding,flexibility,brand\n"
    "a,A,masters,online,2,10,1000,,0,0,0,0\n"
    "b,B,masters,online,2,10,1000,7,0,0,0,0\n", &error);
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(MpConfidenceInput) input = NULL;
  g_autoptr(MpConfidenceResult) result = NULL;
  MpWeights w = { { 50, 0, 0, 0, 0 } };

  g_assert_no_error (error);
  mp_scorer_set_weights (scorer, &w);
  /* B's 7 beats A's unknown (5 in the middle). */
  g_assert_cmpuint (mp_scorer_get_ranked (scorer, 0), ==, 1);
  input = mp_confidence_input_new_from_scorer (scorer, store, 0);
  mp_confidence_input_set_samples (input, 100000);
  result = mp_confidence_compute (input, NULL, &error);
  g_assert_no_error (error);
  /* A's rating is above 7 in 30 % of the samples. */
  g_assert_cmpfloat_with_epsilon (mp_confidence_result_get_p_first (result, 1), 0.30, 0.01);
  g_assert_true (mp_confidence_result_has_unknown (result, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rating-ranges/model", test_model);
  g_test_add_func ("/rating-ranges/json-forms", test_json_forms);
  g_test_add_func ("/rating-ranges/json-errors", test_json_errors);
  g_test_add_func ("/rating-ranges/csv-forms", test_csv_forms);
  g_test_add_func ("/rating-ranges/csv-errors", test_csv_errors);
  g_test_add_func ("/rating-ranges/round-trips", test_round_trips);
  g_test_add_func ("/rating-ranges/samples-unchanged", test_samples_unchanged);
  g_test_add_func ("/rating-ranges/confidence-reads-ranges", test_confidence_reads_ranges);

  return g_test_run ();
}
