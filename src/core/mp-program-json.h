/* mp-program-json.h: programs as schema-versioned JSON (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program-io.h"

G_BEGIN_DECLS

#define MP_PROGRAM_JSON_ERROR (mp_program_json_error_quark ())

typedef enum {
  MP_PROGRAM_JSON_ERROR_SYNTAX = MP_PROGRAM_IO_SYNTAX,   /* not JSON at all */
  MP_PROGRAM_JSON_ERROR_INVALID = MP_PROGRAM_IO_INVALID, /* types, ranges, fields */
  MP_PROGRAM_JSON_ERROR_VERSION,
} MpProgramJsonError;

GQuark     mp_program_json_error_quark (void);
/* A new array of new MpProgram, or NULL with @error (MP_PROGRAM_JSON_ERROR)
 * reading "NAME:LINE:COLUMN: message". Columns count characters from 1. */
GPtrArray *mp_program_json_parse       (const MpProgramSource *source,
                                        GError               **error);
char      *mp_program_json_serialize   (MpProgram * const     *programs,
                                        guint                  n_programs);

G_END_DECLS
