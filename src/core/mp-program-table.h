/* mp-program-table.h: many programs packed in plain arrays, for the
 * headless ranking of large files (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program-io.h"

G_BEGIN_DECLS

/* A row keeps what the ranking and its extra columns read: id, name, kind,
 * format, the facts and the rating ranges; not the institution or note.
 * About 100 bytes a program instead of an MpProgram and its strings. */
typedef struct _MpProgramTable MpProgramTable;

MpProgramTable *mp_program_table_new           (void);
void            mp_program_table_free          (MpProgramTable         *self);
/* Reads a programs file as mp_program_store_import() into an empty store
 * does (CSV or JSON, chosen by content), with the same checks and the same
 * "FILE:LINE:COLUMN: message" errors; CSV rows never become objects. */
gboolean        mp_program_table_load_file     (MpProgramTable         *self,
                                                GFile                  *file,
                                                GError                **error);
void            mp_program_table_append        (MpProgramTable         *self,
                                                const MpProgramFields  *fields);
void            mp_program_table_append_program (MpProgramTable        *self,
                                                MpProgram              *program);
guint           mp_program_table_get_n         (MpProgramTable         *self);
const char     *mp_program_table_get_id        (MpProgramTable         *self,
                                                guint                   row);
const char     *mp_program_table_get_name      (MpProgramTable         *self,
                                                guint                   row);
/* The name case-folded (g_utf8_casefold()), for the tie-break by name. */
const char     *mp_program_table_get_folded_name (MpProgramTable       *self,
                                                guint                   row);
MpProgramKind   mp_program_table_get_kind      (MpProgramTable         *self,
                                                guint                   row);
/* As mp_program_get_rating(): the middle of the range, 5 when unknown. */
double          mp_program_table_get_rating    (MpProgramTable         *self,
                                                guint                   row,
                                                MpCriterion             criterion);
void            mp_program_table_get_rating_range (MpProgramTable      *self,
                                                guint                   row,
                                                MpCriterion             criterion,
                                                double                 *lo,
                                                double                 *hi);
double          mp_program_table_get_duration_years (MpProgramTable    *self,
                                                guint                   row);
double          mp_program_table_get_hours_per_week (MpProgramTable    *self,
                                                guint                   row);
double          mp_program_table_get_tuition   (MpProgramTable         *self,
                                                guint                   row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpProgramTable, mp_program_table_free)

G_END_DECLS
