/* mp-compare-view.h: up to three programs side by side, with a legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_COMPARE_VIEW (mp_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (MpCompareView, mp_compare_view, MP, COMPARE_VIEW, GtkWidget)

/* Shows the planner's compared programs and follows every re-rank. Set once. */
void       mp_compare_view_set_planner (MpCompareView *self,
                                        MpPlanner     *planner);
GtkWidget *mp_compare_view_get_chart   (MpCompareView *self);

G_END_DECLS
