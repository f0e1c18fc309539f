/* mp-ranking-view.h: the live ranking, or why it is empty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"
#include "mp-planner.h"
#include "mp-rank-model.h"

G_BEGIN_DECLS

#define MP_TYPE_RANKING_VIEW (mp_ranking_view_get_type ())

G_DECLARE_FINAL_TYPE (MpRankingView, mp_ranking_view, MP, RANKING_VIEW, GtkWidget)

/* Shows the planner's ranking; selecting a row selects its program in the
 * planner, and the list follows the planner's selection. Signals
 * "row-activated" (Enter) and "row-clicked". Set once. */
void        mp_ranking_view_set_planner       (MpRankingView *self,
                                               MpPlanner     *planner);
/* Rows show how often their program ranks first and in the top three, from
 * @runner's newest result. Set before the list is shown. */
void        mp_ranking_view_set_confidence_runner (MpRankingView      *self,
                                                   MpConfidenceRunner *runner);
/* The GListModel (of MpRankSlot) the list shows. */
GListModel *mp_ranking_view_get_model         (MpRankingView *self);
GtkWidget  *mp_ranking_view_get_list_view     (MpRankingView *self);
/* The empty state's title, or NULL when the list shows. */
const char *mp_ranking_view_get_empty_message (MpRankingView *self);
void        mp_ranking_view_select_rank       (MpRankingView *self,
                                               guint          rank);
/* Puts the list's selection on the planner's program. */
void        mp_ranking_view_sync_selection    (MpRankingView *self);
void        mp_ranking_view_scroll_to_selected (MpRankingView *self);

G_END_DECLS
