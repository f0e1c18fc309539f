/* test-confidence-window.c: rank confidence and the weight questions in the
 * real window: row marks, the rank range, the spread choice, the question
 * series by keys, and the program dialog's "not sure" range
 *
 * With MP_SCREENSHOT_DIR set, a robust and a fragile ranking and the
 * question series are saved there as PNG, at 1400×900 and 1024×700.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "mp-confidence-bar.h"
#include "mp-confidence-mark.h"
#include "mp-program-details.h"
#include "mp-program-dialog.h"
#include "mp-program-row.h"
#include "mp-test-utils.h"
#include "mp-tradeoff-dialog.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

typedef struct {
  MpWindow       *window;
  MpWeightsPanel *panel;
  MpPlanner      *planner;
  MpConfidenceBar *bar;
} Fixture;

static char *data_home;

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             gboolean   mapped)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (!mapped || gtk_widget_get_mapped (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, mapped);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_painted (GdkFrameClock *clock,
            guint         *frames)
{
  (*frames)++;
}

static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted), &frames);

  while (frames < n)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
result_ready (gpointer data)
{
  MpConfidenceRunner *runner = data;

  return !mp_confidence_runner_get_busy (runner) && mp_confidence_runner_get_result (runner) != NULL;
}

static MpConfidenceResult *
wait_for_result (Fixture *fixture)
{
  MpConfidenceRunner *runner = mp_confidence_bar_get_runner (fixture->bar);

  g_assert_true (mp_test_wait_until (result_ready, runner, 10000));
  wait_frames (GTK_WIDGET (fixture->window), 2);
  return mp_confidence_runner_get_result (runner);
}

static void
reset_settings (void)
{
  static const char * const keys[] = {
    "weights", "kind-filter", "max-tuition", "max-hours-per-week", "format-filter",
    "weight-spread", "tradeoff-answers", "compared-programs",
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static void
open_window (Fixture *fixture,
             int      width,
             int      height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  fixture->window = g_object_new (MP_TYPE_WINDOW, NULL);
  mp_window_open_bundled (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "panel");
  wait_frames (GTK_WIDGET (fixture->window), 3);
  fixture->panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (fixture->window));
  fixture->planner = mp_weights_panel_get_planner (fixture->panel);
  fixture->bar = MP_CONFIDENCE_BAR (find_widget (GTK_WIDGET (fixture->panel),
                                                 MP_TYPE_CONFIDENCE_BAR, FALSE));
  g_assert_nonnull (fixture->bar);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  reset_settings ();
  open_window (fixture, 1400, 900);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  mp_test_iterate ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *what)
{
  const char *dir = g_getenv ("MP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  wait_frames (widget, 2);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         NULL);
  name = g_strdup_printf ("%dx%d-%s.png", gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), what);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The mapped row at @rank, or NULL. */
static MpProgramRow *
row_at (Fixture *fixture,
        guint    rank)
{
  GtkWidget *list = mp_weights_panel_get_list_view (fixture->panel);

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = find_widget (item, MP_TYPE_PROGRAM_ROW, TRUE);
      MpRankSlot *slot = row != NULL ? mp_program_row_get_slot (MP_PROGRAM_ROW (row)) : NULL;

      if (slot != NULL && mp_rank_slot_get_position (slot) == rank)
        return MP_PROGRAM_ROW (row);
    }
  return NULL;
}

/* Each visible row's mark says, in words, what the result says of its
 * program; the details show the selected program's rank range. */
static void
test_row_marks (Fixture       *fixture,
                gconstpointer  data)
{
  MpConfidenceResult *result = wait_for_result (fixture);
  MpScorer *scorer = mp_planner_get_scorer (fixture->planner);
  GtkWidget *details;

  for (guint rank = 0; rank < 3; rank++)
    {
      MpProgramRow *row = row_at (fixture, rank);
      MpConfidenceMark *mark;
      int slot = mp_confidence_result_find_slot (result, mp_scorer_get_ranked (scorer, rank));
      g_autofree char *expected = mp_confidence_result_describe_row (result, slot);
      char *error;

      g_assert_nonnull (row);
      mark = MP_CONFIDENCE_MARK (find_widget (GTK_WIDGET (row), MP_TYPE_CONFIDENCE_MARK, TRUE));
      g_assert_nonnull (mark);
      g_assert_cmpstr (mp_confidence_mark_get_description (mark), ==, expected);
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (mark),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
      g_assert_null (error);
    }
  /* The article's weights, seed 0: the top pick is first in 78 %. */
  g_assert_true (g_str_has_prefix (mp_confidence_mark_get_description (
                   MP_CONFIDENCE_MARK (find_widget (GTK_WIDGET (row_at (fixture, 0)),
                                                    MP_TYPE_CONFIDENCE_MARK, TRUE))),
                   "First in 78 %, in the top three in "));
  save_screenshot (GTK_WIDGET (fixture->window), "robust");

  mp_planner_select_index (fixture->planner, mp_scorer_get_ranked (scorer, 1));
  details = mp_weights_panel_get_details (fixture->panel);
  {
    int slot = mp_confidence_result_find_slot (result, mp_scorer_get_ranked (scorer, 1));
    g_autofree char *expected = mp_confidence_result_describe_rank_range (result, slot);

    g_assert_cmpstr (mp_program_details_get_rank_range (MP_PROGRAM_DETAILS (details)), ==,
                     expected);
    g_assert_true (g_str_has_prefix (expected, "Rank "));
  }
}

/* Equal weights: three programs tie and the top pick is fragile. */
static void
test_fragile (Fixture       *fixture,
              gconstpointer  data)
{
  MpWeights equal;

  mp_weights_init_equal (&equal);
  mp_planner_set_weights (fixture->planner, &equal);
  wait_for_result (fixture);
  g_assert_nonnull (mp_confidence_bar_get_warning (fixture->bar));
  save_screenshot (GTK_WIDGET (fixture->window), "fragile");
}

/* The drop-down sets the planner's spread, the runner computes again with
 * it, and the setting keeps it. */
static void
test_spread_choice (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkDropDown *dropdown = mp_confidence_bar_get_spread_dropdown (fixture->bar);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  wait_for_result (fixture);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpfloat (mp_planner_get_spread (fixture->planner), ==, 0);
  g_assert_true (mp_confidence_runner_get_busy (mp_confidence_bar_get_runner (fixture->bar)));
  wait_for_result (fixture);
  g_assert_cmpstr (mp_confidence_bar_get_sentence (fixture->bar), ==,
                   "First in 100 % of the weightings you find plausible "
                   "(each weight ± 0 points)");
  mp_planner_flush_settings (fixture->planner);
  g_assert_cmpfloat (g_settings_get_double (settings, "weight-spread"), ==, 0);

  mp_planner_set_spread (fixture->planner, 20);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
}

static MpTradeoffDialog *
find_tradeoff_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MP_IS_TRADEOFF_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MP_TRADEOFF_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  MpTradeoffDialog *dialog = find_tradeoff_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* Delivers @keyval to @widget's own shortcuts, as GTK does for a key no
 * focused child takes (GTK 4.8 cannot inject a key event in-process). */
static gboolean
press_shortcut (GtkWidget *widget,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, 0);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* A respondent whose true weights are the article's, answering by keys. */
static guint
truthful_key (MpTradeoffDialog *dialog)
{
  MpTradeoff *tradeoff = mp_tradeoff_dialog_get_tradeoff (dialog);
  MpTradeoffQuestion q;
  MpWeights truth;
  double a, b;

  mp_weights_init_article (&truth);
  g_assert_true (mp_tradeoff_next_question (tradeoff, &q));
  a = truth.w[q.first] * q.a_first + truth.w[q.second] * q.a_second;
  b = truth.w[q.first] * q.b_first + truth.w[q.second] * q.b_second;
  if (fabs (a - b) < 1e-9)
    return GDK_KEY_s;
  return a > b ? GDK_KEY_a : GDK_KEY_b;
}

/* Ctrl+T's action opens the questions; A, B and S answer; at most 12
 * questions; the result sits beside the sliders'; a contradiction is named
 * and one answer changed by keys; "Use these weights" is undoable. */
static void
test_questions (Fixture       *fixture,
                gconstpointer  data)
{
  MpTradeoffDialog *dialog;
  MpTradeoff *tradeoff;
  GtkWidget *focus;
  MpWeights before, after;
  guint asked = 0;

  mp_planner_get_weights (fixture->planner, &before);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.weights-questions", NULL);
  g_assert_true (mp_test_wait_until (dialog_shown, NULL, 5000));
  dialog = find_tradeoff_dialog ();
  tradeoff = mp_tradeoff_dialog_get_tradeoff (dialog);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_BUTTON (focus));
  {
    /* Option A is read out with its values. */
    MpTradeoffQuestion q;
    g_autofree char *values = NULL, *spoken = NULL;
    char *error;

    g_assert_true (mp_tradeoff_next_question (tradeoff, &q));
    values = mp_tradeoff_question_describe_option (&q, FALSE);
    spoken = g_strdup_printf ("Option A, %s", values);
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (focus),
                                                GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
    g_assert_null (error);
  }
  save_screenshot (GTK_WIDGET (dialog), "questions");

  while (g_strcmp0 (mp_tradeoff_dialog_get_question (dialog), "") != 0)
    {
      g_assert_true (press_shortcut (GTK_WIDGET (dialog), truthful_key (dialog)));
      asked++;
      g_assert_cmpuint (asked, <=, MP_TRADEOFF_MAX_QUESTIONS);
    }
  g_assert_cmpuint (mp_tradeoff_get_n_answers (tradeoff), ==, asked);
  g_assert_cmpstr (mp_planner_get_tradeoff_answers (fixture->planner), !=, "");
  {
    g_autofree char *remembered = mp_tradeoff_to_string (tradeoff);

    g_assert_cmpstr (mp_planner_get_tradeoff_answers (fixture->planner), ==, remembered);
  }
  /* True weights equal to the sliders': the answers' weights are close. */
  {
    MpWeights estimate, scaled;

    g_assert_true (mp_tradeoff_estimate (tradeoff, &estimate));
    mp_tradeoff_scale_like (&estimate, &before, &scaled);
    for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
      g_assert_cmpfloat (fabs (scaled.w[c] - before.w[c]), <=, 10);
  }
  /* With the sliders elsewhere, the dialog says where they disagree most. */
  {
    MpWeights skewed = { { 10, 80, 75, 70, 100 } };

    mp_planner_set_weights (fixture->planner, &skewed);
    g_assert_true (g_str_has_prefix (mp_tradeoff_dialog_get_sentence (dialog), "Your answers put "));
    save_screenshot (GTK_WIDGET (dialog), "questions-result");
    mp_planner_set_weights (fixture->planner, &before);
  }
  /* Enter on the focused "Use these weights" button: the sliders take the
   * answers' weights, and Undo brings the old ones back. */
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_true (GTK_IS_BUTTON (focus));
  {
    MpWeights skewed = { { 10, 80, 75, 70, 100 } };

    mp_planner_set_weights (fixture->planner, &skewed);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    g_assert_true (gtk_widget_activate (focus));
    while (dialog != NULL)
      g_main_context_iteration (NULL, TRUE);
    mp_planner_get_weights (fixture->planner, &after);
    g_assert_cmpfloat (after.w[MP_CRITERION_FACULTY], >, after.w[MP_CRITERION_BRAND]);
    g_assert_true (mp_planner_get_note_undoable (fixture->planner));
    g_assert_true (mp_planner_undo (fixture->planner));
    mp_planner_get_weights (fixture->planner, &after);
    g_assert_cmpfloat (after.w[MP_CRITERION_FACULTY], ==, 10);
  }
}

/* Contradictory remembered answers are named; changing one by keys ends it. */
static void
test_contradiction (Fixture       *fixture,
                    gconstpointer  data)
{
  MpTradeoffDialog *dialog;

  mp_planner_set_tradeoff_answers (fixture->planner,
                                   "faculty,funding,9,4,4,9,a;faculty,funding,8,3,3,8,a;"
                                   "faculty,funding,7,2,2,7,b");
  mp_weights_panel_ask_weights (fixture->panel);
  g_assert_true (mp_test_wait_until (dialog_shown, NULL, 5000));
  dialog = find_tradeoff_dialog ();
  g_assert_cmpuint (mp_tradeoff_get_n_answers (mp_tradeoff_dialog_get_tradeoff (dialog)), ==, 3);
  g_assert_true (g_str_has_prefix (mp_tradeoff_dialog_get_sentence (dialog), "You preferred "));
  g_assert_cmpstr (mp_tradeoff_dialog_get_question (dialog), ==, "");
  g_assert_false (mp_tradeoff_dialog_use_weights (dialog));
  save_screenshot (GTK_WIDGET (dialog), "contradiction");

  mp_tradeoff_dialog_reanswer (dialog, 2);
  g_assert_cmpstr (mp_tradeoff_dialog_get_question (dialog), !=, "");
  g_assert_true (press_shortcut (GTK_WIDGET (dialog), GDK_KEY_a));
  g_assert_false (g_str_has_prefix (mp_tradeoff_dialog_get_sentence (dialog), "You preferred "));
  g_assert_true (g_str_has_suffix (mp_planner_get_tradeoff_answers (fixture->planner),
                                   "faculty,funding,7,2,2,7,a"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_saved (MpProgramDialog *dialog,
          MpProgram       *program,
          MpProgram      **saved)
{
  *saved = g_object_ref (program);
}

/* "Not sure": a range, unknown when both ends are empty, and the loaders'
 * rule for the order of the ends. */
static void
test_unsure_rating (Fixture       *fixture,
                    gconstpointer  data)
{
  MpProgramDialog *dialog;
  g_autoptr(MpProgram) saved = NULL;
  double lo, hi;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-program", NULL);
  mp_test_iterate ();
  dialog = MP_PROGRAM_DIALOG (mp_weights_panel_get_dialog (fixture->panel));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_saved), &saved);
  gtk_editable_set_text (mp_program_dialog_get_field (dialog, "name"), "Unsure");
  mp_program_dialog_set_unsure (dialog, MP_CRITERION_SCHOLARSHIP, TRUE);
  gtk_editable_set_text (mp_program_dialog_get_field (dialog, "scholarship"), "8");
  gtk_editable_set_text (mp_program_dialog_get_high_field (dialog, MP_CRITERION_SCHOLARSHIP), "6");
  g_assert_false (mp_program_dialog_save (dialog));
  g_assert_cmpstr (mp_program_dialog_get_message (dialog, "scholarship"), ==,
                   "Enter the lower rating first.");
  gtk_editable_set_text (mp_program_dialog_get_high_field (dialog, MP_CRITERION_SCHOLARSHIP), "");
  g_assert_false (mp_program_dialog_save (dialog));
  gtk_editable_set_text (mp_program_dialog_get_high_field (dialog, MP_CRITERION_SCHOLARSHIP), "9");
  g_assert_null (mp_program_dialog_get_message (dialog, "scholarship"));
  mp_program_dialog_set_unsure (dialog, MP_CRITERION_BRAND, TRUE);
  gtk_editable_set_text (mp_program_dialog_get_field (dialog, "brand"), "");
  save_screenshot (GTK_WIDGET (dialog), "unsure");
  g_assert_true (mp_program_dialog_save (dialog));

  g_assert_nonnull (saved);
  mp_program_get_rating_range (saved, MP_CRITERION_SCHOLARSHIP, &lo, &hi);
  g_assert_cmpfloat (lo, ==, 8);
  g_assert_cmpfloat (hi, ==, 9);
  g_assert_true (mp_program_get_rating_unknown (saved, MP_CRITERION_BRAND));

  /* Editing it again opens the range as it was. */
  dialog = mp_program_dialog_new (NULL, saved);
  g_assert_cmpstr (gtk_editable_get_text (mp_program_dialog_get_high_field (dialog,
                                                                           MP_CRITERION_SCHOLARSHIP)),
                   ==, "9");
  g_assert_cmpstr (gtk_editable_get_text (mp_program_dialog_get_field (dialog, "brand")), ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The same ranking at the smaller size, for the screenshots. */
static void
test_small_window (void)
{
  Fixture fixture = { 0 };
  MpWeights equal;

  reset_settings ();
  open_window (&fixture, 1024, 700);
  wait_for_result (&fixture);
  g_assert_nonnull (row_at (&fixture, 0));
  save_screenshot (GTK_WIDGET (fixture.window), "robust");
  mp_weights_init_equal (&equal);
  mp_planner_set_weights (fixture.planner, &equal);
  wait_for_result (&fixture);
  g_assert_nonnull (mp_confidence_bar_get_warning (fixture.bar));
  save_screenshot (GTK_WIDGET (fixture.window), "fragile");
  mp_weights_panel_ask_weights (fixture.panel);
  g_assert_true (mp_test_wait_until (dialog_shown, NULL, 5000));
  gtk_window_set_default_size (GTK_WINDOW (find_tradeoff_dialog ()), 700, 480);
  save_screenshot (GTK_WIDGET (find_tradeoff_dialog ()), "questions-small");
  gtk_window_destroy (GTK_WINDOW (find_tradeoff_dialog ()));
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("test-confidence-window-XXXXXX", NULL);
  int status;

  data_home = g_build_filename (tmp, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/confidence-window/row-marks", test_row_marks);
  ADD ("/confidence-window/fragile", test_fragile);
  ADD ("/confidence-window/spread-choice", test_spread_choice);
  ADD ("/confidence-window/questions", test_questions);
  ADD ("/confidence-window/contradiction", test_contradiction);
  ADD ("/confidence-window/unsure-rating", test_unsure_rating);
#undef ADD
  g_test_add_func ("/confidence-window/small-window", test_small_window);

  status = g_test_run ();
  mp_test_remove_tree (tmp);
  g_free (data_home);
  return status;
}
