/* mp-program-io.h: what the JSON and CSV program readers share (private to
 * the programs module: the readers, the store and their tests use it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program.h"

G_BEGIN_DECLS

/* The newest programs JSON schema this version reads and writes. */
#define MP_PROGRAMS_SCHEMA_VERSION 1

/* Limits on the facts of a program (inclusive). */
#define MP_PROGRAM_MAX_DURATION_YEARS 10.0
#define MP_PROGRAM_MAX_HOURS_PER_WEEK 168.0
#define MP_PROGRAM_MAX_TUITION        10000000.0

typedef struct {
  const char *display_name; /* for "NAME:LINE:COLUMN: …" */
  const char *data;
  gsize       length;
  /* Ids that imported programs must not reuse (explicit ids clash, generated
   * ids avoid them), or NULL. Keys are ids. */
  GHashTable *taken_ids;
  /* Set by the reader to the domain it raises; callers leave it 0. */
  GQuark      domain;
} MpProgramSource;

/* The codes the helpers below raise, numbered alike in MP_PROGRAM_JSON_ERROR
 * and MP_PROGRAM_CSV_ERROR: each reader raises its own domain. */
typedef enum {
  MP_PROGRAM_IO_SYNTAX,   /* not JSON / CSV at all */
  MP_PROGRAM_IO_INVALID,  /* well-formed but wrong: types, ranges, fields */
} MpProgramIoCode;

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
gboolean   mp_program_io_in_range    (double                 value,
                                      double                 max);
/* Checks that @value lies in [0, max]; the message names @what. Positions
 * cost a scan from the start of the text: compute them only on error. */
gboolean   mp_program_io_check_range (const MpProgramSource *source,
                                      guint                  line,
                                      guint                  column,
                                      const char            *what,
                                      double                 value,
                                      double                 max,
                                      GError               **error);
/* Sets @field from @value, a number already checked. */
void       mp_program_io_set_fact    (MpProgram             *program,
                                      const char            *field,
                                      double                 value);

G_END_DECLS
