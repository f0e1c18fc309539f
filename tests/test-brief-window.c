/* test-brief-window.c: the brief in the real window: My Choice fills the
 * planner's notes, and the brief saved from the window carries them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-brief-actions.h"
#include "mp-brief-source.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

#define CHOSEN "larkspur-msc-med-ed"

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWindow *
find_dialog (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }
  return NULL;
}

static char *
pdftotext (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-raw", path, "-", NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  return out;
}

static guint
choice_row (MpPlanner *planner)
{
  MpProgramStore *store = mp_planner_get_store (planner);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    if (g_str_equal (mp_program_get_id (mp_program_store_peek (store, i)), CHOSEN))
      return i + 2; /* after "not chosen yet" and "none" */
  g_assert_not_reached ();
}

static void
test_choice_and_save (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MpWindow *window = g_object_new (MP_TYPE_WINDOW, NULL);
  MpPlanner *planner;
  GtkWindow *dialog;
  GtkWidget *drop_down, *view;
  g_autoptr(MpFlowWalk) walk = NULL;
  g_autoptr(MpBriefNotes) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL, *dir = NULL, *path = NULL, *text = NULL;
  g_autoptr(GFile) file = NULL;

  mp_window_open_bundled (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.brief-choice", NULL));
  iterate ();
  dialog = find_dialog ("My Choice");
  g_assert_nonnull (dialog);
  drop_down = mp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
  view = mp_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), choice_row (planner));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Research is the work I want to lead.", -1);
  {
    g_autofree char *choice = g_settings_get_string (settings, "brief-choice");
    g_autofree char *why = g_settings_get_string (settings, "brief-why");

    g_assert_cmpstr (choice, ==, CHOSEN);
    g_assert_cmpstr (why, ==, "Research is the work I want to lead.");
  }
  /* Under the text, how much of it the brief keeps. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkWidget *count = mp_test_find_named (GTK_WIDGET (dialog), "why-count");
    g_autofree char *long_why = g_strnfill (650, 'x');

    g_assert_nonnull (count);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "36 of 600 characters");
    gtk_text_buffer_set_text (buffer, long_why, -1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==,
                     "650 characters: the brief keeps the first 600, cut at a word");
    g_assert_true (gtk_widget_has_css_class (count, "warning"));
    gtk_text_buffer_set_text (buffer, "Research is the work I want to lead.", -1);
    g_assert_false (gtk_widget_has_css_class (count, "warning"));
  }
  gtk_window_destroy (dialog);

  /* The walk as the flowchart pane would leave it in the planner. */
  walk = mp_brief_source_article_walk (&error);
  g_assert_no_error (error);
  g_assert_true (mp_brief_apply_answers (walk, "S1=Yes,S3=No", &error));
  state = mp_flow_walk_serialize (walk);
  mp_planner_set_walk_state (planner, state);

  dir = g_dir_make_tmp ("test-brief-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "brief.pdf", NULL);
  file = g_file_new_for_path (path);
  notes = mp_brief_notes_new (settings);
  g_assert_true (mp_brief_save_to_file (planner, notes, file, &error));
  g_assert_no_error (error);
  text = pdftotext (path);
  g_assert_nonnull (strstr (text, "Use smaller, targeted programs"));
  g_assert_nonnull (strstr (text, "MSc in Medical Education Research"));
  g_assert_nonnull (strstr (text, "Research is the work I want to lead."));

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brief-window/choice-and-save", test_choice_and_save);
  return g_test_run ();
}
