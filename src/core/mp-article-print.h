/* mp-article-print.h: an article's printed pages, laid out from the
 * document model with Pango and cairo (pure GLib: the same pages go to a
 * printer and to a PDF file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mp-brief-render.h"
#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_ARTICLE_PRINT (mp_article_print_get_type ())

G_DECLARE_FINAL_TYPE (MpArticlePrint, mp_article_print, MP, ARTICLE_PRINT, GObject)

/* What draws the figures: the core has no image decoder or flowchart
 * painter of its own. Each returns an image or a bounded recording surface
 * (which keeps vectors), and the size in points its extents map onto, or NULL with @error set; then the
 * page shows a box with the alt text and the reason. Both may be NULL. */
typedef struct {
  cairo_surface_t *(*load_image)   (const char      *src,
                                    GFile           *base_dir,
                                    double          *width,
                                    double          *height,
                                    gpointer         user_data,
                                    GError         **error);
  cairo_surface_t *(*draw_mermaid) (const MpMermaidBlock *block,
                                    const char      *file_name,
                                    double          *width,
                                    double          *height,
                                    gpointer         user_data,
                                    GError         **error);
} MpArticlePrintFigures;

MpArticlePrint *mp_article_print_new         (MpDocument                  *document);
/* @figures is copied; @user_data is passed to its functions. */
void            mp_article_print_set_figures (MpArticlePrint              *self,
                                              const MpArticlePrintFigures *figures,
                                              gpointer                     user_data);
/* Lays the article out on pages of @width × @height points, measuring text
 * for @cr's font backend; returns the number of pages (at least 1). */
guint           mp_article_print_paginate    (MpArticlePrint              *self,
                                              cairo_t                     *cr,
                                              double                       width,
                                              double                       height);
guint           mp_article_print_get_n_pages (MpArticlePrint              *self);
/* Draws page @page (from 0) of the last pagination on @cr, whose origin
 * is the page's top left corner, in points. */
void            mp_article_print_draw_page   (MpArticlePrint              *self,
                                              cairo_t                     *cr,
                                              guint                        page);
/* Paginates on @paper and writes every page as a PDF to @path, atomically. */
gboolean        mp_article_print_write_pdf   (MpArticlePrint              *self,
                                              MpBriefPaper                 paper,
                                              const char                  *path,
                                              GError                     **error);

G_END_DECLS
