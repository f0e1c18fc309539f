/* mp-article-table.h: a Markdown table inside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-markdown.h"

G_BEGIN_DECLS

#define MP_TYPE_ARTICLE_TABLE (mp_article_table_get_type ())

G_DECLARE_FINAL_TYPE (MpArticleTable, mp_article_table, MP, ARTICLE_TABLE, GtkWidget)

/* Called when a link inside a block widget is activated. */
typedef void (*MpLinkFunc) (const char *target,
                            gpointer    user_data);

GtkWidget *mp_article_table_new               (const MpTable  *table,
                                               MpLinkFunc      link_func,
                                               gpointer        user_data);
/* How many of @table's cells (in reading order, header first) the table
 * widget shows: very long tables show their first rows only. */
guint      mp_article_table_get_n_shown_cells (const MpTable  *table);
/* The label of cell @index (reading order) in a widget made by
 * mp_article_table_new(), or NULL. */
GtkLabel  *mp_article_table_get_cell          (GtkWidget      *table_widget,
                                               guint           n_columns,
                                               guint           index);
/* The rows shown, as tab-separated values: a line a row, a cell's text
 * without its markup, tabs and line breaks inside a cell made spaces. */
char      *mp_article_table_to_tsv            (MpArticleTable *self);

G_END_DECLS
