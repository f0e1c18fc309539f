/* test-table-ranking.c: the headless ranking's packed table gives the same
 * tables, extra columns and error messages as the store and scorer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-program-json.h"
#include "mp-program-json-private.h"
#include "mp-program-store.h"
#include "mp-program-table.h"
#include "mp-rank-extras.h"
#include "mp-ranking-format.h"
#include "mp-scorer.h"
#include "mp-table-ranking.h"

static const char * const names[] = {
  "Program", "program", "PROGRAM", "Ärzte Kurs", "ärzte kurs", "Zeta", "a\tb", "Quote \"q\"",
  "Slash/Name", "École", "Same", "same", "Ωmega",
};

static const char * const kinds[] = {
  "masters", "certificate", "fellowship", "short-course", "faculty-development",
};

/* A rating as CSV writes it: a number, a range or nothing (unknown). */
static char *
csv_rating (GRand *rand)
{
  int form = g_rand_int_range (rand, 0, 10);
  int lo = g_rand_int_range (rand, 0, 11);

  if (form == 0)
    return g_strdup ("");
  if (form == 1)
    return g_strdup_printf ("%d-%d", lo, g_rand_int_range (rand, lo, 11));
  if (form == 2)
    return g_strdup_printf ("%d.%d", MIN (lo, 9), g_rand_int_range (rand, 0, 10));
  return g_strdup_printf ("%d", lo);
}

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Random programs with many equal and case-equal names, half with ids. */
static char *
random_csv (guint32  seed,
            guint    rows,
            gboolean with_ids)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_new (with_ids ? "id," : "");

  g_string_append (out, "name,kind,format,duration_years,hours_per_week,tuition_usd,faculty,"
                        "scholarship,funding,flexibility,brand\n");
  for (guint i = 0; i < rows; i++)
    {
      const char *base = names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))];
      g_autofree char *name = g_strdup_printf ("%s %d", base, g_rand_int_range (rand, 0, 4));

      if (with_ids)
        g_string_append_printf (out, "id-%u,", i);
      append_csv_field (out, name);
      g_string_append_printf (out, ",%s,online,%d,%d,%d", kinds[g_rand_int_range (rand, 0, 5)],
                              g_rand_int_range (rand, 0, 11), g_rand_int_range (rand, 0, 60),
                              g_rand_int_range (rand, 0, 90000));
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          g_autofree char *rating = csv_rating (rand);

          g_string_append_printf (out, ",%s", rating);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
json_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* A rating in every form the JSON reader takes, or left out. */
static void
append_json_rating (GString    *out,
                    GRand      *rand,
                    const char *key)
{
  static const char * const numbers[] = { "7", "7.5", "7.25e0", "0", "10", "1E1", "3.00001" };
  int form = g_rand_int_range (rand, 0, 12), lo = g_rand_int_range (rand, 0, 11);

  if (form == 0)
    return;
  g_string_append_printf (out, ", \"%s\": ", key);
  if (form == 1)
    g_string_append (out, "null");
  else if (form == 2)
    g_string_append_printf (out, "[%d, %d.5]", MIN (lo, 9),
                            g_rand_int_range (rand, MIN (lo, 9), 10));
  else if (form == 3)
    g_string_append_printf (out, "[ %d ,%d ]", lo, lo);
  else
    g_string_append (out, numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]);
}

/* Programs as people and tools write JSON: members in any order, members
 * we do not read (objects and arrays too), escapes, every number form,
 * unknown ratings, a repeated member (the last counts). */
static char *
random_json (guint32 seed,
             guint   rows)
{
  static const char * const escaped[] = {
    "Esc\\\"aped\\\\", "Tab\\there", "\\u00c9cole \\u00e9", "Clef \\ud834\\udd1e",
    "Slash\\/", "Plain",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_new (seed % 2 ? "{ \"programs\": [\n" : "{\"schema_version\": 1,\n"
                                                                 " \"programs\": [\n");

  for (guint i = 0; i < rows; i++)
    {
      const char *base = g_rand_boolean (rand)
                         ? names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))]
                         : escaped[g_rand_int_range (rand, 0, G_N_ELEMENTS (escaped))];
      g_autofree char *name = strchr (base, '\\') != NULL ? g_strdup (base) : json_escape (base);

      g_string_append_printf (out, "  {\"ratings\": {\"extra\": [1, {\"a\": null}]");
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        append_json_rating (out, rand, mp_criterion_get_key (c));
      g_string_append_printf (out, "}, \"name\": \"%s %d\", \"id\": \"id-%u\",",
                              name,
                              g_rand_int_range (rand, 0, 4), i);
      if (g_rand_int_range (rand, 0, 4) == 0)
        g_string_append (out, " \"tuition_usd\": \"not yet\",");
      g_string_append_printf (out, " \"kind\": \"%s\", \"format\": \"hybrid\","
                              " \"duration_years\": %d.5, \"hours_per_week\": %de0,"
                              " \"tuition_usd\": %d, \"thesis\": %s, \"note\": \"n\","
                              " \"more\": {\"x\": [true, false, null, -1.5e-3]}}%s\n",
                              kinds[g_rand_int_range (rand, 0, 5)], g_rand_int_range (rand, 0, 9),
                              g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 90000),
                              g_rand_boolean (rand) ? "true" : "false", i + 1 < rows ? "," : "");
    }
  g_string_append (out, seed % 2 ? "], \"schema_version\": 1, \"other\": [[], {}]}\n"
                                 : "]}\n");
  return g_string_free (out, FALSE);
}

static char *
write_temp (const char *name,
            const char *text)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-table-ranking-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The ranking the window's path writes: store, scorer, whole-text writer. */
static char *
store_ranking (MpProgramStore     *store,
               const MpWeights    *weights,
               gboolean            json,
               const MpRankExtras *extras)
{
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  MpRankingColumn columns[MP_RANK_EXTRAS_MAX_COLUMNS];
  g_autofree double *values = NULL;
  guint n_columns = 0;

  mp_scorer_set_weights (scorer, weights);
  if (extras != NULL)
    values = mp_rank_extras_compute (extras, scorer, columns, &n_columns, NULL);
  return json ? mp_ranking_to_json_with_columns (scorer, columns, n_columns)
              : mp_ranking_to_tsv_with_columns (scorer, columns, n_columns);
}

typedef struct {
  MpProgramTable *table;
  MpTableRanking *ranking;
} Ranked;

static MpConfidenceInput *
confidence_input (gpointer data,
                  double   spread)
{
  return mp_table_ranking_confidence_input (((Ranked *) data)->ranking, spread);
}

static void
facts (gpointer  data,
       guint     k,
       double   *tuition,
       double   *hours,
       double   *years)
{
  Ranked *ranked = data;
  guint row = mp_table_ranking_get_ranked (ranked->ranking, k);

  *tuition = mp_program_table_get_tuition (ranked->table, row);
  *hours = mp_program_table_get_hours_per_week (ranked->table, row);
  *years = mp_program_table_get_duration_years (ranked->table, row);
}

/* The headless path: table, table ranking, row writers. */
static char *
table_ranking (MpProgramTable     *table,
               const MpWeights    *weights,
               gboolean            json,
               const MpRankExtras *extras)
{
  g_autoptr(MpTableRanking) ranking = mp_table_ranking_new (table, weights);
  GString *out = g_string_new (NULL);
  MpRankingColumn columns[MP_RANK_EXTRAS_MAX_COLUMNS];
  g_autofree double *values = NULL;
  guint n_columns = 0, n = mp_table_ranking_get_n_ranked (ranking);
  Ranked ranked = { table, ranking };
  MpRankExtrasSource source = { n, confidence_input, facts, &ranked };

  if (extras != NULL)
    values = mp_rank_extras_compute_from (extras, &source, columns, &n_columns, NULL);
  if (json)
    mp_ranking_append_json_head (out, weights);
  else
    mp_ranking_append_tsv_header (out, columns, n_columns);
  for (guint k = 0; k < n; k++)
    {
      MpRankingRow row;

      mp_table_ranking_get_row (ranking, k, &row);
      if (json)
        mp_ranking_append_json_row (out, &row, k + 1 == n, columns, n_columns);
      else
        mp_ranking_append_tsv_row (out, &row, columns, n_columns);
    }
  if (json)
    mp_ranking_append_json_tail (out);
  return g_string_free (out, FALSE);
}

static void
assert_same_ranking (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpProgramTable) table = mp_program_table_new ();
  g_autoptr(GError) error = NULL;
  MpRankExtras confidence = { TRUE, 15, 200, 7, TRUE, };
  MpWeights weights[2];

  mp_program_store_import (store, file, &error);
  if (error != NULL)
    g_test_message ("%s", error->message);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), >, 0);
  g_assert_no_error (error);
  g_assert_true (mp_program_table_load_file (table, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mp_program_table_get_n (table), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (store)));
  mp_weights_init_article (&weights[0]);
  mp_weights_init_article (&weights[1]);
  weights[1].w[1] = 0;
  weights[1].w[3] = 33.3;
  mp_circumstances_init (&confidence.circumstances);
  g_assert_true (mp_circumstances_parse_funding (&confidence.circumstances, "5000", NULL));
  g_assert_true (mp_circumstances_parse_hours (&confidence.circumstances, "12", NULL));
  for (guint w = 0; w < G_N_ELEMENTS (weights); w++)
    for (int json = 0; json <= 1; json++)
      {
        g_autofree char *old = store_ranking (store, &weights[w], json, NULL);
        g_autofree char *new = table_ranking (table, &weights[w], json, NULL);
        g_autofree char *old_conf = store_ranking (store, &weights[w], json, &confidence);
        g_autofree char *new_conf = table_ranking (table, &weights[w], json, &confidence);

        g_assert_cmpstr (new, ==, old);
        g_assert_cmpstr (new_conf, ==, old_conf);
      }
}

static void
test_random_csv (void)
{
  for (guint32 seed = 1; seed <= 6; seed++)
    {
      g_autofree char *text = random_csv (seed, 300, seed % 2 == 0);
      g_autofree char *path = write_temp ("programs.csv", text);

      assert_same_ranking (path);
      remove_temp (path);
    }
}

/* JSON files: the store writes the random programs as its own JSON. */
static void
test_random_json (void)
{
  for (guint32 seed = 11; seed <= 14; seed++)
    {
      g_autofree char *text = random_csv (seed, 200, seed % 2 == 0);
      g_autofree char *csv = write_temp ("programs.csv", text);
      g_autoptr(GFile) file = g_file_new_for_path (csv);
      g_autoptr(MpProgramStore) store = mp_program_store_new ();
      g_autofree char *json = NULL;
      g_autofree char *path = NULL;

      g_assert_cmpint (mp_program_store_import (store, file, NULL), ==, 200);
      json = mp_program_store_to_json (store, FALSE);
      path = write_temp ("programs.json", json);
      assert_same_ranking (path);
      remove_temp (path);
      remove_temp (csv);
    }
}

static void
test_samples (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "programs",
                                                 "sample-programs.json", NULL);

  assert_same_ranking (path);
}

/* A bad row: the same FILE:LINE:COLUMN message from both readers. */
static void
assert_same_error (const char *name,
                   const char *text)
{
  g_autofree char *path = write_temp (name, text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpProgramTable) table = mp_program_table_new ();
  g_autoptr(GError) store_error = NULL;
  g_autoptr(GError) table_error = NULL;

  g_assert_cmpint (mp_program_store_import (store, file, &store_error), ==, -1);
  g_assert_false (mp_program_table_load_file (table, file, &table_error));
  g_assert_nonnull (store_error);
  g_assert_nonnull (table_error);
  g_test_message ("%s", table_error->message);
  g_assert_nonnull (strstr (table_error->message, name));
  g_assert_cmpstr (table_error->message, ==, store_error->message);
  remove_temp (path);
}

static void
test_bad_rows (void)
{
  static const char * const bad[] = {
    "4,masters,online,2,10,1000,5,5,5,5,11", "4,masters,online,2,10,1000,5,5,x,5,5",
    "4,masters,online,2,10,1000,5,5,5,8-6,5", "4,mba,online,2,10,1000,5,5,5,5,5",
    "4,masters,online,2,10,1000,5,5,5,5", ",masters,online,2,10,1000,5,5,5,5,5",
    "4,masters,online,99,10,1000,5,5,5,5,5", "\"4,masters,online,2,10,1000,5,5,5,5,5",
    "4,masters,online,2,10,,5,5,5,5,5", "Ärzte,masters,online,2,10,1000,5,5,5,5,-1",
  };
  const char *header = "name,kind,format,duration_years,hours_per_week,tuition_usd,faculty,"
                       "scholarship,funding,flexibility,brand\n";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GString) text = g_string_new (header);
      guint line = 2 + i * 7 % 23;

      for (guint k = 0; k + 2 < line; k++)
        g_string_append_printf (text, "Good %u,masters,online,2,10,1000,5,5,5,5,5\n", k);
      g_string_append_printf (text, "%s\n", bad[i]);
      g_string_append (text, "Later,masters,online,2,10,1000,5,5,5,5,5\n");
      assert_same_error ("bad.csv", text->str);
    }
  assert_same_error ("dup.csv", "id,name,kind,format,duration_years,hours_per_week,tuition_usd,"
                     "faculty,scholarship,funding,flexibility,brand\n"
                     "a,A,masters,online,2,10,1000,5,5,5,5,5\na,B,masters,online,2,10,1000,5,5,5,5,5\n");
  assert_same_error ("bad.json", "{ \"schema_version\": 1, \"programs\": [ { \"id\": 3 } ] }");
  assert_same_error ("empty.csv", "");
  assert_same_error ("missing.csv", "name,kind\nA,masters\n");
}

static gboolean
collect (const MpProgramFields  *fields,
         gpointer                programs,
         GError                **error)
{
  g_ptr_array_add (programs, mp_program_io_new_program (fields));
  return TRUE;
}

static void
drop_all (gpointer programs)
{
  g_ptr_array_set_size (programs, 0);
}

/* The stream reader against the tree reader on @text: the same programs
 * (every field, not only what the table keeps), the same message, the same
 * programs left out when the caller collects them. */
static void
assert_stream_matches_tree (const char *text,
                            gboolean    with_skipped)
{
  g_autoptr(GPtrArray) tree_skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stream_skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tree = NULL;
  g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) tree_error = NULL;
  g_autoptr(GError) stream_error = NULL;
  MpProgramSource source;
  gboolean ok;

  mp_program_io_source_init (&source, "x.json", text, strlen (text), NULL);
  source.skipped = with_skipped ? tree_skipped : NULL;
  tree = mp_program_json_parse (&source, &tree_error);
  source.skipped = with_skipped ? stream_skipped : NULL;
  ok = mp_program_json_read_each (&source, collect, drop_all, streamed, &stream_error);
  g_assert_cmpint (ok, ==, tree != NULL);
  if (!ok)
    {
      g_assert_cmpstr (stream_error->message, ==, tree_error->message);
      return;
    }
  g_assert_cmpuint (streamed->len, ==, tree->len);
  for (guint i = 0; i < tree->len; i++)
    g_assert_true (mp_program_equal (streamed->pdata[i], tree->pdata[i]));
  g_assert_cmpuint (stream_skipped->len, ==, tree_skipped->len);
  for (guint i = 0; i < tree_skipped->len; i++)
    g_assert_cmpstr (stream_skipped->pdata[i], ==, tree_skipped->pdata[i]);
}

/* JSON as people write it, through the stream reader of `--rank`. */
static void
test_random_json_forms (void)
{
  for (guint32 seed = 21; seed <= 26; seed++)
    {
      g_autofree char *text = random_json (seed, 250);
      g_autofree char *path = write_temp ("programs.json", text);

      assert_same_ranking (path);
      assert_stream_matches_tree (text, FALSE);
      assert_stream_matches_tree (text, TRUE);
      remove_temp (path);
    }
}

#define PROGRAM(ID, NAME) "{\"id\": \"" ID "\", \"name\": \"" NAME "\", \"kind\": \"masters\", " \
  "\"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, " \
  "\"tuition_usd\": 1000, \"ratings\": {\"faculty\": 5}}"
#define HEAD "{\"schema_version\": 1, \"programs\": ["

/* Every kind of bad JSON: the stream reader gives the tree reader's
 * FILE:LINE:COLUMN message, through the table as through the store. */
static void
test_bad_json (void)
{
  static const char * const bad[] = {
    HEAD PROGRAM ("a", "A") ",\n  " PROGRAM ("a", "B") "]}",
    HEAD PROGRAM ("a", "A") ",\n  {\"id\": \"b\"}]}",
    HEAD PROGRAM ("a", "A") ", 7]}",
    HEAD PROGRAM ("a", "A") ", [1, 2]]}",
    HEAD PROGRAM ("a", "  ") "]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"mba\"}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 50, \"hours_per_week\": 10, \"tuition_usd\": 1}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, \"thesis\": 1, "
    "\"ratings\": {}}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, "
    "\"ratings\": {\"brand\": [8, 6]}}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, "
    "\"ratings\": {\"brand\": [8, 11]}}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, "
    "\"ratings\": {\"brand\": \"high\"}}]}",
    HEAD "{\"id\": \"a\", \"name\": \"A\", \"kind\": \"masters\", \"format\": \"online\", "
    "\"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 1, \"ratings\": 3}]}",
    "{\"programs\": [" PROGRAM ("a", "A") "]}",
    "{\"schema_version\": 1}",
    "{\"schema_version\": 1, \"programs\": {}}",
    "{\"schema_version\": 2, \"programs\": []}",
    "{\"schema_version\": 0, \"programs\": []}",
    "{\"schema_version\": 1.0, \"programs\": []}",
    "{\"schema_version\": \"1\", \"programs\": []}",
    "{\"schema_version\": 99999999999999999999, \"programs\": []}",
    "{\"schema_version\": -18446744073709551615, \"programs\": []}",
    "{\"programs\": [" PROGRAM ("a", "A") ", 3], \"schema_version\": 2}",
    "[" PROGRAM ("a", "A") "]",
    "\"programs\"",
    HEAD PROGRAM ("a", "A") ",\n  " PROGRAM ("b", "B"),
    HEAD PROGRAM ("a", "A") " " PROGRAM ("b", "B") "]}",
    HEAD PROGRAM ("a", "A") ",]}",
    HEAD PROGRAM ("a", "A\\ud800") "]}",
    HEAD PROGRAM ("a", "A") "]} trailing",
    HEAD PROGRAM ("a", "A") "]} // comment",
    "{\"schema_version\": 1, \"programs\": [], \"programs\": 5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("case %u", i);
      assert_same_error ("bad.json", bad[i]);
      assert_stream_matches_tree (bad[i], FALSE);
      assert_stream_matches_tree (bad[i], TRUE);
    }
}

/* Texts json-glib reads although a strict parser would not: within the
 * tree limit the stream reader hands them to the tree (dropping what it
 * gave so far), so they load as they do in the window. */
static void
test_lenient_json (void)
{
  static const char * const lenient[] = {
    HEAD PROGRAM ("a", "A") ", {'id': 'b', 'name': 'B', 'kind': 'masters', 'format': 'online', "
    "'duration_years': 2, 'hours_per_week': 10, 'tuition_usd': 0x10, 'ratings': {}}]}",
    HEAD PROGRAM ("a", "A") " /* a comment */, " PROGRAM ("b", "Tab\there") "]}",
    HEAD PROGRAM ("a", "A") ", " PROGRAM ("b", "B") "], \"programs\": [" PROGRAM ("c", "C") "]}",
    HEAD PROGRAM ("a", "A\\ud834\\udd1e") ", " PROGRAM ("b", "B\\u00e9") "]}",
    HEAD PROGRAM ("a", "A") "]}{\"more\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lenient); i++)
    {
      g_autofree char *path = write_temp ("lenient.json", lenient[i]);

      g_test_message ("case %u", i);
      assert_same_ranking (path);
      assert_stream_matches_tree (lenient[i], FALSE);
      remove_temp (path);
    }
}

static void
assert_strict_error (const char *text,
                     const char *expected)
{
  g_autoptr(GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  MpProgramSource source;

  mp_program_io_source_init (&source, "big.json", text, strlen (text), NULL);
  g_assert_false (mp_program_json_read_each (&source, collect, drop_all, streamed, &error));
  g_assert_error (error, MP_PROGRAM_JSON_ERROR, MP_PROGRAM_JSON_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, expected);
}

/* Over the tree limit (lowered here from 32 MB) a syntax error is placed
 * by the stream itself: the tree would cost ten times the file. A file
 * cut short still gets the tree reader's message. */
static void
test_strict_over_limit (void)
{
  g_autofree char *cut_message = NULL;
  const char *cut = HEAD PROGRAM ("a", "A") ",\n  " PROGRAM ("b", "B");
  MpProgramSource source;
  g_autoptr(GError) tree_error = NULL;

  mp_program_io_source_init (&source, "big.json", cut, strlen (cut), NULL);
  g_assert_null (mp_program_json_parse (&source, &tree_error));
  mp_program_json_set_tree_limit (16);
  assert_strict_error (cut, tree_error->message);
  assert_strict_error (HEAD PROGRAM ("a", "A") ",\n {'id': 1}]}",
                       "big.json:2:4: not valid JSON here (lexical error: invalid char in json "
                       "text.); files over 0 MB must be strict JSON: check for a missing comma, "
                       "quote or bracket");
  assert_strict_error (HEAD "\n" PROGRAM ("a", "A\\udc00") "]}",
                       "big.json:2:23: “\\udc00” is half of a UTF-16 surrogate pair without its "
                       "other half; write the character itself instead");
  mp_program_json_set_tree_limit (32 * 1024 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/table-ranking/samples", test_samples);
  g_test_add_func ("/table-ranking/random-csv", test_random_csv);
  g_test_add_func ("/table-ranking/random-json", test_random_json);
  g_test_add_func ("/table-ranking/bad-rows", test_bad_rows);
  g_test_add_func ("/table-ranking/random-json-forms", test_random_json_forms);
  g_test_add_func ("/table-ranking/bad-json", test_bad_json);
  g_test_add_func ("/table-ranking/lenient-json", test_lenient_json);
  g_test_add_func ("/table-ranking/strict-over-limit", test_strict_over_limit);
  return g_test_run ();
}
