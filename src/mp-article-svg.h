/* mp-article-svg.h: an SVG drawn at the size it is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MP_TYPE_ARTICLE_SVG (mp_article_svg_get_type ())

G_DECLARE_FINAL_TYPE (MpArticleSvg, mp_article_svg, MP, ARTICLE_SVG, GObject)

/* Reads, checks and parses @file (@name: the file as the article names it,
 * for messages); it is rasterised only when drawn, at the size and scale
 * it is drawn at. Safe to call in a worker thread. */
MpArticleSvg *mp_article_svg_new_from_file (GFile         *file,
                                            const char    *name,
                                            GError       **error);
/* Drawing at the widget's scale factor keeps HiDPI screens sharp. */
void          mp_article_svg_set_widget    (MpArticleSvg  *self,
                                            GtkWidget     *widget);

/* The size a figure in @file will have once loaded, read from the root
 * element without loading the renderer. FALSE when it cannot be read. */
gboolean      mp_article_svg_probe_size    (GFile         *file,
                                            int           *width,
                                            int           *height);
/* Draws the figure into @width × @height of @cr at once, in vectors where
 * @cr keeps them (print and PDF). Not while a worker renders it: for a
 * figure of its own, made by mp_article_svg_new_from_file(). */
gboolean      mp_article_svg_draw          (MpArticleSvg  *self,
                                            cairo_t       *cr,
                                            double         width,
                                            double         height,
                                            GError       **error);
/* The figure's own size in CSS pixels. */
void          mp_article_svg_get_size      (MpArticleSvg  *self,
                                            double        *width,
                                            double        *height);
/* The bitmap drawn last, or %NULL while none is ready. */
GdkTexture   *mp_article_svg_get_texture   (MpArticleSvg  *self);

G_END_DECLS
