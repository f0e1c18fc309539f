/* mp-load-bar.h: says which file is being read, how far, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MP_TYPE_LOAD_BAR (mp_load_bar_get_type ())

G_DECLARE_FINAL_TYPE (MpLoadBar, mp_load_bar, MP, LOAD_BAR, GtkWidget)

GtkWidget  *mp_load_bar_new          (void);
/* Sets "Opening @name…" at 0 %; the bar shows on mp_load_bar_reveal(). */
void        mp_load_bar_start        (MpLoadBar  *self,
                                      const char *name);
void        mp_load_bar_reveal       (MpLoadBar  *self);
void        mp_load_bar_set_fraction (MpLoadBar  *self,
                                      double      fraction);
void        mp_load_bar_stop         (MpLoadBar  *self);
/* The text while loading, shown or not yet, or NULL (for tests). */
const char *mp_load_bar_get_message  (MpLoadBar  *self);

G_END_DECLS
