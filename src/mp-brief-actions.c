/* mp-brief-actions.c: the window's decision brief (choice dialog, save, print)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief-actions.h"

#include <glib/gi18n.h>

#include "mp-brief.h"
#include "mp-brief-render.h"
#include "mp-brief-source.h"
#include "mp-program.h"

/* Rows of the choice list before the programs. */
enum { ROW_NOT_CHOSEN, ROW_NONE, N_FIXED_ROWS };

static void
toast (GtkWindow  *parent,
       const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", message);
}

gboolean
mp_brief_save_to_file (MpPlanner     *planner,
                       MpBriefNotes  *notes,
                       GFile         *file,
                       GError       **error)
{
  g_autoptr(MpBrief) brief = mp_brief_source_from_planner (planner, notes, error);
  g_autofree char *path = NULL;

  if (brief == NULL)
    return FALSE;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The brief can only be saved to a local file"));
      return FALSE;
    }
  return mp_brief_write_pdf (brief, mp_brief_paper_default (), path, error);
}

typedef struct {
  GtkWindow    *parent;
  MpPlanner    *planner;
  MpBriefNotes *notes;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->parent);
  g_object_unref (data->planner);
  g_object_unref (data->notes);
  g_free (data);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  SaveData        *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      if (mp_brief_save_to_file (data->planner, data->notes, file, &error))
        message = g_strdup_printf (_("Decision brief saved as “%s”"), name);
      else
        message = g_strdup (error->message);
      toast (data->parent, message);
    }
  save_data_free (data);
  g_object_unref (chooser);
}

void
mp_brief_save (GtkWindow    *parent,
               MpPlanner    *planner,
               MpBriefNotes *notes)
{
  GtkFileChooserNative *chooser;
  SaveData *data = g_new0 (SaveData, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  data->parent = g_object_ref (parent);
  data->planner = g_object_ref (planner);
  data->notes = g_object_ref (notes);
  chooser = gtk_file_chooser_native_new (_("Save Decision Brief"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name the save dialog offers; keep the .pdf */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Decision Brief.pdf"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The page breaks are found once, when printing begins. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                MpBrief           *brief)
{
  MpBriefLayout *layout = g_new0 (MpBriefLayout, 1);

  mp_brief_lay_out (brief, gtk_print_context_get_cairo_context (context),
                    gtk_print_context_get_width (context),
                    gtk_print_context_get_height (context), layout);
  g_object_set_data_full (G_OBJECT (operation), "mp-brief-layout", layout, g_free);
  gtk_print_operation_set_n_pages (operation, (int) layout->n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              MpBrief           *brief)
{
  const MpBriefLayout *layout = g_object_get_data (G_OBJECT (operation), "mp-brief-layout");

  mp_brief_draw_page (brief, gtk_print_context_get_cairo_context (context), layout, (guint) page);
}

void
mp_brief_print (GtkWindow    *parent,
                MpPlanner    *planner,
                MpBriefNotes *notes)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  MpBrief *brief = mp_brief_source_from_planner (planner, notes, &error);

  if (brief == NULL)
    {
      toast (parent, error->message);
      return;
    }
  operation = gtk_print_operation_new ();
  /* The brief keeps its own margins, the same as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Decision Brief"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), brief);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), brief);
  g_object_set_data_full (G_OBJECT (operation), "mp-brief", brief,
                          (GDestroyNotify) mp_brief_free);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (parent, error->message);
}

/* The choice dialog. Its list: "not chosen", "none", then the programs by name. */

static GPtrArray *
choice_ids (MpPlanner *planner)
{
  MpProgramStore *store = mp_planner_get_store (planner);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (ids, g_strdup (""));
  g_ptr_array_add (ids, g_strdup ("none"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_strdup (mp_program_get_id (mp_program_store_peek (store, i))));
  return ids;
}

static void
on_choice_selected (GtkDropDown  *drop_down,
                    GParamSpec   *pspec,
                    MpBriefNotes *notes)
{
  GPtrArray *ids = g_object_get_data (G_OBJECT (drop_down), "mp-ids");
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (selected < ids->len)
    mp_brief_notes_set_choice (notes, g_ptr_array_index (ids, selected));
}

static GtkWidget *
choice_drop_down (MpPlanner    *planner,
                  MpBriefNotes *notes)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *ids = choice_ids (planner);
  MpProgramStore *store = mp_planner_get_store (planner);
  GtkWidget *drop_down;
  guint selected = ROW_NOT_CHOSEN;

  gtk_string_list_append (names, _("Not chosen yet"));
  gtk_string_list_append (names, _("None of the programs"));
  for (guint i = N_FIXED_ROWS; i < ids->len; i++)
    {
      MpProgram *program = mp_program_store_peek (store, i - N_FIXED_ROWS);

      gtk_string_list_append (names, mp_program_get_name (program));
      if (g_str_equal (g_ptr_array_index (ids, i), mp_brief_notes_get_choice (notes)))
        selected = i;
    }
  if (g_str_equal (mp_brief_notes_get_choice (notes), "none"))
    selected = ROW_NONE;
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  g_object_set_data_full (G_OBJECT (drop_down), "mp-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_choice_selected),
                           notes, 0);
  return drop_down;
}

static GtkWidget *
field_label (const char *text,
             GtkWidget  *field)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

/* How much of the text the brief keeps, said as the user types. */
static void
update_why_count (GtkTextBuffer *buffer,
                  GtkLabel      *count)
{
  int n = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = NULL;

  if (n <= MP_BRIEF_WHY_MAX_CHARS)
    text = g_strdup_printf (_("%d of %d characters"), n, MP_BRIEF_WHY_MAX_CHARS);
  else
    text = g_strdup_printf (_("%d characters: the brief keeps the first %d, cut at a word"), n,
                            MP_BRIEF_WHY_MAX_CHARS);
  gtk_label_set_text (count, text);
  if (n > MP_BRIEF_WHY_MAX_CHARS)
    gtk_widget_add_css_class (GTK_WIDGET (count), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (count), "warning");
}

static GtkWidget *
why_count_label (GtkWidget *why)
{
  GtkWidget *view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (why));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_name (count, "why-count");
  g_signal_connect_object (buffer, "changed", G_CALLBACK (update_why_count), count, 0);
  update_why_count (buffer, GTK_LABEL (count));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, count, NULL, -1);
  return count;
}

static GtkWidget *
why_view (MpBriefNotes *notes)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "card");
  g_object_bind_property (notes, "why", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

GtkWidget *
mp_brief_choice_dialog_new (GtkWindow    *parent,
                            MpPlanner    *planner,
                            MpBriefNotes *notes)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *drop_down = choice_drop_down (planner, notes);
  GtkWidget *why = why_view (notes);
  GtkWidget *hint = gtk_label_new (_("Both go into the decision brief. If you chose against "
                                     "the ranking, say why."));

  gtk_window_set_title (GTK_WINDOW (window), _("My Choice"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 320);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), field_label (_("_Program I chose"), drop_down));
  gtk_box_append (GTK_BOX (box), drop_down);
  gtk_box_append (GTK_BOX (box),
                  field_label (_("_Why"), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (why))));
  gtk_box_append (GTK_BOX (box), why);
  gtk_box_append (GTK_BOX (box), why_count_label (why));
  gtk_box_append (GTK_BOX (box), hint);
  gtk_window_set_child (GTK_WINDOW (window), box);
  return window;
}
