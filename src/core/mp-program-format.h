/* mp-program-format.h: programs in whichever file format they come (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program-io.h"

G_BEGIN_DECLS

/* JSON when the first non-blank character is '{' or '[', else CSV; the
 * error is that reader's (MP_PROGRAM_JSON_ERROR or MP_PROGRAM_CSV_ERROR). */
GPtrArray *mp_program_parse_any (const MpProgramSource *source,
                                 GError               **error);

G_END_DECLS
