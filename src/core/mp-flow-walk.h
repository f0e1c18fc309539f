/* mp-flow-walk.h: a reader's path through a flowchart (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-flowchart.h"

G_BEGIN_DECLS

#define MP_TYPE_FLOW_WALK (mp_flow_walk_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowWalk, mp_flow_walk, MP, FLOW_WALK, GObject)

/* The walk starts at the first declared node with no incoming edge (else
 * node 0). Edges into a subgraph lead to its first node. Cycles are allowed.
 * Signal "changed" after every successful choose/back/restart/restore.
 * A chart without nodes has start and current G_MAXUINT and empty paths. */
MpFlowWalk   *mp_flow_walk_new             (MpFlowchart *chart);
MpFlowchart  *mp_flow_walk_get_chart       (MpFlowWalk  *self);
guint         mp_flow_walk_get_start       (MpFlowWalk  *self);
guint         mp_flow_walk_get_current     (MpFlowWalk  *self);
/* Visible edges leaving the current node: the answers on offer. When the
 * node has none, those leaving its nearest enclosing subgraph that has some.
 * Transfer full: free with g_array_unref(). */
GArray       *mp_flow_walk_get_choices     (MpFlowWalk  *self);
/* FALSE (and nothing changes) unless @edge leaves the current node. */
gboolean      mp_flow_walk_choose          (MpFlowWalk  *self,
                                            guint        edge);
/* Chooses the edge from the current node to @node, if there is one. */
gboolean      mp_flow_walk_choose_node     (MpFlowWalk  *self,
                                            guint        node);
gboolean      mp_flow_walk_back            (MpFlowWalk  *self);
/* Takes the answers back to @node, an earlier step of the path; FALSE (and
 * nothing changes) when @node is not on the path or is the current node. */
gboolean      mp_flow_walk_back_to         (MpFlowWalk  *self,
                                            guint        node);
void          mp_flow_walk_restart         (MpFlowWalk  *self);
gboolean      mp_flow_walk_is_at_outcome   (MpFlowWalk  *self);
/* Nodes visited in order (first = start, last = current); edges taken. */
const GArray *mp_flow_walk_get_path_nodes  (MpFlowWalk  *self);
const GArray *mp_flow_walk_get_path_edges  (MpFlowWalk  *self);
gboolean      mp_flow_walk_node_on_path    (MpFlowWalk  *self,
                                            guint        node);
gboolean      mp_flow_walk_edge_on_path    (MpFlowWalk  *self,
                                            guint        edge);
/* A compact text form of the answers, for GSettings; restore replays it and
 * returns FALSE (walk left at the start) if it no longer fits the chart. */
char         *mp_flow_walk_serialize       (MpFlowWalk  *self);
gboolean      mp_flow_walk_restore         (MpFlowWalk  *self,
                                            const char  *serialized);

G_END_DECLS
