/* mp-article-outline.h: a popover listing an article's headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_ARTICLE_OUTLINE (mp_article_outline_get_type ())

G_DECLARE_FINAL_TYPE (MpArticleOutline, mp_article_outline, MP, ARTICLE_OUTLINE, GtkPopover)

GtkWidget  *mp_article_outline_new          (void);
/* The rows are made when the popover is next shown. */
void        mp_article_outline_set_document (MpArticleOutline *self,
                                             MpDocument       *document);
MpDocument *mp_article_outline_get_document (MpArticleOutline *self);

/* Signal "heading-activated" (const char *id): a row was chosen; the
 * popover has closed itself. */

G_END_DECLS
