/* mp-color-scheme.h: follow the desktop's light or dark preference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Plain GTK 4.8 does not read the desktop's colour scheme: this asks the
 * Settings portal (org.freedesktop.appearance color-scheme) without blocking,
 * and keeps gtk-application-prefer-dark-theme in step with it. Once per
 * process; does nothing when there is no session bus or no portal. */
void     mp_color_scheme_follow_system (void);
/* The portal's value: 0 no preference, 1 prefer dark, 2 prefer light.
 * TRUE only for 1 (for tests). */
gboolean mp_color_scheme_prefers_dark  (GVariant *value);

G_END_DECLS
