/* mp-text-encoding.h: saying where and why a text file is not UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @text is UTF-8 without NUL bytes; otherwise FALSE with
 * "NAME:LINE:COLUMN: reason" in @error (@domain, @code), naming a UTF-16
 * or UTF-32 byte order mark when the file starts with one. */
gboolean mp_text_check_utf8 (const char  *name,
                             const char  *text,
                             gsize        length,
                             GQuark       domain,
                             int          code,
                             GError     **error);

G_END_DECLS
