/* test-live-reload.c: the opened file changes on disk; the window follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-article-view.h"
#include "mp-flow-canvas.h"
#include "mp-flow-pane.h"
#include "mp-window.h"

#define WAIT_LIMIT_US (10 * G_USEC_PER_SEC)

/* Under AddressSanitizer everything that allocates runs several times
 * slower: the one-second promise holds for plain builds. */
#if defined(__SANITIZE_ADDRESS__)
#define TIME_SCALE 5
#else
#define TIME_SCALE 1
#endif

typedef gboolean (*Condition) (MpWindow *window);

/* Runs the main loop until @done holds; returns the time it took (µs). */
static gint64
wait_until (MpWindow  *window,
            Condition  done)
{
  gint64 start = g_get_monotonic_time ();

  while (!done (window))
    {
      g_assert_cmpint (g_get_monotonic_time () - start, <, WAIT_LIMIT_US);
      g_main_context_iteration (NULL, TRUE);
    }
  return g_get_monotonic_time () - start;
}

static char *
article (const char *title,
         const char *last_edge)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "# %s\n\n", title);
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "Paragraph %u of the article, long enough to take a line or two on screen.\n\n", i);
  g_string_append_printf (text, "## Flow\n\n```mermaid\nflowchart TD\n  A -->|a| B -->|b| C -->|c| %s\n```\n", last_edge);
  return g_string_free (text, FALSE);
}

static gboolean
has_walk (MpWindow *window)
{
  GtkWidget *pane = mp_window_get_flow_pane (window);

  return pane != NULL && mp_flow_pane_get_walk (MP_FLOW_PANE (pane)) != NULL;
}

static gboolean
shows_two (MpWindow *window)
{
  return g_str_equal (mp_document_get_title (mp_window_get_document (window)), "Two");
}

static gboolean
has_banner (MpWindow *window)
{
  return mp_window_get_banner_message (window) != NULL;
}

static GtkTextView *
text_view (MpWindow *window)
{
  return mp_article_view_get_text_view (MP_ARTICLE_VIEW (mp_window_get_article_view (window)));
}

static int
top_offset (MpWindow *window)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (text_view (window), &visible);
  gtk_text_view_get_iter_at_location (text_view (window), &iter, visible.x, visible.y);
  return gtk_text_iter_get_offset (&iter);
}

static gboolean
scrolled_down (MpWindow *window)
{
  return top_offset (window) > 1000;
}

static MpFlowWalk *
walk_of (MpWindow *window)
{
  return mp_flow_pane_get_walk (MP_FLOW_PANE (mp_window_get_flow_pane (window)));
}

static const char *
current_id (MpWindow *window)
{
  MpFlowWalk *walk = walk_of (window);

  return mp_flowchart_get_node (mp_flow_walk_get_chart (walk), mp_flow_walk_get_current (walk))->id;
}

static void
choose (MpWindow   *window,
        const char *id)
{
  MpFlowWalk *walk = walk_of (window);

  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (mp_flow_walk_get_chart (walk), id)));
}

static void
test_reload_keeps_place (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-reload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.md", NULL);
  g_autofree char *one = article ("One", "D");
  g_autofree char *two = article ("Two", "E");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  GtkTextIter iter;
  GtkTextBuffer *buffer;
  int before;
  gint64 took;

  g_assert_true (g_file_set_contents (path, one, -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (mp_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  wait_until (window, has_walk);
  choose (window, "B");
  choose (window, "C");

  /* Read on to paragraph 30. */
  buffer = gtk_text_view_get_buffer (text_view (window));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 2400);
  gtk_text_view_scroll_to_iter (text_view (window), &iter, 0, TRUE, 0, 0);
  wait_until (window, scrolled_down);
  before = top_offset (window);

  /* The author saves a new version: same place, same answers (C is still there). */
  g_assert_true (g_file_set_contents (path, two, -1, NULL));
  took = wait_until (window, shows_two);
  g_test_message ("reloaded %.0f ms after the save", took / 1000.0);
  g_assert_cmpint (took, <, G_USEC_PER_SEC * TIME_SCALE);
  wait_until (window, scrolled_down);
  g_assert_cmpint (ABS (top_offset (window) - before), <, 100);
  g_assert_cmpstr (current_id (window), ==, "C");
  g_assert_cmpuint (mp_flow_walk_get_path_edges (walk_of (window))->len, ==, 2);
  g_assert_null (mp_window_get_banner_message (window));

  /* A save that no longer reads keeps the last good version, with the error. */
  g_assert_true (g_file_set_contents (path, "# Three\n\n\xff\xfe broken\n", -1, NULL));
  wait_until (window, has_banner);
  g_assert_true (strstr (mp_window_get_banner_message (window), "plan.md") != NULL);
  g_assert_cmpstr (mp_document_get_title (mp_window_get_document (window)), ==, "Two");
  g_assert_cmpstr (current_id (window), ==, "C");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
banner_names_place (MpWindow *window)
{
  const char *banner = mp_window_get_banner_message (window);

  /* The block's broken line is line 127 of the file that article() writes. */
  return banner != NULL && g_regex_match_simple ("plan\\.md:127:[0-9]+: ", banner, 0, 0);
}

static gboolean
shows_chart_with (MpWindow   *window,
                  const char *id)
{
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (window));
  MpFlowLayout *layout = mp_flow_canvas_get_layout (mp_flow_pane_get_canvas (pane));
  MpFlowWalk *walk = mp_flow_pane_get_walk (pane);

  g_test_message ("title %s layout %p walk %p canvas walk %p find %d", mp_document_get_title (mp_window_get_document (window)), layout, walk, mp_flow_canvas_get_walk (mp_flow_pane_get_canvas (pane)), walk ? mp_flowchart_find_node (mp_flow_walk_get_chart (walk), id) : -9);
  return layout != NULL && walk != NULL && mp_flow_canvas_get_walk (mp_flow_pane_get_canvas (pane)) == walk &&
         mp_flowchart_find_node (mp_flow_walk_get_chart (walk), id) >= 0;
}

static gboolean
shows_d (MpWindow *window)
{
  return shows_chart_with (window, "D");
}

static gboolean
shows_e (MpWindow *window)
{
  return shows_chart_with (window, "E");
}

static void
test_reload_keeps_last_good_chart (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-reload-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.md", NULL);
  g_autofree char *good = article ("Good", "D");
  g_autofree char *broken = article ("Broken", "D[unclosed");
  g_autofree char *fixed = article ("Fixed", "E");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);

  g_assert_true (g_file_set_contents (path, good, -1, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_assert_true (mp_window_open_file (window, file));
  gtk_window_present (GTK_WINDOW (window));
  /* At this width the views may share a switcher: a chart is laid out
   * only while its pane is on screen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "flowchart");
  wait_until (window, shows_d);
  choose (window, "B");

  /* The article reads, its mermaid block does not: the old chart stays. */
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));
  wait_until (window, has_banner);
  g_test_message ("banner: %s", mp_window_get_banner_message (window));
  g_assert_true (banner_names_place (window));
  g_assert_cmpstr (mp_document_get_title (mp_window_get_document (window)), ==, "Broken");
  g_assert_true (shows_d (window));
  g_assert_false (shows_e (window));
  g_assert_cmpstr (current_id (window), ==, "B");

  /* Fixed: the new chart, and the banner goes. */
  g_assert_true (g_file_set_contents (path, fixed, -1, NULL));
  wait_until (window, shows_e);
  g_assert_cmpstr (mp_document_get_title (mp_window_get_document (window)), ==, "Fixed");
  g_assert_false (shows_d (window));
  g_assert_null (mp_window_get_banner_message (window));
  g_assert_cmpstr (current_id (window), ==, "B");

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/live-reload/keeps-place", test_reload_keeps_place);
  g_test_add_func ("/live-reload/keeps-last-good-chart", test_reload_keeps_last_good_chart);
  return g_test_run ();
}
