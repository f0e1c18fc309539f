/* mp-program.h: one program that can be ranked (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-criteria.h"

G_BEGIN_DECLS

#define MP_TYPE_PROGRAM (mp_program_get_type ())

G_DECLARE_FINAL_TYPE (MpProgram, mp_program, MP, PROGRAM, GObject)

/* Properties (all read-write, notify on change): "id", "name", "institution",
 * "kind" (int, MpProgramKind), "format" (int, MpProgramFormat),
 * "duration-years" (double), "hours-per-week" (double), "tuition" (double,
 * USD), "thesis" (boolean), "note", "user-defined" (boolean: entered or
 * imported by the user, as opposed to a bundled sample), and "rating-faculty",
 * "rating-scholarship", "rating-funding", "rating-flexibility", "rating-brand"
 * (double, 0–10). "id" is construct-only.
 *
 * A program inside an MpProgramStore is not edited in place (the scorer reads
 * a snapshot on the store's items-changed): edit a copy, then
 * mp_program_store_replace() it. */
MpProgram       *mp_program_new                (const char      *id,
                                                const char      *name);
MpProgram       *mp_program_copy               (MpProgram       *self);
/* Every field equal, ratings and user-defined included. */
gboolean         mp_program_equal              (MpProgram       *a,
                                                MpProgram       *b);
const char      *mp_program_get_id             (MpProgram       *self);
const char      *mp_program_get_name           (MpProgram       *self);
void             mp_program_set_name           (MpProgram       *self,
                                                const char      *name);
const char      *mp_program_get_institution    (MpProgram       *self);
void             mp_program_set_institution    (MpProgram       *self,
                                                const char      *institution);
MpProgramKind    mp_program_get_kind           (MpProgram       *self);
void             mp_program_set_kind           (MpProgram       *self,
                                                MpProgramKind    kind);
MpProgramFormat  mp_program_get_format         (MpProgram       *self);
void             mp_program_set_format         (MpProgram       *self,
                                                MpProgramFormat  format);
double           mp_program_get_duration_years (MpProgram       *self);
void             mp_program_set_duration_years (MpProgram       *self,
                                                double           years);
double           mp_program_get_hours_per_week (MpProgram       *self);
void             mp_program_set_hours_per_week (MpProgram       *self,
                                                double           hours);
double           mp_program_get_tuition        (MpProgram       *self);
void             mp_program_set_tuition        (MpProgram       *self,
                                                double           usd);
gboolean         mp_program_get_thesis         (MpProgram       *self);
void             mp_program_set_thesis         (MpProgram       *self,
                                                gboolean         thesis);
const char      *mp_program_get_note           (MpProgram       *self);
void             mp_program_set_note           (MpProgram       *self,
                                                const char      *note);
gboolean         mp_program_get_user_defined   (MpProgram       *self);
void             mp_program_set_user_defined   (MpProgram       *self,
                                                gboolean         user_defined);
/* 0–10. A rating is exact, a range [lo, hi] or unknown (the whole 0–10);
 * mp_program_get_rating() gives the middle of a range (5 when unknown), the
 * value the plain ranking uses; rank confidence samples the whole range. */
double           mp_program_get_rating         (MpProgram       *self,
                                                MpCriterion      criterion);
/* Exact. */
void             mp_program_set_rating         (MpProgram       *self,
                                                MpCriterion      criterion,
                                                double           rating);
/* lo = hi for an exact rating; 0 and 10 when unknown. */
void             mp_program_get_rating_range   (MpProgram       *self,
                                                MpCriterion      criterion,
                                                double          *lo,
                                                double          *hi);
/* 0 ≤ lo ≤ hi ≤ 10; lo = hi is exact. */
void             mp_program_set_rating_range   (MpProgram       *self,
                                                MpCriterion      criterion,
                                                double           lo,
                                                double           hi);
gboolean         mp_program_get_rating_unknown (MpProgram       *self,
                                                MpCriterion      criterion);
void             mp_program_set_rating_unknown (MpProgram       *self,
                                                MpCriterion      criterion);

G_END_DECLS
