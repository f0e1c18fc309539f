/* mp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_BUNDLED_ARTICLE_URI "resource://" RESOURCE_BASE "/article/master-plan.md"

#define MP_TYPE_WINDOW (mp_window_get_type ())

G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, GtkApplicationWindow)

MpWindow   *mp_window_new           (GtkApplication *application);
/* Loads @file; on failure shows why in the banner, keeps the current
 * document, and returns FALSE. A file over 1 MiB is read in a worker
 * thread with a progress bar and Cancel: this returns TRUE at once, and
 * the document (or the banner) comes when it is read. */
gboolean    mp_window_open_file     (MpWindow      *self,
                                     GFile         *file);
void        mp_window_open_bundled  (MpWindow      *self);
MpDocument *mp_window_get_document  (MpWindow      *self);
/* TRUE while a large file opened with mp_window_open_file() is still read
 * in the background (the previous document stays shown until then). */
gboolean    mp_window_is_loading    (MpWindow      *self);
/* "Opening FILE…" while loading, else NULL (for tests). */
const char *mp_window_get_load_message (MpWindow   *self);
/* Gives up the file being read; the shown document stays. */
void        mp_window_cancel_loading (MpWindow     *self);
/* The banner's text, or NULL when it is hidden (for tests). */
const char *mp_window_get_banner_message (MpWindow *self);
/* Whether the window tells that the user's programs need a look in the
 * Ranking view, which is out of sight. */
gboolean    mp_window_get_programs_notice_shown (MpWindow *self);
/* The toast's text, or NULL when none is shown (for tests). */
const char *mp_window_get_toast_message  (MpWindow *self);
GtkWidget  *mp_window_get_article_view   (MpWindow *self);
GtkWidget  *mp_window_get_flow_pane      (MpWindow *self);
GtkWidget  *mp_window_get_weights_panel  (MpWindow *self);
/* The question asked on closing with unsaved programs, or NULL. */
GtkWidget  *mp_window_get_unsaved_dialog (MpWindow *self);

G_END_DECLS
