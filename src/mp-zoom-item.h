/* mp-zoom-item.h: the main menu's "− 100 % +" row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Buttons for win.zoom-out, win.zoom-reset (showing the level) and
 * win.zoom-in; the level follows @source's double property @property
 * (1.0 is 100 %). */
GtkWidget *mp_zoom_item_new        (GObject    *source,
                                    const char *property);
/* The level as the item shows it, "100 %". */
char      *mp_zoom_item_format     (double      zoom);

G_END_DECLS
