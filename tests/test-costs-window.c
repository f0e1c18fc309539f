/* test-costs-window.c: the user's circumstances in the real window: typed
 * values reach the planner through the core's rules, a bad one is named,
 * and the flowchart's funding answer sets the funding, shows in the popover
 * and can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "mp-circumstances-button.h"
#include "mp-flow-pane.h"
#include "mp-filter-button.h"
#include "mp-program-details.h"
#include "mp-program-row.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"

/* The n-th widget of @type under @root, depth first. */
static GtkWidget *
find_nth (GtkWidget *root,
          GType      type,
          guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (*n)-- == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_nth (child, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
popover_of (GtkWidget *button)
{
  GtkWidget *menu_button = mp_test_find_widget (button, GTK_TYPE_MENU_BUTTON);

  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
}

static GtkEditable *
entry (GtkWidget *popover,
       guint      n)
{
  GtkWidget *found = find_nth (popover, GTK_TYPE_ENTRY, &n);

  g_assert_nonnull (found);
  return GTK_EDITABLE (found);
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* With MP_SCREENSHOT_DIR set, the whole screen (the popover is a surface
 * of its own) goes to a PNG there, to be looked at. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("MP_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  mp_test_wait_ms (300);
  path = g_build_filename (dir, name, NULL);
  g_spawn_sync (NULL, (char *[]) { "import", "-window", "root", path, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_circumstances_window (void)
{
  MpWindow *window = mp_test_new_window_painted ();
  GtkWidget *panel = mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_WEIGHTS_PANEL);
  MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (panel));
  GtkWidget *button = mp_test_find_widget (panel, MP_TYPE_CIRCUMSTANCES_BUTTON);
  GtkWidget *popover = popover_of (button);
  GtkDropDown *funding = GTK_DROP_DOWN (mp_test_find_widget (popover, GTK_TYPE_DROP_DOWN));
  GtkWidget *flow_pane = mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_FLOW_PANE);
  MpFlowWalk *walk;
  MpFlowchart *chart;
  MpCircumstances c;
  int position;

  g_assert_nonnull (button);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "panel");
  g_assert_true (mp_test_wait_until (is_visible, button, 5000));
  mp_circumstances_button_popup (MP_CIRCUMSTANCES_BUTTON (button));
  g_assert_true (mp_test_wait_until (is_visible, popover, 5000));

  /* An amount, hours and an hour's value, typed. */
  gtk_drop_down_set_selected (funding, MP_FUNDING_AMOUNT);
  gtk_editable_set_text (entry (popover, 0), "12000");
  gtk_editable_set_text (entry (popover, 1), "12");
  gtk_editable_set_text (entry (popover, 2), "40");
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpfloat (c.funding_usd, ==, 12000);
  g_assert_cmpfloat (c.hours_per_week, ==, 12);
  g_assert_cmpfloat (c.hour_value_usd, ==, 40);
  screenshot ("circumstances.png");

  /* What --hours refuses, the field refuses: typing "00" after "12" gives
   * 1200, more than a week holds, and the planner keeps 12. */
  position = -1;
  gtk_editable_insert_text (entry (popover, 1), "00", -1, &position);
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpfloat (c.hours_per_week, ==, 12);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry (popover, 1)), "error"));
  screenshot ("circumstances-error.png");
  gtk_editable_set_text (entry (popover, 1), "");
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpfloat (c.hours_per_week, ==, -1);
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The flowchart: Yes, Yes, then Yes to the funding question. The note is
   * toasted too, as the panel may be out of sight; the popover does not open
   * by itself, so the keyboard stays on the walk. */
  walk = mp_flow_pane_get_walk (MP_FLOW_PANE (flow_pane));
  chart = mp_flow_walk_get_chart (walk);
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S3")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S5")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S7")));
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_ALL);
  g_assert_nonnull (strstr (mp_planner_get_note (planner), "Can you get funding"));
  g_assert_cmpstr (mp_window_get_toast_message (window), ==, mp_planner_get_note (planner));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpuint (gtk_drop_down_get_selected (funding), ==, MP_FUNDING_ALL);
  mp_circumstances_button_popup (MP_CIRCUMSTANCES_BUTTON (button));
  g_assert_true (mp_test_wait_until (is_visible, popover, 5000));
  screenshot ("funding-answer.png");

  /* Undo brings the amount back, in the planner and in the popover. */
  g_assert_true (mp_planner_undo (planner));
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpuint (gtk_drop_down_get_selected (funding), ==, MP_FUNDING_AMOUNT);
  g_assert_cmpstr (gtk_editable_get_text (entry (popover, 0)), ==, "12000");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The details say what the selected program costs this user, in full,
   * and follow a change of circumstances at once. */
  {
    GtkWidget *details = mp_weights_panel_get_details (MP_WEIGHTS_PANEL (panel));
    MpProgramDetails *d = MP_PROGRAM_DETAILS (details);
    MpProgram *program;
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    mp_weights_panel_select_rank (MP_WEIGHTS_PANEL (panel), 0);
    mp_test_iterate ();
    program = mp_program_details_get_program (d);
    g_assert_nonnull (program);
    mp_planner_get_circumstances (planner, &c);
    before = mp_costs_describe_full (&c, program);
    g_assert_cmpstr (mp_program_details_get_costs (d), ==, before);
    g_assert_nonnull (strstr (before, "out of pocket"));

    c.hours_per_week = 1;
    mp_planner_set_circumstances (planner, &c);
    after = mp_costs_describe_full (&c, program);
    g_assert_cmpstr (mp_program_details_get_costs (d), ==, after);
    g_assert_nonnull (strstr (after, "More hours a week than you can give (1)."));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
first_row (GtkWidget *panel)
{
  guint n = 0;
  GtkWidget *row = find_nth (mp_weights_panel_get_list_view (MP_WEIGHTS_PANEL (panel)),
                             MP_TYPE_PROGRAM_ROW, &n);

  g_assert_nonnull (row);
  g_assert_nonnull (mp_program_row_get_slot (MP_PROGRAM_ROW (row)));
  return row;
}

static gboolean
has_focus_within (gpointer widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A row's costs follow the funding; "Only the best value" lists exactly the
 * frontier of what was listed; Set Amount… opens the amount. */
static void
test_rows_and_best_value (void)
{
  MpWindow *window = mp_test_new_window_painted ();
  GtkWidget *panel = mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_WEIGHTS_PANEL);
  MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (panel));
  MpScorer *scorer = mp_planner_get_scorer (planner);
  MpProgramStore *store = mp_planner_get_store (planner);
  GtkWidget *list = mp_weights_panel_get_list_view (MP_WEIGHTS_PANEL (panel));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  GtkWidget *filter = mp_test_find_widget (panel, MP_TYPE_FILTER_BUTTON);
  GtkWidget *check = mp_test_find_widget (popover_of (filter), GTK_TYPE_CHECK_BUTTON);
  GtkWidget *button = mp_test_find_widget (panel, MP_TYPE_CIRCUMSTANCES_BUTTON);
  GtkWidget *flow_pane = mp_test_find_widget (GTK_WIDGET (window), MP_TYPE_FLOW_PANE);
  g_autofree char *before = NULL;
  g_autofree double *score = NULL;
  g_autofree double *cost = NULL;
  g_autofree gboolean *on = NULL;
  g_autofree guint *programs = NULL;
  GtkWidget *row, *action = NULL;
  MpFlowWalk *walk;
  MpFlowchart *chart;
  MpCircumstances c;
  guint n, n_frontier = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "panel");
  g_assert_true (mp_test_wait_until (is_visible, list, 5000));
  mp_test_iterate ();

  /* Funding changes the out-of-pocket cost the first row shows, at once. */
  row = first_row (panel);
  before = g_strdup (mp_program_row_get_cost_text (MP_PROGRAM_ROW (row)));
  mp_planner_get_circumstances (planner, &c);
  c.funding = MP_FUNDING_AMOUNT;
  c.funding_usd = 10000;
  c.hours_per_week = 12;
  mp_planner_set_circumstances (planner, &c);
  mp_test_iterate ();
  row = first_row (panel);
  {
    MpProgram *program = mp_rank_slot_get_program (mp_program_row_get_slot (MP_PROGRAM_ROW (row)));
    g_autofree char *spoken = NULL;
    g_autofree char *expected = mp_costs_describe_compact (&c, program, NULL, &spoken);

    g_assert_cmpstr (mp_program_row_get_cost_text (MP_PROGRAM_ROW (row)), !=, before);
    g_assert_cmpstr (mp_program_row_get_cost_text (MP_PROGRAM_ROW (row)), ==, expected);
    g_assert_nonnull (strstr (mp_program_row_get_summary (MP_PROGRAM_ROW (row)), spoken));
  }

  /* The frontier of what is listed now, by the core's own rule. */
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 3);
  score = g_new (double, n);
  cost = g_new (double, n);
  on = g_new (gboolean, n);
  programs = g_new (guint, n);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(MpRankSlot) slot = g_list_model_get_item (model, k);
      MpProgramCosts costs;

      programs[k] = mp_rank_slot_get_program_index (slot);
      mp_costs_compute_for (&c, mp_program_store_peek (store, programs[k]), &costs);
      score[k] = mp_scorer_get_score (scorer, programs[k]);
      cost[k] = costs.out_of_pocket_usd;
    }
  mp_costs_pareto_frontier (score, cost, n, on);
  for (guint k = 0; k < n; k++)
    n_frontier += on[k];
  g_assert_cmpuint (n_frontier, <, n);

  /* The check in the filter's popover: the list is exactly that frontier. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  mp_test_iterate ();
  g_assert_true (mp_planner_get_best_value_filter (planner));
  g_assert_true (mp_planner_get_note_undoable (planner));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_frontier);
  for (guint k = 0; k < n; k++)
    g_assert_cmpint (mp_scorer_get_rank_of (scorer, programs[k]) >= 0, ==, on[k]);
  for (guint k = 0; k < n_frontier; k++)
    {
      g_autoptr(MpRankSlot) slot = g_list_model_get_item (model, k);
      guint p = mp_rank_slot_get_program_index (slot);
      gboolean found = FALSE;

      for (guint j = 0; j < n; j++)
        found = found || (programs[j] == p && on[j]);
      g_assert_true (found);
    }
  /* Undo, as for the other notes; the check follows. */
  g_assert_true (mp_weights_panel_undo_note (MP_WEIGHTS_PANEL (panel)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);

  /* Yes to the funding question: the note offers Set Amount…, which opens
   * the popover with the focus in the amount field. */
  walk = mp_flow_pane_get_walk (MP_FLOW_PANE (flow_pane));
  chart = mp_flow_walk_get_chart (walk);
  /* The settings keep the walk of the test before: from the start. */
  mp_flow_walk_restart (walk);
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S3")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S5")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "S7")));
  g_assert_cmpint (mp_planner_get_note_action (planner), ==, MP_NOTE_ACTION_SET_FUNDING_AMOUNT);
  g_assert_false (gtk_widget_get_visible (popover_of (button)));
  mp_test_iterate ();
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    guint k = 0;
    GtkWidget *b;

    while ((b = find_nth (panel, GTK_TYPE_BUTTON, &k)) != NULL)
      {
        if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), "Set _Amount…") == 0)
          action = b;
        k = buttons->len + 1;
        g_ptr_array_add (buttons, b);
      }
  }
  g_assert_nonnull (action);
  g_assert_true (gtk_widget_get_mapped (action));
  g_signal_emit_by_name (action, "clicked");
  g_assert_true (mp_test_wait_until (is_visible, popover_of (button), 5000));
  g_assert_true (mp_test_wait_until (has_focus_within,
                                     mp_circumstances_button_get_amount_entry (
                                       MP_CIRCUMSTANCES_BUTTON (button)), 5000));
  screenshot ("set-amount.png");
  /* Typing the amount sets it. */
  gtk_editable_set_text (GTK_EDITABLE (mp_circumstances_button_get_amount_entry (
                           MP_CIRCUMSTANCES_BUTTON (button))), "8000");
  mp_planner_get_circumstances (planner, &c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpfloat (c.funding_usd, ==, 8000);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/costs-window/circumstances", test_circumstances_window);
  g_test_add_func ("/costs-window/rows-and-best-value", test_rows_and_best_value);
  return g_test_run ();
}
