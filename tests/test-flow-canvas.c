/* test-flow-canvas.c: the flowchart pane and canvas, clicked and typed at under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-flow-pane.h"
#include "mp-test-utils.h"
#include "mp-window.h"

typedef struct {
  GtkWindow    *window;
  MpFlowPane   *pane;
  MpFlowCanvas *canvas;
  char         *outcome_id;
  char         *outcome_label;
  char        **outcome_classes;
  guint         outcomes;
  char         *section;
  guint         state_notifies;
} Fixture;

static gboolean
on_timeout (gpointer data)
{
  g_error ("timed out waiting for the flowchart layout");
  return G_SOURCE_REMOVE;
}

static void
wait_for_layout (Fixture *fixture)
{
  guint id = g_timeout_add_seconds (10, on_timeout, NULL);

  while (mp_flow_canvas_get_layout (fixture->canvas) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
  mp_test_iterate ();
}

static void
on_outcome_changed (MpFlowPane         *pane,
                    const char         *node_id,
                    const char         *label,
                    const char * const *classes,
                    Fixture            *fixture)
{
  g_free (fixture->outcome_id);
  g_free (fixture->outcome_label);
  g_strfreev (fixture->outcome_classes);
  fixture->outcome_id = g_strdup (node_id);
  fixture->outcome_label = g_strdup (label);
  fixture->outcome_classes = g_strdupv ((char **) classes);
  fixture->outcomes++;
}

static void
on_open_section (MpFlowPane *pane,
                 const char *id,
                 Fixture    *fixture)
{
  g_free (fixture->section);
  fixture->section = g_strdup (id);
}

static void
on_state_notify (Fixture *fixture)
{
  fixture->state_notifies++;
}

static char *
bundled_block (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/article/master-plan.md", 0, NULL);
  const char *text = g_bytes_get_data (bytes, NULL);
  const char *start = strstr (text, "```mermaid\n") + strlen ("```mermaid\n");
  const char *end = strstr (start, "\n```");

  return g_strndup (start, end - start + 1);
}

/* The pane with the bundled article, through MpDocument when it finds the
 * article's mermaid block, else with the block's text. */
static void
show_bundled (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);
  g_autoptr(MpDocument) document = mp_document_new_from_file (file, NULL, NULL);

  if (document != NULL && mp_document_get_n_mermaid_blocks (document) > 0)
    mp_flow_pane_set_document (fixture->pane, document);
  else
    {
      g_autofree char *block = bundled_block ();

      mp_flow_pane_set_source (fixture->pane, block, "master-plan.md");
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->pane = MP_FLOW_PANE (mp_flow_pane_new ());
  fixture->canvas = mp_flow_pane_get_canvas (fixture->pane);
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  g_signal_connect (fixture->pane, "outcome-changed", G_CALLBACK (on_outcome_changed), fixture);
  g_signal_connect (fixture->pane, "open-section", G_CALLBACK (on_open_section), fixture);
  g_signal_connect_swapped (fixture->pane, "notify::walk-state", G_CALLBACK (on_state_notify), fixture);
  show_bundled (fixture);
  gtk_window_present (fixture->window);
  wait_for_layout (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  mp_test_iterate ();
  g_free (fixture->outcome_id);
  g_free (fixture->outcome_label);
  g_strfreev (fixture->outcome_classes);
  g_free (fixture->section);
}

static guint
node (Fixture    *fixture,
      const char *id)
{
  MpFlowchart *chart = mp_flow_walk_get_chart (mp_flow_pane_get_walk (fixture->pane));
  int index = mp_flowchart_find_node (chart, id);

  g_assert_cmpint (index, >=, 0);
  return (guint) index;
}

static const char *
current_id (Fixture *fixture)
{
  MpFlowWalk *walk = mp_flow_pane_get_walk (fixture->pane);

  return mp_flowchart_get_node (mp_flow_walk_get_chart (walk), mp_flow_walk_get_current (walk))->id;
}

/* Clicks at a point of the layout, through the canvas's own click handling. */
static gboolean
click_layout_point (Fixture *fixture,
                    double   lx,
                    double   ly)
{
  double x, y;
  gboolean answered;

  mp_flow_canvas_layout_to_widget (fixture->canvas, lx, ly, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (fixture->canvas)));
  answered = mp_flow_canvas_click (fixture->canvas, x, y);
  mp_test_iterate ();
  return answered;
}

static gboolean
click_node (Fixture    *fixture,
            const char *id)
{
  const MpFlowLayoutNode *laid = mp_flow_layout_get_node (mp_flow_canvas_get_layout (fixture->canvas),
                                                          node (fixture, id));

  return click_layout_point (fixture, laid->x, laid->y);
}

static int
edge_between (Fixture    *fixture,
              const char *from,
              const char *to)
{
  MpFlowchart *chart = mp_flow_walk_get_chart (mp_flow_pane_get_walk (fixture->pane));

  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);

      if (edge->from.index == node (fixture, from) && edge->to.index == node (fixture, to))
        return (int) i;
    }
  g_assert_not_reached ();
}

static void
test_click_through (Fixture       *fixture,
                    gconstpointer  data)
{
  MpFlowLayout *layout = mp_flow_canvas_get_layout (fixture->canvas);
  const MpFlowLayoutEdge *no_edge;
  g_autofree char *state = NULL;
  g_autofree char *serialized = NULL;

  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_cmpuint (fixture->outcomes, ==, 0);
  fixture->state_notifies = 0;
  /* The default view follows the walk; the whole chart is a button away. */
  mp_flow_canvas_zoom (fixture->canvas, 0);
  mp_test_iterate ();

  /* A node that is not an answer to the current question does nothing. */
  g_assert_false (click_node (fixture, "S7"));
  g_assert_cmpstr (current_id (fixture), ==, "S1");

  /* The target node answers: S1 —Yes→ S3. */
  g_assert_true (click_node (fixture, "S3"));
  g_assert_cmpstr (current_id (fixture), ==, "S3");
  g_assert_cmpuint (fixture->outcomes, ==, 0);

  /* The edge's label answers too: S3 —No→ S4, an outcome. */
  no_edge = mp_flow_layout_get_edge (layout, edge_between (fixture, "S3", "S4"));
  g_assert_true (no_edge->has_label);
  g_assert_true (click_layout_point (fixture, no_edge->label.x + no_edge->label.width / 2,
                                     no_edge->label.y + no_edge->label.height / 2));
  g_assert_cmpstr (current_id (fixture), ==, "S4");
  g_assert_cmpuint (fixture->outcomes, ==, 1);
  g_assert_cmpstr (fixture->outcome_id, ==, "S4");
  g_assert_cmpstr (fixture->outcome_label, ==, "Use smaller, targeted programs");
  g_assert_true (g_strv_contains ((const char * const *) fixture->outcome_classes, "alternatives"));
  g_assert_true (mp_flow_walk_is_at_outcome (mp_flow_pane_get_walk (fixture->pane)));

  /* A node already walked through takes the walk back to it. */
  g_assert_true (click_node (fixture, "S1"));
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_null (fixture->outcome_id);
  g_assert_false (click_node (fixture, "S1"));
  g_assert_true (click_node (fixture, "S3"));
  g_assert_true (click_node (fixture, "S4"));
  g_assert_cmpstr (fixture->outcome_id, ==, "S4");

  /* The walk-state follows every change: 4 answers, 1 jump back over 2 steps. */
  g_assert_cmpuint (fixture->state_notifies, ==, 5);
  g_object_get (fixture->pane, "walk-state", &state, NULL);
  serialized = mp_flow_walk_serialize (mp_flow_pane_get_walk (fixture->pane));
  g_assert_cmpstr (state, ==, serialized);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *description;
  g_autofree char *expected = NULL;

  gtk_test_accessible_assert_role (fixture->canvas, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Should you do a master's in medical education?");
  description = mp_flowchart_get_acc_description (mp_flow_walk_get_chart (mp_flow_pane_get_walk (fixture->pane)));
  g_assert_true (g_str_has_prefix (description, "Three yes-or-no questions"));
  /* The description says where the walk stands, then what the chart is about. */
  expected = g_strconcat ("Current step: Do you want a major education role? Answers: No, Yes. "
                          "Arrow keys choose an answer, Enter takes it, Backspace goes back. ",
                          description, NULL);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->canvas)), ==, NULL);
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (fixture->canvas)));
}

static void
test_edge_line_click (Fixture       *fixture,
                      gconstpointer  data)
{
  MpFlowLayout *layout = mp_flow_canvas_get_layout (fixture->canvas);
  const MpFlowLayoutEdge *yes = mp_flow_layout_get_edge (layout, edge_between (fixture, "S1", "S3"));
  /* The middle control points of a one-segment Bézier: its curve passes
   * between them; take the point at t = 1/2. */
  MpFlowPoint p0 = yes->points[0], p1 = yes->points[1], p2 = yes->points[2], p3 = yes->points[3];
  double x = (p0.x + 3 * p1.x + 3 * p2.x + p3.x) / 8;
  double y = (p0.y + 3 * p1.y + 3 * p2.y + p3.y) / 8;

  g_assert_true (click_layout_point (fixture, x, y));
  g_assert_cmpstr (current_id (fixture), ==, "S3");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_is_visible (child))
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_card (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);

  /* One button per answer, named by the edge labels. */
  g_assert_nonnull (find_button (pane, "No"));
  g_signal_emit_by_name (find_button (pane, "Yes"), "clicked");
  mp_test_iterate ();
  g_assert_cmpstr (current_id (fixture), ==, "S3");
  g_signal_emit_by_name (find_button (pane, "Yes"), "clicked");
  mp_test_iterate ();
  g_signal_emit_by_name (find_button (pane, "No"), "clicked");
  mp_test_iterate ();
  g_assert_cmpstr (current_id (fixture), ==, "S6");
  /* A single unlabelled way on reads "Continue". */
  g_assert_null (find_button (pane, "Yes"));
  g_signal_emit_by_name (find_button (pane, "Continue"), "clicked");
  mp_test_iterate ();
  g_assert_cmpstr (fixture->outcome_id, ==, "S7");
  g_assert_null (find_button (pane, "Continue"));

  /* The outcome links to its section (the click line's #id). */
  g_signal_emit_by_name (find_button (pane, "_Read the Section"), "clicked");
  g_assert_cmpstr (fixture->section, ==, "when-a-masters-is-the-smart-move");

  g_signal_emit_by_name (find_button (pane, "_Back"), "clicked");
  mp_test_iterate ();
  g_assert_cmpstr (current_id (fixture), ==, "S6");
  g_signal_emit_by_name (find_button (pane, "_Start Over"), "clicked");
  mp_test_iterate ();
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_false (gtk_widget_get_sensitive (find_button (pane, "_Back")));
}

static void
test_outcome_and_section (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_true (click_node (fixture, "S3"));
  g_assert_true (click_node (fixture, "S5"));
  g_assert_true (click_node (fixture, "S6"));
  g_assert_cmpuint (fixture->outcomes, ==, 0);
  g_assert_true (click_node (fixture, "S7"));
  g_assert_cmpstr (fixture->outcome_id, ==, "S7");
  g_assert_true (g_strv_contains ((const char * const *) fixture->outcome_classes, "masters"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "flow.zoom-fit", NULL);
  /* Leaving the outcome says so with a NULL id. */
  g_assert_true (mp_flow_walk_back (mp_flow_pane_get_walk (fixture->pane)));
  mp_test_iterate ();
  g_assert_cmpuint (fixture->outcomes, ==, 2);
  g_assert_null (fixture->outcome_id);
}

static GtkEventController *
key_controller (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->canvas));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return controller;
    }
  g_assert_not_reached ();
}

static gboolean
press (Fixture *fixture,
       guint    keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key_controller (fixture), "key-pressed", keyval, 0, 0, &handled);
  mp_test_iterate ();
  return handled;
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));

  /* Tab walks over the answers in order, then lets focus leave. */
  g_assert_true (press (fixture, GDK_KEY_Tab));
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (fixture->canvas), ==, edge_between (fixture, "S1", "S2"));
  g_assert_true (press (fixture, GDK_KEY_Tab));
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (fixture->canvas), ==, edge_between (fixture, "S1", "S3"));
  g_assert_false (press (fixture, GDK_KEY_Tab));
  g_assert_true (press (fixture, GDK_KEY_Up));
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (fixture->canvas), ==, edge_between (fixture, "S1", "S2"));
  g_assert_true (press (fixture, GDK_KEY_Down));

  /* Enter chooses the focused answer. */
  g_assert_true (press (fixture, GDK_KEY_Return));
  g_assert_cmpstr (current_id (fixture), ==, "S3");
  g_assert_cmpint (mp_flow_canvas_get_focus_edge (fixture->canvas), ==, -1);
  g_assert_true (press (fixture, GDK_KEY_Down));
  g_assert_true (press (fixture, GDK_KEY_Down));
  g_assert_true (press (fixture, GDK_KEY_Return));
  g_assert_cmpstr (current_id (fixture), ==, "S5");

  /* Backspace goes back one answer, Home to the start. */
  g_assert_true (press (fixture, GDK_KEY_BackSpace));
  g_assert_cmpstr (current_id (fixture), ==, "S3");
  g_assert_true (press (fixture, GDK_KEY_Home));
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_false (press (fixture, GDK_KEY_BackSpace));
}

static void
test_walk_state_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *state = NULL;
  g_autofree char *after = NULL;

  g_assert_true (click_node (fixture, "S2"));
  g_object_get (fixture->pane, "walk-state", &state, NULL);
  g_assert_nonnull (state);

  g_assert_cmpstr (fixture->outcome_id, ==, "S2");

  /* A new document resets the walk, and the outcome is gone… */
  show_bundled (fixture);
  g_assert_null (fixture->outcome_id);
  g_assert_cmpuint (fixture->outcomes, ==, 2);
  wait_for_layout (fixture);
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  /* …and the saved state brings it back, outcome included. */
  g_free (fixture->outcome_id);
  fixture->outcome_id = NULL;
  g_object_set (fixture->pane, "walk-state", state, NULL);
  mp_test_iterate ();
  g_assert_cmpstr (current_id (fixture), ==, "S2");
  g_assert_cmpstr (fixture->outcome_id, ==, "S2");
  g_object_get (fixture->pane, "walk-state", &after, NULL);
  g_assert_cmpstr (after, ==, state);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double fit, x0, y0, x1, y1;

  mp_flow_pane_zoom (fixture->pane, 0);
  fit = mp_flow_canvas_get_zoom (fixture->canvas);
  g_assert_cmpfloat (fit, >, 0.1);
  mp_flow_pane_zoom (fixture->pane, 1);
  g_assert_cmpfloat_with_epsilon (mp_flow_canvas_get_zoom (fixture->canvas), fit * 1.2, 1e-9);
  mp_flow_pane_zoom (fixture->pane, -1);
  mp_flow_pane_zoom (fixture->pane, -1);
  g_assert_cmpfloat_with_epsilon (mp_flow_canvas_get_zoom (fixture->canvas), fit / 1.2, 1e-9);
  mp_flow_pane_zoom (fixture->pane, 0);
  g_assert_cmpfloat_with_epsilon (mp_flow_canvas_get_zoom (fixture->canvas), fit, 1e-9);

  /* Zooming around a point keeps that point under the pointer. */
  mp_flow_canvas_layout_to_widget (fixture->canvas, 100, 80, &x0, &y0);
  mp_flow_canvas_zoom_at (fixture->canvas, 2.0, x0, y0);
  mp_flow_canvas_layout_to_widget (fixture->canvas, 100, 80, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1, y0, 1e-6);
  g_assert_cmpfloat_with_epsilon (mp_flow_canvas_get_zoom (fixture->canvas), fit * 2, 1e-9);

  /* Panning moves the drawing by as much. */
  mp_flow_canvas_pan (fixture->canvas, 30, -20);
  mp_flow_canvas_layout_to_widget (fixture->canvas, 100, 80, &x1, &y1);
  g_assert_cmpfloat_with_epsilon (x1, x0 + 30, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1, y0 - 20, 1e-6);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_cmpuint (mp_flow_canvas_set_search (fixture->canvas, "MASTER'S"), ==, 2);
  g_assert_cmpint (mp_flow_canvas_next_match (fixture->canvas, FALSE), ==, (int) node (fixture, "S2"));
  g_assert_cmpint (mp_flow_canvas_next_match (fixture->canvas, FALSE), ==, (int) node (fixture, "S7"));
  g_assert_cmpint (mp_flow_canvas_next_match (fixture->canvas, FALSE), ==, (int) node (fixture, "S2"));
  g_assert_cmpint (mp_flow_canvas_next_match (fixture->canvas, TRUE), ==, (int) node (fixture, "S7"));
  g_assert_cmpint (mp_flow_canvas_get_match_index (fixture->canvas), ==, 1);
  g_assert_cmpuint (mp_flow_canvas_set_search (fixture->canvas, "nothing like this"), ==, 0);
  g_assert_cmpint (mp_flow_canvas_next_match (fixture->canvas, FALSE), ==, -1);

  mp_flow_pane_start_search (fixture->pane);
  mp_test_iterate ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)) == FALSE);
}

static GtkStack *
pane_stack (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->pane)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_STACK (child))
      return GTK_STACK (child);
  g_assert_not_reached ();
}

static void
test_parse_error (Fixture       *fixture,
                  gconstpointer  data)
{
  mp_flow_pane_set_source (fixture->pane, "flowchart TD\n  A --> B\n  B -->|x C\n", "broken.mmd");
  mp_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane_stack (fixture)), ==, "error");
  g_assert_null (mp_flow_canvas_get_layout (fixture->canvas));
  g_assert_null (mp_flow_pane_get_walk (fixture->pane));

  show_bundled (fixture);
  wait_for_layout (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane_stack (fixture)), ==, "graph");
}

static void
test_link_outcome (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);

  mp_flow_pane_set_source (fixture->pane,
                           "flowchart LR\n"
                           "  A{Go on?} -->|Yes| B[Read more]\n"
                           "  A -->|No| C[Stop]\n"
                           "  click B \"https://example.org/guide\" \"The guide explains the rest.\"\n",
                           "link.mmd");
  wait_for_layout (fixture);
  g_assert_cmpstr (current_id (fixture), ==, "A");
  g_assert_null (find_button (pane, "_Open https://example.org/guide"));
  g_assert_true (click_node (fixture, "B"));
  g_assert_cmpstr (fixture->outcome_id, ==, "B");
  /* A URL is opened, not looked up as a section, and the button names it
   * in full before it is clicked. */
  g_assert_nonnull (find_button (pane, "_Open https://example.org/guide"));
  g_assert_null (find_button (pane, "_Read the Section"));
}

/* "#http://…" is an anchor: it reads a section, never opens a web page. */
static void
test_anchor_link_stays_a_section (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);

  mp_flow_pane_set_source (fixture->pane,
                           "flowchart LR\n"
                           "  A{Go on?} -->|Yes| B[Read more]\n"
                           "  A -->|No| C[Stop]\n"
                           "  click B \"#http://example.org/\" \"Not a web page\"\n",
                           "anchor.mmd");
  wait_for_layout (fixture);
  g_assert_true (click_node (fixture, "B"));
  g_assert_nonnull (find_button (pane, "_Read the Section"));
  g_assert_null (find_button (pane, "_Open http://example.org/"));
}

static void
test_big_chart_opens_on_first_question (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GString) source = g_string_new ("flowchart TD\n");
  const char *shown[] = { "n0", "n1", "m0" };

  for (guint i = 0; i < 120; i++)
    g_string_append_printf (source, "  n%u{Question %u?} -->|Yes| n%u\n  n%u -->|No| m%u[Answer %u]\n",
                            i, i, i + 1, i, i, i);
  mp_flow_pane_set_source (fixture->pane, source->str, "big.mmd");
  wait_for_layout (fixture);
  g_assert_cmpstr (current_id (fixture), ==, "n0");
  /* Labels at the interface's text size; the question and both answers in view. */
  g_assert_cmpfloat_with_epsilon (mp_flow_canvas_get_zoom (fixture->canvas), 1.0, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const MpFlowRect *box = &mp_flow_layout_get_node (mp_flow_canvas_get_layout (fixture->canvas),
                                                        node (fixture, shown[i]))->box;
      double x0, y0, x1, y1;

      mp_flow_canvas_layout_to_widget (fixture->canvas, box->x, box->y, &x0, &y0);
      mp_flow_canvas_layout_to_widget (fixture->canvas, box->x + box->width, box->y + box->height,
                                       &x1, &y1);
      g_assert_cmpfloat (x0, >=, 0);
      g_assert_cmpfloat (y0, >=, 0);
      g_assert_cmpfloat (x1, <=, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)));
      g_assert_cmpfloat (y1, <=, gtk_widget_get_height (GTK_WIDGET (fixture->canvas)));
    }

  /* Fit still shows the whole chart, however small. */
  mp_flow_pane_zoom (fixture->pane, 0);
  g_assert_cmpfloat (mp_flow_canvas_get_zoom (fixture->canvas), <, 0.5);
}

static void
test_no_flowchart (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = mp_document_new_from_data ("# Title\n\nNo chart here.\n", -1, NULL, &error);

  g_assert_no_error (error);
  mp_flow_pane_set_document (fixture->pane, document);
  mp_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane_stack (fixture)), ==, "empty");
  g_assert_null (mp_flow_canvas_get_layout (fixture->canvas));
}

static void
test_render_node (Fixture       *fixture,
                  gconstpointer  data)
{
  GskRenderNode *graph = mp_flow_canvas_get_graph_node (fixture->canvas);
  MpFlowLayout *layout = mp_flow_canvas_get_layout (fixture->canvas);
  double zoom = mp_flow_canvas_get_zoom (fixture->canvas);
  const MpFlowLayoutNode *s1 = mp_flow_layout_get_node (layout, node (fixture, "S1"));
  cairo_surface_t *surface;
  graphene_rect_t bounds;
  guint8 *pixel;
  cairo_t *cr;

  g_assert_nonnull (graph);
  gsk_render_node_get_bounds (graph, &bounds);
  g_assert_cmpfloat_with_epsilon (bounds.size.width, ceil (mp_flow_layout_get_width (layout) * zoom), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) bounds.size.width,
                                        (int) bounds.size.height);
  cr = cairo_create (surface);
  gsk_render_node_draw (graph, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The current question's outline is drawn in the accent colour: at the
   * diamond's left corner, blue outweighs red. */
  pixel = cairo_image_surface_get_data (surface)
          + (int) (s1->y * zoom) * cairo_image_surface_get_stride (surface)
          + 4 * (int) ((s1->box.x + 1.5) * zoom);
  g_assert_cmpuint (pixel[3], >, 0);
  g_assert_cmpuint (pixel[0], >, pixel[2]);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/flow-canvas/click-through", test_click_through);
  ADD ("/flow-canvas/edge-line-click", test_edge_line_click);
  ADD ("/flow-canvas/accessible", test_accessible);
  ADD ("/flow-canvas/outcome", test_outcome_and_section);
  ADD ("/flow-canvas/keys", test_keys);
  ADD ("/flow-canvas/card", test_card);
  ADD ("/flow-canvas/walk-state", test_walk_state_restore);
  ADD ("/flow-canvas/zoom", test_zoom);
  ADD ("/flow-canvas/search", test_search);
  ADD ("/flow-canvas/parse-error", test_parse_error);
  ADD ("/flow-canvas/no-flowchart", test_no_flowchart);
  ADD ("/flow-canvas/link-outcome", test_link_outcome);
  ADD ("/flow-canvas/anchor-link-stays-a-section", test_anchor_link_stays_a_section);
  ADD ("/flow-canvas/big-chart", test_big_chart_opens_on_first_question);
  ADD ("/flow-canvas/render-node", test_render_node);
#undef ADD

  return g_test_run ();
}
