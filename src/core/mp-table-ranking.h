/* mp-table-ranking.h: the ranking of a program table, as MpScorer ranks a
 * store (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-confidence.h"
#include "mp-program-table.h"
#include "mp-ranking-format.h"

G_BEGIN_DECLS

/* Every row ranked, no filter: the same scores to the bit (ratings as
 * floats, the same sums and scale), the same order (best score first, ties
 * by case-folded name, then exact name, then id) and the same contributions
 * as MpScorer gives for those programs in a store. */
typedef struct _MpTableRanking MpTableRanking;

/* @weights must not all be zero. The table must outlive the ranking. */
MpTableRanking    *mp_table_ranking_new              (MpProgramTable   *table,
                                                      const MpWeights  *weights);
void               mp_table_ranking_free             (MpTableRanking   *self);
guint              mp_table_ranking_get_n_ranked     (MpTableRanking   *self);
/* The table row at rank @k (from 0). */
guint              mp_table_ranking_get_ranked       (MpTableRanking   *self,
                                                      guint             k);
/* Rank @k as one row of `--rank`'s tables. */
void               mp_table_ranking_get_row          (MpTableRanking   *self,
                                                      guint             k,
                                                      MpRankingRow     *row);
/* As mp_confidence_input_new_from_scorer(): slot k is rank k, tie ranks are
 * the places in name order. */
MpConfidenceInput *mp_table_ranking_confidence_input (MpTableRanking   *self,
                                                      double            spread);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpTableRanking, mp_table_ranking_free)

G_END_DECLS
