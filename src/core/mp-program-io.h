/* mp-program-io.h: reading and writing programs as JSON and CSV (private to
 * the programs module; the store and the headless ranking use it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program.h"
#include "mp-program-rules.h"

G_BEGIN_DECLS

/* The newest programs JSON schema this version reads and writes. */
#define MP_PROGRAMS_SCHEMA_VERSION 1

typedef struct {
  const char *display_name; /* for "NAME:LINE:COLUMN: …" */
  const char *data;
  gsize       length;
  /* Ids that imported programs must not reuse (explicit ids clash, generated
   * ids avoid them), or NULL. Keys are ids. */
  GHashTable *taken_ids;
  /* When not NULL (JSON only), a program that breaks a rule is left out and
   * its message ("NAME:LINE:COLUMN: …") appended here instead of failing
   * the whole file: one bad program must not hide the others. */
  GPtrArray  *skipped;
} MpProgramSource;

/* Both return a new array of new MpProgram, or NULL with @error
 * (MP_PROGRAM_STORE_ERROR) reading "NAME:LINE:COLUMN: message". Columns
 * count characters from 1. */
GPtrArray *mp_program_json_parse     (const MpProgramSource *source,
                                      GError               **error);
GPtrArray *mp_program_csv_parse      (const MpProgramSource *source,
                                      GError               **error);
/* JSON when the first non-blank character is '{' or '[', else CSV. */
GPtrArray *mp_program_parse_any      (const MpProgramSource *source,
                                      GError               **error);

char      *mp_program_json_serialize (MpProgram * const     *programs,
                                      guint                  n_programs);

/* CSV writing: RFC 4180 quoting, numbers in the C locale, the columns the
 * CSV reader expects. */
void       mp_program_csv_append_field   (GString   *out,
                                          const char *text);
void       mp_program_csv_append_number  (GString   *out,
                                          double     value);
void       mp_program_csv_append_header  (GString   *out);
void       mp_program_csv_append_program (GString   *out,
                                          MpProgram *program);

/* Helpers shared by the two parsers. */
gboolean   mp_program_io_check_text  (const MpProgramSource *source,
                                      GError               **error);
void       mp_program_io_position    (const char            *data,
                                      gsize                  offset,
                                      guint                 *line,
                                      guint                 *column);
void       mp_program_io_set_error   (GError               **error,
                                      int                    code,
                                      const MpProgramSource *source,
                                      guint                  line,
                                      guint                  column,
                                      const char            *format,
                                      ...) G_GNUC_PRINTF (6, 7);
char      *mp_program_io_generate_id (const char            *name,
                                      GHashTable            *taken_ids,
                                      GHashTable            *file_ids);
/* Checks @number against the rule for @value (mp-program-rules.h); the
 * message names @what. Positions cost a scan from the start of the text:
 * compute them only on error. */
gboolean   mp_program_io_check_range (const MpProgramSource *source,
                                      guint                  line,
                                      guint                  column,
                                      const char            *what,
                                      MpProgramValue         value,
                                      double                 number,
                                      GError               **error);
/* Sets @field from @value, a number already checked. */
void       mp_program_io_set_fact    (MpProgram             *program,
                                      const char            *field,
                                      double                 value);

G_END_DECLS
