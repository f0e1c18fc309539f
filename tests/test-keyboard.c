/* test-keyboard.c: a whole session in the real window, by keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-application.h"
#include "mp-article-view.h"
#include "mp-flow-canvas.h"
#include "mp-flow-pane.h"
#include "mp-program-details.h"
#include "mp-program.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

/* GTK 4.8 offers no public way to inject a key event in-process, so each key
 * is delivered the way GTK itself would: first to our own widgets' key
 * controllers from the focus widget up, then as the built-in binding of the
 * focus widget: Tab is the window's move-focus, Enter and Space the focus
 * widget's activate signal, arrows a range's move-slider or a list's
 * move-cursor. */

#define MAX_TABS 400

typedef struct {
  MpWindow   *window;
  guint       n_checked;
  GHashTable *unnamed;
} Session;

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, failing after @ms. */
static void
wait_until (gboolean    (*done) (gpointer),
            gpointer      data,
            guint         ms,
            const char   *what)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (ms, on_timeout, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  if (!done (data))
    g_error ("timed out waiting for %s", what);
}

static void
settle (guint ms)
{
  gboolean expired = FALSE;

  g_timeout_add (ms, on_timeout, &expired);
  while (!expired)
    g_main_context_iteration (NULL, TRUE);
  mp_test_iterate ();
}

static GtkWidget *
focus_widget (Session *s)
{
  return gtk_root_get_focus (GTK_ROOT (s->window));
}

static char *
widget_path (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_string_prepend (path, " > ");
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Mp"))
        break;
    }
  return g_string_free (path, FALSE);
}

/* Accessible names ---------------------------------------------------------- */

static gboolean
has_label (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static gboolean
has_text_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0' &&
      gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_text_label (child))
      return TRUE;
  return FALSE;
}

/* A composite control (menu button, drop-down, entry) takes the focus on an
 * inner part; its name belongs on the control. */
static GtkWidget *
named_control (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_MENU_BUTTON (w) || GTK_IS_DROP_DOWN (w) || GTK_IS_SEARCH_ENTRY (w) ||
          GTK_IS_ENTRY (w) || GTK_IS_SPIN_BUTTON (w))
        return w;
      if (!GTK_IS_BOX (w) && !GTK_IS_BUTTON (w))
        break;
    }
  return widget;
}

/* What a screen reader can call the control: an explicit label, or a
 * labelled-by relation on a control that is not icon-only (GTK points an
 * icon button's relation at its unnamed image), or, for a list row, the
 * text it shows. */
static gboolean
is_named (GtkWidget *widget)
{
  GtkWidget *control = named_control (widget);
  GtkWidget *child = GTK_IS_BUTTON (control) ? gtk_button_get_child (GTK_BUTTON (control)) : NULL;

  if (has_label (control))
    return TRUE;
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (control),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
      !GTK_IS_IMAGE (child) && !GTK_IS_MENU_BUTTON (control))
    return TRUE;
  if (GTK_IS_LIST_BOX_ROW (control) ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM ||
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (control)) == GTK_ACCESSIBLE_ROLE_ROW)
    return has_text_label (control);
  return FALSE;
}

static void
check_focus (Session *s)
{
  GtkWidget *focus = focus_widget (s);
  g_autofree char *path = NULL;

  if (focus == NULL)
    return;
  path = widget_path (focus);
  if (g_test_verbose ())
    g_printerr ("focus: %s\n", path);
  /* What themes draw the focus ring for. */
  if (!(gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_FOCUS_VISIBLE))
    g_error ("no visible focus on %s", path);
  if (!is_named (focus))
    g_hash_table_add (s->unnamed, g_steal_pointer (&path));
  if (!gtk_widget_get_mapped (focus))
    settle (200);
  if (!gtk_widget_get_mapped (focus))
    g_error ("the focus went to a hidden control: %s", widget_path (focus));
  s->n_checked++;
}

/* Keys ---------------------------------------------------------------------- */

static gboolean
own_controllers_take (GtkWidget       *focus,
                      guint            keyval,
                      GdkModifierType  state)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = NULL;

      gboolean ours = g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Mp");

      controllers = gtk_widget_observe_controllers (w);
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          const char *name = gtk_event_controller_get_name (controller);
          gboolean handled = FALSE;

          /* Ours: on our widgets, or named "mp-…" on a GTK widget we extend. */
          if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
              !(ours || (name != NULL && g_str_has_prefix (name, "mp-"))))
            continue;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          if (handled)
            return TRUE;
        }
    }
  return FALSE;
}

/* What Tab's move-focus does, in a popover too (GtkWidget passes it on to
 * the root): the window wraps from the content to the header bar and back. */
static void
move_focus (Session          *s,
            GtkDirectionType  direction)
{
  gtk_widget_child_focus (GTK_WIDGET (s->window), direction);
  if (gtk_widget_get_focus_child (GTK_WIDGET (s->window)) == NULL)
    gtk_root_set_focus (GTK_ROOT (s->window), NULL);
}

static void
press (Session         *s,
       guint            keyval,
       GdkModifierType  state)
{
  GtkWidget *focus = focus_widget (s);

  gtk_window_set_focus_visible (GTK_WINDOW (s->window), TRUE);
  if (focus != NULL && own_controllers_take (focus, keyval, state))
    {
      mp_test_iterate ();
      return;
    }
  switch (keyval)
    {
    case GDK_KEY_Tab:
      move_focus (s, (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_space:
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_activate (focus));
      /* A button clicks when the key comes back up. */
      if (GTK_IS_BUTTON (focus))
        settle (300);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Left:
      g_assert_true (GTK_IS_RANGE (focus));
      g_signal_emit_by_name (focus, "move-slider",
                             keyval == GDK_KEY_Right ? GTK_SCROLL_STEP_RIGHT : GTK_SCROLL_STEP_LEFT);
      break;
    case GDK_KEY_Down:
      {
        GtkWidget *list = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX);
        gboolean handled = FALSE;

        g_assert_nonnull (list);
        g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE,
                               &handled);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  mp_test_iterate ();
}

typedef gboolean (*FocusTest) (GtkWidget *focus,
                               gpointer   data);

/* Presses Tab until @test accepts the focus widget, checking the name of
 * every control passed on the way. */
static GtkWidget *
tab_to (Session     *s,
        gboolean     backwards,
        FocusTest    test,
        gpointer     data,
        const char  *what)
{
  for (guint i = 0; i < MAX_TABS; i++)
    {
      GtkWidget *focus;

      press (s, GDK_KEY_Tab, backwards ? GDK_SHIFT_MASK : 0);
      focus = focus_widget (s);
      check_focus (s);
      if (focus != NULL && test (focus, data))
        return focus;
    }
  g_error ("Tab never reached %s", what);
  return NULL;
}

static gboolean
is_widget (GtkWidget *focus,
           gpointer   data)
{
  return focus == data;
}

static gboolean
is_inside (GtkWidget *focus,
           gpointer   data)
{
  return focus == data || gtk_widget_is_ancestor (focus, data);
}

/* Steps ---------------------------------------------------------------------- */

static gboolean
opens_popover (GtkWidget *focus,
               gpointer   popover)
{
  GtkWidget *button = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON);

  return button != NULL && gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover;
}

static gboolean
layout_ready (gpointer data)
{
  return mp_flow_canvas_get_layout (data) != NULL;
}

typedef struct {
  GtkTextView *view;
  GtkTextIter  iter;
} HeadingProbe;

static gboolean
heading_on_screen (gpointer data)
{
  HeadingProbe *probe = data;
  GdkRectangle visible, location;

  gtk_text_view_get_visible_rect (probe->view, &visible);
  gtk_text_view_get_iter_location (probe->view, &probe->iter, &location);
  return visible.y > 0 && location.y >= visible.y &&
         location.y + location.height <= visible.y + visible.height;
}

/* The article has the focus at first; Shift+Tab leads back to the header
 * bar's Outline button, Space opens it, Down to the last heading, Enter. */
static void
jump_to_section (Session *s)
{
  MpArticleView *article = MP_ARTICLE_VIEW (mp_window_get_article_view (s->window));
  GtkWidget *popover = mp_article_view_get_outline_popover (article);
  HeadingProbe probe = { mp_article_view_get_text_view (article) };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (probe.view);
  GtkWidget *row;
  GtkTextIter start;
  const char *heading;
  guint n_rows = 0;

  tab_to (s, TRUE, opens_popover, popover, "the Outline button");
  press (s, GDK_KEY_space, 0);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (is_inside (focus_widget (s), popover));
  check_focus (s);
  g_assert_nonnull (gtk_widget_get_ancestor (focus_widget (s), GTK_TYPE_LIST_BOX_ROW));
  for (GtkWidget *r = gtk_widget_get_ancestor (focus_widget (s), GTK_TYPE_LIST_BOX_ROW);
       r != NULL; r = gtk_widget_get_next_sibling (r))
    n_rows++;
  g_assert_cmpuint (n_rows, >, 5);
  for (guint i = 1; i < n_rows; i++)
    {
      press (s, GDK_KEY_Down, 0);
      check_focus (s);
    }
  row = gtk_widget_get_ancestor (focus_widget (s), GTK_TYPE_LIST_BOX_ROW);
  g_assert_null (gtk_widget_get_next_sibling (row));
  heading = gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, heading, 0, &probe.iter, NULL, NULL));

  press (s, GDK_KEY_Return, 0);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (focus_widget (s) == GTK_WIDGET (probe.view));
  check_focus (s);
  wait_until (heading_on_screen, &probe, 5000, "the heading to scroll into view");
}

static void
assert_property (GtkWidget             *widget,
                 GtkAccessibleProperty  property,
                 const char            *expected)
{
  g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  property, expected);

  if (mismatch != NULL)
    g_error ("%s: expected “%s”, got “%s”", G_OBJECT_TYPE_NAME (widget), expected, mismatch);
}

static void
assert_description (GtkWidget  *widget,
                    const char *expected)
{
  assert_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
assert_label (GtkWidget  *widget,
              const char *expected)
{
  assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

/* Tab to the canvas; arrows pick an answer, Enter takes it, to an outcome. */
static void
walk_flowchart (Session *s)
{
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (s->window));
  MpFlowCanvas *canvas = mp_flow_pane_get_canvas (pane);
  MpFlowWalk *walk = mp_flow_pane_get_walk (pane);
  MpFlowchart *chart = mp_flow_walk_get_chart (walk);
  const char *expected[] = { "S1", "S3", "S5", "S7" };
  const char *about = mp_flowchart_get_acc_description (chart);
  g_autofree char *expected_text = NULL;
  const MpFlowNode *outcome;
  GtkWidget *card;

  wait_until (layout_ready, canvas, 20000, "the flowchart layout");
  tab_to (s, FALSE, is_widget, canvas, "the flowchart canvas");
  g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk))->id, ==, "S1");
  expected_text = g_strdup_printf ("Current step: Do you want a major education role? "
                                   "Answers: No, Yes. Arrow keys choose an answer, Enter "
                                   "takes it, Backspace goes back. %s", about);
  assert_description (GTK_WIDGET (canvas), expected_text);
  g_clear_pointer (&expected_text, g_free);
  /* The answer ring marks the keyboard focus: it leaves with it. */
  press (s, GDK_KEY_Right, 0);
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (canvas), >=, 0);
  press (s, GDK_KEY_Tab, GDK_SHIFT_MASK);
  g_assert_false (focus_widget (s) == GTK_WIDGET (canvas));
  check_focus (s);
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (canvas), ==, -1);
  press (s, GDK_KEY_Tab, 0);
  g_assert_true (focus_widget (s) == GTK_WIDGET (canvas));
  /* Yes, Yes, Yes: Right steps through the answers until "Yes" has the focus. */
  for (guint step = 1; step < G_N_ELEMENTS (expected); step++)
    {
      const MpFlowEdge *edge = NULL;

      for (guint i = 0; i < 4 && (edge == NULL || g_strcmp0 (edge->label, "Yes") != 0); i++)
        {
          press (s, GDK_KEY_Right, 0);
          g_assert_cmpint (mp_flow_canvas_get_focus_edge (canvas), >=, 0);
          edge = mp_flowchart_get_edge (chart, mp_flow_canvas_get_focus_edge (canvas));
        }
      g_assert_cmpstr (edge->label, ==, "Yes");
      press (s, GDK_KEY_Return, 0);
      g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk))->id, ==,
                       expected[step]);
    }
  g_assert_true (mp_flow_walk_is_at_outcome (walk));
  outcome = mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk));
  expected_text = g_strdup_printf ("Outcome: %s. %s", outcome->label, about);
  assert_description (GTK_WIDGET (canvas), expected_text);
  card = mp_test_find_with_class (GTK_WIDGET (pane), "flow-card");
  g_assert_nonnull (card);
  assert_label (card, "Outcome");
  g_free (expected_text);
  expected_text = g_strconcat (outcome->label, " ", outcome->tooltip, NULL);
  assert_description (card, expected_text);
}

static void
move_sliders (Session *s)
{
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (s->window));

  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    {
      GtkRange *slider = mp_weights_panel_get_slider (panel, c);
      GtkAdjustment *adjustment = gtk_range_get_adjustment (slider);
      double before = gtk_adjustment_get_value (adjustment);
      double step = gtk_adjustment_get_step_increment (adjustment);
      gboolean up = before + step <= gtk_adjustment_get_upper (adjustment);

      g_assert_cmpfloat (step, >, 0);
      tab_to (s, FALSE, is_widget, slider, "a weight slider");
      press (s, up ? GDK_KEY_Right : GDK_KEY_Left, 0);
      g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment),
                                      before + (up ? step : -step), 1e-9);
    }
}

static gboolean
is_list_row (GtkWidget *focus,
             gpointer   list)
{
  return focus != list && gtk_widget_is_ancestor (focus, list);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text,
            gboolean    shown)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text) &&
      (!shown || gtk_widget_is_drawable (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text, shown))
      return TRUE;
  return FALSE;
}

static void
open_details (Session *s)
{
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (s->window));
  GtkWidget *list = mp_weights_panel_get_list_view (panel);
  GtkWidget *details = mp_weights_panel_get_details (panel);
  GtkWidget *row;
  MpProgram *program;

  row = tab_to (s, FALSE, is_list_row, list, "a row of the ranking");
  press (s, GDK_KEY_Return, 0);
  settle (100);
  /* Wide, the details sit beside the ranking; else they take its page. */
  if (mp_weights_panel_get_wide (panel))
    details = gtk_widget_get_ancestor (focus_widget (s), MP_TYPE_PROGRAM_DETAILS);
  g_assert_nonnull (details);
  program = mp_program_details_get_program (MP_PROGRAM_DETAILS (details));
  g_assert_nonnull (program);
  /* The program of the row Enter was pressed on, not an older selection. */
  g_assert_true (shows_text (row, mp_program_get_name (program), FALSE));
  g_assert_true (shows_text (details, mp_program_get_name (program), TRUE));
  g_assert_true (is_inside (focus_widget (s), details));
  check_focus (s);
}

static gboolean
is_active (gpointer window)
{
  return gtk_window_is_active (window);
}

static void
test_session (void)
{
  Session s = { g_object_new (MP_TYPE_WINDOW, NULL) };
  g_autoptr(GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *path;

  s.unnamed = unnamed;

  gtk_window_set_default_size (GTK_WINDOW (s.window), 1500, 950);
  mp_window_open_bundled (s.window);
  gtk_window_present (GTK_WINDOW (s.window));
  settle (300);

  wait_until (is_active, s.window, 5000, "the window to become active");
  g_assert_true (GTK_IS_TEXT_VIEW (focus_widget (&s)));
  jump_to_section (&s);
  walk_flowchart (&s);
  move_sliders (&s);
  open_details (&s);
  g_test_message ("%u focused controls checked for a name", s.n_checked);
  g_assert_cmpuint (s.n_checked, >, 10);
  g_hash_table_iter_init (&iter, unnamed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &path, NULL))
    g_printerr ("no accessible name: %s\n", path);
  g_assert_cmpuint (g_hash_table_size (unnamed), ==, 0);

  gtk_window_destroy (GTK_WINDOW (s.window));
  mp_test_iterate ();
}

static gboolean
is_answer (GtkWidget *focus,
           gpointer   label)
{
  return GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), label) == 0 &&
         gtk_widget_get_ancestor (focus, MP_TYPE_FLOW_PANE) != NULL;
}

/* The question card's buttons are rebuilt at each step: the keyboard focus
 * stays in the card, on the new first answer, then on the outcome's link. */
static void
test_card_walk (void)
{
  Session s = { g_object_new (MP_TYPE_WINDOW, NULL) };
  g_autoptr(GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (s.window));
  MpFlowWalk *walk;
  MpFlowchart *chart;
  const char *expected[] = { "S3", "S5", "S7" };
  GtkWidget *focus;

  s.unnamed = unnamed;
  gtk_window_set_default_size (GTK_WINDOW (s.window), 1500, 950);
  mp_window_open_bundled (s.window);
  gtk_window_present (GTK_WINDOW (s.window));
  wait_until (is_active, s.window, 5000, "the window to become active");
  wait_until (layout_ready, mp_flow_pane_get_canvas (pane), 20000, "the flowchart layout");
  walk = mp_flow_pane_get_walk (pane);
  chart = mp_flow_walk_get_chart (walk);
  /* The window restores the last walk from the settings: start afresh. */
  mp_flow_walk_restart (walk);
  tab_to (&s, FALSE, is_answer, (gpointer) "Yes", "the card's Yes");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      focus = focus_widget (&s);
      if (!is_answer (focus, (gpointer) "Yes"))
        tab_to (&s, FALSE, is_answer, (gpointer) "Yes", "the card's Yes");
      press (&s, GDK_KEY_space, 0);
      g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk))->id, ==,
                       expected[i]);
      focus = focus_widget (&s);
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (pane)));
      g_assert_true (GTK_IS_BUTTON (focus));
      check_focus (&s);
    }
  g_assert_true (mp_flow_walk_is_at_outcome (walk));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus_widget (&s))), ==, "_Read the Section");
  /* Start Over turns insensitive as it works: the focus goes to the first answer. */
  tab_to (&s, FALSE, is_answer, (gpointer) "_Start Over", "Start Over");
  press (&s, GDK_KEY_space, 0);
  g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk))->id, ==, "S1");
  g_assert_true (is_answer (focus_widget (&s), (gpointer) "No"));
  g_assert_cmpuint (g_hash_table_size (unnamed), ==, 0);

  gtk_window_destroy (GTK_WINDOW (s.window));
  mp_test_iterate ();
}

/* Links in the article: Tab steps through them, Enter follows one, and Tab
 * past the last one leaves the article. */
static void
test_article_links (void)
{
  Session s = { g_object_new (MP_TYPE_WINDOW, NULL) };
  g_autoptr(GHashTable) unnamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/keyboard-links.md");
  MpArticleView *article = MP_ARTICLE_VIEW (mp_window_get_article_view (s.window));
  HeadingProbe probe = { mp_article_view_get_text_view (article) };
  const char *expected[] = { "the second part", "the third part" };
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  s.unnamed = unnamed;
  gtk_window_set_default_size (GTK_WINDOW (s.window), 1200, 700);
  g_assert_true (mp_window_open_file (s.window, file));
  /* The view fills a new buffer for each document. */
  buffer = gtk_text_view_get_buffer (probe.view);
  gtk_window_present (GTK_WINDOW (s.window));
  wait_until (is_active, s.window, 5000, "the window to become active");
  settle (200);
  gtk_widget_grab_focus (GTK_WIDGET (probe.view));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *selected = NULL;

      press (&s, GDK_KEY_Tab, 0);
      g_assert_true (focus_widget (&s) == GTK_WIDGET (probe.view));
      g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
      selected = gtk_text_iter_get_text (&start, &end);
      g_assert_cmpstr (selected, ==, expected[i]);
    }
  press (&s, GDK_KEY_Return, 0);
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Third part\n", 0, &probe.iter, NULL, NULL));
  wait_until (heading_on_screen, &probe, 5000, "the linked heading to scroll into view");
  /* The link is still the selection: Tab goes past it, out of the article. */
  press (&s, GDK_KEY_Tab, 0);
  g_assert_false (focus_widget (&s) == GTK_WIDGET (probe.view));
  g_assert_false (gtk_text_buffer_get_has_selection (buffer));

  gtk_window_destroy (GTK_WINDOW (s.window));
  mp_test_iterate ();
}

/* Announcements ---------------------------------------------------------------- */

/* The pane's own find entry (its drop-down has one too, in its popup). */
static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_REVEALER) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
described_as (gpointer data)
{
  GtkWidget *widget = data;
  g_autofree char *mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        g_object_get_data (G_OBJECT (widget), "expected"));

  return mismatch == NULL;
}

/* The error banner is an alert; the flowchart's match count reaches the
 * find entry's description. */
static void
test_announcements (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/folder/missing.md");
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (window));
  GtkWidget *banner, *entry;

  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (layout_ready, mp_flow_pane_get_canvas (pane), 20000, "the flowchart layout");
  g_assert_false (mp_window_open_file (window, missing));
  banner = mp_test_find_with_class (GTK_WIDGET (window), "banner");
  g_assert_nonnull (banner);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (banner), GTK_ACCESSIBLE_ROLE_ALERT);

  mp_flow_pane_start_search (pane);
  entry = find_search_entry (GTK_WIDGET (pane));
  g_assert_nonnull (entry);
  g_object_set_data (G_OBJECT (entry), "expected", (gpointer) "2 matches");
  gtk_editable_set_text (GTK_EDITABLE (entry), "master");
  wait_until (described_as, entry, 2000, "the match count on the find entry");

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

/* Shortcuts window ------------------------------------------------------------ */

static void
add_accelerators (GHashTable *names,
                  const char *accelerators)
{
  g_auto(GStrv) parts = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint key;
      GdkModifierType mods;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (parts[i], &key, &mods));
      g_hash_table_add (names, gtk_accelerator_name (key, mods));
    }
}

static void
collect_shown (GtkWidget  *widget,
               GHashTable *names)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      add_accelerators (names, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shown (child, names);
}

/* Key bindings our own widget classes install (Escape in the panel, F9 in
 * the window, …), found through their shortcut controllers. */
static void
collect_bindings (GtkWidget  *widget,
                  gboolean    all,
                  GHashTable *names)
{
  if (all || g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Mp"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger))
                g_hash_table_add (names, gtk_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                                               gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && !all;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, all, names);
}

/* Every accelerator the application sets, and every key binding of our
 * widgets, is in the Keyboard Shortcuts window. */
static void
test_shortcuts_window (void)
{
  g_autoptr(MpApplication) app = mp_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  g_autoptr(GHashTable) bindings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *plain_window, *plain_popover;
  GHashTableIter iter;
  const char *name;
  MpWindow *main_window;
  GtkWidget *window;
  guint n_accels = 0;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/mp-shortcuts-window.ui");
  window = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
  collect_shown (window, shown);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                   actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint key;
          GdkModifierType mods;
          g_autofree char *name = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &key, &mods));
          name = gtk_accelerator_name (key, mods);
          if (!g_hash_table_contains (shown, name))
            g_error ("%s (%s) is missing from the Keyboard Shortcuts window", accels[j], actions[i]);
          n_accels++;
        }
    }
  g_assert_cmpuint (n_accels, >=, 12);
  gtk_window_destroy (GTK_WINDOW (window));

  /* GtkWindow's own bindings (Tab, keypad arrows, the inspector) come with
   * MpWindow's class; they are GTK's, not ours. */
  plain_window = gtk_window_new ();
  collect_bindings (plain_window, TRUE, inherited);
  gtk_window_destroy (GTK_WINDOW (plain_window));
  /* So are GtkPopover's (the outline is one). */
  plain_popover = g_object_ref_sink (gtk_popover_new ());
  collect_bindings (plain_popover, TRUE, inherited);
  g_object_unref (plain_popover);
  main_window = g_object_new (MP_TYPE_WINDOW, NULL);
  mp_window_open_bundled (main_window);
  /* The flowchart and the panel join after the first frame: now, here. */
  mp_window_get_flow_pane (main_window);
  collect_bindings (GTK_WIDGET (main_window), FALSE, bindings);
  g_hash_table_iter_init (&iter, bindings);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (shown, name) && !g_hash_table_contains (inherited, name))
      g_error ("key binding %s is missing from the Keyboard Shortcuts window", name);
  g_assert_true (g_hash_table_contains (bindings, "F9"));
  g_assert_true (g_hash_table_contains (bindings, "Escape"));
  gtk_window_destroy (GTK_WINDOW (main_window));
  mp_test_iterate ();
}

static GtkWindow *
find_shortcuts_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }
  return NULL;
}

/* Ctrl+? is win.show-help-overlay: it opens the window, over the main one. */
static void
test_shortcuts_action (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  GtkWindow *shortcuts;
  GtkWidget *popover;

  gtk_window_present (GTK_WINDOW (window));
  mp_test_iterate ();
  g_assert_null (find_shortcuts_window (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  mp_test_iterate ();
  shortcuts = find_shortcuts_window (GTK_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_destroy (shortcuts);

  /* F9 is win.show-outline: the Outline button's popover opens. */
  popover = mp_article_view_get_outline_popover (MP_ARTICLE_VIEW (mp_window_get_article_view (window)));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-outline", NULL));
  mp_test_iterate ();
  g_assert_true (gtk_widget_get_visible (popover));
  /* GTK 4.8 may still ask an open popover's surface for the pointer while the
   * window goes: close it first. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  mp_test_iterate ();
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyboard/session", test_session);
  g_test_add_func ("/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/keyboard/shortcuts-action", test_shortcuts_action);
  g_test_add_func ("/keyboard/announcements", test_announcements);
  g_test_add_func ("/keyboard/card-walk", test_card_walk);
  g_test_add_func ("/keyboard/article-links", test_article_links);

  return g_test_run ();
}
