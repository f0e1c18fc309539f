/* mp-brief-render.h: the decision brief's pages, drawn with Pango and cairo
 * (pure GLib: the same pages go to a PDF file and to a printer)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mp-brief.h"

G_BEGIN_DECLS

typedef enum {
  MP_BRIEF_PAPER_A4,
  MP_BRIEF_PAPER_LETTER,
} MpBriefPaper;

/* The paper of the locale's LC_PAPER: Letter where it is 216 × 279 mm
 * (the Americas), A4 elsewhere. */
MpBriefPaper mp_brief_paper_default   (void);
/* Width and height in points (1/72 inch). */
void         mp_brief_paper_size      (MpBriefPaper  paper,
                                       double       *width,
                                       double       *height);
/* Where the brief's page breaks fall on pages of @width × @height points
 * (1/72 inch): found once by mp_brief_lay_out(), then used for each page. */
typedef struct {
  double width;
  double height;
  double chart_height;  /* the value chart's, lowered when needed to keep two pages */
  guint  n_pages;
} MpBriefLayout;

/* Measures the brief with @cr's fonts (it draws nothing). */
void         mp_brief_lay_out         (MpBrief             *brief,
                                       cairo_t             *cr,
                                       double               width,
                                       double               height,
                                       MpBriefLayout       *layout);
/* Draws page @page (from 0) of @layout on @cr, whose origin is the page's
 * top left corner. */
void         mp_brief_draw_page       (MpBrief             *brief,
                                       cairo_t             *cr,
                                       const MpBriefLayout *layout,
                                       guint                page);
/* Writes the brief as a PDF on @paper, atomically. */
gboolean     mp_brief_write_pdf       (MpBrief      *brief,
                                       MpBriefPaper  paper,
                                       const char   *path,
                                       GError      **error);

G_END_DECLS
