/* mp-scorer.h: scores and ranks the programs of a store (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-program-store.h"

G_BEGIN_DECLS

/* score = 100 · Σ wᵢ·rᵢ / (10 · Σ wᵢ); ties break by name. */

typedef struct {
  MpKindFilter kind;
  double       max_tuition;        /* < 0: no limit */
  double       max_hours_per_week; /* < 0: no limit */
  int          format;             /* MpProgramFormat, or -1 for any */
} MpProgramFilter;

typedef struct {
  double low;        /* weight range (0–100) over which the top program stays on top */
  double high;
  int    below;      /* program index that takes over below @low, or -1 */
  int    above;      /* program index that takes over above @high, or -1 */
} MpSensitivity;

#define MP_TYPE_SCORER (mp_scorer_get_type ())

G_DECLARE_FINAL_TYPE (MpScorer, mp_scorer, MP, SCORER, GObject)

/* Watches @store (items-changed re-reads ratings). Signal "ranked" after every
 * re-rank. Program indices are positions in the store. */
MpScorer   *mp_scorer_new                (MpProgramStore        *store);
void        mp_program_filter_init       (MpProgramFilter       *filter);
void        mp_scorer_set_weights        (MpScorer              *self,
                                          const MpWeights       *weights);
void        mp_scorer_get_weights        (MpScorer              *self,
                                          MpWeights             *weights);
void        mp_scorer_set_filter         (MpScorer              *self,
                                          const MpProgramFilter *filter);
void        mp_scorer_get_filter         (MpScorer              *self,
                                          MpProgramFilter       *filter);
/* FALSE when all weights are zero: no scores, no ranking (n_ranked is 0). */
gboolean    mp_scorer_has_scores         (MpScorer              *self);
/* Programs that pass the filter, ranked best first. */
guint       mp_scorer_get_n_ranked       (MpScorer              *self);
guint       mp_scorer_get_ranked         (MpScorer              *self,
                                          guint                  rank);
/* 0-based rank, or -1 when filtered out. */
int         mp_scorer_get_rank_of        (MpScorer              *self,
                                          guint                  program);
/* Rank before the last change of weights or filter, or -1. */
int         mp_scorer_get_previous_rank_of (MpScorer            *self,
                                          guint                  program);
double      mp_scorer_get_score          (MpScorer              *self,
                                          guint                  program);
/* Points of the score each criterion brings; they add up to the score. */
void        mp_scorer_get_contributions  (MpScorer              *self,
                                          guint                  program,
                                          double                 contributions[MP_N_CRITERIA]);
/* For each criterion, the range of its weight (the others fixed) over which
 * the current top program stays on top; FALSE when nothing is ranked. */
gboolean    mp_scorer_get_sensitivity    (MpScorer              *self,
                                          MpCriterion            criterion,
                                          MpSensitivity         *sensitivity);

G_END_DECLS
