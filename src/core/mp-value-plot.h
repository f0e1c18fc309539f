/* mp-value-plot.h: the value-for-money chart's content and geometry: score
 * against out-of-pocket cost, the Pareto frontier, axes, hit testing and
 * keyboard order (pure GLib; the window and the brief draw it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-costs.h"
#include "mp-scorer.h"

G_BEGIN_DECLS

/* The article's reference range for a master's tuition, "$15,000–$50,000
 * or more". */
#define MP_VALUE_BAND_LOW_USD  15000.0
#define MP_VALUE_BAND_HIGH_USD 50000.0

typedef struct {
  guint    program;      /* position in the store */
  double   score;        /* 0–100 */
  double   cost;         /* out of pocket, USD */
  gboolean alternative;  /* any kind but a master's */
  gboolean on_frontier;
} MpValuePoint;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} MpValueRect;

typedef struct _MpValuePlot MpValuePlot;

/* The programs @scorer ranks (they pass the filter), in rank order, each
 * at its score and its out-of-pocket cost for @circumstances. Empty when
 * nothing is ranked. */
MpValuePlot        *mp_value_plot_new_from_scorer (MpScorer              *scorer,
                                                   const MpCircumstances *circumstances);
/* From points given (their on_frontier is computed). */
MpValuePlot        *mp_value_plot_new             (const MpValuePoint    *points,
                                                   guint                  n_points);
void                mp_value_plot_free            (MpValuePlot           *plot);
guint               mp_value_plot_get_n_points    (MpValuePlot           *plot);
const MpValuePoint *mp_value_plot_get_point       (MpValuePlot           *plot,
                                                   guint                  i);
/* The program's name of a plot made from a scorer; "" otherwise. */
const char         *mp_value_plot_get_name        (MpValuePlot           *plot,
                                                   guint                  i);
/* The point of the store position @program, or -1. */
int                 mp_value_plot_find_program    (MpValuePlot           *plot,
                                                   guint                  program);
/* Frontier points, cheapest first (at one cost, best first). */
guint               mp_value_plot_get_n_frontier  (MpValuePlot           *plot);
guint               mp_value_plot_get_frontier    (MpValuePlot           *plot,
                                                   guint                  k);
/* Axes: cost from 0 to @max in ticks of @step, always reaching past the
 * reference band; score from @min to 100 in ticks of @step. */
void                mp_value_plot_get_cost_axis   (MpValuePlot           *plot,
                                                   double                *max,
                                                   double                *step);
void                mp_value_plot_get_score_axis  (MpValuePlot           *plot,
                                                   double                *min,
                                                   double                *step);
/* The plot area inside a chart of @width × @height with text of
 * @font_size (pixels or points): room for the tick labels, the axis titles
 * and the band's label. */
void                mp_value_plot_get_area        (double                 width,
                                                   double                 height,
                                                   double                 font_size,
                                                   MpValueRect           *area);
/* Where a cost and a score go in @area. */
double              mp_value_plot_x               (MpValuePlot           *plot,
                                                   const MpValueRect     *area,
                                                   double                 cost);
double              mp_value_plot_y               (MpValuePlot           *plot,
                                                   const MpValueRect     *area,
                                                   double                 score);
/* The point nearest (@x, @y) within @radius, or -1; of points drawn on one
 * spot, the best ranked. */
int                 mp_value_plot_hit             (MpValuePlot           *plot,
                                                   const MpValueRect     *area,
                                                   double                 x,
                                                   double                 y,
                                                   double                 radius);
/* Keyboard order: left to right (cheapest first), at one cost best first.
 * The point @delta steps from @point in that order, clamped to the ends;
 * with @point -1, the first (delta ≥ 0) or the last. -1 when empty. */
int                 mp_value_plot_step            (MpValuePlot           *plot,
                                                   int                    point,
                                                   int                    delta);
/* "Northfield MSc: score 82.4, $18,000 out of pocket, master's, on the best-value
 * frontier" (translated), for a tooltip and screen readers. */
char               *mp_value_plot_describe_point  (MpValuePlot           *plot,
                                                   guint                  i,
                                                   const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpValuePlot, mp_value_plot_free)

G_END_DECLS
