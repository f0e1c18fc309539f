/* mp-flow-canvas.h: a laid-out flowchart drawn with GtkSnapshot and walked by clicks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-flow-layout.h"
#include "mp-flow-walk.h"

G_BEGIN_DECLS

#define MP_TYPE_FLOW_CANVAS (mp_flow_canvas_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowCanvas, mp_flow_canvas, MP, FLOW_CANVAS, GtkWidget)

/* Signals:
 *  "search-requested" () — Ctrl+F while the canvas has focus. */
GtkWidget    *mp_flow_canvas_new              (void);
/* @layout may be NULL while the layout is still being computed. */
void          mp_flow_canvas_set_chart        (MpFlowCanvas *self,
                                               MpFlowLayout *layout,
                                               MpFlowWalk   *walk);
MpFlowLayout *mp_flow_canvas_get_layout       (MpFlowCanvas *self);
MpFlowWalk   *mp_flow_canvas_get_walk         (MpFlowCanvas *self);
double        mp_flow_canvas_get_zoom         (MpFlowCanvas *self);
/* +1 in, -1 out, 0 fit the whole chart. */
void          mp_flow_canvas_zoom             (MpFlowCanvas *self,
                                               int           direction);
/* Multiplies the zoom, keeping widget point (@x, @y) still. */
void          mp_flow_canvas_zoom_at          (MpFlowCanvas *self,
                                               double        factor,
                                               double        x,
                                               double        y);
void          mp_flow_canvas_pan              (MpFlowCanvas *self,
                                               double        dx,
                                               double        dy);
/* Layout (pixels at zoom 1) to widget coordinates, with the current view. */
void          mp_flow_canvas_layout_to_widget (MpFlowCanvas *self,
                                               double        lx,
                                               double        ly,
                                               double       *x,
                                               double       *y);
/* What a click at widget point (@x, @y) does: answers the current question
 * when it hits one of its answers (edge, edge label or target node). */
gboolean      mp_flow_canvas_click            (MpFlowCanvas *self,
                                               double        x,
                                               double        y);
/* Marks the nodes whose label contains @text; returns how many. */
guint         mp_flow_canvas_set_search       (MpFlowCanvas *self,
                                               const char   *text);
/* Steps to the next (or previous) match and flies there; returns its node or -1. */
int           mp_flow_canvas_next_match       (MpFlowCanvas *self,
                                               gboolean      backwards);
guint         mp_flow_canvas_get_n_matches    (MpFlowCanvas *self);
/* Which match the view is on (0-based), or -1. */
int           mp_flow_canvas_get_match_index  (MpFlowCanvas *self);
/* The answer edge the keyboard focus is on, or -1. */
int           mp_flow_canvas_get_focus_edge   (MpFlowCanvas *self);
/* Renders the graph as the canvas does (for the benchmark): a node with
 * the whole chart at the current zoom, cached until the view or walk changes. */
GskRenderNode *mp_flow_canvas_get_graph_node  (MpFlowCanvas *self);

G_END_DECLS
