/* test-unsaved-window.c: the real window never drops the user's programs:
 * a broken programs file offers its backup, a failed save names the file,
 * and closing with unsaved programs asks (save elsewhere, discard, cancel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-planner.h"
#include "mp-program-store.h"
#include "mp-test-utils.h"
#include "mp-unsaved-dialog.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

static char *tmp_dir;
static char *user_path;

static const char user_json[] =
  "{\"schema_version\": 1, \"programs\": [{\"id\": \"mine-1\", \"name\": \"My own MHPE\", "
  "\"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, "
  "\"tuition_usd\": 20000, \"ratings\": {\"faculty\": 8, \"scholarship\": 5, \"funding\": 4, "
  "\"flexibility\": 9, \"brand\": 6}}]}\n";

static void
wait_destroyed (gpointer *pointer)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*pointer != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (*pointer);
}

/* An empty programs file and a good backup: the banner offers the backup,
 * Restore loads it and saves it as the programs file. */
static void
test_backup_restore (void)
{
  g_autofree char *bak = g_strconcat (user_path, ".bak", NULL);
  g_autofree char *saved = NULL;
  MpWindow *window;
  MpWeightsPanel *panel;
  GtkWidget *restore;
  const char *message;

  g_assert_true (g_file_set_contents (user_path, "", 0, NULL));
  g_assert_true (g_file_set_contents (bak, user_json, -1, NULL));
  window = mp_test_new_window ();
  panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  message = mp_weights_panel_get_banner_message (panel);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "the file is empty"));
  g_assert_nonnull (strstr (message, "holds 1 program: choose Restore"));
  g_assert_null (mp_program_store_find (mp_weights_panel_get_store (panel), "mine-1"));
  restore = mp_test_find_button (GTK_WIDGET (panel), "_Restore");
  g_assert_nonnull (restore);
  g_assert_true (gtk_widget_get_visible (restore));

  g_signal_emit_by_name (restore, "clicked");
  g_assert_nonnull (mp_program_store_find (mp_weights_panel_get_store (panel), "mine-1"));
  g_assert_false (gtk_widget_get_visible (restore));
  g_assert_true (g_file_get_contents (user_path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"mine-1\""));
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

/* A save that fails (the file's place is taken by a folder) names the file;
 * closing asks; Cancel keeps the window; Save Elsewhere writes the programs
 * to the chosen file and closes. */
static void
test_failed_save_then_close (void)
{
  g_autofree char *csv = g_build_filename (TEST_DATA_DIR, "panel-good-import.csv", NULL);
  g_autofree char *elsewhere = g_build_filename (tmp_dir, "elsewhere.json", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) elsewhere_file = g_file_new_for_path (elsewhere);
  g_autoptr(MpProgramStore) reloaded = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  MpWindow *window = mp_test_new_window ();
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  GtkWidget *dialog;

  g_assert_cmpint (g_unlink (user_path), ==, 0);
  g_assert_cmpint (g_mkdir (user_path, 0700), ==, 0);
  g_assert_true (mp_weights_panel_import_file (panel, csv_file));
  expected = g_strdup_printf ("Could not save your programs: cannot write “%s”: ", user_path);
  g_assert_true (g_str_has_prefix (mp_weights_panel_get_banner_message (panel), expected));

  gtk_window_close (GTK_WINDOW (window));
  mp_test_iterate ();
  dialog = mp_window_get_unsaved_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  mp_test_iterate ();
  g_assert_null (mp_window_get_unsaved_dialog (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  mp_test_iterate ();
  dialog = mp_window_get_unsaved_dialog (window);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  mp_unsaved_dialog_save_to (dialog, elsewhere_file);
  wait_destroyed ((gpointer *) &window);

  g_assert_true (mp_program_store_load_user (reloaded, elsewhere_file, &error));
  g_assert_no_error (error);
  /* The program restored by the previous test, and the imported one. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_nonnull (mp_program_store_find (reloaded, "mine-1"));
  g_assert_cmpint (g_rmdir (user_path), ==, 0);
}

/* The banner telling of a failed save goes once a save works again, and
 * closing no longer asks. */
static void
test_banner_cleared_after_save (void)
{
  MpWindow *window = mp_test_new_window ();
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  MpPlanner *planner = mp_weights_panel_get_planner (panel);
  g_autoptr(MpProgram) first = mp_program_new ("first-try", "First try");
  g_autoptr(MpProgram) second = mp_program_new ("second-try", "Second try");
  g_autofree char *saved = NULL;

  /* The previous test left no programs file, only its backup. */
  g_assert_nonnull (strstr (mp_weights_panel_get_banner_message (panel),
                            "programs.json.bak” holds 1 program: choose Restore"));
  mp_program_set_user_defined (first, TRUE);
  mp_program_set_user_defined (second, TRUE);
  g_unlink (user_path);
  g_assert_cmpint (g_mkdir (user_path, 0700), ==, 0);
  mp_planner_save_program (planner, first);
  g_assert_true (g_str_has_prefix (mp_weights_panel_get_banner_message (panel),
                                   "Could not save your programs"));

  g_assert_cmpint (g_rmdir (user_path), ==, 0);
  mp_planner_save_program (planner, second);
  /* The failure is gone; the backup, not restored, is still on offer, now
   * kept where no save replaces it. */
  g_assert_nonnull (strstr (mp_weights_panel_get_banner_message (panel),
                            "programs.json.unrestored” holds 1 program from a backup"));
  g_assert_true (gtk_widget_get_visible (mp_test_find_button (GTK_WIDGET (panel), "_Restore")));
  g_assert_true (g_file_get_contents (user_path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"first-try\""));
  g_assert_nonnull (strstr (saved, "\"second-try\""));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (GTK_WINDOW (window));
  wait_destroyed ((gpointer *) &window);
}

/* Discard closes without the unsaved programs; nothing is written. */
static void
test_discard (void)
{
  MpWindow *window = mp_test_new_window ();
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  g_autoptr(MpProgram) program = mp_program_new ("unsaved", "Unsaved");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_file_get_contents (user_path, &before, NULL, NULL);
  mp_program_set_user_defined (program, TRUE);
  mp_program_store_add (mp_weights_panel_get_store (panel), program);
  gtk_window_close (GTK_WINDOW (window));
  mp_test_iterate ();
  g_assert_nonnull (mp_window_get_unsaved_dialog (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_dialog_response (GTK_DIALOG (mp_window_get_unsaved_dialog (window)),
                       MP_UNSAVED_RESPONSE_DISCARD);
  wait_destroyed ((gpointer *) &window);
  g_file_get_contents (user_path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* A window too narrow for the panel opens on the article: the window says
 * the programs need a look, and its button shows the Ranking view with the
 * panel's banner and Restore. A window wide enough for all three views does
 * not need to say it. */
static void
test_programs_notice_when_panel_out_of_sight (void)
{
  g_autofree char *bak = g_strconcat (user_path, ".bak", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MpWindow *window;
  MpWeightsPanel *panel;

  g_assert_true (g_file_set_contents (user_path, "", 0, NULL));
  g_assert_true (g_file_set_contents (bak, user_json, -1, NULL));
  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 700);
  window = mp_test_new_window ();
  panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (panel)));
  g_assert_true (mp_window_get_programs_notice_shown (window));

  g_signal_emit_by_name (mp_test_find_button (GTK_WIDGET (window), "Show _Ranking"), "clicked");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (panel)));
  g_assert_false (mp_window_get_programs_notice_shown (window));
  g_assert_nonnull (strstr (mp_weights_panel_get_banner_message (panel), "holds 1 program"));
  g_assert_true (gtk_widget_get_visible (mp_test_find_button (GTK_WIDGET (panel), "_Restore")));
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();

  g_assert_true (g_file_set_contents (user_path, "", 0, NULL));
  g_settings_set_int (settings, "window-width", 1600);
  g_settings_set_int (settings, "window-height", 1000);
  window = mp_test_new_window ();
  panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  g_assert_nonnull (mp_weights_panel_get_banner_message (panel));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (panel)));
  g_assert_false (mp_window_get_programs_notice_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  g_autofree char *user_dir = NULL;
  int status;

  /* The user's programs live in a temp dir set before GLib caches it. */
  tmp_dir = g_dir_make_tmp ("mp-unsaved-XXXXXX", NULL);
  data_home = g_build_filename (tmp_dir, "data-home", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  user_dir = g_build_filename (data_home, "masterplan", NULL);
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  user_path = g_build_filename (user_dir, "programs.json", NULL);

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/unsaved-window/backup-restore", test_backup_restore);
  g_test_add_func ("/unsaved-window/failed-save-then-close", test_failed_save_then_close);
  g_test_add_func ("/unsaved-window/discard", test_discard);
  g_test_add_func ("/unsaved-window/banner-cleared-after-save", test_banner_cleared_after_save);
  g_test_add_func ("/unsaved-window/programs-notice", test_programs_notice_when_panel_out_of_sight);

  status = g_test_run ();
  mp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (user_path);
  return status;
}
