/* mp-program-io.h: what the JSON and CSV program readers share (private to
 * the programs module: the readers, the store and their tests use it)
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
  /* Set by the reader to the domain it raises; callers leave it 0. */
  GQuark      domain;
} MpProgramSource;

/* The codes the helpers below raise, numbered alike in MP_PROGRAM_JSON_ERROR
 * and MP_PROGRAM_CSV_ERROR: each reader raises its own domain. */
typedef enum {
  MP_PROGRAM_IO_SYNTAX,   /* not JSON / CSV at all */
  MP_PROGRAM_IO_INVALID,  /* well-formed but wrong: types, ranges, fields */
} MpProgramIoCode;

/* One program as a reader found it, before it becomes an MpProgram or a row
 * of a packed table (the headless ranking of large files). The strings
 * belong to the reader and last until its sink returns. */
typedef struct {
  const char      *id;
  const char      *name;
  const char      *institution;
  const char      *note;
  MpProgramKind    kind;
  MpProgramFormat  format;
  gboolean         thesis;
  double           duration_years;
  double           hours_per_week;
  double           tuition;
  double           rating_lo[MP_N_CRITERIA];
  double           rating_hi[MP_N_CRITERIA];
  guint            unknown_ratings;  /* bit per criterion; then lo = 0, hi = 10 */
} MpProgramFields;

/* Receives each valid program in file order; FALSE with @error stops the
 * reading. */
typedef gboolean (*MpProgramSink) (const MpProgramFields  *fields,
                                   gpointer                user_data,
                                   GError                **error);

/* A new MpProgram with every field of @fields. */
MpProgram *mp_program_io_new_program (const MpProgramFields *fields);
/* The fields of @program (its strings, valid while it lives). */
void       mp_program_io_get_fields  (MpProgram             *program,
                                      MpProgramFields       *fields);

/* The whole of @file, or NULL with @error (@domain, @code) reading "NAME:
 * cannot read the file: reason". */
GBytes    *mp_program_io_read_file   (GFile                 *file,
                                      GQuark                 domain,
                                      int                    code,
                                      GError               **error);
/* @source over @data, a UTF-8 byte order mark left out; no taken ids, no
 * skipped list. */
void       mp_program_io_source_init (MpProgramSource       *source,
                                      const char            *display_name,
                                      const char            *data,
                                      gsize                  length,
                                      GHashTable            *taken_ids);

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
/* An id from @name's slug that neither table holds ("slug", "slug-2", …).
 * @next_suffix (slug → next suffix, or NULL) remembers where each slug's
 * search stopped, which keeps many equal names linear. */
char      *mp_program_io_generate_id (const char            *name,
                                      GHashTable            *taken_ids,
                                      GHashTable            *file_ids,
                                      GHashTable            *next_suffix);
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
