/* mp-article-view.h: renders an MpDocument natively
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_ARTICLE_VIEW (mp_article_view_get_type ())

G_DECLARE_FINAL_TYPE (MpArticleView, mp_article_view, MP, ARTICLE_VIEW, GtkWidget)

GtkWidget  *mp_article_view_new                 (void);
void        mp_article_view_set_document        (MpArticleView *self,
                                                 MpDocument    *document);
MpDocument *mp_article_view_get_document        (MpArticleView *self);
/* The same file read again: the reading position stays where it was. */
void        mp_article_view_reload_document     (MpArticleView *self,
                                                 MpDocument    *document);
/* Scrolls to the heading with that id; FALSE when there is none. */
gboolean    mp_article_view_scroll_to_heading   (MpArticleView *self,
                                                 const char    *id);
/* Briefly marks the section under that heading (the flowchart's outcome link). */
void        mp_article_view_highlight_section   (MpArticleView *self,
                                                 const char    *id);
/* Remembers where the current file is being read (settings key
 * "reading-positions"); it opens there next time. Done when another
 * document is set; the window calls it when it closes. */
void        mp_article_view_save_position       (MpArticleView *self);
/* Shows the find bar and focuses its entry. */
void        mp_article_view_start_search        (MpArticleView *self);
/* A popover listing the headings; the window puts it in its Outline button. */
GtkWidget  *mp_article_view_get_outline_popover (MpArticleView *self);
/* Property "zoom" (double, 0.5–3.0, default 1.0); the window binds it to GSettings. */
double      mp_article_view_get_zoom            (MpArticleView *self);
void        mp_article_view_set_zoom            (MpArticleView *self,
                                                 double         zoom);

/* For tests and tools: the text view, the find entry, and find's state
 * (match count; the current match's index, or -1). */
GtkTextView *mp_article_view_get_text_view     (MpArticleView *self);
GtkEditable *mp_article_view_get_search_entry  (MpArticleView *self);
guint        mp_article_view_get_n_matches     (MpArticleView *self);
int          mp_article_view_get_current_match (MpArticleView *self);

/* Signal "open-section" (const char *id) is not used: in-article "#id" links
 * scroll the view itself. */

G_END_DECLS
