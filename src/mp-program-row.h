/* mp-program-row.h: one row of the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"
#include "mp-cost-texts.h"
#include "mp-rank-model.h"

G_BEGIN_DECLS

#define MP_TYPE_PROGRAM_ROW (mp_program_row_get_type ())

G_DECLARE_FINAL_TYPE (MpProgramRow, mp_program_row, MP, PROGRAM_ROW, GtkWidget)

/* The row's costs come from @costs and follow its "changed". */
GtkWidget  *mp_program_row_new        (MpScorer     *scorer,
                                       MpCostTexts  *costs);
/* Follows @slot's "changed" until another slot or NULL is set. */
void        mp_program_row_set_slot   (MpProgramRow *self,
                                       MpRankSlot   *slot);
/* The row's confidence mark follows @runner's newest result. */
void        mp_program_row_set_runner (MpProgramRow       *self,
                                       MpConfidenceRunner *runner);
MpRankSlot *mp_program_row_get_slot   (MpProgramRow *self);
/* "1. Name, score 82.5, up 2 places, $17,000 out of pocket, 840 hours in
 * all": what the row says to assistive technology. */
const char *mp_program_row_get_summary (MpProgramRow *self);
/* The compact costs as shown, "$17,000 · 840 h". */
const char *mp_program_row_get_cost_text (MpProgramRow *self);

G_END_DECLS
