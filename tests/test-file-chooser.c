/* test-file-chooser.c: a session that opens the Open dialog and cancels it
 *
 * Run under the sanitizers (build-aux/dev test --sanitize), this is the
 * session in which LeakSanitizer once reported ~16 KB at exit: the dialog
 * must come, go and leave nothing of ours behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-test-utils.h"
#include "mp-window.h"

static GtkFileChooserDialog *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER_DIALOG (window);
    }
  return NULL;
}

static void
test_open_and_cancel (void)
{
  MpWindow *window = mp_test_new_window ();
  GtkFileChooserDialog *chooser = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  for (guint i = 0; i < 200 && (chooser = find_chooser ()) == NULL; i++)
    mp_test_wait_ms (20);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==, "Open Article");
  /* Let it list its folder and recent files, as a user's look would. */
  mp_test_wait_ms (500);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  for (guint i = 0; i < 200 && find_chooser () != NULL; i++)
    mp_test_wait_ms (20);
  g_assert_null (find_chooser ());

  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-chooser/open-and-cancel", test_open_and_cancel);
  return g_test_run ();
}
