/* mp-program-row.h: one row of the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"
#include "mp-rank-model.h"

G_BEGIN_DECLS

#define MP_TYPE_PROGRAM_ROW (mp_program_row_get_type ())

G_DECLARE_FINAL_TYPE (MpProgramRow, mp_program_row, MP, PROGRAM_ROW, GtkWidget)

GtkWidget  *mp_program_row_new        (MpScorer     *scorer);
/* Follows @slot's "changed" until another slot or NULL is set. */
void        mp_program_row_set_slot   (MpProgramRow *self,
                                       MpRankSlot   *slot);
/* The row's confidence mark follows @runner's newest result. */
void        mp_program_row_set_runner (MpProgramRow       *self,
                                       MpConfidenceRunner *runner);
MpRankSlot *mp_program_row_get_slot   (MpProgramRow *self);
/* "1. Name, score 82.5, up 2 places": what the row says to assistive technology. */
const char *mp_program_row_get_summary (MpProgramRow *self);

G_END_DECLS
