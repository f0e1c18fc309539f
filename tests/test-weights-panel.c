/* test-weights-panel.c: the weighting panel in a window, with the samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "mp-compare-chart.h"
#include "mp-program-details.h"
#include "mp-program-dialog.h"
#include "mp-program-row.h"
#include "mp-rank-model.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"

typedef struct {
  GtkWindow      *window;
  MpWeightsPanel *panel;
} Fixture;

static char *data_home;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "weights");
  g_settings_reset (settings, "kind-filter");
  g_settings_reset (settings, "max-tuition");
  g_settings_reset (settings, "max-hours-per-week");
  g_settings_reset (settings, "format-filter");
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 600);
  fixture->panel = MP_WEIGHTS_PANEL (mp_weights_panel_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  mp_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  mp_test_iterate ();
}

static MpProgram *
ranked_program (Fixture *fixture,
                guint    rank)
{
  GListModel *ranking = mp_weights_panel_get_ranking (fixture->panel);
  g_autoptr(MpRankSlot) slot = g_list_model_get_item (ranking, rank);

  g_assert_nonnull (slot);
  return mp_rank_slot_get_program (slot);
}

/* The names in rank order, as the list model hands them to the view. */
static char *
ranked_names (Fixture *fixture)
{
  GListModel *ranking = mp_weights_panel_get_ranking (fixture->panel);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ranking); i++)
    g_string_append_printf (names, "%s|", mp_program_get_name (ranked_program (fixture, i)));
  return g_string_free (names, FALSE);
}

static void
find_rows (GtkWidget *widget,
           GPtrArray *rows)
{
  if (MP_IS_PROGRAM_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_rows (child, rows);
}

/* What the visible row for @rank says (its accessible summary). */
static const char *
visible_row_summary (Fixture *fixture,
                     guint    rank)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_rows (mp_weights_panel_get_list_view (fixture->panel), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      MpRankSlot *slot = mp_program_row_get_slot (rows->pdata[i]);

      if (slot != NULL && mp_rank_slot_get_position (slot) == rank)
        return mp_program_row_get_summary (rows->pdata[i]);
    }
  return NULL;
}

static void
assert_visible_top (Fixture *fixture)
{
  g_autofree char *prefix = g_strdup_printf ("1. %s, score ",
                                             mp_program_get_name (ranked_program (fixture, 0)));
  const char *summary = visible_row_summary (fixture, 0);

  g_assert_nonnull (summary);
  g_assert_true (g_str_has_prefix (summary, prefix));
}

/* Every row on screen shows what the ranking holds at its position. */
static void
assert_rows_current (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  find_rows (mp_weights_panel_get_list_view (fixture->panel), rows);
  g_assert_cmpuint (rows->len, >, 3);
  for (guint i = 0; i < rows->len; i++)
    {
      MpRankSlot *slot = mp_program_row_get_slot (rows->pdata[i]);
      guint position = mp_rank_slot_get_position (slot);
      MpProgram *program = ranked_program (fixture, position);
      g_autofree char *prefix = g_strdup_printf ("%u. %s, score ", position + 1,
                                                 mp_program_get_name (program));

      g_assert_true (g_str_has_prefix (mp_program_row_get_summary (rows->pdata[i]), prefix));
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* The list binds rows for a new scroll position when it lays out; a painted
 * frame after the change means that has happened. */
static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (mp_test_wait_until (flag_is_set, &painted, 5000));
  g_signal_handler_disconnect (clock, id);
  mp_test_iterate ();
}

static void
scroll_list_to (Fixture *fixture,
                double   fraction)
{
  GtkWidget *scroller = gtk_widget_get_parent (mp_weights_panel_get_list_view (fixture->panel));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment, fraction * (gtk_adjustment_get_upper (adjustment)
                                                    - gtk_adjustment_get_page_size (adjustment)));
  wait_for_paint (scroller);
}

static void
test_drag_reorders (Fixture       *fixture,
                    gconstpointer  data)
{
  MpScorer *scorer = mp_weights_panel_get_scorer (fixture->panel);
  g_autofree char *before = ranked_names (fixture);
  MpProgram *top = g_object_ref (ranked_program (fixture, 0));
  MpSensitivity s = { 0 };
  MpCriterion criterion = MP_N_CRITERIA;
  GtkRange *slider;
  double value, delta;
  gboolean order_changed_early = FALSE, top_changed = FALSE;
  int step = 0;

  assert_visible_top (fixture);
  /* A criterion whose weight, lowered, hands the top spot to another program. */
  for (MpCriterion c = 0; c < MP_N_CRITERIA && criterion == MP_N_CRITERIA; c++)
    if (mp_scorer_get_sensitivity (scorer, c, &s) && s.low >= 2 && s.below >= 0)
      criterion = c;
  g_assert_cmpint (criterion, <, MP_N_CRITERIA);

  /* The sentence under the slider names the bounds and who takes over. */
  {
    MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
    int low = s.low_open ? (int) floor (s.low) + 1 : (int) ceil (s.low);
    g_autofree char *expected = NULL;

    if (s.above >= 0 && s.high < 100)
      expected = g_strdup_printf ("Top pick holds from %d to %d; below, %s takes over; above, %s.",
                                  low, s.high_open ? (int) ceil (s.high) - 1 : (int) floor (s.high),
                                  mp_program_get_name (mp_program_store_peek (store, s.below)),
                                  mp_program_get_name (mp_program_store_peek (store, s.above)));
    else
      expected = g_strdup_printf ("Top pick holds from %d to 100; below %d %s takes over.",
                                  low, low,
                                  mp_program_get_name (mp_program_store_peek (store, s.below)));
    g_assert_cmpstr (mp_weights_panel_get_sensitivity_text (fixture->panel, criterion),
                     ==, expected);
  }

  slider = mp_weights_panel_get_slider (fixture->panel, criterion);
  value = gtk_range_get_value (slider);
  delta = MAX (1, ceil ((value - s.low) / 4));
  /* Step down like a drag, never "releasing", until just below the band. */
  while (value >= s.low)
    {
      g_autofree char *now = NULL;

      value = MAX (0, value - delta);
      gtk_range_set_value (slider, value);
      mp_test_iterate ();
      step++;
      now = ranked_names (fixture);
      if (value >= s.low && g_strcmp0 (now, before) != 0)
        order_changed_early = TRUE;
      if (value >= s.low)
        g_assert_true (ranked_program (fixture, 0) == top);
      assert_visible_top (fixture);
    }
  top_changed = ranked_program (fixture, 0) != top;
  g_assert_cmpint (step, >=, 2);

  g_assert_true (order_changed_early);
  g_assert_true (top_changed);
  g_assert_cmpint (mp_scorer_get_ranked (scorer, 0), ==, s.below);
  assert_rows_current (fixture);
  scroll_list_to (fixture, 1.0);
  assert_rows_current (fixture);
  gtk_range_set_value (slider, 100);
  mp_test_iterate ();
  scroll_list_to (fixture, 0.0);
  assert_rows_current (fixture);
  g_object_unref (top);
}

static void
assert_weights (Fixture      *fixture,
                const double  expected[MP_N_CRITERIA])
{
  MpWeights weights;

  mp_scorer_get_weights (mp_weights_panel_get_scorer (fixture->panel), &weights);
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    {
      g_assert_cmpfloat (gtk_range_get_value (mp_weights_panel_get_slider (fixture->panel, c)),
                         ==, expected[c]);
      g_assert_cmpfloat (weights.w[c], ==, expected[c]);
    }
}

static gboolean
stored_weight_is_20 (gpointer data)
{
  g_autoptr(GVariant) stored = g_settings_get_value (G_SETTINGS (data), "weights");
  gsize n;
  const double *values = g_variant_get_fixed_array (stored, &n, sizeof (double));

  return n == MP_N_CRITERIA && values[4] == 20;
}

static void
test_presets (Fixture       *fixture,
              gconstpointer  data)
{
  static const double article[MP_N_CRITERIA] = { 90, 80, 75, 70, 50 };
  MpWeights equal;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) stored = NULL;
  gsize n;
  const double *values;

  gtk_range_set_value (mp_weights_panel_get_slider (fixture->panel, 0), 13);
  mp_weights_panel_apply_equal_weights (fixture->panel);
  mp_weights_init_equal (&equal);
  assert_weights (fixture, equal.w);
  mp_weights_panel_apply_article_weights (fixture->panel);
  assert_weights (fixture, article);

  gtk_range_set_value (mp_weights_panel_get_slider (fixture->panel, 4), 20);
  /* The planner writes weights at most every 300 ms. */
  g_assert_true (mp_test_wait_until (stored_weight_is_20, settings, 5000));
  stored = g_settings_get_value (settings, "weights");
  values = g_variant_get_fixed_array (stored, &n, sizeof (double));
  g_assert_cmpuint (n, ==, MP_N_CRITERIA);
  g_assert_cmpfloat (values[0], ==, 90);
  g_assert_cmpfloat (values[4], ==, 20);
}

/* A new panel starts from the weights and filters the settings remember. */
static void
test_restores_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  static const double stored[MP_N_CRITERIA] = { 10, 20, 30, 40, 50 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window = gtk_window_new ();
  MpWeightsPanel *panel;
  GListModel *ranking;

  g_settings_set_value (settings, "weights",
                        g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, stored,
                                                   MP_N_CRITERIA, sizeof (double)));
  g_settings_set_string (settings, "kind-filter", "masters");
  panel = MP_WEIGHTS_PANEL (mp_weights_panel_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (panel));
  gtk_window_present (GTK_WINDOW (window));
  mp_test_iterate ();

  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    g_assert_cmpfloat (gtk_range_get_value (mp_weights_panel_get_slider (panel, c)), ==, stored[c]);
  ranking = mp_weights_panel_get_ranking (panel);
  g_assert_cmpuint (g_list_model_get_n_items (ranking), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (ranking); i++)
    {
      g_autoptr(MpRankSlot) slot = g_list_model_get_item (ranking, i);

      g_assert_cmpint (mp_program_get_kind (mp_rank_slot_get_program (slot)),
                       ==, MP_PROGRAM_KIND_MASTERS);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

static void
test_zero_weights (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *ranking = mp_weights_panel_get_ranking (fixture->panel);

  g_assert_null (mp_weights_panel_get_empty_message (fixture->panel));
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    gtk_range_set_value (mp_weights_panel_get_slider (fixture->panel, c), 0);
  mp_test_iterate ();
  g_assert_cmpstr (mp_weights_panel_get_empty_message (fixture->panel), ==, "All weights are zero");
  g_assert_cmpuint (g_list_model_get_n_items (ranking), ==, 0);
  g_assert_cmpstr (mp_weights_panel_get_sensitivity_text (fixture->panel, 0), ==, "");

  gtk_range_set_value (mp_weights_panel_get_slider (fixture->panel, 2), 10);
  mp_test_iterate ();
  g_assert_null (mp_weights_panel_get_empty_message (fixture->panel));
  g_assert_cmpuint (g_list_model_get_n_items (ranking), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (
                      mp_weights_panel_get_store (fixture->panel))));
}

static void
test_suggest_kind (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *ranking = mp_weights_panel_get_ranking (fixture->panel);
  guint all = g_list_model_get_n_items (ranking);
  g_autofree char *before = ranked_names (fixture);
  g_autofree char *after = NULL;
  guint n;

  mp_weights_panel_suggest_kind (fixture->panel, MP_KIND_FILTER_ALTERNATIVES,
                                 "Use smaller, targeted programs");
  mp_test_iterate ();
  g_assert_cmpstr (mp_weights_panel_get_note_message (fixture->panel), ==,
                   "Showing alternatives because the flowchart ended at "
                   "“Use smaller, targeted programs”.");
  n = g_list_model_get_n_items (ranking);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      MpProgramKind kind = mp_program_get_kind (ranked_program (fixture, i));

      g_assert_true (mp_program_kind_is_alternative (kind));
    }
  assert_visible_top (fixture);

  g_assert_true (mp_weights_panel_undo_note (fixture->panel));
  mp_test_iterate ();
  g_assert_null (mp_weights_panel_get_note_message (fixture->panel));
  g_assert_cmpuint (g_list_model_get_n_items (ranking), ==, all);
  after = ranked_names (fixture);
  g_assert_cmpstr (after, ==, before);
}

static MpProgramDialog *
open_add_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  mp_weights_panel_add_program (fixture->panel);
  mp_test_iterate ();
  dialog = mp_weights_panel_get_dialog (fixture->panel);
  g_assert_true (MP_IS_PROGRAM_DIALOG (dialog));
  g_assert_true (gtk_window_get_modal (dialog));
  return MP_PROGRAM_DIALOG (dialog);
}

static void
set_field (MpProgramDialog *dialog,
           const char      *key,
           const char      *text)
{
  gtk_editable_set_text (mp_program_dialog_get_field (dialog, key), text);
}

static void
test_add_program (Fixture       *fixture,
                  gconstpointer  data)
{
  MpProgramDialog *dialog = open_add_dialog (fixture);
  MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  MpProgramDetails *details;
  g_autofree char *path = g_build_filename (data_home, "masterplan", "programs.json", NULL);
  g_autofree char *contents = NULL;

  g_assert_false (mp_program_dialog_save (dialog));
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "name"), ==, "Enter a name.");
  set_field (dialog, "faculty", "11");
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "faculty"), ==,
                   "Read as 11: enter a number from 0 to 10.");
  set_field (dialog, "tuition", "-5");
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "tuition"), ==,
                   "Read as -5: enter a number from 0 to 10000000.");
  /* The loaders' limits: a duration they would refuse is refused here, and
   * "12,500" is the same number in every field. */
  set_field (dialog, "duration", "50");
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "duration"), ==,
                   "Read as 50: enter a number from 0 to 10.");
  set_field (dialog, "duration", "12,500");
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "duration"), ==,
                   "Read as 12500: enter a number from 0 to 10.");
  set_field (dialog, "duration", "1.5");
  g_assert_null (mp_program_dialog_get_message (dialog, "duration"));
  g_assert_false (mp_program_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);

  set_field (dialog, "name", "Test Program Alpha");
  set_field (dialog, "tuition", "12,500");
  g_assert_null (mp_program_dialog_get_message (dialog, "tuition"));
  g_assert_cmpstr (mp_program_dialog_get_hint (dialog, "tuition"), ==, "Read as 12500.");
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    set_field (dialog, mp_criterion_get_key (c), "10");
  g_assert_null (mp_program_dialog_get_message (dialog, "faculty"));
  g_assert_true (mp_program_dialog_save (dialog));
  mp_test_iterate ();

  g_assert_null (mp_weights_panel_get_dialog (fixture->panel));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  /* Tens everywhere score 100: first, whatever the weights. */
  g_assert_cmpstr (mp_program_get_name (ranked_program (fixture, 0)), ==, "Test Program Alpha");
  g_assert_cmpfloat (mp_program_get_tuition (ranked_program (fixture, 0)), ==, 12500);
  g_assert_true (mp_program_get_user_defined (ranked_program (fixture, 0)));
  assert_visible_top (fixture);
  g_assert_true (g_str_has_prefix (visible_row_summary (fixture, 0),
                                   "1. Test Program Alpha, score 100.0"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Test Program Alpha"));
  g_assert_null (mp_weights_panel_get_banner_message (fixture->panel));

  /* Edit it: the dialog starts from its values; the list and file follow. */
  mp_weights_panel_select_rank (fixture->panel, 0);
  mp_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel),
                                             "panel.edit-program", NULL));
  mp_test_iterate ();
  dialog = MP_PROGRAM_DIALOG (mp_weights_panel_get_dialog (fixture->panel));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (mp_program_dialog_get_field (dialog, "tuition")),
                   ==, "12500");
  set_field (dialog, "name", "Test Program Beta");
  set_field (dialog, "faculty", "0");
  g_assert_true (mp_program_dialog_save (dialog));
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  details = MP_PROGRAM_DETAILS (mp_weights_panel_get_details (fixture->panel));
  g_assert_cmpstr (mp_program_get_name (mp_program_details_get_program (details)),
                   ==, "Test Program Beta");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Test Program Beta"));
  g_assert_null (strstr (contents, "Test Program Alpha"));
}

static void
test_save_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (data_home, "masterplan", NULL);
  g_autofree char *saved = g_build_filename (data_home, "masterplan.saved", NULL);
  MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  MpProgramDialog *dialog;
  const char *banner;

  /* A plain file where the data folder should be: the save must fail. */
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (dir, saved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));

  dialog = open_add_dialog (fixture);
  set_field (dialog, "name", "Unsaved Program Gamma");
  g_assert_true (mp_program_dialog_save (dialog));
  mp_test_iterate ();
  banner = mp_weights_panel_get_banner_message (fixture->panel);
  g_assert_nonnull (banner);
  g_assert_true (g_str_has_prefix (banner, "Could not save your programs: "));
  /* Nothing the user entered is lost: the program stays in the list. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);

  g_assert_cmpint (g_remove (dir), ==, 0);
  if (g_file_test (saved, G_FILE_TEST_IS_DIR))
    g_assert_cmpint (g_rename (saved, dir), ==, 0);
}

static void
test_copy_sample (Fixture       *fixture,
                  gconstpointer  data)
{
  MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  MpProgram *sample = ranked_program (fixture, 0);
  g_autofree char *name = g_strdup (mp_program_get_name (sample));
  g_autofree char *id = g_strdup (mp_program_get_id (sample));
  MpProgramDialog *dialog;
  MpProgramDetails *details;
  MpProgram *copy;
  g_autofree char *faculty = NULL;

  g_assert_false (mp_program_get_user_defined (sample));
  mp_weights_panel_select_rank (fixture->panel, 0);
  mp_test_iterate ();
  /* Samples are not edited in place; they are copied. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.edit-program", NULL);
  mp_test_iterate ();
  g_assert_null (mp_weights_panel_get_dialog (fixture->panel));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel),
                                             "panel.copy-program", NULL));
  mp_test_iterate ();
  dialog = MP_PROGRAM_DIALOG (mp_weights_panel_get_dialog (fixture->panel));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (mp_program_dialog_get_field (dialog, "name")), ==, name);
  faculty = g_strdup_printf ("%g", mp_program_get_rating (sample, MP_CRITERION_FACULTY));
  g_assert_cmpstr (gtk_editable_get_text (mp_program_dialog_get_field (dialog, "faculty")),
                   ==, faculty);
  set_field (dialog, "name", "My Copy of the Top Pick");
  g_assert_true (mp_program_dialog_save (dialog));
  mp_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  g_assert_nonnull (mp_program_store_find (store, id));
  details = MP_PROGRAM_DETAILS (mp_weights_panel_get_details (fixture->panel));
  copy = mp_program_details_get_program (details);
  g_assert_cmpstr (mp_program_get_name (copy), ==, "My Copy of the Top Pick");
  g_assert_cmpstr (mp_program_get_id (copy), !=, id);
  g_assert_true (mp_program_get_user_defined (copy));

  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.delete-program", NULL);
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
}

static void
test_failed_import (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_build_filename (TEST_DATA_DIR, "panel-bad-import.csv", NULL);
  MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autofree char *before = ranked_names (fixture);
  g_autofree char *after = NULL;
  const char *banner;

  g_assert_null (mp_weights_panel_get_banner_message (fixture->panel));
  g_assert_false (mp_weights_panel_import_file (fixture->panel, file));
  mp_test_iterate ();
  banner = mp_weights_panel_get_banner_message (fixture->panel);
  g_assert_nonnull (banner);
  g_assert_true (g_str_has_prefix (banner, "Nothing was imported. "));
  g_assert_nonnull (strstr (banner, "panel-bad-import.csv:3:"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  after = ranked_names (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_export_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) good = g_file_new_build_filename (TEST_DATA_DIR, "panel-good-import.csv", NULL);
  g_autofree char *out_path = g_build_filename (data_home, "ranking.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  MpProgramStore *store = mp_weights_panel_get_store (fixture->panel);
  MpScorer *scorer = mp_weights_panel_get_scorer (fixture->panel);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  int rank;
  guint index;

  g_assert_true (mp_weights_panel_import_file (fixture->panel, good));
  g_assert_cmpstr (mp_weights_panel_get_note_message (fixture->panel), ==, "Imported 1 program.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  index = n_before;
  rank = mp_scorer_get_rank_of (scorer, index);
  g_assert_cmpint (rank, >=, 0);
  g_assert_cmpstr (mp_program_get_name (ranked_program (fixture, rank)), ==,
                   "Imported Evening Course (fictional)");

  /* The export is the scorer's CSV of what the list shows, in its order. */
  g_assert_true (mp_weights_panel_export_file (fixture->panel, out));
  g_assert_true (g_file_get_contents (out_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n_before + 3);
  g_assert_true (g_str_has_prefix (lines[0], "rank,score,"));
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  g_assert_nonnull (strstr (lines[1], mp_program_get_name (ranked_program (fixture, 0))));

  /* Delete the imported program, then undo. */
  mp_weights_panel_select_rank (fixture->panel, rank);
  mp_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel),
                                             "panel.delete-program", NULL));
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
  g_assert_cmpstr (mp_weights_panel_get_note_message (fixture->panel), ==,
                   "Deleted “Imported Evening Course (fictional)”.");
  g_assert_true (mp_weights_panel_undo_note (fixture->panel));
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);
  g_assert_cmpstr (mp_program_get_name (ranked_program (fixture, rank)), ==,
                   "Imported Evening Course (fictional)");

  /* Bundled samples cannot be deleted. */
  mp_weights_panel_select_rank (fixture->panel, rank == 0 ? 1 : 0);
  mp_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.delete-program", NULL);
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before + 1);

  /* Leave the user file as the other tests expect it. */
  mp_weights_panel_select_rank (fixture->panel, rank);
  mp_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "panel.delete-program", NULL);
  mp_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_before);
}

static void
test_details_and_compare (Fixture       *fixture,
                          gconstpointer  data)
{
  MpScorer *scorer = mp_weights_panel_get_scorer (fixture->panel);
  MpProgramDetails *details = MP_PROGRAM_DETAILS (mp_weights_panel_get_details (fixture->panel));
  MpCompareChart *chart = MP_COMPARE_CHART (mp_weights_panel_get_compare_chart (fixture->panel));
  MpProgram *first = ranked_program (fixture, 0);
  guint index = mp_scorer_get_ranked (scorer, 0);
  double contributions[MP_N_CRITERIA];
  g_autofree char *line = NULL, *expected = NULL, *prefix = NULL;

  mp_weights_panel_select_rank (fixture->panel, 0);
  mp_test_iterate ();
  g_assert_true (mp_program_details_get_program (details) == first);
  mp_scorer_get_contributions (scorer, index, contributions);
  line = mp_program_details_describe_line (details, MP_CRITERION_FACULTY);
  expected = g_strdup_printf ("Faculty quality: %g/10 × 90 → %.1f",
                              mp_program_get_rating (first, MP_CRITERION_FACULTY),
                              contributions[MP_CRITERION_FACULTY]);
  g_assert_cmpstr (line, ==, expected);

  mp_weights_panel_toggle_compare (fixture->panel);
  for (guint rank = 1; rank <= 3; rank++)
    {
      mp_weights_panel_select_rank (fixture->panel, rank);
      mp_weights_panel_toggle_compare (fixture->panel);
    }
  g_assert_cmpuint (mp_weights_panel_get_n_compared (fixture->panel), ==, 3);
  g_assert_cmpuint (mp_compare_chart_get_n_entries (chart), ==, 3);
  mp_weights_panel_select_rank (fixture->panel, 1);
  mp_weights_panel_toggle_compare (fixture->panel);
  g_assert_cmpuint (mp_weights_panel_get_n_compared (fixture->panel), ==, 2);
  g_assert_cmpuint (mp_compare_chart_get_n_entries (chart), ==, 2);
  prefix = g_strdup_printf ("Faculty quality: %s %g,", mp_program_get_name (first),
                            mp_program_get_rating (first, MP_CRITERION_FACULTY));
  g_assert_true (g_str_has_prefix (mp_compare_chart_get_summary (chart), prefix));
}

static gboolean
panel_is_wide (gpointer data)
{
  return mp_weights_panel_get_wide (data);
}

static gboolean
panel_is_narrow (gpointer data)
{
  return !mp_weights_panel_get_wide (data);
}

static void
test_wide_layout (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *details = mp_weights_panel_get_details (fixture->panel);

  g_assert_false (mp_weights_panel_get_wide (fixture->panel));
  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), 1200, -1);
  g_assert_true (mp_test_wait_until (panel_is_wide, fixture->panel, 5000));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->panel)), >=, 1200);
  g_assert_true (mp_weights_panel_get_wide (fixture->panel));

  /* A click's selection shows beside the list; the page stays the ranking. */
  mp_weights_panel_select_rank (fixture->panel, 2);
  mp_test_iterate ();
  g_assert_true (mp_program_details_get_program (MP_PROGRAM_DETAILS (details))
                 == ranked_program (fixture, 2));
  g_assert_false (gtk_widget_get_mapped (details));

  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), -1, -1);
  gtk_window_set_default_size (fixture->window, 700, 500);
  g_assert_true (mp_test_wait_until (panel_is_narrow, fixture->panel, 5000));
}

static GtkEventController *
find_scroll_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }
  return NULL;
}

/* The wheel over a slider is caught before the slider (capture phase) and
 * scrolls the sliders' column; the weight stays. */
static gboolean
adjustment_overflows (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static void
test_wheel_scrolls_column (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkRange *slider = mp_weights_panel_get_slider (fixture->panel, MP_CRITERION_FUNDING);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (slider), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GtkEventController *controller;
  gboolean handled = FALSE;

  gtk_window_set_default_size (fixture->window, 700, 300);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (mp_test_wait_until (adjustment_overflows, adjustment, 5000));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  controller = find_scroll_controller (GTK_WIDGET (slider));
  g_assert_nonnull (controller);
  g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_assert_cmpfloat (gtk_range_get_value (slider), ==, 75);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_activate_opens_details (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *list = mp_weights_panel_get_list_view (fixture->panel);
  GtkWidget *details = mp_weights_panel_get_details (fixture->panel);

  mp_weights_panel_select_rank (fixture->panel, 1);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_true (mp_test_wait_until (widget_is_mapped, details, 5000));
  g_assert_true (mp_program_details_get_program (MP_PROGRAM_DETAILS (details))
                 == ranked_program (fixture, 1));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: the user's programs go to a scratch folder. */
  data_home = g_dir_make_tmp ("mp-panel-test-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/weights-panel/drag-reorders", Fixture, NULL,
              fixture_set_up, test_drag_reorders, fixture_tear_down);
  g_test_add ("/weights-panel/presets", Fixture, NULL,
              fixture_set_up, test_presets, fixture_tear_down);
  g_test_add ("/weights-panel/restores-settings", Fixture, NULL,
              fixture_set_up, test_restores_settings, fixture_tear_down);
  g_test_add ("/weights-panel/zero-weights", Fixture, NULL,
              fixture_set_up, test_zero_weights, fixture_tear_down);
  g_test_add ("/weights-panel/suggest-kind", Fixture, NULL,
              fixture_set_up, test_suggest_kind, fixture_tear_down);
  g_test_add ("/weights-panel/save-failure", Fixture, NULL,
              fixture_set_up, test_save_failure, fixture_tear_down);
  g_test_add ("/weights-panel/copy-sample", Fixture, NULL,
              fixture_set_up, test_copy_sample, fixture_tear_down);
  g_test_add ("/weights-panel/failed-import", Fixture, NULL,
              fixture_set_up, test_failed_import, fixture_tear_down);
  g_test_add ("/weights-panel/details-and-compare", Fixture, NULL,
              fixture_set_up, test_details_and_compare, fixture_tear_down);
  g_test_add ("/weights-panel/import-export-delete", Fixture, NULL,
              fixture_set_up, test_import_export_delete, fixture_tear_down);
  g_test_add ("/weights-panel/wide-layout", Fixture, NULL,
              fixture_set_up, test_wide_layout, fixture_tear_down);
  g_test_add ("/weights-panel/wheel-scrolls-column", Fixture, NULL,
              fixture_set_up, test_wheel_scrolls_column, fixture_tear_down);
  g_test_add ("/weights-panel/activate-opens-details", Fixture, NULL,
              fixture_set_up, test_activate_opens_details, fixture_tear_down);
  g_test_add ("/weights-panel/add-program", Fixture, NULL,
              fixture_set_up, test_add_program, fixture_tear_down);

  status = g_test_run ();
  /* The scratch folder holds only what the panel saved. */
  {
    g_autofree char *dir = g_build_filename (data_home, "masterplan", NULL);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
    g_rmdir (data_home);
  }
  g_free (data_home);
  return status;
}
