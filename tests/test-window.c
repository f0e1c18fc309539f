/* test-window.c: the real window, under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mp-article-view.h"
#include "mp-flow-pane.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static MpWindow *
new_window (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);

  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static void
test_three_areas (void)
{
  MpWindow *window = new_window ();

  g_assert_null (mp_window_get_banner_message (window));
  g_assert_nonnull (mp_window_get_document (window));
  g_assert_true (MP_IS_ARTICLE_VIEW (mp_window_get_article_view (window)));
  g_assert_true (MP_IS_FLOW_PANE (mp_window_get_flow_pane (window)));
  g_assert_true (MP_IS_WEIGHTS_PANEL (mp_window_get_weights_panel (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_article_view (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_flow_pane (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_weights_panel (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

static void
test_bad_file_keeps_document (void)
{
  MpWindow *window = new_window ();
  MpDocument *before = mp_window_get_document (window);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/folder/missing.md");

  g_assert_false (mp_window_open_file (window, missing));
  g_assert_true (mp_window_get_document (window) == before);
  g_assert_nonnull (mp_window_get_banner_message (window));
  g_assert_nonnull (strstr (mp_window_get_banner_message (window), "missing.md"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/three-areas", test_three_areas);
  g_test_add_func ("/window/bad-file-keeps-document", test_bad_file_keeps_document);

  return g_test_run ();
}
