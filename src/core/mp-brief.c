/* mp-brief.c: the decision brief's content (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief.h"

#include <glib/gi18n.h>

#include "mp-confidence.h"
#include "mp-criteria.h"
#include "mp-program.h"
#include "mp-tradeoff.h"

G_DEFINE_QUARK (mp-brief-error-quark, mp_brief_error)

static void
step_free (gpointer data)
{
  MpBriefStep *step = data;

  g_free (step->question);
  g_free (step->answer);
  g_free (step);
}

static void
entry_clear (gpointer data)
{
  MpBriefEntry *entry = data;

  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->kind);
}

MpBrief *
mp_brief_new (void)
{
  MpBrief *brief = g_new0 (MpBrief, 1);

  brief->date = g_date_time_new_now_local ();
  brief->steps = g_ptr_array_new_with_free_func (step_free);
  brief->top = g_array_new (FALSE, TRUE, sizeof (MpBriefEntry));
  g_array_set_clear_func (brief->top, entry_clear);
  mp_weights_init_article (&brief->weights);
  mp_circumstances_init (&brief->circumstances);
  return brief;
}

void
mp_brief_free (MpBrief *brief)
{
  if (brief == NULL)
    return;
  g_date_time_unref (brief->date);
  g_ptr_array_unref (brief->steps);
  g_array_unref (brief->top);
  g_free (brief->outcome);
  g_free (brief->explanation);
  g_free (brief->stopped_at);
  g_free (brief->choice_id);
  g_free (brief->choice_name);
  g_free (brief->why);
  g_free (brief->tradeoff_note);
  g_clear_pointer (&brief->value_plot, mp_value_plot_free);
  g_free (brief);
}

/* Labels may hold "\n" for a <br>: one line reads better on paper. */
static char *
one_line (const char *label)
{
  g_autofree char *copy = g_strdup (label != NULL ? label : "");

  return g_strstrip (g_strdelimit (g_steal_pointer (&copy), "\n", ' '));
}

void
mp_brief_set_walk (MpBrief    *brief,
                   MpFlowWalk *walk)
{
  MpFlowchart *chart;
  const GArray *nodes, *edges;
  const MpFlowNode *current;

  g_return_if_fail (brief != NULL);
  g_return_if_fail (MP_IS_FLOW_WALK (walk));

  chart = mp_flow_walk_get_chart (walk);
  nodes = mp_flow_walk_get_path_nodes (walk);
  edges = mp_flow_walk_get_path_edges (walk);
  g_ptr_array_set_size (brief->steps, 0);
  g_clear_pointer (&brief->outcome, g_free);
  g_clear_pointer (&brief->explanation, g_free);
  g_clear_pointer (&brief->stopped_at, g_free);
  if (nodes->len == 0)
    return;

  for (guint i = 0; i < edges->len; i++)
    {
      const MpFlowNode *from = mp_flowchart_get_node (chart, g_array_index (nodes, guint, i));
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (edges, guint, i));
      MpBriefStep *step;

      /* The start, unless a question, is only the way in. */
      if (from->kind != MP_NODE_KIND_QUESTION && i == 0)
        continue;
      step = g_new0 (MpBriefStep, 1);
      step->question = one_line (from->label);
      step->answer = from->kind == MP_NODE_KIND_QUESTION ? one_line (edge->label) : NULL;
      g_ptr_array_add (brief->steps, step);
    }

  current = mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk));
  if (mp_flow_walk_is_at_outcome (walk))
    {
      brief->outcome = one_line (current->label);
      brief->explanation = current->tooltip != NULL ? one_line (current->tooltip) : NULL;
    }
  else
    brief->stopped_at = one_line (current->label);
}

/* The input's seed is fixed (0): the brief's figures are the same each
 * time it is written from the same ranking. */
static void
set_confidence (MpBrief  *brief,
                MpScorer *scorer)
{
  g_autoptr(MpConfidenceInput) input = NULL;
  g_autoptr(MpConfidenceResult) result = NULL;

  brief->has_confidence = FALSE;
  if (brief->top->len == 0 || brief->n_ranked > MP_BRIEF_MAX_CONFIDENCE_PROGRAMS)
    return;
  input = mp_confidence_input_new_from_scorer (scorer, mp_scorer_get_store (scorer),
                                               MP_CONFIDENCE_DEFAULT_SPREAD);
  result = mp_confidence_compute (input, NULL, NULL);
  if (result == NULL)
    return;
  for (guint r = 0; r < brief->top->len; r++)
    {
      MpBriefEntry *entry = &g_array_index (brief->top, MpBriefEntry, r);

      /* Slot r is rank r. */
      entry->p_first = mp_confidence_result_get_p_first (result, r);
      entry->p_top3 = mp_confidence_result_get_p_top3 (result, r);
      entry->rank_p5 = mp_confidence_result_get_rank_p5 (result, r);
      entry->rank_p95 = mp_confidence_result_get_rank_p95 (result, r);
    }
  brief->has_confidence = TRUE;
  brief->confidence_spread = MP_CONFIDENCE_DEFAULT_SPREAD;
  brief->confidence_samples = mp_confidence_result_get_n_samples (result);
}

void
mp_brief_set_ranking (MpBrief  *brief,
                      MpScorer *scorer)
{
  MpProgramStore *store;

  g_return_if_fail (brief != NULL);
  g_return_if_fail (MP_IS_SCORER (scorer));

  store = mp_scorer_get_store (scorer);
  mp_scorer_get_weights (scorer, &brief->weights);
  brief->has_scores = mp_scorer_has_scores (scorer);
  brief->n_ranked = mp_scorer_get_n_ranked (scorer);
  g_array_set_size (brief->top, 0);
  for (guint r = 0; r < MIN (brief->n_ranked, MP_BRIEF_TOP); r++)
    {
      guint index = mp_scorer_get_ranked (scorer, r);
      MpProgram *program = mp_program_store_peek (store, index);
      MpBriefEntry entry = { 0, };

      entry.id = g_strdup (mp_program_get_id (program));
      entry.name = g_strdup (mp_program_get_name (program));
      entry.kind = g_strdup (mp_program_kind_get_label (mp_program_get_kind (program)));
      entry.rank = r + 1;
      entry.score = mp_scorer_get_score (scorer, index);
      mp_scorer_get_contributions (scorer, index, entry.contributions);
      mp_costs_compute_for (&brief->circumstances, program, &entry.costs);
      g_array_append_val (brief->top, entry);
    }
  set_confidence (brief, scorer);
  g_clear_pointer (&brief->value_plot, mp_value_plot_free);
  brief->value_plot = mp_value_plot_new_from_scorer (scorer, &brief->circumstances);
}

void
mp_brief_set_tradeoff (MpBrief    *brief,
                       const char *answers)
{
  g_autoptr(MpTradeoff) tradeoff = mp_tradeoff_new ();
  MpWeights estimate;

  g_return_if_fail (brief != NULL);

  brief->n_tradeoff_answers = 0;
  brief->has_tradeoff_weights = FALSE;
  g_clear_pointer (&brief->tradeoff_note, g_free);
  if (answers == NULL || !mp_tradeoff_restore (tradeoff, answers))
    return;
  brief->n_tradeoff_answers = mp_tradeoff_get_n_answers (tradeoff);
  if (mp_tradeoff_estimate (tradeoff, &estimate))
    {
      brief->has_tradeoff_weights = TRUE;
      mp_tradeoff_scale_like (&estimate, &brief->weights, &brief->tradeoff_weights);
      brief->tradeoff_note = mp_tradeoff_describe_disagreement (&estimate, &brief->weights);
    }
  else
    brief->tradeoff_note = mp_tradeoff_describe_contradiction (tradeoff, NULL);
}

static int
store_position (MpProgramStore *store,
                const char     *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    if (g_str_equal (mp_program_get_id (mp_program_store_peek (store, i)), id))
      return (int) i;
  return -1;
}

gboolean
mp_brief_set_choice (MpBrief     *brief,
                     MpScorer    *scorer,
                     const char  *choice_id,
                     const char  *why,
                     GError     **error)
{
  MpProgramStore *store;
  int position;

  g_return_val_if_fail (brief != NULL, FALSE);
  g_return_val_if_fail (MP_IS_SCORER (scorer), FALSE);

  store = mp_scorer_get_store (scorer);
  g_clear_pointer (&brief->choice_id, g_free);
  g_clear_pointer (&brief->choice_name, g_free);
  brief->choice_rank = 0;
  g_free (brief->why);
  brief->why = why != NULL && *why != '\0' ? g_strdup (why) : NULL;
  if (choice_id == NULL || *choice_id == '\0')
    return TRUE;
  if (g_str_equal (choice_id, "none"))
    {
      brief->choice_id = g_strdup ("");
      return TRUE;
    }

  position = store_position (store, choice_id);
  if (position < 0)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_CHOICE,
                   _("no program has the id “%s”"), choice_id);
      return FALSE;
    }
  brief->choice_id = g_strdup (choice_id);
  brief->choice_name = g_strdup (mp_program_get_name (mp_program_store_peek (store, position)));
  brief->choice_rank = mp_scorer_get_rank_of (scorer, position) + 1;
  return TRUE;
}

static GHashTable *
parse_answers (MpFlowchart  *chart,
               const char   *answers,
               GError      **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) pairs = g_strsplit (answers, ",", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pairs[i], "=", 2);
      int node;

      if (g_strv_length (parts) != 2 || *g_strstrip (parts[0]) == '\0')
        {
          g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_ANSWERS,
                       _("“%s” is not QUESTION=ANSWER, e.g. S1=Yes"), pairs[i]);
          return NULL;
        }
      node = mp_flowchart_find_node (chart, parts[0]);
      if (node < 0 || mp_flowchart_get_node (chart, node)->kind != MP_NODE_KIND_QUESTION)
        {
          g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_ANSWERS,
                       _("“%s” is not a question of the flowchart"), parts[0]);
          return NULL;
        }
      g_hash_table_replace (table, g_strdup (parts[0]), g_strdup (g_strstrip (parts[1])));
    }
  return g_steal_pointer (&table);
}

/* The edge among @choices whose label is @answer, or -1; @offered gets the labels. */
static int
find_answer (MpFlowchart *chart,
             GArray      *choices,
             const char  *answer,
             GString     *offered)
{
  int found = -1;

  for (guint i = 0; i < choices->len; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (choices, guint, i));
      const char *label = edge->label != NULL ? edge->label : "";

      g_string_append_printf (offered, "%s%s", i > 0 ? ", " : "", label);
      if (found < 0 && g_ascii_strcasecmp (label, answer) == 0)
        found = (int) edge->index;
    }
  return found;
}

static gboolean
answer_step (MpFlowWalk  *walk,
             GHashTable  *table,
             GHashTable  *used,
             GError     **error)
{
  MpFlowchart *chart = mp_flow_walk_get_chart (walk);
  const MpFlowNode *node = mp_flowchart_get_node (chart, mp_flow_walk_get_current (walk));
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);
  g_autoptr(GString) offered = g_string_new (NULL);
  const char *answer = g_hash_table_lookup (table, node->id);
  int edge;

  if (answer == NULL)
    return choices->len == 1 && node->kind != MP_NODE_KIND_QUESTION &&
           mp_flow_walk_choose (walk, g_array_index (choices, guint, 0));
  edge = find_answer (chart, choices, answer, offered);
  if (edge < 0)
    {
      g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_ANSWERS,
                   _("%s has no answer “%s”; it offers %s"), node->id, answer, offered->str);
      return FALSE;
    }
  g_hash_table_add (used, node->id);
  return mp_flow_walk_choose (walk, edge);
}

gboolean
mp_brief_apply_answers (MpFlowWalk  *walk,
                        const char  *answers,
                        GError     **error)
{
  MpFlowchart *chart;
  g_autoptr(GHashTable) table = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  guint limit;

  g_return_val_if_fail (MP_IS_FLOW_WALK (walk), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  chart = mp_flow_walk_get_chart (walk);
  table = parse_answers (chart, answers, error);
  if (table == NULL)
    return FALSE;
  mp_flow_walk_restart (walk);
  /* Cycles are allowed in a chart: bound the walk by its edges. */
  limit = mp_flowchart_get_n_edges (chart) + 1;
  for (guint i = 0; i < limit; i++)
    {
      g_autoptr(GError) local = NULL;

      if (!answer_step (walk, table, used, &local))
        {
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          break;
        }
    }
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (used, key))
      {
        g_set_error (error, MP_BRIEF_ERROR, MP_BRIEF_ERROR_ANSWERS,
                     _("%s is not on the path the other answers take"), (const char *) key);
        return FALSE;
      }
  return TRUE;
}
