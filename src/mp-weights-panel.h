/* mp-weights-panel.h: sliders, the live ranking, details and comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-types.h"

G_BEGIN_DECLS

#define MP_TYPE_WEIGHTS_PANEL (mp_weights_panel_get_type ())

G_DECLARE_FINAL_TYPE (MpWeightsPanel, mp_weights_panel, MP, WEIGHTS_PANEL, GtkWidget)

/* Loads the samples and the user's programs and binds the weights to GSettings. */
GtkWidget *mp_weights_panel_new           (void);
/* The flowchart's outcome suggests a kind filter; the panel shows a visible,
 * undoable note naming @reason. */
void       mp_weights_panel_suggest_kind  (MpWeightsPanel *self,
                                           MpKindFilter    kind,
                                           const char     *reason);
/* Ctrl+I, Ctrl+E and Ctrl+N from the window. */
void       mp_weights_panel_import        (MpWeightsPanel *self);
void       mp_weights_panel_export        (MpWeightsPanel *self);
void       mp_weights_panel_add_program   (MpWeightsPanel *self);

G_END_DECLS
