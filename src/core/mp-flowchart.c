/* mp-flowchart.c: a Mermaid flowchart as a graph (pure GLib, no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flowchart.h"
#include "mp-flowchart-private.h"

#include <stdlib.h>

G_DEFINE_FINAL_TYPE (MpFlowchart, mp_flowchart, G_TYPE_OBJECT)

void
mp_flow_style_clear (MpFlowStyle *style)
{
  g_clear_pointer (&style->fill, g_free);
  g_clear_pointer (&style->stroke, g_free);
  g_clear_pointer (&style->color, g_free);
  g_clear_pointer (&style->stroke_dasharray, g_free);
  style->stroke_width = -1;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
mp_flow_style_apply (MpFlowStyle *style,
                     GPtrArray   *props)
{
  for (guint i = 0; i < props->len; i++)
    {
      const MpStyleProp *prop = g_ptr_array_index (props, i);

      if (g_str_equal (prop->key, "fill") || g_str_equal (prop->key, "background"))
        replace_str (&style->fill, prop->value);
      else if (g_str_equal (prop->key, "stroke"))
        replace_str (&style->stroke, prop->value);
      else if (g_str_equal (prop->key, "color"))
        replace_str (&style->color, prop->value);
      else if (g_str_equal (prop->key, "stroke-dasharray"))
        replace_str (&style->stroke_dasharray, prop->value);
      else if (g_str_equal (prop->key, "stroke-width"))
        {
          char *end = NULL;
          double width = g_ascii_strtod (prop->value, &end);

          if (end != prop->value && width >= 0)
            style->stroke_width = width;
        }
    }
}

void
mp_flow_style_merge (MpFlowStyle       *style,
                     const MpFlowStyle *from)
{
  if (from->fill != NULL)
    replace_str (&style->fill, from->fill);
  if (from->stroke != NULL)
    replace_str (&style->stroke, from->stroke);
  if (from->color != NULL)
    replace_str (&style->color, from->color);
  if (from->stroke_dasharray != NULL)
    replace_str (&style->stroke_dasharray, from->stroke_dasharray);
  if (from->stroke_width >= 0)
    style->stroke_width = from->stroke_width;
}

static void
style_prop_free (MpStyleProp *prop)
{
  g_free (prop->key);
  g_free (prop->value);
  g_free (prop);
}

void
mp_style_rule_free (MpStyleRule *rule)
{
  g_free (rule->target);
  g_clear_pointer (&rule->props, g_ptr_array_unref);
  g_free (rule);
}

GPtrArray *
mp_style_props_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) style_prop_free);
}

static void
node_clear (MpFlowNode *node)
{
  g_free (node->id);
  g_free (node->label);
  g_free (node->label_markup);
  g_strfreev (node->classes);
  mp_flow_style_clear (&node->style);
  g_free (node->link);
  g_free (node->tooltip);
}

static void
edge_clear (MpFlowEdge *edge)
{
  g_free (edge->id);
  g_free (edge->label);
  g_free (edge->label_markup);
  g_strfreev (edge->classes);
  mp_flow_style_clear (&edge->style);
}

static void
subgraph_clear (MpFlowSubgraph *subgraph)
{
  g_free (subgraph->id);
  g_free (subgraph->title);
  g_free (subgraph->title_markup);
  g_clear_pointer (&subgraph->nodes, g_array_unref);
  g_strfreev (subgraph->classes);
  mp_flow_style_clear (&subgraph->style);
}

static void
warning_clear (MpFlowWarning *warning)
{
  g_free (warning->message);
}

static void
mp_flowchart_finalize (GObject *object)
{
  MpFlowchart *self = MP_FLOWCHART (object);

  g_free (self->title);
  g_free (self->acc_title);
  g_free (self->acc_description);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->subgraphs);
  g_hash_table_unref (self->node_ids);
  g_hash_table_unref (self->subgraph_ids);
  g_ptr_array_unref (self->out_edges);
  g_ptr_array_unref (self->subgraph_out_edges);
  g_array_unref (self->first_nodes);
  g_array_unref (self->warnings);

  G_OBJECT_CLASS (mp_flowchart_parent_class)->finalize (object);
}

static void
mp_flowchart_class_init (MpFlowchartClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_flowchart_finalize;
}

static void
mp_flowchart_init (MpFlowchart *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (MpFlowNode));
  g_array_set_clear_func (self->nodes, (GDestroyNotify) node_clear);
  self->edges = g_array_new (FALSE, TRUE, sizeof (MpFlowEdge));
  g_array_set_clear_func (self->edges, (GDestroyNotify) edge_clear);
  self->subgraphs = g_array_new (FALSE, TRUE, sizeof (MpFlowSubgraph));
  g_array_set_clear_func (self->subgraphs, (GDestroyNotify) subgraph_clear);
  /* Keys are owned by the nodes and subgraphs. */
  self->node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->subgraph_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->out_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->subgraph_out_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->first_nodes = g_array_new (FALSE, FALSE, sizeof (int));
  self->warnings = g_array_new (FALSE, TRUE, sizeof (MpFlowWarning));
  g_array_set_clear_func (self->warnings, (GDestroyNotify) warning_clear);
}

MpFlowchart *
mp_flowchart_new_empty (void)
{
  return g_object_new (MP_TYPE_FLOWCHART, NULL);
}

static guint
count_labelled_visible (MpFlowchart *self,
                        GArray      *edges)
{
  guint n = 0;

  for (guint i = 0; i < edges->len; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (self, g_array_index (edges, guint, i));

      if (edge->stroke != MP_EDGE_STROKE_INVISIBLE && edge->label != NULL && *edge->label)
        n++;
    }
  return n;
}

static void
index_edges (MpFlowchart *self)
{
  g_ptr_array_set_size (self->out_edges, 0);
  for (guint i = 0; i < self->nodes->len; i++)
    g_ptr_array_add (self->out_edges, g_array_new (FALSE, FALSE, sizeof (guint)));
  g_ptr_array_set_size (self->subgraph_out_edges, 0);
  for (guint i = 0; i < self->subgraphs->len; i++)
    g_ptr_array_add (self->subgraph_out_edges, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint i = 0; i < self->edges->len; i++)
    {
      const MpFlowEdge *edge = &g_array_index (self->edges, MpFlowEdge, i);

      if (!edge->from.is_subgraph)
        g_array_append_val (g_ptr_array_index (self->out_edges, edge->from.index), i);
      else if (edge->stroke != MP_EDGE_STROKE_INVISIBLE)
        g_array_append_val (g_ptr_array_index (self->subgraph_out_edges, edge->from.index), i);
    }
}

/* The first declared node of each subgraph, nested subgraphs included. */
static void
index_first_nodes (MpFlowchart *self)
{
  g_array_set_size (self->first_nodes, self->subgraphs->len);
  for (guint i = 0; i < self->subgraphs->len; i++)
    g_array_index (self->first_nodes, int, i) = -1;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      int subgraph = g_array_index (self->nodes, MpFlowNode, i).subgraph;

      /* Nodes come in order, so an ancestor already set was set earlier. */
      while (subgraph >= 0 && g_array_index (self->first_nodes, int, subgraph) < 0)
        {
          g_array_index (self->first_nodes, int, subgraph) = i;
          subgraph = g_array_index (self->subgraphs, MpFlowSubgraph, subgraph).parent;
        }
    }
}

void
mp_flowchart_index (MpFlowchart *self)
{
  index_edges (self);
  index_first_nodes (self);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      MpFlowNode *node = &g_array_index (self->nodes, MpFlowNode, i);
      g_autoptr(GArray) choices = mp_flowchart_get_choices (self, i);

      if (choices->len == 0)
        node->kind = MP_NODE_KIND_OUTCOME;
      else if (count_labelled_visible (self, choices) >= 2)
        node->kind = MP_NODE_KIND_QUESTION;
      else
        node->kind = MP_NODE_KIND_STEP;
    }
}

MpFlowDirection
mp_flowchart_get_direction (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), MP_FLOW_DIRECTION_TB);

  return self->direction;
}

const char *
mp_flowchart_get_title (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);

  return self->title;
}

const char *
mp_flowchart_get_acc_title (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);

  return self->acc_title;
}

const char *
mp_flowchart_get_acc_description (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);

  return self->acc_description;
}

guint
mp_flowchart_get_n_nodes (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), 0);

  return self->nodes->len;
}

const MpFlowNode *
mp_flowchart_get_node (MpFlowchart *self,
                       guint        index)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, MpFlowNode, index);
}

int
mp_flowchart_find_node (MpFlowchart *self,
                        const char  *id)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->node_ids, id)) - 1;
}

int
mp_flowchart_find_subgraph (MpFlowchart *self,
                            const char  *id)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), -1);
  g_return_val_if_fail (id != NULL, -1);

  return GPOINTER_TO_INT (g_hash_table_lookup (self->subgraph_ids, id)) - 1;
}

guint
mp_flowchart_get_n_edges (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), 0);

  return self->edges->len;
}

const MpFlowEdge *
mp_flowchart_get_edge (MpFlowchart *self,
                       guint        index)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, MpFlowEdge, index);
}

guint
mp_flowchart_get_n_subgraphs (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), 0);

  return self->subgraphs->len;
}

const MpFlowSubgraph *
mp_flowchart_get_subgraph (MpFlowchart *self,
                           guint        index)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->subgraphs->len, NULL);

  return &g_array_index (self->subgraphs, MpFlowSubgraph, index);
}

GArray *
mp_flowchart_get_out_edges (MpFlowchart *self,
                            guint        node)
{
  GArray *own;
  GArray *copy;

  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (node < self->nodes->len, NULL);

  own = g_ptr_array_index (self->out_edges, node);
  copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), own->len);
  g_array_append_vals (copy, own->data, own->len);
  return copy;
}

GArray *
mp_flowchart_get_choices (MpFlowchart *self,
                          guint        node)
{
  GArray *choices;
  GArray *own;
  int subgraph;

  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (node < self->nodes->len, NULL);

  choices = g_array_new (FALSE, FALSE, sizeof (guint));
  own = g_ptr_array_index (self->out_edges, node);
  for (guint i = 0; i < own->len; i++)
    {
      guint e = g_array_index (own, guint, i);

      if (g_array_index (self->edges, MpFlowEdge, e).stroke != MP_EDGE_STROKE_INVISIBLE)
        g_array_append_val (choices, e);
    }

  subgraph = g_array_index (self->nodes, MpFlowNode, node).subgraph;
  while (choices->len == 0 && subgraph >= 0)
    {
      GArray *leaving = g_ptr_array_index (self->subgraph_out_edges, subgraph);

      g_array_append_vals (choices, leaving->data, leaving->len);
      subgraph = g_array_index (self->subgraphs, MpFlowSubgraph, subgraph).parent;
    }
  return choices;
}

int
mp_flowchart_resolve_endpoint (MpFlowchart          *self,
                               const MpFlowEndpoint *endpoint)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), -1);
  g_return_val_if_fail (endpoint != NULL, -1);

  if (!endpoint->is_subgraph)
    return endpoint->index < self->nodes->len ? (int) endpoint->index : -1;
  if (endpoint->index >= self->first_nodes->len)
    return -1;
  return g_array_index (self->first_nodes, int, endpoint->index);
}

guint
mp_flowchart_get_n_warnings (MpFlowchart *self)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), 0);

  return self->warnings->len;
}

const MpFlowWarning *
mp_flowchart_get_warning (MpFlowchart *self,
                          guint        index)
{
  g_return_val_if_fail (MP_IS_FLOWCHART (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);

  return &g_array_index (self->warnings, MpFlowWarning, index);
}
