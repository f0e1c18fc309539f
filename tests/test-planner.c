/* test-planner.c: the decision session without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mp-confidence-runner.h"
#include "mp-planner.h"
#include "mp-test-utils.h"

typedef struct {
  MpProgramStore *store;
  GSettings      *settings;
  MpPlanner      *planner;
} Fixture;

static char *data_home;

static MpProgram *
new_program (const char    *id,
             MpProgramKind  kind,
             double         tuition,
             double         faculty,
             gboolean       user)
{
  MpProgram *program = mp_program_new (id, id);

  mp_program_set_kind (program, kind);
  mp_program_set_tuition (program, tuition);
  mp_program_set_hours_per_week (program, 10);
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    mp_program_set_rating (program, c, 5);
  mp_program_set_rating (program, MP_CRITERION_FACULTY, faculty);
  mp_program_set_user_defined (program, user);
  return program;
}

static void
add (MpProgramStore *store,
     MpProgram      *program)
{
  mp_program_store_add (store, program);
  g_object_unref (program);
}

static void
reset_settings (GSettings *settings)
{
  static const char * const keys[] = {
    "weights", "kind-filter", "max-tuition", "max-hours-per-week", "format-filter", "flow-walk",
    "best-value-filter", "compared-programs", "funding", "funding-usd", "available-hours", "hour-value",
    "funding-answer",
    "weight-spread", "tradeoff-answers",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = mp_program_store_new ();
  add (fixture->store, new_program ("alpha-masters", MP_PROGRAM_KIND_MASTERS, 40000, 9, FALSE));
  add (fixture->store, new_program ("beta-course", MP_PROGRAM_KIND_SHORT_COURSE, 2000, 4, FALSE));
  add (fixture->store, new_program ("gamma-fellowship", MP_PROGRAM_KIND_FELLOWSHIP, 0, 7, FALSE));
  add (fixture->store, new_program ("delta-masters", MP_PROGRAM_KIND_MASTERS, 12000, 6, TRUE));
  add (fixture->store, new_program ("epsilon-certificate", MP_PROGRAM_KIND_CERTIFICATE, 8000, 2,
                                    TRUE));
  fixture->settings = g_settings_new (APP_ID);
  reset_settings (fixture->settings);
  fixture->planner = mp_planner_new (fixture->store, fixture->settings);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->planner);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
}

static const char *
top_id (Fixture *fixture)
{
  MpScorer *scorer = mp_planner_get_scorer (fixture->planner);

  if (mp_scorer_get_n_ranked (scorer) == 0)
    return NULL;
  return mp_program_get_id (mp_program_store_peek (fixture->store,
                                                   mp_scorer_get_ranked (scorer, 0)));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Weights are whole numbers in 0–100; the scorer ranks by them at once. */
static void
test_weights (Fixture       *fixture,
              gconstpointer  data)
{
  MpScorer *scorer = mp_planner_get_scorer (fixture->planner);
  MpWeights weights;
  guint notified = 0;
  double faculty = 0;

  mp_planner_get_weights (fixture->planner, &weights);
  g_assert_cmpfloat (weights.w[MP_CRITERION_FACULTY], ==, 90);
  g_assert_cmpstr (top_id (fixture), ==, "alpha-masters");

  g_signal_connect (fixture->planner, "notify::weight-faculty", G_CALLBACK (count_notify),
                    &notified);
  mp_planner_set_weight (fixture->planner, MP_CRITERION_FACULTY, 33.4);
  g_assert_cmpfloat (mp_planner_get_weight (fixture->planner, MP_CRITERION_FACULTY), ==, 33);
  g_assert_cmpuint (notified, ==, 1);
  mp_planner_set_weight (fixture->planner, MP_CRITERION_FACULTY, 33);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (fixture->planner, mp_planner_weight_property (MP_CRITERION_FACULTY), 99.6, NULL);
  g_object_get (fixture->planner, "weight-faculty", &faculty, NULL);
  g_assert_cmpfloat (faculty, ==, 100);
  mp_planner_set_weight (fixture->planner, MP_CRITERION_FACULTY, 250);
  g_assert_cmpfloat (mp_planner_get_weight (fixture->planner, MP_CRITERION_FACULTY), ==, 100);
  mp_scorer_get_weights (scorer, &weights);
  g_assert_cmpfloat (weights.w[MP_CRITERION_FACULTY], ==, 100);

  /* Only faculty weighs: the lowest faculty rating ranks last. */
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    weights.w[c] = c == MP_CRITERION_FACULTY ? 50 : 0;
  mp_planner_set_weights (fixture->planner, &weights);
  g_assert_cmpstr (mp_program_get_id (mp_program_store_peek (
                     fixture->store, mp_scorer_get_ranked (scorer, 4))), ==, "epsilon-certificate");
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    weights.w[c] = 0;
  mp_planner_set_weights (fixture->planner, &weights);
  g_assert_false (mp_scorer_has_scores (scorer));
}

static const double *
stored_weights (GSettings *settings,
                GVariant **value)
{
  gsize n = 0;
  const double *w;

  *value = g_settings_get_value (settings, "weights");
  w = g_variant_get_fixed_array (*value, &n, sizeof (double));
  g_assert_cmpuint (n, ==, MP_N_CRITERIA);
  return w;
}

/* Weights are written once the drag settles (or on flush); filters at once. */
static void
test_settings_written (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) other = g_settings_new (APP_ID);
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autofree char *kind = NULL;
  const double *w;

  mp_planner_set_weight (fixture->planner, MP_CRITERION_BRAND, 20);
  w = stored_weights (other, &before);
  g_assert_cmpfloat (w[MP_CRITERION_BRAND], ==, 50);
  mp_planner_flush_settings (fixture->planner);
  w = stored_weights (other, &after);
  g_assert_cmpfloat (w[MP_CRITERION_FACULTY], ==, 90);
  g_assert_cmpfloat (w[MP_CRITERION_BRAND], ==, 20);

  mp_planner_set_kind_filter (fixture->planner, MP_KIND_FILTER_ALTERNATIVES);
  kind = g_settings_get_string (other, "kind-filter");
  g_assert_cmpstr (kind, ==, "alternatives");

  g_assert_false (g_settings_get_boolean (other, "best-value-filter"));
  mp_planner_choose_best_value (fixture->planner, TRUE);
  g_assert_true (g_settings_get_boolean (other, "best-value-filter"));
}

/* A new planner starts from what the settings remember; odd limits snap
 * up to the next preset. */
static void
test_settings_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  static const double stored[MP_N_CRITERIA] = { 10, 20, 30, 40, 50 };
  g_autoptr(MpPlanner) planner = NULL;
  MpProgramFilter filter;
  MpWeights weights;

  g_settings_set_value (fixture->settings, "weights",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, stored,
                                                   MP_N_CRITERIA, sizeof (double)));
  g_settings_set_string (fixture->settings, "kind-filter", "masters");
  g_settings_set_double (fixture->settings, "max-tuition", 12000);
  g_settings_set_string (fixture->settings, "format-filter", "hybrid");
  g_settings_set_string (fixture->settings, "flow-walk", "A>B");
  g_settings_set_boolean (fixture->settings, "best-value-filter", TRUE);
  g_settings_apply (fixture->settings);
  planner = mp_planner_new (fixture->store, fixture->settings);

  mp_planner_get_weights (planner, &weights);
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    g_assert_cmpfloat (weights.w[c], ==, stored[c]);
  mp_planner_get_filter (planner, &filter);
  g_assert_cmpint (filter.kind, ==, MP_KIND_FILTER_MASTERS);
  g_assert_cmpfloat (filter.max_tuition, ==, 15000);
  g_assert_cmpint (filter.format, ==, MP_PROGRAM_FORMAT_HYBRID);
  g_assert_cmpstr (mp_planner_get_walk_state (planner), ==, "A>B");
  g_assert_true (filter.best_value);
  mp_scorer_get_filter (mp_planner_get_scorer (planner), &filter);
  g_assert_cmpint (filter.kind, ==, MP_KIND_FILTER_MASTERS);
  g_assert_true (filter.best_value);
  /* Restored, not chosen: no note, nothing to undo. */
  g_assert_null (mp_planner_get_note (planner));
  g_assert_false (mp_planner_can_undo (planner));
}

/* The comparison comes back at the next start, in its order. */
static void
test_compared_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MpPlanner) planner = NULL;

  mp_planner_select_index (fixture->planner, 2);
  mp_planner_toggle_compare (fixture->planner);
  mp_planner_select_index (fixture->planner, 0);
  mp_planner_toggle_compare (fixture->planner);
  g_settings_apply (fixture->settings);
  planner = mp_planner_new (fixture->store, fixture->settings);

  g_assert_cmpuint (mp_planner_get_n_compared (planner), ==, 2);
  g_assert_cmpstr (mp_program_get_id (mp_planner_get_compared (planner, 0)), ==, "gamma-fellowship");
  g_assert_cmpstr (mp_program_get_id (mp_planner_get_compared (planner, 1)), ==, "alpha-masters");
  g_assert_cmpuint (mp_planner_get_compared_index (planner, 0), ==, 2);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  MpScorer *scorer = mp_planner_get_scorer (fixture->planner);
  MpProgramFilter filter;
  g_autofree char *kind = NULL;

  mp_planner_get_filter (fixture->planner, &filter);
  filter.max_tuition = 9000;
  mp_planner_set_filter (fixture->planner, &filter);
  mp_planner_get_filter (fixture->planner, &filter);
  g_assert_cmpfloat (filter.max_tuition, ==, 15000);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 4);

  g_object_set (fixture->planner, "kind-filter", "masters", NULL);
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_MASTERS);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 1);
  g_assert_cmpstr (top_id (fixture), ==, "delta-masters");

  mp_planner_clear_filter (fixture->planner);
  g_object_get (fixture->planner, "kind-filter", &kind, NULL);
  g_assert_cmpstr (kind, ==, "all");
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 5);
}

/* The window's rule, now the planner's: outcome classes suggest a kind. */
static void
test_outcome_rule (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const masters[] = { "outcome", "masters", NULL };
  const char * const alternatives[] = { "alternatives", NULL };
  const char * const neither[] = { "outcome", NULL };
  MpKindFilter kind = MP_KIND_FILTER_ALL;

  g_assert_true (mp_planner_kind_for_outcome (masters, &kind));
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_MASTERS);
  g_assert_true (mp_planner_kind_for_outcome (alternatives, &kind));
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_false (mp_planner_kind_for_outcome (neither, &kind));
  g_assert_false (mp_planner_kind_for_outcome (NULL, &kind));

  mp_planner_set_outcome (fixture->planner, "plain", "Think again", neither);
  g_assert_cmpstr (mp_planner_get_outcome_id (fixture->planner), ==, "plain");
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_ALL);
  g_assert_null (mp_planner_get_note (fixture->planner));

  mp_planner_set_outcome (fixture->planner, "small", "Use smaller, targeted programs",
                          alternatives);
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_cmpstr (mp_planner_get_note (fixture->planner), ==,
                   "Showing alternatives because the flowchart ended at "
                   "“Use smaller, targeted programs”.");
  g_assert_true (mp_planner_get_note_undoable (fixture->planner));

  /* Leaving the outcome clears it, withdraws its filter and its note. */
  mp_planner_set_outcome (fixture->planner, NULL, NULL, NULL);
  g_assert_null (mp_planner_get_outcome_id (fixture->planner));
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_ALL);
  g_assert_null (mp_planner_get_note (fixture->planner));

  /* A filter the user chose at the outcome stays when the walk leaves it. */
  mp_planner_set_outcome (fixture->planner, "small", "Use smaller, targeted programs",
                          alternatives);
  mp_planner_set_kind_filter (fixture->planner, MP_KIND_FILTER_MASTERS);
  mp_planner_set_outcome (fixture->planner, "plain", "Think again", neither);
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_MASTERS);
  g_assert_null (mp_planner_get_note (fixture->planner));
}

static void
test_suggest_and_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  MpScorer *scorer = mp_planner_get_scorer (fixture->planner);

  g_assert_false (mp_planner_can_undo (fixture->planner));
  g_assert_false (mp_planner_undo (fixture->planner));

  mp_planner_suggest_kind (fixture->planner, MP_KIND_FILTER_MASTERS, "Apply");
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 2);
  /* The same suggestion again changes nothing, so it has nothing to undo. */
  mp_planner_suggest_kind (fixture->planner, MP_KIND_FILTER_MASTERS, "Apply");
  g_assert_false (mp_planner_get_note_undoable (fixture->planner));
  mp_planner_suggest_kind (fixture->planner, MP_KIND_FILTER_ALTERNATIVES, "Wait");
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 3);

  /* The stack reverts the last action first. */
  g_assert_true (mp_planner_undo (fixture->planner));
  g_assert_null (mp_planner_get_note (fixture->planner));
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_MASTERS);
  g_assert_true (mp_planner_undo (fixture->planner));
  g_assert_cmpint (mp_planner_get_kind_filter (fixture->planner), ==, MP_KIND_FILTER_ALL);
  g_assert_false (mp_planner_can_undo (fixture->planner));
}

static void
count_signal (MpPlanner *planner,
              guint     *count)
{
  (*count)++;
}

/* Selection and comparison follow programs by id across edits and re-ranks. */
static void
test_selection_and_compare (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MpProgram) edited = NULL;
  guint changes = 0;
  const char *ids[] = { "alpha-masters", "beta-course", "gamma-fellowship", "delta-masters" };

  g_signal_connect (fixture->planner, "compared-changed", G_CALLBACK (count_signal), &changes);
  g_assert_false (mp_planner_can_toggle_compare (fixture->planner));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      mp_planner_select (fixture->planner, mp_program_store_find (fixture->store, ids[i]));
      mp_planner_toggle_compare (fixture->planner);
    }
  /* Three at most: the fourth is not added and cannot be. */
  g_assert_cmpuint (mp_planner_get_n_compared (fixture->planner), ==, MP_PLANNER_MAX_COMPARED);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_false (mp_planner_can_toggle_compare (fixture->planner));
  g_assert_cmpint (mp_planner_get_selected_index (fixture->planner), ==, 3);

  /* An edit replaces the object: the selection follows it. */
  edited = mp_program_copy (mp_planner_get_selected (fixture->planner));
  mp_program_set_name (edited, "Delta, edited");
  mp_program_store_replace (fixture->store, edited);
  g_assert_true (mp_planner_get_selected (fixture->planner) == edited);

  /* A removed program leaves the comparison; positions shift. */
  mp_program_store_remove (fixture->store, "alpha-masters");
  g_assert_cmpuint (mp_planner_get_n_compared (fixture->planner), ==, 2);
  g_assert_cmpstr (mp_program_get_id (mp_planner_get_compared (fixture->planner, 0)), ==,
                   "beta-course");
  g_assert_cmpuint (mp_planner_get_compared_index (fixture->planner, 0), ==, 0);
  g_assert_cmpint (mp_planner_get_selected_index (fixture->planner), ==, 2);

  mp_planner_remove_compared (fixture->planner, 0);
  g_assert_cmpuint (mp_planner_get_n_compared (fixture->planner), ==, 1);
  mp_program_store_remove (fixture->store, "delta-masters");
  g_assert_null (mp_planner_get_selected (fixture->planner));
  g_assert_cmpint (mp_planner_get_selected_index (fixture->planner), ==, -1);
}

static char *
user_file_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "masterplan", "programs.json", NULL);
}

static gboolean
user_file_has (const char *text)
{
  g_autofree char *path = user_file_path ();
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  return strstr (contents, text) != NULL;
}

/* Every change to the user's programs is saved through the store at once. */
static void
test_saving_policy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MpProgram) added = new_program ("zeta-own", MP_PROGRAM_KIND_MASTERS, 100, 8, TRUE);
  MpProgram *sample = mp_program_store_find (fixture->store, "beta-course");

  mp_planner_save_program (fixture->planner, added);
  g_assert_true (user_file_has ("zeta-own"));
  g_assert_cmpstr (mp_program_get_id (mp_planner_get_selected (fixture->planner)), ==,
                   "zeta-own");

  g_assert_true (mp_planner_delete_program (fixture->planner, added));
  g_assert_false (user_file_has ("zeta-own"));
  g_assert_cmpstr (mp_planner_get_note (fixture->planner), ==, "Deleted “zeta-own”.");
  g_assert_true (mp_planner_get_note_undoable (fixture->planner));
  g_assert_null (mp_planner_get_selected (fixture->planner));

  g_assert_true (mp_planner_undo (fixture->planner));
  g_assert_true (user_file_has ("zeta-own"));
  g_assert_nonnull (mp_program_store_find (fixture->store, "zeta-own"));
  g_assert_cmpstr (mp_program_get_id (mp_planner_get_selected (fixture->planner)), ==,
                   "zeta-own");

  /* Bundled samples are not the user's to delete. */
  g_assert_false (mp_planner_delete_program (fixture->planner, sample));
  g_assert_nonnull (mp_program_store_find (fixture->store, "beta-course"));

  g_assert_true (mp_planner_delete_program (fixture->planner, mp_planner_get_selected (fixture->planner)));
}

/* A delete whose save takes in another window's changes says both: what
 * the user did first, then what the other window changed. */
static void
test_note_with_other_window (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MpProgram) added = new_program ("theta-own", MP_PROGRAM_KIND_MASTERS, 100, 8, TRUE);
  g_autoptr(MpProgram) theirs = new_program ("iota-theirs", MP_PROGRAM_KIND_MASTERS, 50, 3, TRUE);
  g_autoptr(MpProgramStore) other = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file_path ();
  const char *note;

  mp_planner_save_program (fixture->planner, added);
  g_assert_true (mp_program_store_load_user (other, NULL, &error));
  g_assert_no_error (error);
  mp_program_store_add (other, theirs);
  g_assert_true (mp_program_store_save_user (other, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (mp_planner_delete_program (fixture->planner, added));
  note = mp_planner_get_note (fixture->planner);
  g_assert_true (g_str_has_prefix (note, "Deleted “theta-own”. “"));
  g_assert_nonnull (strstr (note, "” was changed by another Master Plan window"));
  g_assert_nonnull (strstr (note, path));
  g_assert_true (mp_planner_get_note_undoable (fixture->planner));
  g_assert_nonnull (mp_program_store_find (fixture->store, "iota-theirs"));
  g_assert_true (user_file_has ("iota-theirs"));
  g_assert_false (user_file_has ("theta-own"));
  g_assert_true (mp_program_store_remove (fixture->store, "iota-theirs"));
  g_assert_true (mp_program_store_save_user (fixture->store, NULL, &error));
}

static void
on_save_failed (MpPlanner    *planner,
                const GError *error,
                char        **message)
{
  *message = g_strdup (error->message);
}

/* A failed save keeps what the user entered and says why. */
static void
test_save_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "masterplan", NULL);
  g_autofree char *aside = g_build_filename (g_get_user_data_dir (), "masterplan.aside", NULL);
  g_autoptr(MpProgram) added = new_program ("eta-own", MP_PROGRAM_KIND_MASTERS, 100, 8, TRUE);
  g_autofree char *message = NULL;

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (dir, aside), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));
  g_signal_connect (fixture->planner, "save-failed", G_CALLBACK (on_save_failed), &message);

  mp_planner_save_program (fixture->planner, added);
  g_assert_nonnull (message);
  g_assert_nonnull (mp_program_store_find (fixture->store, "eta-own"));

  g_assert_cmpint (g_remove (dir), ==, 0);
  if (g_file_test (aside, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (aside, dir), ==, 0);
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) good = g_file_new_build_filename (TEST_DATA_DIR, "panel-good-import.csv", NULL);
  g_autoptr(GFile) bad = g_file_new_build_filename (TEST_DATA_DIR, "panel-bad-import.csv", NULL);
  g_autofree char *out_path = g_build_filename (data_home, "ranking.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  MpProgram *imported;

  g_assert_cmpint (mp_planner_import (fixture->planner, bad, &error), ==, -1);
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 5);

  g_assert_cmpint (mp_planner_import (fixture->planner, good, NULL), ==, 1);
  g_assert_cmpstr (mp_planner_get_note (fixture->planner), ==, "Imported 1 program.");
  g_assert_false (mp_planner_get_note_undoable (fixture->planner));
  g_assert_true (user_file_has ("Imported Evening Course"));

  g_assert_true (mp_planner_export_ranking (fixture->planner, out, NULL));
  g_assert_true (g_file_get_contents (out_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "rank,score,"));
  g_assert_nonnull (strstr (csv, "\r\n1,"));
  g_assert_true (g_str_has_prefix (mp_planner_get_note (fixture->planner),
                                  "Exported the ranking to “"));
  g_assert_true (g_str_has_suffix (mp_planner_get_note (fixture->planner), "ranking.csv”."));

  imported = mp_program_store_peek (fixture->store, 5);
  g_assert_true (mp_planner_delete_program (fixture->planner, imported));
}

static void
test_walk_state (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) other = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;

  g_assert_cmpstr (mp_planner_get_walk_state (fixture->planner), ==, "");
  mp_planner_set_walk_state (fixture->planner, "start>yes");
  stored = g_settings_get_string (other, "flow-walk");
  g_assert_cmpstr (stored, ==, "start>yes");
}

/* The circumstances start unsaid, are cleaned into range, notify
 * "circumstances" once per change, and are written to the settings at once. */
static void
test_circumstances (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) other = g_settings_new (APP_ID);
  g_autoptr(MpCircumstances) boxed = NULL;
  g_autofree char *funding = NULL;
  MpCircumstances c;
  guint notified = 0;

  mp_planner_get_circumstances (fixture->planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_NONE);
  g_assert_cmpfloat (c.hours_per_week, ==, -1);
  g_assert_cmpfloat (c.hour_value_usd, ==, -1);
  g_signal_connect (fixture->planner, "notify::circumstances", G_CALLBACK (count_notify),
                    &notified);

  c.funding = MP_FUNDING_AMOUNT;
  c.funding_usd = 12000;
  c.hours_per_week = 500;  /* more than a week holds */
  c.hour_value_usd = NAN;
  mp_planner_set_circumstances (fixture->planner, &c);
  g_assert_cmpuint (notified, ==, 1);
  mp_planner_set_circumstances (fixture->planner, &c);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (fixture->planner, "circumstances", &boxed, "funding", &funding, NULL);
  g_assert_cmpstr (funding, ==, "amount");
  g_assert_cmpfloat (boxed->funding_usd, ==, 12000);
  g_assert_cmpfloat (boxed->hours_per_week, ==, 168);
  g_assert_cmpfloat (boxed->hour_value_usd, ==, -1);

  g_free (funding);
  funding = g_settings_get_string (other, "funding");
  g_assert_cmpstr (funding, ==, "amount");
  g_assert_cmpfloat (g_settings_get_double (other, "funding-usd"), ==, 12000);
  g_assert_cmpfloat (g_settings_get_double (other, "available-hours"), ==, 168);

  /* Property by property, as the settings and the views set them; one
   * g_object_set() notifies once. */
  g_object_set (fixture->planner, "hour-value", 45.0, "funding", "all", NULL);
  g_assert_cmpuint (notified, ==, 2);
  mp_planner_get_circumstances (fixture->planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_ALL);
  g_assert_cmpfloat (c.hour_value_usd, ==, 45);
  g_assert_cmpfloat (g_settings_get_double (other, "hour-value"), ==, 45);
  /* Changing circumstances by hand is not an action to undo. */
  g_assert_false (mp_planner_can_undo (fixture->planner));
}

/* A new planner starts from the saved circumstances; broken ones are cleaned. */
static void
test_circumstances_restored (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MpPlanner) planner = NULL;
  MpCircumstances c;

  g_settings_set_string (fixture->settings, "funding", "amount");
  g_settings_set_double (fixture->settings, "funding-usd", -50);
  g_settings_set_double (fixture->settings, "available-hours", 12.5);
  g_settings_set_double (fixture->settings, "hour-value", 80);
  g_settings_set_string (fixture->settings, "funding-answer", "yes");
  g_settings_apply (fixture->settings);
  planner = mp_planner_new (fixture->store, fixture->settings);

  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpfloat (c.funding_usd, ==, 0);
  g_assert_cmpfloat (c.hours_per_week, ==, 12.5);
  g_assert_cmpfloat (c.hour_value_usd, ==, 80);
  g_assert_cmpint (mp_planner_get_funding_answer (planner), ==, MP_FUNDING_ANSWER_YES);
  /* The restored walk answers Yes again: the amount the user set stays. */
  g_assert_false (mp_planner_answer_funding (planner, MP_FUNDING_ANSWER_YES, "Funded?"));
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
}

/* The flowchart's funding answer sets the starting point with a note, and
 * Undo takes it back. */
static void
test_funding_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *answer = NULL;
  MpCircumstances c;

  mp_circumstances_init (&c);
  c.funding = MP_FUNDING_AMOUNT;
  c.funding_usd = 5000;
  c.hours_per_week = 10;
  mp_planner_set_circumstances (fixture->planner, &c);

  g_assert_true (mp_planner_answer_funding (fixture->planner, MP_FUNDING_ANSWER_YES, "Funded?"));
  mp_planner_get_circumstances (fixture->planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_ALL);
  g_assert_cmpfloat (c.hours_per_week, ==, 10);
  g_assert_nonnull (strstr (mp_planner_get_note (fixture->planner), "“Funded?”"));
  g_assert_true (mp_planner_get_note_undoable (fixture->planner));

  g_assert_true (mp_planner_undo (fixture->planner));
  mp_planner_get_circumstances (fixture->planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpfloat (c.funding_usd, ==, 5000);
  g_assert_null (mp_planner_get_note (fixture->planner));

  /* Leaving the question changes nothing; answering No then clears the funding. */
  g_assert_false (mp_planner_answer_funding (fixture->planner, MP_FUNDING_ANSWER_NONE, NULL));
  g_assert_true (mp_planner_answer_funding (fixture->planner, MP_FUNDING_ANSWER_NO, "Funded?"));
  mp_planner_get_circumstances (fixture->planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_NONE);
  answer = g_settings_get_string (fixture->settings, "funding-answer");
  g_assert_cmpstr (answer, ==, "no");
  /* No again, when there is already no funding, has nothing to undo. */
  g_assert_false (mp_planner_answer_funding (fixture->planner, MP_FUNDING_ANSWER_NONE, NULL));
  g_assert_false (mp_planner_answer_funding (fixture->planner, MP_FUNDING_ANSWER_NO, "Funded?"));
}

/* The spread is one of four choices, kept in the settings. */
static void
test_spread (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MpPlanner) other = NULL;
  guint notified = 0;

  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 15);
  g_signal_connect (fixture->planner, "notify::spread", G_CALLBACK (count_notify), &notified);
  mp_planner_set_spread (fixture->planner, 9);
  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 10);
  g_assert_cmpuint (notified, ==, 1);
  mp_planner_set_spread (fixture->planner, 11);
  g_assert_cmpuint (notified, ==, 1);
  mp_planner_set_spread (fixture->planner, 100);
  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 20);
  mp_planner_set_spread (fixture->planner, 0);
  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 0);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "weight-spread"), ==, 0);

  g_settings_set_double (fixture->settings, "weight-spread", 20);
  g_settings_apply (fixture->settings);
  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 20);
  other = mp_planner_new (fixture->store, fixture->settings);
  g_assert_cmpfloat (mp_planner_get_spread (other), ==, 20);
}

static void
quit_on_result (MpConfidenceRunner *runner,
                GParamSpec         *pspec,
                GMainLoop          *loop)
{
  if (!mp_confidence_runner_get_busy (runner))
    g_main_loop_quit (loop);
}

/* Runs the main loop until the runner has its newest result. */
static MpConfidenceResult *
wait_for_result (MpConfidenceRunner *runner)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gulong handler;

  handler = g_signal_connect (runner, "notify::busy", G_CALLBACK (quit_on_result), loop);
  if (mp_confidence_runner_get_busy (runner))
    g_main_loop_run (loop);
  g_signal_handler_disconnect (runner, handler);
  g_assert_nonnull (mp_confidence_runner_get_result (runner));
  return mp_confidence_runner_get_result (runner);
}

static void
add_tradeoff_pair (MpProgramStore *store)
{
  MpProgram *a = new_program ("faculty-first", MP_PROGRAM_KIND_MASTERS, 0, 9, FALSE);
  MpProgram *b = new_program ("scholarship-first", MP_PROGRAM_KIND_MASTERS, 0, 3, FALSE);

  mp_program_set_rating (a, MP_CRITERION_SCHOLARSHIP, 3);
  mp_program_set_rating (b, MP_CRITERION_SCHOLARSHIP, 9);
  add (store, a);
  add (store, b);
}

/* The confidence follows the planner's spread: a change starts a new
 * computation whose result reflects it. */
static void
test_spread_restarts_runner (Fixture       *fixture,
                             gconstpointer  data)
{
  MpWeights weights = { { 50, 45, 0, 0, 0 } };
  g_autoptr(MpConfidenceRunner) runner = NULL;
  MpConfidenceResult *result;

  add_tradeoff_pair (fixture->store);
  mp_planner_set_weights (fixture->planner, &weights);
  runner = mp_confidence_runner_new_for_scorer (mp_planner_get_scorer (fixture->planner));
  g_object_bind_property (fixture->planner, "spread", runner, "spread", G_BINDING_SYNC_CREATE);
  g_assert_cmpfloat (mp_confidence_runner_get_spread (runner), ==, 15);

  mp_planner_set_spread (fixture->planner, 0);
  g_assert_true (mp_confidence_runner_get_busy (runner));
  result = wait_for_result (runner);
  /* Exact weights and ratings: the plain ranking's top pick is always first. */
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), ==, 1.0);

  mp_planner_set_spread (fixture->planner, 20);
  g_assert_cmpfloat (mp_confidence_runner_get_spread (runner), ==, 20);
  g_assert_true (mp_confidence_runner_get_busy (runner));
  result = wait_for_result (runner);
  /* Faculty 30–70 against scholarship 25–65: scholarship-first now wins
   * where scholarship weighs over 1.5 × faculty. */
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), <, 0.99);
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), >, 0.5);
  g_object_run_dispose (G_OBJECT (runner));
}

/* The answers to the weight questions are remembered across starts. */
static void
test_tradeoff_answers (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char answers[] = "faculty,funding,9,4,5,9,a;brand,funding,9,4,5,9,same";
  g_autoptr(MpPlanner) other = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpstr (mp_planner_get_tradeoff_answers (fixture->planner), ==, "");
  mp_planner_set_tradeoff_answers (fixture->planner, answers);
  g_assert_cmpstr (mp_planner_get_tradeoff_answers (fixture->planner), ==, answers);
  stored = g_settings_get_string (fixture->settings, "tradeoff-answers");
  g_assert_cmpstr (stored, ==, answers);
  other = mp_planner_new (fixture->store, fixture->settings);
  g_assert_cmpstr (mp_planner_get_tradeoff_answers (other), ==, answers);
  mp_planner_set_tradeoff_answers (fixture->planner, NULL);
  g_assert_cmpstr (mp_planner_get_tradeoff_answers (fixture->planner), ==, "");
}

/* Weights set from the answers are one undoable step. */
static void
test_apply_weights_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  MpWeights article, applied = { { 100, 40.4, 20, 10, 0 } }, now;

  mp_planner_get_weights (fixture->planner, &article);
  mp_planner_apply_weights (fixture->planner, &applied, "Weights set from your answers.");
  mp_planner_get_weights (fixture->planner, &now);
  g_assert_cmpfloat (now.w[MP_CRITERION_SCHOLARSHIP], ==, 40);
  g_assert_cmpfloat (now.w[MP_CRITERION_BRAND], ==, 0);
  g_assert_cmpstr (mp_planner_get_note (fixture->planner), ==, "Weights set from your answers.");
  g_assert_true (mp_planner_get_note_undoable (fixture->planner));

  /* The same weights again are no step of their own. */
  mp_planner_apply_weights (fixture->planner, &applied, "again");
  g_assert_cmpstr (mp_planner_get_note (fixture->planner), ==, "Weights set from your answers.");
  g_assert_true (mp_planner_undo (fixture->planner));
  g_assert_false (mp_planner_can_undo (fixture->planner));
  mp_planner_get_weights (fixture->planner, &now);
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    g_assert_cmpfloat (now.w[c], ==, article.w[c]);
  g_assert_null (mp_planner_get_note (fixture->planner));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("test-planner-XXXXXX", NULL);
  int status;

  data_home = g_build_filename (tmp, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/planner/weights", test_weights);
  ADD ("/planner/settings-written", test_settings_written);
  ADD ("/planner/settings-restored", test_settings_restored);
  ADD ("/planner/filter", test_filter);
  ADD ("/planner/outcome-rule", test_outcome_rule);
  ADD ("/planner/suggest-and-undo", test_suggest_and_undo);
  ADD ("/planner/compared-restored", test_compared_restored);
  ADD ("/planner/selection-and-compare", test_selection_and_compare);
  ADD ("/planner/saving-policy", test_saving_policy);
  ADD ("/planner/note-with-other-window", test_note_with_other_window);
  ADD ("/planner/save-failure", test_save_failure);
  ADD ("/planner/import-export", test_import_export);
  ADD ("/planner/walk-state", test_walk_state);
  ADD ("/planner/circumstances", test_circumstances);
  ADD ("/planner/circumstances-restored", test_circumstances_restored);
  ADD ("/planner/funding-answer", test_funding_answer);
  ADD ("/planner/spread", test_spread);
  ADD ("/planner/spread-restarts-runner", test_spread_restarts_runner);
  ADD ("/planner/tradeoff-answers", test_tradeoff_answers);
  ADD ("/planner/apply-weights-undo", test_apply_weights_undo);
#undef ADD

  status = g_test_run ();
  mp_test_remove_tree (tmp);
  g_free (data_home);
  return status;
}
