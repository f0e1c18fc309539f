/* test-adaptive.c: the window at common screen sizes, and the walk's filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-flow-canvas.h"
#include "mp-flow-layout.h"
#include "mp-flow-pane.h"
#include "mp-planner.h"
#include "mp-program-dialog.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

typedef struct {
  int      width;
  int      height;
  gboolean sliders;  /* all five sliders must show without scrolling */
} Size;

static const Size sizes[] = {
  { 1400, 900, TRUE },
  { 1280, 720, TRUE },
  { 1024, 700, FALSE },
  { 800, 600, FALSE },
  { 600, 800, FALSE },
};

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

/* Waits until @window has painted @n more frames: layout changes made
 * before are then allocated. */
static void
wait_frames (GtkWidget *window,
             guint      n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint frames = 0, timeout;
  gulong handler;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) "frames");
  while (frames < n)
    {
      gtk_widget_queue_draw (window);
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
  mp_window_get_flow_pane (window);
  wait_frames (GTK_WIDGET (window), 3);
  return window;
}

/* The window keeps the size asked for: its minimum is not larger. */
static void
assert_size (MpWindow   *window,
             const Size *size)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_assert_cmpint (gdk_surface_get_width (surface), ==, size->width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, size->height);
}

static void
wait_for_chart (MpWindow *window)
{
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (window));
  guint timeout = g_timeout_add_seconds (10, on_timeout, (gpointer) "the flowchart's layout");

  while (mp_flow_canvas_get_layout (mp_flow_pane_get_canvas (pane)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  wait_frames (GTK_WIDGET (window), 2);
}

static void
show_view (MpWindow   *window,
           const char *view)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", view);
  wait_frames (GTK_WIDGET (window), 2);
}

/* With MP_SCREENSHOT_DIR set, the window as drawn goes to a PNG there, to
 * be looked at (run with GTK_THEME=Adwaita:dark for the dark style). */
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

/* @widget is drawn inside the window, and a click at its centre reaches it
 * (or one of its children) rather than something covering it. */
static void
assert_reachable (MpWindow   *window,
                  GtkWidget  *widget,
                  const char *what)
{
  GtkWidget *root = GTK_WIDGET (window);
  graphene_rect_t bounds;
  GtkWidget *picked;
  double cx, cy;

  if (!gtk_widget_get_mapped (widget))
    g_error ("%s is not shown at %d×%d", what, gtk_widget_get_width (root),
             gtk_widget_get_height (root));
  g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.y < 0 ||
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (root) + 0.5 ||
      bounds.origin.y + bounds.size.height > gtk_widget_get_height (root) + 0.5)
    g_error ("%s (%g,%g %g×%g) is outside the %d×%d window", what, bounds.origin.x,
             bounds.origin.y, bounds.size.width, bounds.size.height,
             gtk_widget_get_width (root), gtk_widget_get_height (root));
  cx = bounds.origin.x + bounds.size.width / 2;
  cy = bounds.origin.y + bounds.size.height / 2;
  picked = gtk_widget_pick (root, cx, cy, GTK_PICK_INSENSITIVE);
  if (picked != widget && (picked == NULL || !gtk_widget_is_ancestor (picked, widget)))
    g_error ("%s is covered at (%g,%g) by a %s", what, cx, cy,
             picked != NULL ? G_OBJECT_TYPE_NAME (picked) : "nothing");
}

static void
collect_buttons (GtkWidget *root,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_BUTTON (child) || GTK_IS_MENU_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (root, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (GTK_IS_BUTTON (buttons->pdata[i]) &&
        g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("no button “%s”", label);
  return NULL;
}

static void
assert_header_bar (MpWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_buttons (gtk_window_get_titlebar (GTK_WINDOW (window)), buttons);
  g_assert_cmpuint (buttons->len, >=, 4);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *what = g_strdup_printf ("header-bar %s %u",
                                               G_OBJECT_TYPE_NAME (buttons->pdata[i]), i);

      assert_reachable (window, buttons->pdata[i], what);
    }
}

static void
assert_flowchart (MpWindow *window)
{
  GtkWidget *pane = mp_window_get_flow_pane (window);

  assert_reachable (window, find_button (pane, "Yes"), "the answer Yes");
  assert_reachable (window, find_button (pane, "No"), "the answer No");
  assert_reachable (window, find_button (pane, "_Back"), "Back");
  assert_reachable (window, find_button (pane, "_Start Over"), "Start Over");
}

static void
assert_panel (MpWindow *window,
              gboolean  sliders)
{
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  GtkWidget *list = mp_weights_panel_get_list_view (panel);

  assert_reachable (window, gtk_widget_get_first_child (list), "the ranking's first row");
  for (guint i = 0; sliders && i < MP_N_CRITERIA; i++)
    {
      g_autofree char *what = g_strdup_printf ("slider %u", i + 1);

      assert_reachable (window, GTK_WIDGET (mp_weights_panel_get_slider (panel, i)), what);
    }
}

static void
test_size (gconstpointer data)
{
  const Size *size = data;
  MpWindow *window = new_window (size->width, size->height);


  assert_size (window, size);
  assert_header_bar (window);
  /* Whatever the size, a new window opens on the article it reads. */
  g_assert_true (gtk_widget_get_mapped (mp_window_get_article_view (window)));
  save_screenshot (window, "start");
  if (!gtk_widget_get_mapped (mp_window_get_flow_pane (window)))
    show_view (window, "flowchart");
  assert_size (window, size);
  assert_flowchart (window);
  wait_for_chart (window);
  save_screenshot (window, "flowchart");
  if (!gtk_widget_get_mapped (mp_window_get_weights_panel (window)))
    show_view (window, "panel");
  assert_size (window, size);
  assert_header_bar (window);
  assert_panel (window, size->sliders);
  save_screenshot (window, "panel");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
flow_pane_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (mp_window_get_flow_pane (data));
}

/* A window shrunk from two views to one shows the article, unless the user
 * had picked the side view: the flowchart was only filling the side. */
static void
test_shrink_keeps_article (void)
{
  MpWindow *window = new_window (1280, 720);

  g_assert_true (gtk_widget_get_mapped (mp_window_get_flow_pane (window)));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  g_assert_true (mp_test_wait_until (flow_pane_unmapped, window, 10000));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_article_view (window)));

  show_view (window, "flowchart");
  g_assert_true (gtk_widget_get_mapped (mp_window_get_flow_pane (window)));
  gtk_window_set_default_size (GTK_WINDOW (window), 780, 600);
  wait_frames (GTK_WIDGET (window), 2);
  g_assert_true (gtk_widget_get_mapped (mp_window_get_flow_pane (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
answer (MpWindow   *window,
        const char *label)
{
  g_signal_emit_by_name (find_button (mp_window_get_flow_pane (window), label), "clicked");
  wait_frames (GTK_WIDGET (window), 1);
}

/* Walk to "Use smaller, targeted programs" (Yes, No), which filters the
 * ranking to alternatives; Back withdraws the filter and its note. */
static void
test_back_withdraws_filter (void)
{
  MpWindow *window = new_window (1400, 900);
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  MpPlanner *planner = mp_weights_panel_get_planner (panel);

  g_assert_cmpint (mp_planner_get_kind_filter (planner), ==, MP_KIND_FILTER_ALL);
  answer (window, "Yes");
  answer (window, "No");
  g_assert_cmpint (mp_planner_get_kind_filter (planner), ==, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_nonnull (mp_weights_panel_get_note_message (panel));
  /* The note takes room above the sliders; all five still show. */
  wait_frames (GTK_WIDGET (window), 2);
  assert_panel (window, TRUE);

  answer (window, "_Back");
  g_assert_cmpint (mp_planner_get_kind_filter (planner), ==, MP_KIND_FILTER_ALL);
  g_assert_null (mp_weights_panel_get_note_message (panel));

  /* Start Over withdraws it too. */
  answer (window, "No");
  g_assert_cmpint (mp_planner_get_kind_filter (planner), ==, MP_KIND_FILTER_ALTERNATIVES);
  answer (window, "_Start Over");
  g_assert_cmpint (mp_planner_get_kind_filter (planner), ==, MP_KIND_FILTER_ALL);
  g_assert_null (mp_weights_panel_get_note_message (panel));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An export says what it wrote and where; the next replaces it. */
static void
test_export_toast (void)
{
  MpWindow *window = new_window (1400, 900);
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  g_autofree char *dir = g_dir_make_tmp ("mp-toast-XXXXXX", NULL);
  g_autofree char *first = g_build_filename (dir, "ranking.csv", NULL);
  g_autofree char *second = g_build_filename (dir, "again.csv", NULL);
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autofree char *expected = g_strdup_printf ("Ranking exported as “again.csv” in %s", dir);

  g_assert_null (mp_window_get_toast_message (window));
  g_assert_true (mp_weights_panel_export_file (panel, first_file));
  g_assert_nonnull (strstr (mp_window_get_toast_message (window), "“ranking.csv”"));
  g_assert_true (mp_weights_panel_export_file (panel, second_file));
  g_assert_cmpstr (mp_window_get_toast_message (window), ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

/* A click on a node the walk cannot reach yet says why. */
static void
test_unreachable_node (void)
{
  MpWindow *window = new_window (1400, 900);
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (window));
  MpFlowCanvas *canvas = mp_flow_pane_get_canvas (pane);
  MpFlowchart *chart = mp_flow_walk_get_chart (mp_flow_pane_get_walk (pane));
  int s7 = mp_flowchart_find_node (chart, "S7");
  const MpFlowLayoutNode *laid;
  double x, y;

  while (mp_flow_canvas_get_layout (canvas) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (s7, >=, 0);
  laid = mp_flow_layout_get_node (mp_flow_canvas_get_layout (canvas), s7);
  mp_flow_canvas_layout_to_widget (canvas, laid->x, laid->y, &x, &y);
  g_assert_false (mp_flow_canvas_click (canvas, x, y));
  g_assert_true (g_str_has_suffix (mp_window_get_toast_message (window),
                                   "cannot be reached yet: answer “Do you want a major "
                                   "education role?” first."));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A program added through the dialog is selected and scrolled into view,
 * even when it ranks last. */
static void
test_added_program_shown (void)
{
  MpWindow *window = new_window (1400, 900);
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  MpProgramDialog *dialog;
  GtkSelectionModel *selection;
  GtkWidget *row = NULL;
  guint position;

  mp_weights_panel_add_program (panel);
  dialog = MP_PROGRAM_DIALOG (mp_weights_panel_get_dialog (panel));
  gtk_editable_set_text (mp_program_dialog_get_field (dialog, "name"), "Zero Everywhere");
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    gtk_editable_set_text (mp_program_dialog_get_field (dialog, mp_criterion_get_key (c)), "0");
  g_assert_true (mp_program_dialog_save (dialog));
  wait_frames (GTK_WIDGET (window), 3);

  g_assert_cmpstr (mp_program_get_name (mp_planner_get_selected (mp_weights_panel_get_planner (panel))),
                   ==, "Zero Everywhere");
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (mp_weights_panel_get_list_view (panel)));
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (G_LIST_MODEL (selection)) - 1);
  /* The selected row is among the list's drawn rows, and not covered. */
  for (GtkWidget *child = gtk_widget_get_first_child (mp_weights_panel_get_list_view (panel));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) &&
        (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED))
      row = child;
  g_assert_nonnull (row);
  assert_reachable (window, row, "the added program's row");

  mp_planner_delete_program (mp_weights_panel_get_planner (panel),
                             mp_planner_get_selected (mp_weights_panel_get_planner (panel)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The panel's minimum width is what decides whether 1280×720 shows two
 * views: the budget there is 709 px. A row that grows (costs, marks) must
 * fit inside the width the panel needs anyway. */
#define PANEL_MIN_WIDTH_BUDGET 709

static void
test_panel_minimum_width (void)
{
  MpWindow *window = new_window (1280, 720);
  GtkWidget *panel = mp_window_get_weights_panel (window);
  MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (panel));
  MpCircumstances circumstances;
  int minimum, natural;

  /* Costs at their longest: funding said, hours that do not fit. */
  mp_planner_get_circumstances (planner, &circumstances);
  circumstances.funding = MP_FUNDING_AMOUNT;
  circumstances.funding_usd = 1000;
  circumstances.hours_per_week = 1;
  mp_planner_set_circumstances (planner, &circumstances);
  if (!gtk_widget_get_mapped (panel))
    show_view (window, "panel");
  wait_frames (GTK_WIDGET (window), 2);
  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("weights panel: minimum width %d px, natural %d px", minimum, natural);
  g_assert_cmpint (minimum, <=, PANEL_MIN_WIDTH_BUDGET);
  /* Two views: the article beside the panel, at the size asked for. */
  g_assert_true (gtk_widget_get_mapped (mp_window_get_article_view (window)));
  g_assert_true (gtk_widget_get_mapped (panel));
  assert_size (window, &sizes[1]);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("mp-adaptive-XXXXXX", NULL);

  /* The user's programs are written: never into the real home. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/adaptive/size/%dx%d", sizes[i].width,
                                               sizes[i].height);

      g_test_add_data_func (path, &sizes[i], test_size);
    }
  g_test_add_func ("/adaptive/shrink-keeps-article", test_shrink_keeps_article);
  g_test_add_func ("/adaptive/back-withdraws-filter", test_back_withdraws_filter);
  g_test_add_func ("/adaptive/export-toast", test_export_toast);
  g_test_add_func ("/adaptive/unreachable-node", test_unreachable_node);
  g_test_add_func ("/adaptive/added-program-shown", test_added_program_shown);
  g_test_add_func ("/adaptive/panel-minimum-width", test_panel_minimum_width);
  return g_test_run ();
}
