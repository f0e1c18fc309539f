/* mp-funding-question.c: how a walk answered the flowchart's funding question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-funding-question.h"

#define FUNDING_CLASS "funding"

static MpFundingAnswer
answer_for_label (const char *label)
{
  g_autofree char *folded = NULL;

  if (label == NULL)
    return MP_FUNDING_ANSWER_NONE;
  folded = g_utf8_casefold (label, -1);
  g_strstrip (folded);
  if (g_str_equal (folded, "yes") || g_str_equal (folded, "sí") || g_str_equal (folded, "si"))
    return MP_FUNDING_ANSWER_YES;
  if (g_str_equal (folded, "no"))
    return MP_FUNDING_ANSWER_NO;
  return MP_FUNDING_ANSWER_NONE;
}

MpFundingAnswer
mp_funding_question_answer (MpFlowWalk  *walk,
                            const char **question)
{
  MpFlowchart *chart;
  const GArray *nodes;
  const GArray *edges;

  g_return_val_if_fail (MP_IS_FLOW_WALK (walk), MP_FUNDING_ANSWER_NONE);

  if (question != NULL)
    *question = NULL;
  chart = mp_flow_walk_get_chart (walk);
  nodes = mp_flow_walk_get_path_nodes (walk);
  edges = mp_flow_walk_get_path_edges (walk);
  /* Edge i leaves node i of the path; the last node has none taken yet. */
  for (guint i = 0; i < edges->len && i < nodes->len; i++)
    {
      const MpFlowNode *node = mp_flowchart_get_node (chart, g_array_index (nodes, guint, i));
      const MpFlowEdge *edge;

      if (!g_strv_contains ((const char * const *) node->classes, FUNDING_CLASS))
        continue;
      edge = mp_flowchart_get_edge (chart, g_array_index (edges, guint, i));
      if (question != NULL)
        *question = node->label;
      return answer_for_label (edge->label);
    }
  return MP_FUNDING_ANSWER_NONE;
}
