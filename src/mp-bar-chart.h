/* mp-bar-chart.h: a horizontal bar chart for ```chart blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-markdown.h"

G_BEGIN_DECLS

#define MP_TYPE_BAR_CHART (mp_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpBarChart, mp_bar_chart, MP, BAR_CHART, GtkWidget)

/* Copies what it needs from @chart, which must have no error. */
GtkWidget  *mp_bar_chart_new             (const MpChart *chart);
guint       mp_bar_chart_get_n_bars      (MpBarChart    *self);
const char *mp_bar_chart_get_label       (MpBarChart    *self,
                                          guint          index);
double      mp_bar_chart_get_value       (MpBarChart    *self,
                                          guint          index);
/* What screen readers read: the title and every bar with its value. */
char       *mp_bar_chart_describe        (MpBarChart    *self);

G_END_DECLS
