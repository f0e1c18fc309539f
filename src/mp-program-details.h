/* mp-program-details.h: one program's facts and the breakdown of its score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"
#include "mp-planner.h"
#include "mp-scorer.h"

G_BEGIN_DECLS

#define MP_TYPE_PROGRAM_DETAILS (mp_program_details_get_type ())

G_DECLARE_FINAL_TYPE (MpProgramDetails, mp_program_details, MP, PROGRAM_DETAILS, GtkWidget)

GtkWidget  *mp_program_details_new           (void);
/* @index: @program's position in the store @scorer ranks; NULL clears. */
void        mp_program_details_set_program   (MpProgramDetails *self,
                                              MpScorer         *scorer,
                                              MpProgram        *program,
                                              guint             index);
MpProgram  *mp_program_details_get_program   (MpProgramDetails *self);
/* Re-reads the score and its breakdown (after a re-rank). */
void        mp_program_details_refresh       (MpProgramDetails *self);
void        mp_program_details_set_compared  (MpProgramDetails *self,
                                              gboolean          compared);
/* The comparison is full and this program is not in it. */
void        mp_program_details_set_compare_full (MpProgramDetails *self,
                                                 gboolean          full);
/* Shows the program's rank range (5th–95th percentile) from @runner's
 * newest result. Set once. */
void        mp_program_details_set_confidence_runner (MpProgramDetails   *self,
                                                      MpConfidenceRunner *runner);
/* "Rank 2 to 4 in 90 % of …", or NULL when none is shown. */
const char *mp_program_details_get_rank_range (MpProgramDetails *self);
/* Shows what the program costs the user (out of pocket, hours, whether they
 * fit, the time's worth) from @planner's circumstances, following them. */
void        mp_program_details_set_planner   (MpProgramDetails *self,
                                              MpPlanner        *planner);
/* The costs as shown, or NULL when hidden. */
const char *mp_program_details_get_costs     (MpProgramDetails *self);
/* "Faculty quality: 8/10 × 90 → 25.4 points", for tests. */
char       *mp_program_details_describe_line (MpProgramDetails *self,
                                              MpCriterion       criterion);

G_END_DECLS
