/* mp-rank-model.h: the ranking as a list of rank slots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-scorer.h"

G_BEGIN_DECLS

#define MP_TYPE_RANK_SLOT (mp_rank_slot_get_type ())

G_DECLARE_FINAL_TYPE (MpRankSlot, mp_rank_slot, MP, RANK_SLOT, GObject)

/* Item i of an MpRankModel stands for rank position i. A re-rank changes
 * the slot's "program", "score" and "movement" (all read-only, notified on
 * change) and then emits "changed" once. */
guint      mp_rank_slot_get_position      (MpRankSlot *self);
MpProgram *mp_rank_slot_get_program       (MpRankSlot *self);
/* Position of the program in the store, or -1 when the slot is empty. */
int        mp_rank_slot_get_program_index (MpRankSlot *self);
double     mp_rank_slot_get_score         (MpRankSlot *self);
/* Positions moved up since the previous ranking (negative: down);
 * mp_rank_slot_get_is_new tells when there was no previous rank. */
int        mp_rank_slot_get_movement      (MpRankSlot *self);
gboolean   mp_rank_slot_get_is_new        (MpRankSlot *self);

#define MP_TYPE_RANK_MODEL (mp_rank_model_get_type ())

G_DECLARE_FINAL_TYPE (MpRankModel, mp_rank_model, MP, RANK_MODEL, GObject)

/* A GListModel of MpRankSlot following @scorer's "ranked" signal. It emits
 * items-changed only when the number of ranked programs changes, and then
 * only for the tail. */
MpRankModel *mp_rank_model_new        (MpScorer    *scorer,
                                       GListModel  *programs);
MpScorer    *mp_rank_model_get_scorer (MpRankModel *self);
/* When FALSE, slots report no movement (e.g. after a filter change, where
 * "moved up 12 places" would only mean "others were filtered out"). */
void         mp_rank_model_set_show_movement (MpRankModel *self,
                                              gboolean     show_movement);
/* Slots alive right now (held by a view); for tests and benchmarks. */
guint        mp_rank_model_get_n_live (MpRankModel *self);

G_END_DECLS
