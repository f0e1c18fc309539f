/* mp-brief-source.h: a decision brief from the bundled article's flowchart
 * and the planner, for the window and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-brief.h"
#include "mp-brief-notes.h"
#include "mp-planner.h"

G_BEGIN_DECLS

/* A walk at the start of the bundled article's flowchart. */
MpFlowWalk *mp_brief_source_article_walk (GError    **error);
/* The brief of the planner's walk (its walk state over the bundled
 * article) and ranking, with the choice and why of @notes. */
MpBrief    *mp_brief_source_from_planner (MpPlanner    *planner,
                                          MpBriefNotes *notes,
                                          GError      **error);

G_END_DECLS
