/* mp-weights-panel-actions.c: the panel's actions, dialogs and file choosers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-weights-panel.h"
#include "mp-weights-panel-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-program-dialog.h"
#include "mp-toast.h"
#include "mp-tradeoff-dialog.h"

/* ---- the user's programs --------------------------------------------- */

static void
on_dialog_saved (MpWeightsPanel  *self,
                 MpProgram       *program,
                 MpProgramDialog *dialog)
{
  mp_planner_save_program (self->planner, program);
  mp_ranking_view_sync_selection (self->ranking_view);
  mp_ranking_view_scroll_to_selected (self->ranking_view);
}

/* @program: the one to edit; with @copy, the start of a new one. */
static void
open_dialog (MpWeightsPanel *self,
             MpProgram      *program,
             gboolean        copy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  MpProgramDialog *dialog;

  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  if (copy)
    dialog = mp_program_dialog_new_from (parent, program);
  else
    dialog = mp_program_dialog_new (parent, program);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_selected (MpWeightsPanel *self)
{
  MpProgram *selected = mp_planner_get_selected (self->planner);

  if (selected != NULL && mp_planner_delete_program (self->planner, selected))
    gtk_stack_set_visible_child_name (self->stack, "ranking");
}

/* The file the reader chose, or NULL; the chooser is done with either way. */
static GFile *
take_chosen_file (MpWeightsPanel       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  return file;
}

static void
on_import_response (MpWeightsPanel       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file != NULL)
    mp_weights_panel_import_file (self, file);
}

static void
on_export_response (MpWeightsPanel       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file != NULL)
    mp_weights_panel_export_file (self, file);
}

static GtkFileChooserNative *
new_chooser (MpWeightsPanel       *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             GCallback             on_response)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, parent, action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", on_response, self, G_CONNECT_SWAPPED);
  return self->chooser;
}

/* ---- actions ----------------------------------------------------------- */

void
mp_weights_panel_update_actions (MpWeightsPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  MpProgram *selected = mp_planner_get_selected (self->planner);
  gboolean user = selected != NULL && mp_program_get_user_defined (selected);
  gboolean full = selected != NULL && !mp_planner_can_toggle_compare (self->planner);

  gtk_widget_action_set_enabled (widget, "panel.edit-program", user);
  gtk_widget_action_set_enabled (widget, "panel.delete-program", user);
  gtk_widget_action_set_enabled (widget, "panel.copy-program", selected != NULL);
  gtk_widget_action_set_enabled (widget, "panel.toggle-compare",
                                 mp_planner_can_toggle_compare (self->planner));
  mp_program_details_set_compare_full (self->details, full);
  mp_program_details_set_compare_full (self->side_details, full);
}

static void
panel_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (widget);
  const char *name = action_name + strlen ("panel.");
  MpProgram *selected = mp_planner_get_selected (self->planner);

  if (g_str_equal (name, "add-program"))
    mp_weights_panel_add_program (self);
  else if (g_str_equal (name, "import"))
    mp_weights_panel_import (self);
  else if (g_str_equal (name, "export"))
    mp_weights_panel_export (self);
  else if (g_str_equal (name, "clear-filters"))
    mp_planner_clear_filter (self->planner);
  else if (g_str_equal (name, "article-weights"))
    mp_weights_panel_apply_article_weights (self);
  else if (g_str_equal (name, "toggle-compare"))
    mp_weights_panel_toggle_compare (self);
  else if (g_str_equal (name, "edit-program") && selected != NULL)
    open_dialog (self, selected, FALSE);
  else if (g_str_equal (name, "copy-program") && selected != NULL)
    open_dialog (self, selected, TRUE);
  else if (g_str_equal (name, "delete-program"))
    delete_selected (self);
  else if (g_str_equal (name, "weights-questions"))
    mp_weights_panel_ask_weights (self);
}

void
mp_weights_panel_install_actions (GtkWidgetClass *widget_class)
{
  static const char * const names[] = {
    "panel.add-program", "panel.import", "panel.export", "panel.clear-filters",
    "panel.article-weights", "panel.toggle-compare", "panel.edit-program",
    "panel.delete-program", "panel.copy-program", "panel.weights-questions",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_install_action (widget_class, names[i], NULL, panel_action);
}

/* ---- public API -------------------------------------------------------- */

void
mp_weights_panel_import (MpWeightsPanel *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  chooser = new_chooser (self, _("Import Programs"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                         G_CALLBACK (on_import_response));
  gtk_file_filter_set_name (filter, _("Programs (CSV or JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mp_weights_panel_export (MpWeightsPanel *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  chooser = new_chooser (self, _("Export Ranking"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         G_CALLBACK (on_export_response));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported ranking */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("ranking.csv"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mp_weights_panel_add_program (MpWeightsPanel *self)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  open_dialog (self, NULL, FALSE);
}

void
mp_weights_panel_ask_weights (MpWeightsPanel *self)
{
  GtkRoot *root;

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  if (self->tradeoff_dialog == NULL)
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      self->tradeoff_dialog =
        GTK_WINDOW (mp_tradeoff_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->planner));
      g_object_add_weak_pointer (G_OBJECT (self->tradeoff_dialog),
                                 (gpointer *) &self->tradeoff_dialog);
    }
  gtk_window_present (self->tradeoff_dialog);
}

gboolean
mp_weights_panel_import_file (MpWeightsPanel *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Hidden first: a failed save of what was imported shows its own error. */
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (mp_planner_import (self->planner, file, &error) >= 0)
    return TRUE;
  /* Translators: %s is the reason, starting with FILE:LINE:COLUMN */
  message = g_strdup_printf (_("Nothing was imported. %s"), error->message);
  mp_weights_panel_show_error (self, message);
  return FALSE;
}

gboolean
mp_weights_panel_export_file (MpWeightsPanel *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (mp_planner_export_ranking (self->planner, file, &error))
    {
      /* Translators: "ranking.csv", then the folder it is in */
      mp_toast_request_for_file (GTK_WIDGET (self), _("Ranking exported as “%s” in %s"), file);
      return TRUE;
    }
  /* Translators: %s is the reason */
  message = g_strdup_printf (_("Could not export the ranking: %s"), error->message);
  mp_weights_panel_show_error (self, message);
  return FALSE;
}
