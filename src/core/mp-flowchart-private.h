/* mp-flowchart-private.h: MpFlowchart's fields and helpers, shared by
 * mp-flowchart.c and the Mermaid parser that fills them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-flowchart.h"

G_BEGIN_DECLS

/* One "key:value" of a style list, in source order. */
typedef struct {
  char *key;
  char *value;
} MpStyleProp;

/* A style list applying to something named (a node or subgraph id, a class,
 * an edge index), remembered in source order and resolved at the end. */
typedef struct {
  char      *target;  /* id, class name, or NULL for every edge */
  int        edge;    /* linkStyle index, or -1 */
  GPtrArray *props;   /* MpStyleProp */
} MpStyleRule;

struct _MpFlowchart
{
  GObject          parent_instance;

  MpFlowDirection  direction;
  char            *title;
  char            *acc_title;
  char            *acc_description;

  GArray          *nodes;      /* MpFlowNode */
  GArray          *edges;      /* MpFlowEdge */
  GArray          *subgraphs;  /* MpFlowSubgraph */
  GHashTable      *node_ids;   /* id → index + 1 */
  GHashTable      *subgraph_ids;
  GPtrArray       *out_edges;  /* per node: GArray of guint, invisible included */
  GPtrArray       *subgraph_out_edges; /* per subgraph: GArray of visible edges */
  GArray          *first_nodes; /* per subgraph: int, first node inside or -1 */
  GArray          *warnings;   /* MpFlowWarning */
};

void     mp_flow_style_clear       (MpFlowStyle       *style);
void     mp_flow_style_apply       (MpFlowStyle       *style,
                                    GPtrArray         *props);
/* Copies onto @style every field @from sets. */
void     mp_flow_style_merge       (MpFlowStyle       *style,
                                    const MpFlowStyle *from);
GPtrArray *mp_style_props_new     (void);
void     mp_style_rule_free        (MpStyleRule       *rule);
MpFlowchart *mp_flowchart_new_empty (void);
/* Fills out_edges and node kinds once nodes and edges are final. */
void     mp_flowchart_index        (MpFlowchart       *self);

G_END_DECLS
