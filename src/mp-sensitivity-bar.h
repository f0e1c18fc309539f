/* mp-sensitivity-bar.h: a thin 0–100 bar showing where the top pick holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-criteria.h"

G_BEGIN_DECLS

#define MP_TYPE_SENSITIVITY_BAR (mp_sensitivity_bar_get_type ())

G_DECLARE_FINAL_TYPE (MpSensitivityBar, mp_sensitivity_bar, MP, SENSITIVITY_BAR, GtkWidget)

GtkWidget *mp_sensitivity_bar_new       (MpCriterion       criterion);
/* @low ≤ @high within 0–100; @value is the slider's. */
void       mp_sensitivity_bar_set_range (MpSensitivityBar *self,
                                         double            low,
                                         double            high,
                                         double            value);
/* Nothing ranked: the bar shows only its trough. */
void       mp_sensitivity_bar_clear     (MpSensitivityBar *self);
gboolean   mp_sensitivity_bar_get_range (MpSensitivityBar *self,
                                         double           *low,
                                         double           *high);

G_END_DECLS
