/* mp-contrib-bar.h: a score as a bar split into per-criterion contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-criteria.h"

G_BEGIN_DECLS

#define MP_TYPE_CONTRIB_BAR (mp_contrib_bar_get_type ())

G_DECLARE_FINAL_TYPE (MpContribBar, mp_contrib_bar, MP, CONTRIB_BAR, GtkWidget)

GtkWidget *mp_contrib_bar_new               (void);
/* Points (0–100 in all) each criterion brings; the bar spans 0–100. */
void       mp_contrib_bar_set_contributions (MpContribBar *self,
                                             const double  contributions[MP_N_CRITERIA]);

G_END_DECLS
