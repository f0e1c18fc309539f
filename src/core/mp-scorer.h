/* mp-scorer.h: scores and ranks the programs of a store (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-costs.h"
#include "mp-program-store.h"

G_BEGIN_DECLS

/* score = 100 · Σ wᵢ·rᵢ / (10 · Σ wᵢ); ties break by name (case-insensitive,
 * then exact, then id). The scorer keeps a snapshot of the store with the
 * ratings as floats (7 significant digits). */

typedef struct {
  MpKindFilter kind;
  double       max_tuition;        /* < 0: no limit */
  double       max_hours_per_week; /* < 0: no limit */
  int          format;             /* MpProgramFormat, or -1 for any */
  gboolean     best_value;         /* only the value-for-money frontier */
} MpProgramFilter;

/* "Only the best value": of the programs that pass the other limits, those
 * on the Pareto frontier of score (the current weights') against the
 * out-of-pocket cost (tuition less the user's funding, see
 * mp_scorer_set_circumstances()): no other such program scores at least as
 * high for at most the cost and is better in one of the two; equal
 * programs are all kept. It is the frontier the value chart draws over the
 * same programs, and it is recomputed at every re-rank, so it follows the
 * weights, the circumstances and the other filters. Without scores (all
 * weights zero) nothing is ranked, whatever the filter. */

/* For one criterion, its weight w (the others fixed): the top program stays
 * on top for low ≤ w ≤ high. An end is open (@low_open, @high_open) when at
 * exactly that weight another program ties and wins the tie by name, or, at
 * w = 0, when every other weight is zero (then nothing is ranked). @below is
 * the program on top at the first weight below the range (at @low itself when
 * open, else just under it), -1 when the range reaches 0 or w = 0 means no
 * scores; @above likewise past @high. */
typedef struct {
  double   low;
  double   high;
  int      below;      /* program index that takes over below @low, or -1 */
  int      above;      /* program index that takes over above @high, or -1 */
  gboolean low_open;
  gboolean high_open;
} MpSensitivity;

#define MP_TYPE_SCORER (mp_scorer_get_type ())

G_DECLARE_FINAL_TYPE (MpScorer, mp_scorer, MP, SCORER, GObject)

/* Watches @store (items-changed re-reads ratings). Signal "ranked" after every
 * re-rank; property "has-scores" (read-only, notifies on change). Program
 * indices are positions in the store. Setting the same weights or filter
 * again does nothing. */
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
/* The funding the out-of-pocket costs of the best-value filter count;
 * re-ranks only when that filter is on. */
void        mp_scorer_set_circumstances  (MpScorer              *self,
                                          const MpCircumstances *circumstances);
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
/* While held (e.g. during a slider drag), the previous ranks stay the ranks
 * at the moment the hold began, so movement arrows show the whole drag. */
void        mp_scorer_hold_previous      (MpScorer              *self,
                                          gboolean               hold);
/* The program's place in the tie-break order (by name), from 0. */
guint       mp_scorer_get_name_rank      (MpScorer              *self,
                                          guint                  program);
/* Programs in the scorer's snapshot of the store. */
guint       mp_scorer_get_n_programs     (MpScorer              *self);
/* Programs that pass the filter, in name order, with or without scores. */
guint       mp_scorer_get_n_passing      (MpScorer              *self);
guint       mp_scorer_get_passing        (MpScorer              *self,
                                          guint                  k);
/* The store the scorer watches (no new reference). */
MpProgramStore *mp_scorer_get_store      (MpScorer              *self);

G_END_DECLS
