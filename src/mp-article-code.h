/* mp-article-code.h: a code block inside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A block showing @code exactly: monospace, every line as written, long
 * lines scrolled sideways, never wrapped. With @lang (a fence's info word)
 * that GtkSourceView knows, highlighted; GtkSourceView is opened the first
 * time such a block is made. */
GtkWidget     *mp_article_code_new        (const char *code,
                                           const char *lang);
gboolean       mp_article_is_code         (GtkWidget  *widget);
/* The label showing the code in a block made by mp_article_code_new():
 * its text is the code, exactly. */
GtkLabel      *mp_article_code_get_label  (GtkWidget  *code);
/* The GtkSourceView language id for a fence's info word, or NULL when
 * GtkSourceView cannot be opened or has none. */
const char    *mp_article_code_language   (const char *lang);

G_END_DECLS
