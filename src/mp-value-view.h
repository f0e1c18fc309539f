/* mp-value-view.h: the panel's "Value" page: the value chart, the point
 * it names, and the best-value programs as a plain list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_VALUE_VIEW (mp_value_view_get_type ())

G_DECLARE_FINAL_TYPE (MpValueView, mp_value_view, MP, VALUE_VIEW, GtkWidget)

/* Signal "program-chosen": a point or a row of the list selected its
 * program in the planner. */
GtkWidget *mp_value_view_new              (void);
void       mp_value_view_set_planner      (MpValueView *self,
                                           MpPlanner   *planner);
GtkWidget *mp_value_view_get_chart        (MpValueView *self);
/* The best-value list (a GtkListBox, one row a program, cheapest first). */
GtkWidget *mp_value_view_get_frontier_list (MpValueView *self);

G_END_DECLS
