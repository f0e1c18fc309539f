/* mp-window.c: one window, three views over one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-window.h"
#include "mp-zoom-item.h"

#include <glib/gi18n.h>

#include "mp-arrangement.h"
#include "mp-article-view.h"
#include "mp-article-printing.h"
#include "mp-brief-actions.h"
#include "mp-color-scheme.h"
#include "mp-document-watch.h"
#include "mp-flow-pane.h"
#include "mp-funding-question.h"
#include "mp-load-bar.h"
#include "mp-toast.h"
#include "mp-utils.h"
#include "mp-unsaved-dialog.h"
#include "mp-weights-panel.h"

struct _MpWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  MpDocument           *document;
  GtkFileChooserNative *chooser;
  gboolean              is_bundled;
  MpDocumentWatch      *watch;           /* the opened file, when on disk */

  GtkWidget            *article_view;
  GtkWidget            *flow_pane;       /* NULL until built, see ensure_side_views () */
  GtkWidget            *weights_panel;
  MpBriefNotes         *brief_notes;
  guint                 side_views_id;
  /* Asked before closing with programs that could not be saved. */
  GtkWidget            *unsaved_dialog;
  gboolean              may_close;
  MpArrangement        *arrangement;
  guint                 arrange_id;
  gboolean              panel_stacked;

  /* template children */
  GtkMenuButton        *outline_button;
  GtkMenuButton        *menu_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkRevealer          *programs_revealer;
  /* The panel's banner has news the user has not had in sight yet. */
  gboolean              programs_notice_wanted;
  GtkPaned             *main_paned;
  GtkPaned             *side_paned;
  GtkBox               *article_slot;
  GtkBox               *flow_slot;
  GtkBox               *weights_slot;
  GtkWidget            *header_switcher;
  GtkWidget            *bottom_bar;
  GtkWidget            *bottom_switcher;
  GtkOverlay           *content_overlay;
  GtkWidget            *toast;           /* NULL until the first message */

  /* A large file read in the background; the shown document stays until it is ready. */
  struct Loading       *loading;
  GtkWidget            *load_bar;        /* NULL until the first large file */
  guint                 load_poll_id;
  MpDocument           *ready_document;  /* read, waiting for a painted frame */
  GFile                *ready_file;
  GdkFrameClock        *ready_clock;
  gulong                ready_paint_id;
  gint64                swap_frame;      /* frame counter when the document last changed */
};

/* Files larger than this are read in a worker thread: parsing one of 1 MiB
 * takes up to ~0.3 s here (200 000 headings in 5 MB took 1.2 s). */
#define BACKGROUND_BYTES (1024 * 1024)
#define LOAD_BAR_DELAY_US (300 * G_TIME_SPAN_MILLISECOND)

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, GTK_TYPE_APPLICATION_WINDOW)

static void ensure_side_views (MpWindow *self);
static void add_article_view (MpWindow   *self,
                              MpDocument *document);

static void
show_banner (MpWindow   *self,
             const char *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* win.toast (s): views say what they did, e.g. where a file was written. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  if (self->toast == NULL)
    {
      self->toast = mp_toast_new ();
      gtk_overlay_add_overlay (self->content_overlay, self->toast);
    }
  mp_toast_show (MP_TOAST (self->toast), g_variant_get_string (parameter, NULL));
}

const char *
mp_window_get_toast_message (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->toast != NULL ? mp_toast_get_message (MP_TOAST (self->toast)) : NULL;
}

static void
on_banner_close_clicked (MpWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* ---- the programs notice ------------------------------------------------
 * Loading the user's programs can fail (a broken file, a backup on offer);
 * the panel tells it in its banner. While the panel is out of sight (one
 * view at a time, or hidden) the window says so and leads there, until the
 * panel has been in sight once or the user dismisses it. */

static gboolean
panel_in_sight (MpWindow *self)
{
  return self->weights_panel != NULL && gtk_widget_is_visible (self->weights_panel);
}

static void
update_programs_notice (MpWindow *self)
{
  if (self->programs_notice_wanted && panel_in_sight (self))
    self->programs_notice_wanted = FALSE;
  if (self->programs_notice_wanted)
    gtk_widget_set_visible (GTK_WIDGET (self->programs_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->programs_revealer, self->programs_notice_wanted);
}

static void
on_programs_show_clicked (MpWindow *self)
{
  if (!mp_arrangement_get_panel_shown (self->arrangement))
    g_settings_set_boolean (self->settings, "show-panel", TRUE);
  mp_arrangement_show_view (self->arrangement, "panel");
  self->programs_notice_wanted = FALSE;
  update_programs_notice (self);
  gtk_widget_grab_focus (self->weights_panel);
}

static void
on_programs_close_clicked (MpWindow *self)
{
  self->programs_notice_wanted = FALSE;
  update_programs_notice (self);
}

gboolean
mp_window_get_programs_notice_shown (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->programs_revealer);
}

const char *
mp_window_get_banner_message (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

static void
update_title (MpWindow *self)
{
  const char *title = mp_document_get_title (self->document);
  const char *display_name = mp_document_get_display_name (self->document);
  /* A document without a title of its own is named by its file, once. */
  gboolean untitled = g_str_equal (title, display_name);

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, display_name);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), !self->is_bundled && !untitled);
  /* Translators: window title, "ARTICLE TITLE — Master Plan" */
  g_autofree char *window_title = g_strdup_printf (_("%s — Master Plan"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
on_walk_state_changed (MpWindow   *self,
                       GParamSpec *pspec,
                       GObject    *pane)
{
  MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (self->weights_panel));
  MpFlowWalk *walk = mp_flow_pane_get_walk (MP_FLOW_PANE (self->flow_pane));
  g_autofree char *state = NULL;
  const char *question = NULL;

  if (walk != NULL)
    {
      MpFundingAnswer answer = mp_funding_question_answer (walk, &question);

      /* The panel's note may be out of sight: say it where the user is. */
      if (mp_planner_answer_funding (planner, answer, question))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                    mp_planner_get_note (planner));
    }

  /* Only the bundled article's walk is remembered. */
  if (!self->is_bundled)
    return;
  g_object_get (pane, "walk-state", &state, NULL);
  mp_planner_set_walk_state (planner, state);
}

static void
show_document_in_flow_pane (MpWindow *self)
{
  g_signal_handlers_block_by_func (self->flow_pane, on_walk_state_changed, self);
  mp_flow_pane_set_document (MP_FLOW_PANE (self->flow_pane), self->document);
  if (self->is_bundled)
    {
      MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (self->weights_panel));

      g_object_set (self->flow_pane, "walk-state", mp_planner_get_walk_state (planner), NULL);
    }
  g_signal_handlers_unblock_by_func (self->flow_pane, on_walk_state_changed, self);
}

static void
set_document (MpWindow   *self,
              MpDocument *document,
              gboolean    is_bundled)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_set_object (&self->document, document);
  self->is_bundled = is_bundled;
  self->swap_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : 0;

  if (self->article_view == NULL)
    add_article_view (self, document);
  else
    mp_article_view_set_document (MP_ARTICLE_VIEW (self->article_view), document);
  if (self->flow_pane != NULL)
    show_document_in_flow_pane (self);
  mp_arrangement_set_has_flowchart (self->arrangement,
                                    mp_document_get_n_mermaid_blocks (document) > 0);
  update_title (self);
}

/* What the document shows simplified, said the way a file that cannot be
 * read is: the first few warnings, each starting with FILE:LINE:COLUMN. */
static void
show_document_warnings (MpWindow *self)
{
  guint n = mp_document_get_n_warnings (self->document);
  g_autoptr(GString) warnings = g_string_new (NULL);
  g_autofree char *message = NULL;

  if (n == 0)
    return;
  for (guint i = 0; i < MIN (n, 3); i++)
    g_string_append_printf (warnings, "%s%s", i > 0 ? " " : "", mp_document_get_warning (self->document, i));
  if (n > 3)
    /* Translators: after the first three warnings of a file; %u is how many more */
    g_string_append_printf (warnings, ngettext (" (%u more)", " (%u more)", n - 3), n - 3);
  /* Translators: banner when parts of a file are shown simplified so that
   * the window stays responsive; %s are the reasons, each with FILE:LINE:COLUMN */
  message = g_strdup_printf (_("Parts of this file are shown simplified. %s"), warnings->str);
  show_banner (self, message);
}

static void
show_kept_chart_banner (MpWindow   *self,
                        const char *error)
{
  /* Translators: banner when a flowchart of the opened file no longer reads
   * after a save; %s is the error, which starts with FILE:LINE:COLUMN */
  g_autofree char *message = g_strdup_printf (_("A flowchart changed and cannot be read; showing its last version that could. %s"),
                                              error);

  show_banner (self, message);
}

/* Live reload: the author saved the file; views keep their place. */
static void
on_document_reloaded (MpWindow   *self,
                      MpDocument *document)
{
  g_set_object (&self->document, document);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  show_document_warnings (self);
  if (self->article_view != NULL)
    mp_article_view_reload_document (MP_ARTICLE_VIEW (self->article_view), document);
  if (self->flow_pane != NULL)
    {
      const char *kept_error;

      mp_flow_pane_reload_document (MP_FLOW_PANE (self->flow_pane), document);
      kept_error = mp_flow_pane_get_kept_error (MP_FLOW_PANE (self->flow_pane));
      if (kept_error != NULL)
        show_kept_chart_banner (self, kept_error);
    }
  update_title (self);
}

static void
on_reload_failed (MpWindow     *self,
                  const GError *error)
{
  /* Translators: banner when the opened file changed and no longer reads;
   * %s is the reason, which names the file */
  g_autofree char *message = g_strdup_printf (_("The file changed and cannot be read; showing the last version that could. %s"),
                                              error->message);

  show_banner (self, message);
}

static void
watch_file (MpWindow *self,
            GFile    *file)
{
  g_clear_object (&self->watch);
  if (!g_file_is_native (file))
    return;
  self->watch = mp_document_watch_new (file, NULL);
  if (self->watch == NULL)
    return;
  g_signal_connect_object (self->watch, "reloaded", G_CALLBACK (on_document_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->watch, "failed", G_CALLBACK (on_reload_failed), self, G_CONNECT_SWAPPED);
}

static void
show_open_error (MpWindow     *self,
                 const GError *error)
{
  /* Translators: banner when a file cannot be opened; %s is the reason,
   * which names the file */
  g_autofree char *message = g_strdup_printf (_("Could not open the file. %s"), error->message);

  show_banner (self, message);
}

static void
show_file (MpWindow   *self,
           GFile      *file,
           MpDocument *document)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  set_document (self, document, g_str_equal (uri, MP_BUNDLED_ARTICLE_URI));
  show_document_warnings (self);
  watch_file (self, file);
}

/* -- large files, read in a worker thread --------------------------------- */

typedef struct Loading {
  MpWindow     *window;        /* kept alive until the thread is done */
  GFile        *file;
  GCancellable *cancellable;
  gint64        started_us;
  int           permille;      /* written by the parsing thread, atomically */
} Loading;

static void
loading_free (Loading *loading)
{
  g_object_unref (loading->window);
  g_object_unref (loading->file);
  g_object_unref (loading->cancellable);
  g_free (loading);
}

static void
on_parse_progress (double   fraction,
                   gpointer user_data)
{
  Loading *loading = user_data;

  g_atomic_int_set (&loading->permille, (int) (fraction * 1000));
}

static gboolean
poll_progress (gpointer user_data)
{
  MpWindow *self = user_data;

  if (self->loading == NULL)
    return G_SOURCE_CONTINUE;
  mp_load_bar_set_fraction (MP_LOAD_BAR (self->load_bar),
                            g_atomic_int_get (&self->loading->permille) / 1000.0);
  /* A read that ends quickly never flashes the bar. */
  if (g_get_monotonic_time () - self->loading->started_us >= LOAD_BAR_DELAY_US)
    mp_load_bar_reveal (MP_LOAD_BAR (self->load_bar));
  return G_SOURCE_CONTINUE;
}

static void
clear_ready (MpWindow *self)
{
  if (self->ready_paint_id != 0)
    g_signal_handler_disconnect (self->ready_clock, self->ready_paint_id);
  self->ready_paint_id = 0;
  g_clear_object (&self->ready_clock);
  g_clear_object (&self->ready_document);
  g_clear_object (&self->ready_file);
}

/* The thread's result is left to run out; a newer open or Cancel makes it stale. */
static void
stop_loading (MpWindow *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading->cancellable);
  self->loading = NULL;
  g_clear_handle_id (&self->load_poll_id, g_source_remove);
  if (self->load_bar != NULL)
    mp_load_bar_stop (MP_LOAD_BAR (self->load_bar));
  clear_ready (self);
}

static void
on_ready_painted (GdkFrameClock *clock,
                  MpWindow      *self)
{
  g_autoptr(MpDocument) document = g_steal_pointer (&self->ready_document);
  g_autoptr(GFile) file = g_steal_pointer (&self->ready_file);

  g_signal_handler_disconnect (clock, self->ready_paint_id);
  self->ready_paint_id = 0;
  g_clear_object (&self->ready_clock);
  show_file (self, file, document);
}

/* GTK 4.8's text view crashes when a realized view changes buffers twice
 * without a frame in between: a shown window takes the new document at once
 * when a whole frame has passed since the last change (a frame started after
 * a later one began has ended), otherwise after its next painted frame. */
static void
show_when_painted (MpWindow   *self,
                   GFile      *file,
                   MpDocument *document)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      gdk_frame_clock_get_frame_counter (clock) >= self->swap_frame + 2)
    {
      show_file (self, file, document);
      return;
    }
  g_set_object (&self->ready_document, document);
  g_set_object (&self->ready_file, file);
  self->ready_clock = g_object_ref (clock);
  self->ready_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_ready_painted), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_parsed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loading *loading = user_data;
  MpWindow *self = loading->window;
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = mp_document_new_from_file_finish (result, &error);
  if (self->loading == loading)
    {
      self->loading = NULL;
      stop_loading (self);
      if (document != NULL)
        show_when_painted (self, loading->file, document);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, error);
    }
  loading_free (loading);
}

static void
on_load_cancel (MpWindow *self)
{
  stop_loading (self);
}

static void
start_loading (MpWindow *self,
               GFile    *file)
{
  Loading *loading = g_new0 (Loading, 1);
  g_autofree char *name = mp_utils_file_display_name (file);

  loading->window = g_object_ref (self);
  loading->file = g_object_ref (file);
  loading->cancellable = g_cancellable_new ();
  loading->started_us = g_get_monotonic_time ();
  self->loading = loading;
  if (self->load_bar == NULL)
    {
      self->load_bar = mp_load_bar_new ();
      g_signal_connect_object (self->load_bar, "cancel", G_CALLBACK (on_load_cancel), self, G_CONNECT_SWAPPED);
      gtk_overlay_add_overlay (self->content_overlay, self->load_bar);
    }
  mp_load_bar_start (MP_LOAD_BAR (self->load_bar), name);
  self->load_poll_id = g_timeout_add (100, poll_progress, self);
  mp_document_new_from_file_async (file, loading->cancellable, on_parse_progress, loading,
                                   on_parsed, loading);
}

static gboolean
is_large_file (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* What cannot be asked about is opened at once, for its message. */
  return info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
         g_file_info_get_size (info) > BACKGROUND_BYTES &&
         g_file_info_get_size (info) <= MP_DOCUMENT_MAX_SIZE;
}

gboolean
mp_window_open_file (MpWindow *self,
                     GFile    *file)
{
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The newest choice wins over a file still being read. */
  stop_loading (self);
  if (is_large_file (file))
    {
      start_loading (self, file);
      return TRUE;
    }
  document = mp_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      show_open_error (self, error);
      return FALSE;
    }
  show_file (self, file, document);
  return TRUE;
}

gboolean
mp_window_is_loading (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), FALSE);

  return self->loading != NULL || self->ready_document != NULL;
}

const char *
mp_window_get_load_message (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->load_bar != NULL ? mp_load_bar_get_message (MP_LOAD_BAR (self->load_bar)) : NULL;
}

void
mp_window_cancel_loading (MpWindow *self)
{
  g_return_if_fail (MP_IS_WINDOW (self));

  stop_loading (self);
}

void
mp_window_open_bundled (MpWindow *self)
{
  g_autoptr(GFile) file = g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);

  g_return_if_fail (MP_IS_WINDOW (self));

  mp_window_open_file (self, file);
}

MpDocument *
mp_window_get_document (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  return self->document;
}

GtkWidget *
mp_window_get_article_view (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  if (self->article_view == NULL)
    add_article_view (self, NULL);
  return self->article_view;
}

GtkWidget *
mp_window_get_flow_pane (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  ensure_side_views (self);
  return self->flow_pane;
}

GtkWidget *
mp_window_get_weights_panel (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);

  ensure_side_views (self);
  return self->weights_panel;
}

static void
on_chooser_response (MpWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mp_window_open_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (markdown, _("Markdown files"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_add_suffix (markdown, "markdown");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), markdown);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_bundled_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  mp_window_open_bundled (MP_WINDOW (widget));
}

/* Find and zoom act on the flowchart when focus is inside it, else on the article. */
static gboolean
focus_in_flow_pane (MpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && self->flow_pane != NULL && gtk_widget_is_ancestor (focus, self->flow_pane);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  if (focus_in_flow_pane (self))
    mp_flow_pane_start_search (MP_FLOW_PANE (self->flow_pane));
  else
    mp_article_view_start_search (MP_ARTICLE_VIEW (mp_window_get_article_view (self)));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpArticleView *view = MP_ARTICLE_VIEW (mp_window_get_article_view (self));
  int direction = g_str_equal (action_name, "win.zoom-in") ? 1
                : g_str_equal (action_name, "win.zoom-out") ? -1 : 0;

  if (focus_in_flow_pane (self))
    {
      mp_flow_pane_zoom (MP_FLOW_PANE (self->flow_pane), direction);
      return;
    }
  if (direction == 0)
    mp_article_view_set_zoom (view, 1.0);
  else
    mp_article_view_set_zoom (view, CLAMP (mp_article_view_get_zoom (view) + direction * 0.1,
                                           0.5, 3.0));
}

/* Built on first use rather than by GtkApplication at startup: it is not
 * needed for the first frame. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/mp-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
show_outline_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_menu_button_popup (MP_WINDOW (widget)->outline_button);
}

static void
programs_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (MP_WINDOW (widget)));

  if (g_str_equal (action_name, "win.import"))
    mp_weights_panel_import (panel);
  else if (g_str_equal (action_name, "win.export"))
    mp_weights_panel_export (panel);
  else if (g_str_equal (action_name, "win.weights-questions"))
    mp_weights_panel_ask_weights (panel);
  else
    mp_weights_panel_add_program (panel);
}

static void
brief_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (self));
  MpPlanner *planner = mp_weights_panel_get_planner (panel);

  if (g_str_equal (action_name, "win.save-brief"))
    mp_brief_save (GTK_WINDOW (self), planner, self->brief_notes);
  else if (g_str_equal (action_name, "win.print-brief"))
    mp_brief_print (GTK_WINDOW (self), planner, self->brief_notes);
  else
    gtk_window_present (GTK_WINDOW (mp_brief_choice_dialog_new (GTK_WINDOW (self), planner,
                                                                self->brief_notes)));
}

static void
print_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (mp_article_printing_run (GTK_WINDOW (self), self->document, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_widget_activate_action (widget, "win.toast", "s", error->message);
}

static void
on_open_section (MpWindow   *self,
                 const char *id)
{
  MpArticleView *view = MP_ARTICLE_VIEW (mp_window_get_article_view (self));

  if (mp_arrangement_get_mode (self->arrangement) == MP_ARRANGEMENT_ONE)
    mp_arrangement_show_view (self->arrangement, "article");
  if (mp_article_view_scroll_to_heading (view, id))
    mp_article_view_highlight_section (view, id);
  else
    {
      g_autofree char *message = g_strdup_printf (_("This article has no section “%s”."), id);

      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
    }
}

static void
on_outcome_changed (MpWindow           *self,
                    const char         *node_id,
                    const char         *label,
                    const char * const *classes)
{
  MpPlanner *planner = mp_weights_panel_get_planner (MP_WEIGHTS_PANEL (self->weights_panel));

  mp_planner_set_outcome (planner, node_id, label, classes);
}

static gboolean
on_drop (MpWindow     *self,
         const GValue *value,
         double        x,
         double        y)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  return mp_window_open_file (self, files->data);
}

static void
restore_geometry (MpWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  /* Read once and written back on close: a two-way binding would write
   * while the first allocation settles, waking the settings service at
   * startup. */
  gtk_paned_set_position (self->main_paned,
                          g_settings_get_int (self->settings, "article-pane-position"));
  gtk_paned_set_position (self->side_paned,
                          g_settings_get_int (self->settings, "flow-pane-position"));
}

static void
on_unsaved_done (GtkWindow *window,
                 gboolean   may_close)
{
  MpWindow *self = MP_WINDOW (window);

  self->may_close = may_close;
  if (may_close)
    gtk_window_close (window);
}

/* TRUE when the window stays open to ask about unsaved programs. */
static gboolean
ask_about_unsaved (MpWindow *self)
{
  MpProgramStore *store;

  if (self->may_close || self->weights_panel == NULL)
    return FALSE;
  store = mp_weights_panel_get_store (MP_WEIGHTS_PANEL (self->weights_panel));
  if (!mp_program_store_has_unsaved_changes (store))
    return FALSE;
  if (self->unsaved_dialog == NULL)
    {
      self->unsaved_dialog = mp_unsaved_dialog_new (GTK_WINDOW (self), store, on_unsaved_done);
      g_object_add_weak_pointer (G_OBJECT (self->unsaved_dialog),
                                 (gpointer *) &self->unsaved_dialog);
    }
  gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
  return TRUE;
}

GtkWidget *
mp_window_get_unsaved_dialog (MpWindow *self)
{
  g_return_val_if_fail (MP_IS_WINDOW (self), NULL);
  return self->unsaved_dialog;
}

static gboolean
mp_window_close_request (GtkWindow *window)
{
  MpWindow *self = MP_WINDOW (window);
  int width, height;

  if (ask_about_unsaved (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "article-pane-position",
                      gtk_paned_get_position (self->main_paned));
  g_settings_set_int (self->settings, "flow-pane-position",
                      gtk_paned_get_position (self->side_paned));
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  if (self->article_view != NULL)
    mp_article_view_save_position (MP_ARTICLE_VIEW (self->article_view));

  return GTK_WINDOW_CLASS (mp_window_parent_class)->close_request (window);
}

/* The article view is made with its first document and only then put in
 * the window: the window is on screen by then (it maps before its content
 * is built), and GTK 4.8's text view crashes in its first snapshot when a
 * realized view gets its first buffer in the frame it is drawn in. */
static void
add_article_view (MpWindow   *self,
                  MpDocument *document)
{
  self->article_view = mp_article_view_new ();
  gtk_widget_set_vexpand (self->article_view, TRUE);
  g_settings_bind (self->settings, "article-zoom", self->article_view, "zoom",
                   G_SETTINGS_BIND_DEFAULT);
  if (document != NULL)
    mp_article_view_set_document (MP_ARTICLE_VIEW (self->article_view), document);
  gtk_box_append (self->article_slot, self->article_view);
  gtk_menu_button_set_popover (self->outline_button,
                               mp_article_view_get_outline_popover (MP_ARTICLE_VIEW (self->article_view)));
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (gtk_menu_button_get_popover (self->menu_button)),
                              mp_zoom_item_new (G_OBJECT (self->article_view), "zoom"), "zoom");
}

static void
add_drop_target (MpWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* The flowchart and the weighting panel join the window right after its
 * first frame, which then needs to lay out only the header bar and the
 * article. Anything that asks for them earlier gets them built at once. */
static void
ensure_side_views (MpWindow *self)
{
  if (self->flow_pane != NULL)
    return;
  g_clear_handle_id (&self->side_views_id, g_source_remove);

  /* The panel first: a restored walk that ends in an outcome filters it. */
  self->weights_panel = mp_weights_panel_new ();
  mp_weights_panel_set_stacked (MP_WEIGHTS_PANEL (self->weights_panel), self->panel_stacked);
  gtk_widget_set_vexpand (self->weights_panel, TRUE);
  gtk_box_append (self->weights_slot, self->weights_panel);
  self->programs_notice_wanted =
    mp_weights_panel_get_banner_message (MP_WEIGHTS_PANEL (self->weights_panel)) != NULL;
  update_programs_notice (self);

  self->flow_pane = mp_flow_pane_new ();
  gtk_widget_set_vexpand (self->flow_pane, TRUE);
  gtk_box_append (self->flow_slot, self->flow_pane);
  g_signal_connect_object (self->flow_pane, "open-section",
                           G_CALLBACK (on_open_section), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow_pane, "outcome-changed",
                           G_CALLBACK (on_outcome_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flow_pane, "notify::walk-state",
                           G_CALLBACK (on_walk_state_changed), self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    show_document_in_flow_pane (self);
}

/* MASTERPLAN_STARTUP_REPORT=1 (for tests/bench/bench-startup): print when
 * the first frame and the first frame with all three views are painted,
 * in g_get_monotonic_time () microseconds, then quit. */
static gboolean
reporting_startup (void)
{
  return g_strcmp0 (g_getenv ("MASTERPLAN_STARTUP_REPORT"), "1") == 0;
}

static void
on_complete_frame_painted (GdkFrameClock *clock,
                           MpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_complete_frame_painted, self);
  g_printerr ("startup: complete %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
build_side_views (gpointer user_data)
{
  MpWindow *self = user_data;

  self->side_views_id = 0;
  ensure_side_views (self);
  if (reporting_startup ())
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_complete_frame_painted), self, 0);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_painted (GdkFrameClock *clock,
                        MpWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted, self);
  if (reporting_startup ())
    g_printerr ("startup: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (self->flow_pane == NULL && self->side_views_id == 0)
    self->side_views_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_side_views, self, NULL);
}

/* Below this window width the panel's sliders go above its ranking: side
 * by side they need about 670 px. */
#define PANEL_STACKED_WIDTH 720

static void
stack_panel (MpWindow *self,
             int       width)
{
  gboolean stacked = width < PANEL_STACKED_WIDTH;

  if (self->weights_panel != NULL && stacked != self->panel_stacked)
    mp_weights_panel_set_stacked (MP_WEIGHTS_PANEL (self->weights_panel), stacked);
  self->panel_stacked = stacked;
}

/* Views are shown or hidden after the allocation that found the new size:
 * changing them inside it would ask for another allocation mid-way. */
static gboolean
arrange_for_size (gpointer user_data)
{
  MpWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->arrange_id = 0;
  mp_arrangement_set_size (self->arrangement, width, gtk_widget_get_height (GTK_WIDGET (self)));
  stack_panel (self, width);
  return G_SOURCE_REMOVE;
}

static void
mp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MpWindow *self = MP_WINDOW (widget);

  GTK_WIDGET_CLASS (mp_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->arrange_id == 0 &&
      (mp_arrangement_mode_for_size (width, height) != mp_arrangement_get_mode (self->arrangement) ||
       (width < PANEL_STACKED_WIDTH) != self->panel_stacked))
    self->arrange_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, arrange_for_size, self, NULL);
}

static void
add_property_action (MpWindow   *self,
                     const char *name,
                     const char *property)
{
  g_autoptr(GPropertyAction) action = g_property_action_new (name, self->arrangement, property);

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

/* The first frame is laid out for the saved size, so it shows the views
 * that fit it rather than rearranging once it is up. */
static void
setup_arrangement (MpWindow *self)
{
  self->arrangement = mp_arrangement_new (GTK_WIDGET (self->article_slot),
                                          GTK_WIDGET (self->flow_slot),
                                          GTK_WIDGET (self->weights_slot),
                                          GTK_WIDGET (self->side_paned),
                                          self->header_switcher, self->bottom_switcher);
  g_object_bind_property (self->bottom_switcher, "visible", self->bottom_bar, "visible",
                          G_BINDING_SYNC_CREATE);
  g_settings_bind (self->settings, "show-flowchart", self->arrangement, "show-flowchart",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-panel", self->arrangement, "show-panel",
                   G_SETTINGS_BIND_DEFAULT);
  /* The arrangement shows a view by showing its slot and the side pane. */
  g_signal_connect_object (self->weights_slot, "notify::visible",
                           G_CALLBACK (update_programs_notice), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_paned, "notify::visible",
                           G_CALLBACK (update_programs_notice), self, G_CONNECT_SWAPPED);
  add_property_action (self, "view", "view");
  add_property_action (self, "show-flowchart", "show-flowchart");
  add_property_action (self, "show-panel", "show-panel");
  mp_arrangement_set_size (self->arrangement,
                           g_settings_get_int (self->settings, "window-width"),
                           g_settings_get_int (self->settings, "window-height"));
  self->panel_stacked = g_settings_get_int (self->settings, "window-width") < PANEL_STACKED_WIDTH;
}

static void
mp_window_realize (GtkWidget *widget)
{
  MpWindow *self = MP_WINDOW (widget);

  GTK_WIDGET_CLASS (mp_window_parent_class)->realize (widget);
  if (self->flow_pane == NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_painted), self, 0);
}

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_clear_handle_id (&self->side_views_id, g_source_remove);
  stop_loading (self);
  g_clear_object (&self->watch);
  if (self->unsaved_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->unsaved_dialog),
                                    (gpointer *) &self->unsaved_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->unsaved_dialog)));
    }
  g_clear_handle_id (&self->arrange_id, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WINDOW);

  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void
mp_window_finalize (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->arrangement);
  g_clear_object (&self->settings);
  g_clear_object (&self->brief_notes);

  G_OBJECT_CLASS (mp_window_parent_class)->finalize (object);
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_window_dispose;
  object_class->finalize = mp_window_finalize;
  window_class->close_request = mp_window_close_request;
  widget_class->realize = mp_window_realize;
  widget_class->size_allocate = mp_window_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, programs_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, side_paned);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, article_slot);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, flow_slot);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, weights_slot);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, header_switcher);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, bottom_switcher);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, content_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_programs_show_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_programs_close_clicked);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, show_outline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-outline", NULL);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, programs_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, programs_action);
  gtk_widget_class_install_action (widget_class, "win.add-program", NULL, programs_action);
  gtk_widget_class_install_action (widget_class, "win.weights-questions", NULL, programs_action);
  gtk_widget_class_install_action (widget_class, "win.brief-choice", NULL, brief_action);
  gtk_widget_class_install_action (widget_class, "win.save-brief", NULL, brief_action);
  gtk_widget_class_install_action (widget_class, "win.print-brief", NULL, brief_action);
  gtk_widget_class_install_action (widget_class, "win.print-article", NULL, print_article_action);
}

static void
mp_window_init (MpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_color_scheme_follow_system ();

  self->settings = g_settings_new (APP_ID);
  self->brief_notes = mp_brief_notes_new (self->settings);
  setup_arrangement (self);
  restore_geometry (self);
  add_drop_target (self);
}

MpWindow *
mp_window_new (GtkApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}
