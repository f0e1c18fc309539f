/* mp-filter-button.h: the ranking's filter, a button with a popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_FILTER_BUTTON (mp_filter_button_get_type ())

G_DECLARE_FINAL_TYPE (MpFilterButton, mp_filter_button, MP, FILTER_BUTTON, GtkWidget)

/* Binds the drop-downs both ways to the planner's filter; the button's
 * label names the kind and how many more limits are on. Set once. */
void mp_filter_button_set_planner (MpFilterButton *self,
                                   MpPlanner      *planner);

G_END_DECLS
