/* mp-value-paint.h: draws the value-for-money chart with cairo and Pango,
 * for the window (theme colours) and the brief (greys)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mp-value-plot.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} MpValueColor;

typedef struct {
  MpValueColor text;
  MpValueColor grid;
  MpValueColor band;         /* the article's reference range */
  MpValueColor frontier;     /* its line and the ring of its points */
  MpValueColor master;       /* a master's: a filled disc */
  MpValueColor alternative;  /* an alternative: a hollow diamond */
  MpValueColor highlight;    /* the selected point's ring */
  double       font_size;    /* of the labels, in the cairo units */
  const char  *font_family;
  int          selected;     /* point index, or -1 */
  int          focused;      /* point index drawn with a focus ring, or -1 */
} MpValueStyle;

/* Greys on white, for paper and grayscale printers. */
void mp_value_style_init_print (MpValueStyle      *style);
/* Draws @plot into @width × @height at @cr's origin. */
void mp_value_paint            (MpValuePlot        *plot,
                                cairo_t            *cr,
                                double              width,
                                double              height,
                                const MpValueStyle *style);

G_END_DECLS
