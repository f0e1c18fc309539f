/* mp-flow-check.c: a decision tree's checks for its author (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-flowchart.h"

G_BEGIN_DECLS

/* Clinical-pathway guidance keeps a path to seven decisions or fewer. */
#define MP_FLOW_CHECK_MAX_DECISIONS 7

/* Finds, in this order: nodes no path from the start reaches, decisions
 * without an answer, answers without a label, outcomes without a "click"
 * explanation, paths longer than MP_FLOW_CHECK_MAX_DECISIONS decisions, and
 * loops the walk can never leave. Positions are those of the chart (its
 * block's line in the file). Transfer full: an array of MpFlowWarning, which
 * mp_flow_check_free() frees. */
GArray *mp_flow_check_run  (MpFlowchart *chart,
                            guint        first_line);
void    mp_flow_check_free (GArray      *findings);

G_END_DECLS
