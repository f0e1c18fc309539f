/* mp-flow-check.c: a decision tree's checks for its author
 *
 * The walk follows the answers a node offers (mp_flowchart_get_choices()),
 * so every check follows the same edges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-check.h"
#include "mp-flow-walk.h"

#include <glib/gi18n.h>

typedef struct {
  MpFlowchart *chart;
  guint        first_line;
  guint        n;
  GArray      *findings;
  GPtrArray   *next;       /* per node: GArray of (edge, target) pairs */
  gboolean    *reached;
  gboolean    *ends_well;  /* some outcome can be reached from the node */
} Check;

static void G_GNUC_PRINTF (4, 5)
add (Check      *C,
     guint       line,
     guint       column,
     const char *format,
     ...)
{
  MpFlowWarning finding = { line + C->first_line - 1, column, NULL };
  va_list args;

  va_start (args, format);
  finding.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (C->findings, finding);
}

static void
add_at_node (Check      *C,
             guint       node,
             const char *message)
{
  const MpFlowNode *n = mp_flowchart_get_node (C->chart, node);

  add (C, n->line, n->column, "%s", message);
}

static gboolean
is_decision (Check *C,
             guint  node)
{
  const MpFlowNode *n = mp_flowchart_get_node (C->chart, node);

  return n->kind == MP_NODE_KIND_QUESTION || n->shape == MP_NODE_SHAPE_DIAMOND;
}

/* The answers of each node as (edge, node reached) pairs. */
static void
index_next (Check *C)
{
  C->next = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < C->n; i++)
    {
      g_autoptr(GArray) choices = mp_flowchart_get_choices (C->chart, i);
      GArray *pairs = g_array_new (FALSE, FALSE, sizeof (int));

      for (guint k = 0; k < choices->len; k++)
        {
          int edge = g_array_index (choices, guint, k);
          int target = mp_flowchart_resolve_endpoint (C->chart, &mp_flowchart_get_edge (C->chart, edge)->to);

          if (target < 0)
            continue;
          g_array_append_val (pairs, edge);
          g_array_append_val (pairs, target);
        }
      g_ptr_array_add (C->next, pairs);
    }
}

#define PAIRS(C, node) ((GArray *) g_ptr_array_index ((C)->next, (node)))
#define TARGET(pairs, k) ((guint) g_array_index ((pairs), int, 2 * (k) + 1))
#define EDGE(pairs, k) ((guint) g_array_index ((pairs), int, 2 * (k)))

static void
find_reached (Check *C,
              guint  start)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  C->reached[start] = TRUE;
  g_array_append_val (stack, start);
  while (stack->len > 0)
    {
      guint node = g_array_index (stack, guint, stack->len - 1);
      GArray *pairs = PAIRS (C, node);

      g_array_set_size (stack, stack->len - 1);
      for (guint k = 0; k < pairs->len / 2; k++)
        if (!C->reached[TARGET (pairs, k)])
          {
            guint target = TARGET (pairs, k);

            C->reached[target] = TRUE;
            g_array_append_val (stack, target);
          }
    }
}

/* Nodes from which an outcome can be reached, by fixpoint over the answers. */
static void
find_ends_well (Check *C)
{
  gboolean changed = TRUE;

  for (guint i = 0; i < C->n; i++)
    C->ends_well[i] = PAIRS (C, i)->len == 0;
  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; i < C->n; i++)
        for (guint k = 0; !C->ends_well[i] && k < PAIRS (C, i)->len / 2; k++)
          if (C->ends_well[TARGET (PAIRS (C, i), k)])
            C->ends_well[i] = changed = TRUE;
    }
}

static void
check_nodes (Check *C,
             guint  start)
{
  for (guint i = 0; i < C->n; i++)
    {
      const MpFlowNode *node = mp_flowchart_get_node (C->chart, i);
      g_autofree char *text = NULL;

      if (!C->reached[i])
        text = g_strdup_printf (_("no path from the start “%s” reaches “%s”"),
                                mp_flowchart_get_node (C->chart, start)->id, node->id);
      else if (node->shape == MP_NODE_SHAPE_DIAMOND && PAIRS (C, i)->len == 0)
        text = g_strdup_printf (_("decision “%s” has no answer leading out of it"), node->id);
      else if (node->kind == MP_NODE_KIND_OUTCOME && node->link == NULL && node->tooltip == NULL)
        text = g_strdup_printf (_("outcome “%s” has no “click” line explaining it"), node->id);
      if (text != NULL)
        add_at_node (C, i, text);
    }
}

static void
check_answers (Check *C)
{
  for (guint i = 0; i < C->n; i++)
    {
      GArray *pairs = PAIRS (C, i);

      if (!C->reached[i] || !is_decision (C, i) || pairs->len / 2 < 2)
        continue;
      for (guint k = 0; k < pairs->len / 2; k++)
        {
          const MpFlowEdge *edge = mp_flowchart_get_edge (C->chart, EDGE (pairs, k));

          if (edge->label == NULL || *edge->label == '\0')
            add (C, edge->line, edge->column, _("an answer of decision “%s” has no label"),
                 mp_flowchart_get_node (C->chart, i)->id);
        }
    }
}

/* Most decisions on a path from the start to each node, along the answers
 * without going round a loop (a depth-first order drops the edges back). */
static void
check_path_lengths (Check *C,
                    guint  start)
{
  g_autofree guint *best = g_new0 (guint, C->n);
  g_autofree guint8 *state = g_new0 (guint8, C->n);  /* 0 new, 1 open, 2 done */
  g_autofree guint *rank = g_new0 (guint, C->n);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  guint frame[2] = { start, 0 };

  g_array_append_val (stack, frame);
  state[start] = 1;
  while (stack->len > 0)
    {
      guint *top = &g_array_index (stack, guint, (stack->len - 1) * 2);
      GArray *pairs = PAIRS (C, top[0]);

      if (top[1] < pairs->len / 2)
        {
          guint target = TARGET (pairs, top[1]++);

          if (state[target] == 0)
            {
              guint next[2] = { target, 0 };

              state[target] = 1;
              g_array_append_val (stack, next);
            }
          continue;
        }
      state[top[0]] = 2;
      g_array_append_val (order, top[0]);
      g_array_set_size (stack, stack->len - 1);
    }
  /* Reverse post-order is a topological order once the edges back (to a
   * node no later in it) are dropped. */
  for (guint o = 0; o < order->len; o++)
    rank[g_array_index (order, guint, o)] = order->len - o;
  for (guint o = order->len; o > 0; o--)
    {
      guint node = g_array_index (order, guint, o - 1);
      guint here = best[node] + (is_decision (C, node) ? 1 : 0);
      GArray *pairs = PAIRS (C, node);

      for (guint k = 0; k < pairs->len / 2; k++)
        if (rank[TARGET (pairs, k)] > rank[node])
          best[TARGET (pairs, k)] = MAX (best[TARGET (pairs, k)], here);
    }
  for (guint i = 0; i < C->n; i++)
    if (C->reached[i] && PAIRS (C, i)->len == 0 && best[i] > MP_FLOW_CHECK_MAX_DECISIONS)
      {
        g_autofree char *text = g_strdup_printf (_("the path to “%s” asks %u decisions; clinical-pathway guidance keeps a path to %d or fewer"),
                                                 mp_flowchart_get_node (C->chart, i)->id, best[i],
                                                 MP_FLOW_CHECK_MAX_DECISIONS);

        add_at_node (C, i, text);
      }
}

static void
check_loops (Check *C)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint count = 0;
  int first = -1;

  for (guint i = 0; i < C->n; i++)
    if (C->reached[i] && !C->ends_well[i])
      {
        if (first < 0)
          first = i;
        if (count++ < 5)
          g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "",
                                  mp_flowchart_get_node (C->chart, i)->id);
      }
  if (first >= 0)
    {
      g_autofree char *text = g_strdup_printf (_("the walk can loop forever through %s%s: no answer there leads to an outcome"),
                                               names->str, count > 5 ? "…" : "");

      add_at_node (C, first, text);
    }
}

GArray *
mp_flow_check_run (MpFlowchart *chart,
                   guint        first_line)
{
  Check C = { chart, MAX (first_line, 1), mp_flowchart_get_n_nodes (chart), NULL, NULL, NULL, NULL };
  g_autoptr(MpFlowWalk) walk = NULL;
  guint start;

  g_return_val_if_fail (MP_IS_FLOWCHART (chart), NULL);

  C.findings = g_array_new (FALSE, TRUE, sizeof (MpFlowWarning));
  if (C.n == 0)
    return C.findings;
  walk = mp_flow_walk_new (chart);
  start = mp_flow_walk_get_start (walk);
  C.reached = g_new0 (gboolean, C.n);
  C.ends_well = g_new0 (gboolean, C.n);
  index_next (&C);
  find_reached (&C, start);
  find_ends_well (&C);
  check_nodes (&C, start);
  check_answers (&C);
  check_path_lengths (&C, start);
  check_loops (&C);
  g_ptr_array_unref (C.next);
  g_free (C.reached);
  g_free (C.ends_well);
  return C.findings;
}

void
mp_flow_check_free (GArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_free (g_array_index (findings, MpFlowWarning, i).message);
  if (findings != NULL)
    g_array_unref (findings);
}
