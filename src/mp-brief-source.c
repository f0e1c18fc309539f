/* mp-brief-source.c: a decision brief from the bundled article and the planner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief-source.h"

#include <glib/gi18n.h>

#include "mp-document.h"
#include "mp-mermaid-parser.h"

#define ARTICLE_PATH RESOURCE_BASE "/article/master-plan.md"

MpFlowWalk *
mp_brief_source_article_walk (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(MpFlowchart) chart = NULL;
  const MpMermaidBlock *block;
  gsize length;
  const char *text;

  bytes = g_resources_lookup_data (ARTICLE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, &length);
  document = mp_document_new_from_data (text, length, NULL, error);
  if (document == NULL)
    return NULL;
  if (mp_document_get_n_mermaid_blocks (document) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The bundled article has no flowchart"));
      return NULL;
    }
  block = mp_document_get_mermaid_block (document, 0);
  chart = mp_flowchart_parse (block->source, -1, block->line, NULL, NULL, error);
  if (chart == NULL)
    return NULL;
  return mp_flow_walk_new (chart);
}

MpBrief *
mp_brief_source_from_planner (MpPlanner    *planner,
                              MpBriefNotes *notes,
                              GError      **error)
{
  g_autoptr(MpBrief) brief = mp_brief_new ();
  g_autoptr(MpFlowWalk) walk = NULL;
  MpScorer *scorer;

  g_return_val_if_fail (MP_IS_PLANNER (planner), NULL);

  walk = mp_brief_source_article_walk (error);
  if (walk == NULL)
    return NULL;
  /* A state that no longer fits the chart leaves the walk at its start. */
  mp_flow_walk_restore (walk, mp_planner_get_walk_state (planner));
  mp_brief_set_walk (brief, walk);
  scorer = mp_planner_get_scorer (planner);
  /* The user's circumstances cost the top five and the value chart. */
  mp_planner_get_circumstances (planner, &brief->circumstances);
  brief->has_costs = brief->circumstances.funding != MP_FUNDING_NONE ||
                     brief->circumstances.hours_per_week >= 0;
  mp_brief_set_ranking (brief, scorer);
  mp_brief_set_tradeoff (brief, mp_planner_get_tradeoff_answers (planner));
  /* A chosen program deleted since is shown as no choice. */
  if (!mp_brief_set_choice (brief, scorer, mp_brief_notes_get_choice (notes),
                            mp_brief_notes_get_why (notes), NULL))
    mp_brief_set_choice (brief, scorer, NULL, mp_brief_notes_get_why (notes), NULL);
  return g_steal_pointer (&brief);
}
