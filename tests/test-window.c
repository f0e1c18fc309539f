/* test-window.c: the real window, under a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "mp-article-view.h"
#include "mp-flow-pane.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

static void
test_three_areas (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MpWindow *window;

  /* Three views side by side need a large window; smaller ones show fewer. */
  g_settings_set_int (settings, "window-width", 1400);
  g_settings_set_int (settings, "window-height", 900);
  window = mp_test_new_window ();

  g_assert_null (mp_window_get_banner_message (window));
  g_assert_nonnull (mp_window_get_document (window));
  g_assert_true (MP_IS_ARTICLE_VIEW (mp_window_get_article_view (window)));
  g_assert_true (MP_IS_FLOW_PANE (mp_window_get_flow_pane (window)));
  g_assert_true (MP_IS_WEIGHTS_PANEL (mp_window_get_weights_panel (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_article_view (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_flow_pane (window)));
  g_assert_true (gtk_widget_get_mapped (mp_window_get_weights_panel (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* The first descendant of @root of @type, or NULL. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* The first frame holds the header bar and the article; the flowchart and
 * the panel arrive by themselves right after it, with the document. */
static void
test_first_frame (void)
{
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  guint frames = 0;
  gulong handler;
  GtkWidget *flow_pane;

  gtk_window_present (GTK_WINDOW (window));
  mp_window_open_bundled (window);
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_after_paint), &frames);
  while (frames == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_widget (GTK_WIDGET (window), MP_TYPE_ARTICLE_VIEW));
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (window), MP_TYPE_ARTICLE_VIEW)));
  g_assert_null (find_widget (GTK_WIDGET (window), MP_TYPE_FLOW_PANE));
  g_assert_null (find_widget (GTK_WIDGET (window), MP_TYPE_WEIGHTS_PANEL));

  for (guint i = 0; i < 200 && frames < 3; i++)
    g_main_context_iteration (NULL, TRUE);
  flow_pane = find_widget (GTK_WIDGET (window), MP_TYPE_FLOW_PANE);
  g_assert_nonnull (flow_pane);
  g_assert_true (gtk_widget_get_mapped (flow_pane));
  g_assert_nonnull (mp_flow_pane_get_walk (MP_FLOW_PANE (flow_pane)));
  /* At the default size the panel is the other side view, behind the switcher. */
  g_assert_nonnull (find_widget (GTK_WIDGET (window), MP_TYPE_WEIGHTS_PANEL));

  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

/* The program itself, started as `masterplan FILE.md` and as `masterplan`:
 * it shows its window, paints it whole and quits cleanly (it reports its
 * frames and quits with MASTERPLAN_STARTUP_REPORT=1). */
static void
run_program (const char *file)
{
  const char *argv[] = { MASTERPLAN_PROGRAM, file, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "MASTERPLAN_STARTUP_REPORT", "1", TRUE);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("masterplan %s failed (status %d):\n%s", file != NULL ? file : "", status, err);
  g_assert_nonnull (strstr (err, "startup: first-frame "));
  g_assert_nonnull (strstr (err, "startup: complete "));
}

static void
test_program_starts (void)
{
  run_program (NULL);
  run_program (TEST_DATA_DIR "/reader-table-image.md");
  run_program (TEST_DATA_DIR "/flow-article.md");
}

static void
test_bad_file_keeps_document (void)
{
  MpWindow *window = mp_test_new_window ();
  MpDocument *before = mp_window_get_document (window);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/folder/missing.md");

  g_assert_false (mp_window_open_file (window, missing));
  g_assert_true (mp_window_get_document (window) == before);
  g_assert_nonnull (mp_window_get_banner_message (window));
  g_assert_nonnull (strstr (mp_window_get_banner_message (window), "missing.md"));

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/three-areas", test_three_areas);
  g_test_add_func ("/window/first-frame", test_first_frame);
  g_test_add_func ("/window/program-starts", test_program_starts);
  g_test_add_func ("/window/bad-file-keeps-document", test_bad_file_keeps_document);

  return g_test_run ();
}
