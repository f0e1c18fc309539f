/* mp-unsaved-dialog.c: asks, before a window closes, what to do with the
 * user's programs that could not be saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-unsaved-dialog.h"

#include <glib/gi18n.h>

#define STORE_KEY "mp-unsaved-store"
#define DONE_KEY "mp-unsaved-done"

static void
finish (GtkWidget *dialog,
        gboolean   may_close)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  MpUnsavedDone done = g_object_get_data (G_OBJECT (dialog), DONE_KEY);

  /* The parent may be gone before the dialog's last reference is: let go
   * of it first. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  done (parent, may_close);
}

void
mp_unsaved_dialog_save_to (GtkWidget *dialog,
                           GFile     *file)
{
  MpProgramStore *store = g_object_get_data (G_OBJECT (dialog), STORE_KEY);
  g_autoptr(GError) error = NULL;

  if (mp_program_store_save_copy (store, file, &error))
    {
      finish (dialog, TRUE);
      return;
    }
  /* Translators: %s is the reason, naming the file */
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("That did not work either: %s. Choose another "
                                              "place, or discard them."), error->message);
  gtk_widget_set_visible (dialog, TRUE);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     GtkWidget       *dialog)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (file != NULL)
    mp_unsaved_dialog_save_to (dialog, file);
  else
    gtk_widget_set_visible (dialog, TRUE);
}

static void
choose_elsewhere (GtkWidget *dialog)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Your Programs"),
                                         gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "my-programs.json");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), dialog);
  gtk_widget_set_visible (dialog, FALSE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_response (GtkDialog *dialog,
             int        response)
{
  if (response == MP_UNSAVED_RESPONSE_SAVE_ELSEWHERE)
    choose_elsewhere (GTK_WIDGET (dialog));
  else
    finish (GTK_WIDGET (dialog), response == MP_UNSAVED_RESPONSE_DISCARD);
}

GtkWidget *
mp_unsaved_dialog_new (GtkWindow      *parent,
                       MpProgramStore *store,
                       MpUnsavedDone   done)
{
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (store), NULL);

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Your programs are not saved"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The last changes to your programs could not be "
                                              "written to their file. Save them somewhere else, "
                                              "or close without them."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), MP_UNSAVED_RESPONSE_DISCARD,
                          _("_Save Elsewhere…"), MP_UNSAVED_RESPONSE_SAVE_ELSEWHERE,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), MP_UNSAVED_RESPONSE_SAVE_ELSEWHERE);
  g_object_set_data_full (G_OBJECT (dialog), STORE_KEY, g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), DONE_KEY, done);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  return dialog;
}
