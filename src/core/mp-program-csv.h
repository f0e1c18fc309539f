/* mp-program-csv.h: programs as CSV with a header row (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program-io.h"

G_BEGIN_DECLS

#define MP_PROGRAM_CSV_ERROR (mp_program_csv_error_quark ())

typedef enum {
  MP_PROGRAM_CSV_ERROR_SYNTAX = MP_PROGRAM_IO_SYNTAX,   /* quoting, encoding, empty */
  MP_PROGRAM_CSV_ERROR_INVALID = MP_PROGRAM_IO_INVALID, /* columns, types, ranges */
} MpProgramCsvError;

GQuark     mp_program_csv_error_quark    (void);
/* A new array of new MpProgram, or NULL with @error (MP_PROGRAM_CSV_ERROR)
 * reading "NAME:LINE:COLUMN: message". Columns count characters from 1. */
GPtrArray *mp_program_csv_parse          (const MpProgramSource *source,
                                          GError               **error);
/* The same reading and messages, each program handed to @sink as plain
 * fields instead (no object per row). */
gboolean   mp_program_csv_read_each      (const MpProgramSource *source,
                                          MpProgramSink          sink,
                                          gpointer               user_data,
                                          GError               **error);

/* CSV writing: RFC 4180 quoting, numbers in the C locale, the columns the
 * CSV reader expects. */
void       mp_program_csv_append_field   (GString    *out,
                                          const char *text);
void       mp_program_csv_append_number  (GString    *out,
                                          double      value);
void       mp_program_csv_append_header  (GString    *out);
void       mp_program_csv_append_program (GString    *out,
                                          MpProgram  *program);

G_END_DECLS
