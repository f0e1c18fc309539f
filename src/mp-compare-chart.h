/* mp-compare-chart.h: up to three programs side by side, a small bar chart per criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-criteria.h"

G_BEGIN_DECLS

#define MP_TYPE_COMPARE_CHART (mp_compare_chart_get_type ())

G_DECLARE_FINAL_TYPE (MpCompareChart, mp_compare_chart, MP, COMPARE_CHART, GtkWidget)

typedef struct {
  const char *name;
  double      ratings[MP_N_CRITERIA]; /* 0–10 */
  double      score;                  /* 0–100, or < 0 when there is no score */
} MpCompareEntry;

GtkWidget  *mp_compare_chart_new         (void);
/* @n_entries ≤ MP_PANEL_MAX_COMPARED; entry i is drawn in compare colour i. */
void        mp_compare_chart_set_entries (MpCompareChart       *self,
                                          const MpCompareEntry *entries,
                                          guint                 n_entries);
guint       mp_compare_chart_get_n_entries (MpCompareChart     *self);
/* The chart in words, as given to assistive technology. */
const char *mp_compare_chart_get_summary (MpCompareChart       *self);

G_END_DECLS
