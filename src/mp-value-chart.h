/* mp-value-chart.h: score against out-of-pocket cost, one point a program,
 * the best-value frontier and the article's range of tuition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-costs.h"
#include "mp-planner.h"
#include "mp-value-plot.h"

G_BEGIN_DECLS

#define MP_TYPE_VALUE_CHART (mp_value_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpValueChart, mp_value_chart, MP, VALUE_CHART, GtkWidget)

/* Focusable: arrow keys move between the points (cheapest first), Home and
 * End go to the ends, Enter or Space chooses the focused point; a click
 * chooses the point under the pointer. Choosing selects the program in the
 * planner, then emits "program-chosen". Hover and focus name a point in a
 * tooltip; "focused-text" (read-only, notifies) names the focused point. */
GtkWidget   *mp_value_chart_new              (void);
void         mp_value_chart_set_planner      (MpValueChart          *self,
                                              MpPlanner             *planner);
/* The circumstances the costs are computed for; re-plots. */
void         mp_value_chart_set_circumstances (MpValueChart         *self,
                                              const MpCircumstances *circumstances);
/* The plot as last computed (computes it if stale). */
MpValuePlot *mp_value_chart_get_plot         (MpValueChart          *self);
/* The focused point's program (store position), or -1. */
int          mp_value_chart_get_focused_program (MpValueChart       *self);
const char  *mp_value_chart_get_focused_text (MpValueChart          *self);
/* Chooses the focused point, as Enter does; FALSE when none. */
gboolean     mp_value_chart_choose_focused   (MpValueChart          *self);

G_END_DECLS
