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
/* Called when the stream reader drops the programs it handed over so far and
 * reads the file again as a whole tree: a few files that are valid but read
 * differently by a strict parser (escaped surrogates, duplicate "programs",
 * json-glib's leniencies). */
typedef void (*MpProgramRestart) (gpointer user_data);

/* The same verdicts and messages as mp_program_json_parse(), each program
 * handed to @sink as plain fields while the text streams by (no tree, no
 * object per program). On failure, discard what @sink received. Over
 * 32 MB, a text that a strict JSON parser refuses is refused with that
 * parser's position instead of json-glib's message. */
gboolean   mp_program_json_read_each   (const MpProgramSource *source,
                                        MpProgramSink          sink,
                                        MpProgramRestart       restart,
                                        gpointer               user_data,
                                        GError               **error);
char      *mp_program_json_serialize   (MpProgram * const     *programs,
                                        guint                  n_programs);

G_END_DECLS
