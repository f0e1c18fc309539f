/* mp-weight-sliders.h: one slider per criterion, with its sensitivity band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_WEIGHT_SLIDERS (mp_weight_sliders_get_type ())

G_DECLARE_FINAL_TYPE (MpWeightSliders, mp_weight_sliders, MP, WEIGHT_SLIDERS, GtkWidget)

/* Builds the sliders, each bound both ways to the planner's weight; the
 * bands under them follow every re-rank. Set once. */
void        mp_weight_sliders_set_planner          (MpWeightSliders *self,
                                                    MpPlanner       *planner);
GtkRange   *mp_weight_sliders_get_slider           (MpWeightSliders *self,
                                                    MpCriterion      criterion);
/* "Top pick holds from 35 to 100; below 35 Northgate takes over." */
const char *mp_weight_sliders_get_sensitivity_text (MpWeightSliders *self,
                                                    MpCriterion      criterion);
/* Asks for the height that shows every slider (above a list in a narrow
 * window) rather than scrolling in whatever height it is given. */
void        mp_weight_sliders_set_full_height      (MpWeightSliders *self,
                                                    gboolean         full_height);

G_END_DECLS
