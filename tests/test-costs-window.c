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
#include "mp-program-details.h"
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/costs-window/circumstances", test_circumstances_window);
  return g_test_run ();
}
