/* fuzz-mermaid.c: Mermaid text → MpFlowchart → a walk to an outcome
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "mp-flow-walk.h"
#include "mp-mermaid-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
walk_first_choices (MpFlowchart *chart)
{
  g_autoptr(MpFlowWalk) walk = mp_flow_walk_new (chart);
  g_autofree char *state = NULL;

  /* Bounded: cycles are allowed, so a walk may never reach an outcome. */
  for (guint step = 0; step < 64 && !mp_flow_walk_is_at_outcome (walk); step++)
    {
      g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);

      if (choices->len == 0 || !mp_flow_walk_choose (walk, g_array_index (choices, guint, 0)))
        break;
    }
  state = mp_flow_walk_serialize (walk);
  mp_flow_walk_restart (walk);
  mp_flow_walk_restore (walk, state);
  while (mp_flow_walk_back (walk))
    ;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;
  guint line = 0, column = 0;

  chart = mp_flowchart_parse ((const char *) data, size, 1, &line, &column, &error);
  g_assert ((chart == NULL) == (error != NULL));
  if (chart == NULL)
    {
      g_assert_cmpuint (line, >=, 1);
      return 0;
    }
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);
      guint n_from = edge->from.is_subgraph ? mp_flowchart_get_n_subgraphs (chart)
                                            : mp_flowchart_get_n_nodes (chart);
      g_assert_cmpuint (edge->from.index, <, n_from);
    }
  if (mp_flowchart_get_n_nodes (chart) > 0)
    walk_first_choices (chart);
  return 0;
}
