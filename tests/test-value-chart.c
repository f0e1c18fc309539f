/* test-value-chart.c: the value chart in the real window: its points are
 * the ranking's, keyboard focus names a point, choosing one selects it in
 * the ranking, and it follows a weight change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "mp-value-chart.h"
#include "mp-value-view.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

static gboolean
on_timeout (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* Waits until @widget's window has painted @n more frames. */
static void
wait_frames (GtkWidget *widget,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0, timeout;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) "frames");
  while (frames < n)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (timeout);
  g_signal_handler_disconnect (clock, handler);
}

static MpWindow *
new_window (int width,
            int height)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MpWindow *window;

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  window = g_object_new (MP_TYPE_WINDOW, NULL);
  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_frames (GTK_WIDGET (window), 3);
  return window;
}

/* With MP_SCREENSHOT_DIR set, the window as drawn goes to a PNG there
 * (run with GTK_THEME=Adwaita:dark for the dark style). */
static void
save_screenshot (MpWindow   *window,
                 const char *view)
{
  const char *dir = g_getenv ("MP_SCREENSHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  name = g_strdup_printf ("%dx%d-%s.png", gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget), view);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static MpValueChart *
show_value_page (MpWindow *window)
{
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  GtkWidget *view = mp_weights_panel_get_value_view (panel);
  GtkWidget *chart = mp_value_view_get_chart (MP_VALUE_VIEW (view));
  guint timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) "the value chart");

  /* A small window shows one view at a time. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "panel");
  mp_weights_panel_show_page (panel, "value");
  while (!gtk_widget_get_mapped (chart) || gtk_widget_get_width (chart) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  /* The page cross-fades in: its frames come on the frame clock. */
  wait_frames (chart, 30);
  return MP_VALUE_CHART (chart);
}

static gboolean
press (MpValueChart *chart,
       guint         keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static guint
list_selected (MpWeightsPanel *panel)
{
  GtkWidget *list = mp_weights_panel_get_list_view (panel);

  return gtk_single_selection_get_selected (
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

static void
test_chart_in_window (void)
{
  MpWindow *window = new_window (1400, 900);
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  MpPlanner *planner = mp_weights_panel_get_planner (panel);
  MpScorer *scorer = mp_planner_get_scorer (planner);
  MpValueChart *chart = show_value_page (window);
  MpValuePlot *plot = mp_value_chart_get_plot (chart);
  GtkWidget *list = mp_value_view_get_frontier_list (
    MP_VALUE_VIEW (mp_weights_panel_get_value_view (panel)));
  guint n_rows = 0;
  int focused, i;
  const char *name;

  /* Every ranked program is a point, at its score. */
  g_assert_cmpuint (mp_value_plot_get_n_points (plot), ==, mp_scorer_get_n_ranked (scorer));
  g_assert_cmpuint (mp_value_plot_get_n_points (plot), >, 5);
  g_assert_cmpuint (mp_value_plot_get_n_frontier (plot), >=, 1);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, mp_value_plot_get_n_frontier (plot));
  save_screenshot (window, "value");

  /* Focus names a point: the first to the right of the cheapest. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  wait_frames (GTK_WIDGET (chart), 1);
  g_assert_cmpint (mp_value_chart_get_focused_program (chart), >=, 0);
  g_assert_true (press (chart, GDK_KEY_Right));
  focused = mp_value_chart_get_focused_program (chart);
  i = mp_value_plot_find_program (mp_value_chart_get_plot (chart), focused);
  g_assert_cmpint (i, ==, mp_value_plot_step (mp_value_chart_get_plot (chart),
                                              mp_value_plot_step (mp_value_chart_get_plot (chart),
                                                                  -1, 0), 1));
  name = mp_program_get_name (mp_program_store_peek (mp_planner_get_store (planner), focused));
  g_assert_true (g_str_has_prefix (mp_value_chart_get_focused_text (chart), name));
  wait_frames (GTK_WIDGET (chart), 1);
  save_screenshot (window, "value-focused");

  /* Enter selects it in the planner and in the ranking list. */
  g_assert_true (press (chart, GDK_KEY_Return));
  g_assert_cmpint (mp_planner_get_selected_index (planner), ==, focused);
  g_assert_cmpuint (list_selected (panel), ==, (guint) mp_scorer_get_rank_of (scorer, focused));

  /* A weight change moves the points at once. */
  mp_planner_set_weight (planner, MP_CRITERION_BRAND, 100);
  mp_planner_set_weight (planner, MP_CRITERION_FACULTY, 0);
  plot = mp_value_chart_get_plot (chart);
  i = mp_value_plot_find_program (plot, focused);
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpfloat (mp_value_plot_get_point (plot, i)->score, ==,
                     mp_scorer_get_score (scorer, focused));
  g_assert_true (g_str_has_prefix (mp_value_chart_get_focused_text (chart), name));

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* At 1024×700 the page fits: the chart keeps a usable size. */
static void
test_small_window (void)
{
  MpWindow *window = new_window (1024, 700);
  MpValueChart *chart = show_value_page (window);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >=, 260);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >=, 200);
  save_screenshot (window, "value");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value-chart/in-window", test_chart_in_window);
  g_test_add_func ("/value-chart/small-window", test_small_window);
  return g_test_run ();
}
