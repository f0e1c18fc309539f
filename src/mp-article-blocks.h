/* mp-article-blocks.h: widgets that stand in the article's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-article-image.h"
#include "mp-article-table.h"
#include "mp-markdown.h"

G_BEGIN_DECLS

GtkWidget *mp_article_chart_new       (const MpChart *chart);
GtkWidget *mp_article_mermaid_card_new (const char *error);
GtkWidget *mp_article_rule_new        (void);
/* A slot stands in the text for a widget that is made only when it is
 * about to be seen (mp_article_slot_fill), so that opening a long article
 * does not build hundreds of tables. Until then it is an empty frame
 * @estimated_ems high. */
typedef GtkWidget *(*MpSlotFactory) (gpointer data);

GtkWidget *mp_article_slot_new        (MpSlotFactory  factory,
                                       gpointer       data,
                                       GDestroyNotify destroy,
                                       double         estimated_ems);
gboolean   mp_article_is_slot         (GtkWidget     *widget);
gboolean   mp_article_slot_is_filled  (GtkWidget     *slot);
/* Makes the widget; FALSE when it was already there. */
gboolean   mp_article_slot_fill       (GtkWidget     *slot);
double     mp_article_slot_get_estimate (GtkWidget   *slot);
/* A slot filled only once it comes near the screen, never in the
 * background: for images, whose decoders are worth loading only then. */
void       mp_article_slot_set_fill_when_seen (GtkWidget *slot,
                                               gboolean   when_seen);
gboolean   mp_article_slot_get_fill_when_seen (GtkWidget *slot);

/* Pango markup for an inline's text and spans (links as <a>). */
char      *mp_article_inline_markup   (const MpInline *inline_);

G_END_DECLS
