/* mp-confidence-bar.h: how sure the ranking's top pick is, in a sentence,
 * with a warning when it is fragile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"
#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFIDENCE_BAR (mp_confidence_bar_get_type ())

G_DECLARE_FINAL_TYPE (MpConfidenceBar, mp_confidence_bar, MP, CONFIDENCE_BAR, GtkWidget)

/* Follows the planner's ranking and its spread (a drop-down offers the
 * planner's spread presets): after every re-rank (a slider step too)
 * the confidence is computed again off the main thread and the newest shown.
 * Set once. */
void                mp_confidence_bar_set_planner  (MpConfidenceBar *self,
                                                    MpPlanner       *planner);
MpConfidenceRunner *mp_confidence_bar_get_runner   (MpConfidenceBar *self);
/* The sentence shown, and the warning (NULL when none), for tests. */
const char         *mp_confidence_bar_get_sentence (MpConfidenceBar *self);
const char         *mp_confidence_bar_get_warning  (MpConfidenceBar *self);
/* The choice of how sure the user is of the weights (the planner's spread). */
GtkDropDown        *mp_confidence_bar_get_spread_dropdown (MpConfidenceBar *self);

G_END_DECLS
