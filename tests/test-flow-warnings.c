/* test-flow-warnings.c: the flowchart pane shows what Mermaid would refuse
 * and what the tree check finds, each with its line of Mermaid
 *
 * MP_SCREENSHOT=FILE.png saves the window with the warnings open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-flow-pane.h"
#include "mp-window.h"

static const char tree[] =
  "# A tree with problems\n\nSome text.\n\n```mermaid\nflowchart TD\n"
  "  Q1{Start here?} -->|yes| Q2{Second question?}\n"
  "  Q1 --> X[Plain answer]\n"
  "  Q2 -->|yes| L1[Loop one] --> L2[Loop two] --> L1\n"
  "  Q2 -->|no| D{Dead end}\n"
  "  Z@{ shape: blob, label: \"Unknown shape\" }\n"
  "  click X \"#a-tree-with-problems\" \"Why X\"\n"
  "```\n";

static gboolean
has_walk (MpWindow *window)
{
  GtkWidget *pane = mp_window_get_flow_pane (window);

  return pane != NULL && mp_flow_pane_get_walk (MP_FLOW_PANE (pane)) != NULL;
}

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_EXPANDER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *path)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  GTK_WIDGET_GET_CLASS (window)->snapshot (window, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                              gtk_widget_get_height (window)));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_pane_shows_warnings (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-warn-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tree.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  GtkWidget *expander;
  GtkWidget *label;
  const char *text;
  const char *shot = g_getenv ("MP_SCREENSHOT");
  gint64 start = g_get_monotonic_time ();

  g_assert_true (g_file_set_contents (path, tree, -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 820);
  g_assert_true (mp_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  while (!has_walk (window))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_main_context_iteration (NULL, TRUE);
    }

  expander = find_expander (mp_window_get_flow_pane (window));
  g_assert_nonnull (expander);
  g_assert_true (gtk_widget_get_visible (expander));
  g_assert_cmpstr (gtk_expander_get_label (GTK_EXPANDER (expander)), ==, "5 warnings about this flowchart");
  label = gtk_expander_get_child (GTK_EXPANDER (expander));
  label = gtk_widget_get_first_child (gtk_widget_get_first_child (label));
  g_assert_true (GTK_IS_LABEL (label));
  text = gtk_label_get_text (GTK_LABEL (label));
  /* Each message names the place, with the Mermaid line under it. */
  g_assert_nonnull (strstr (text, "tree.md:8:6: an answer of decision “Q1” has no label\n  Q1 --> X[Plain answer]"));
  g_assert_nonnull (strstr (text, "tree.md:11:14: Mermaid has no shape named “blob”"));
  g_assert_nonnull (strstr (text, "no path from the start “Q1” reaches “Z”"));
  g_assert_nonnull (strstr (text, "decision “D” has no answer"));
  g_assert_nonnull (strstr (text, "the walk can loop forever"));

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  if (shot != NULL)
    {
      for (int i = 0; i < 30; i++)
        g_main_context_iteration (NULL, FALSE), g_usleep (20000);
      save_screenshot (GTK_WIDGET (window), shot);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flow-warnings/pane", test_pane_shows_warnings);
  return g_test_run ();
}
