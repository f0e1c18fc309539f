/* mp-flow-walk.c: a reader's path through a flowchart (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-walk.h"

#include <string.h>

struct _MpFlowWalk
{
  GObject      parent_instance;

  MpFlowchart *chart;
  guint        start;
  GArray      *nodes;  /* guint: start, then one node per answer */
  GArray      *edges;  /* guint: the answers */
};

G_DEFINE_FINAL_TYPE (MpFlowWalk, mp_flow_walk, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
find_start (MpFlowchart *chart)
{
  guint n_nodes = mp_flowchart_get_n_nodes (chart);
  g_autofree gboolean *entered = g_new0 (gboolean, MAX (n_nodes, 1));

  if (n_nodes == 0)
    return G_MAXUINT;
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);
      int target;

      if (edge->stroke == MP_EDGE_STROKE_INVISIBLE)
        continue;
      target = mp_flowchart_resolve_endpoint (chart, &edge->to);
      if (target >= 0)
        entered[target] = TRUE;
    }
  for (guint i = 0; i < n_nodes; i++)
    if (!entered[i])
      return i;
  return 0;
}

/* Back to the start; TRUE if that changed anything. */
static gboolean
reset (MpFlowWalk *self)
{
  gboolean changed = self->edges->len > 0;

  g_array_set_size (self->nodes, 0);
  g_array_set_size (self->edges, 0);
  if (self->start != G_MAXUINT)
    g_array_append_val (self->nodes, self->start);
  return changed;
}

static void
mp_flow_walk_finalize (GObject *object)
{
  MpFlowWalk *self = MP_FLOW_WALK (object);

  g_clear_object (&self->chart);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);

  G_OBJECT_CLASS (mp_flow_walk_parent_class)->finalize (object);
}

static void
mp_flow_walk_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MpFlowWalk *self = MP_FLOW_WALK (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_flow_walk_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MpFlowWalk *self = MP_FLOW_WALK (object);

  switch (prop_id)
    {
    case PROP_CHART:
      self->chart = g_value_dup_object (value);
      self->start = find_start (self->chart);
      reset (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_flow_walk_class_init (MpFlowWalkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_flow_walk_finalize;
  object_class->get_property = mp_flow_walk_get_property;
  object_class->set_property = mp_flow_walk_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, MP_TYPE_FLOWCHART,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_flow_walk_init (MpFlowWalk *self)
{
  self->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->edges = g_array_new (FALSE, FALSE, sizeof (guint));
  self->start = G_MAXUINT;
}

MpFlowWalk *
mp_flow_walk_new (MpFlowchart *chart)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (chart), NULL);

  return g_object_new (MP_TYPE_FLOW_WALK, "chart", chart, NULL);
}

MpFlowchart *
mp_flow_walk_get_chart (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), NULL);

  return self->chart;
}

guint
mp_flow_walk_get_start (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), G_MAXUINT);

  return self->start;
}

guint
mp_flow_walk_get_current (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), G_MAXUINT);

  if (self->nodes->len == 0)
    return G_MAXUINT;
  return g_array_index (self->nodes, guint, self->nodes->len - 1);
}

GArray *
mp_flow_walk_get_choices (MpFlowWalk *self)
{
  guint current;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), NULL);

  current = mp_flow_walk_get_current (self);
  if (current == G_MAXUINT)
    return g_array_new (FALSE, FALSE, sizeof (guint));
  return mp_flowchart_get_choices (self->chart, current);
}

static gboolean
is_choice (MpFlowWalk *self,
           guint       edge)
{
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (self);

  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, guint, i) == edge)
      return TRUE;
  return FALSE;
}

/* Takes @edge without emitting "changed"; FALSE if it is not on offer. */
static gboolean
take (MpFlowWalk *self,
      guint       edge)
{
  int target;
  guint node;

  if (edge >= mp_flowchart_get_n_edges (self->chart) || !is_choice (self, edge))
    return FALSE;
  target = mp_flowchart_resolve_endpoint (self->chart, &mp_flowchart_get_edge (self->chart, edge)->to);
  if (target < 0)
    return FALSE;
  node = target;
  g_array_append_val (self->edges, edge);
  g_array_append_val (self->nodes, node);
  return TRUE;
}

gboolean
mp_flow_walk_choose (MpFlowWalk *self,
                     guint       edge)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  if (!take (self, edge))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
mp_flow_walk_choose_node (MpFlowWalk *self,
                          guint       node)
{
  g_autoptr(GArray) choices = NULL;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  choices = mp_flow_walk_get_choices (self);
  for (guint i = 0; i < choices->len; i++)
    {
      guint edge = g_array_index (choices, guint, i);
      const MpFlowEdge *e = mp_flowchart_get_edge (self->chart, edge);

      if (mp_flowchart_resolve_endpoint (self->chart, &e->to) == (int) node)
        return mp_flow_walk_choose (self, edge);
    }
  return FALSE;
}

gboolean
mp_flow_walk_back (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  if (self->edges->len == 0)
    return FALSE;
  g_array_set_size (self->edges, self->edges->len - 1);
  g_array_set_size (self->nodes, self->nodes->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
mp_flow_walk_back_to (MpFlowWalk *self,
                      guint       node)
{
  guint keep = G_MAXUINT;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  /* The latest visit counts when a cycle passed the node more than once. */
  for (guint i = self->nodes->len; i > 1; i--)
    if (g_array_index (self->nodes, guint, i - 2) == node)
      {
        keep = i - 1;
        break;
      }
  if (keep == G_MAXUINT)
    return FALSE;
  g_array_set_size (self->nodes, keep);
  g_array_set_size (self->edges, keep - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
mp_flow_walk_restart (MpFlowWalk *self)
{
  g_return_if_fail (MP_IS_FLOW_WALK (self));

  if (reset (self))
    g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
mp_flow_walk_is_at_outcome (MpFlowWalk *self)
{
  g_autoptr(GArray) choices = NULL;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  if (self->nodes->len == 0)
    return FALSE;
  choices = mp_flow_walk_get_choices (self);
  return choices->len == 0;
}

const GArray *
mp_flow_walk_get_path_nodes (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), NULL);

  return self->nodes;
}

const GArray *
mp_flow_walk_get_path_edges (MpFlowWalk *self)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), NULL);

  return self->edges;
}

static gboolean
array_contains (GArray *array,
                guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return TRUE;
  return FALSE;
}

gboolean
mp_flow_walk_node_on_path (MpFlowWalk *self,
                           guint       node)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  return array_contains (self->nodes, node);
}

gboolean
mp_flow_walk_edge_on_path (MpFlowWalk *self,
                           guint       edge)
{
  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  return array_contains (self->edges, edge);
}

/* "3:S1>S3,5:S3>S4": each answer's edge index with the ids it joins, so a
 * string saved for another version of the chart does not replay wrongly. */
char *
mp_flow_walk_serialize (MpFlowWalk *self)
{
  GString *text;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < self->edges->len; i++)
    {
      guint from = g_array_index (self->nodes, guint, i);
      guint to = g_array_index (self->nodes, guint, i + 1);

      g_string_append_printf (text, "%s%u:%s>%s", i > 0 ? "," : "",
                              g_array_index (self->edges, guint, i),
                              mp_flowchart_get_node (self->chart, from)->id,
                              mp_flowchart_get_node (self->chart, to)->id);
    }
  return g_string_free (text, FALSE);
}

static gboolean
replay_step (MpFlowWalk *self,
             const char *step)
{
  const char *colon = strchr (step, ':');
  const char *arrow = colon != NULL ? strchr (colon, '>') : NULL;
  g_autofree char *from = NULL;
  guint64 edge;
  char *end = NULL;

  if (arrow == NULL || !g_ascii_isdigit (*step))
    return FALSE;
  edge = g_ascii_strtoull (step, &end, 10);
  if (end != colon || edge >= mp_flowchart_get_n_edges (self->chart))
    return FALSE;
  from = g_strndup (colon + 1, arrow - colon - 1);
  if (g_strcmp0 (mp_flowchart_get_node (self->chart, mp_flow_walk_get_current (self))->id, from) != 0)
    return FALSE;
  if (!take (self, (guint) edge))
    return FALSE;
  return g_str_equal (mp_flowchart_get_node (self->chart, mp_flow_walk_get_current (self))->id,
                      arrow + 1);
}

gboolean
mp_flow_walk_restore (MpFlowWalk *self,
                      const char *serialized)
{
  g_autoptr(GArray) old_edges = NULL;
  g_auto(GStrv) steps = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (MP_IS_FLOW_WALK (self), FALSE);

  old_edges = g_array_copy (self->edges);
  reset (self);
  if (serialized != NULL && *serialized != '\0')
    {
      steps = g_strsplit (serialized, ",", -1);
      for (guint i = 0; ok && steps[i] != NULL; i++)
        ok = self->nodes->len > 0 && replay_step (self, steps[i]);
      if (!ok)
        reset (self);
    }

  if (old_edges->len != self->edges->len ||
      (old_edges->len > 0 &&
       memcmp (old_edges->data, self->edges->data, old_edges->len * sizeof (guint)) != 0))
    g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}
