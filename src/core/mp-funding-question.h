/* mp-funding-question.h: how a walk answered the flowchart's funding
 * question (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-circumstances.h"
#include "mp-flow-walk.h"

G_BEGIN_DECLS

/* The funding question is the node of class "funding" ("class S5 funding"
 * in the Mermaid). The answer is the label of the edge the walk took from
 * it: "Yes" or "No" (any case; "Sí" and "Si" count as Yes). NONE when the
 * walk has not left the question or the chart has none. @question (nullable)
 * is set to the question's label, owned by the chart, or NULL. */
MpFundingAnswer mp_funding_question_answer (MpFlowWalk  *walk,
                                            const char **question);

G_END_DECLS
