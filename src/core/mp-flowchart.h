/* mp-flowchart.h: a Mermaid flowchart as a graph (pure GLib, no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

typedef enum {
  MP_FLOW_DIRECTION_TB,
  MP_FLOW_DIRECTION_BT,
  MP_FLOW_DIRECTION_LR,
  MP_FLOW_DIRECTION_RL,
} MpFlowDirection;

typedef enum {
  MP_NODE_SHAPE_RECT,
  MP_NODE_SHAPE_ROUND,
  MP_NODE_SHAPE_STADIUM,
  MP_NODE_SHAPE_SUBROUTINE,
  MP_NODE_SHAPE_CYLINDER,
  MP_NODE_SHAPE_CIRCLE,
  MP_NODE_SHAPE_DOUBLE_CIRCLE,
  MP_NODE_SHAPE_DIAMOND,
  MP_NODE_SHAPE_HEXAGON,
  MP_NODE_SHAPE_ASYMMETRIC,
  MP_NODE_SHAPE_PARALLELOGRAM,
  MP_NODE_SHAPE_PARALLELOGRAM_ALT,
  MP_NODE_SHAPE_TRAPEZOID,
  MP_NODE_SHAPE_TRAPEZOID_ALT,
  /* Mermaid 11's newer shapes, named in "@{ shape: … }" (and the ellipse "(-…-)") */
  MP_NODE_SHAPE_ELLIPSE,
  MP_NODE_SHAPE_DATASTORE,
  MP_NODE_SHAPE_BANG,
  MP_NODE_SHAPE_CLOUD,
  MP_NODE_SHAPE_TEXT,
  MP_NODE_SHAPE_NOTCH_RECT,
  MP_NODE_SHAPE_LINED_RECT,
  MP_NODE_SHAPE_SMALL_CIRCLE,
  MP_NODE_SHAPE_FRAMED_CIRCLE,
  MP_NODE_SHAPE_FORK,
  MP_NODE_SHAPE_HOURGLASS,
  MP_NODE_SHAPE_BRACE_LEFT,
  MP_NODE_SHAPE_BRACE_RIGHT,
  MP_NODE_SHAPE_BRACES,
  MP_NODE_SHAPE_BOLT,
  MP_NODE_SHAPE_DOCUMENT,
  MP_NODE_SHAPE_DELAY,
  MP_NODE_SHAPE_H_CYLINDER,
  MP_NODE_SHAPE_LINED_CYLINDER,
  MP_NODE_SHAPE_CURVED_TRAPEZOID,
  MP_NODE_SHAPE_DIVIDED_RECT,
  MP_NODE_SHAPE_TRIANGLE,
  MP_NODE_SHAPE_WINDOW_PANE,
  MP_NODE_SHAPE_FILLED_CIRCLE,
  MP_NODE_SHAPE_NOTCHED_PENTAGON,
  MP_NODE_SHAPE_FLIPPED_TRIANGLE,
  MP_NODE_SHAPE_SLOPED_RECT,
  MP_NODE_SHAPE_DOCUMENTS,
  MP_NODE_SHAPE_STACKED_RECT,
  MP_NODE_SHAPE_BOW_RECT,
  MP_NODE_SHAPE_CROSSED_CIRCLE,
  MP_NODE_SHAPE_TAGGED_DOCUMENT,
  MP_NODE_SHAPE_TAGGED_RECT,
  MP_NODE_SHAPE_FLAG,
  MP_NODE_SHAPE_LINED_DOCUMENT,
  MP_N_NODE_SHAPES
} MpNodeShape;

/* Something Mermaid would refuse but we accept (and draw), or a chart
 * problem: LINE is counted in the file like parse errors are. */
typedef struct {
  guint  line;
  guint  column;
  char  *message;
} MpFlowWarning;

/* What a node is for the walk. */
typedef enum {
  MP_NODE_KIND_STEP,     /* otherwise */
  MP_NODE_KIND_QUESTION, /* two or more labelled outgoing edges */
  MP_NODE_KIND_OUTCOME,  /* no outgoing edges */
} MpNodeKind;

typedef enum {
  MP_EDGE_STROKE_NORMAL,
  MP_EDGE_STROKE_DOTTED,
  MP_EDGE_STROKE_THICK,
  MP_EDGE_STROKE_INVISIBLE,
} MpEdgeStroke;

typedef enum {
  MP_EDGE_END_NONE,
  MP_EDGE_END_ARROW,
  MP_EDGE_END_CIRCLE,
  MP_EDGE_END_CROSS,
} MpEdgeEnd;

/* Resolved style (classDef/class/style/linkStyle applied). Unset: NULL or < 0.
 * Colours are kept as CSS text ("#f9f", "red", "rgb(…)"): the view parses them. */
typedef struct {
  char   *fill;
  char   *stroke;
  char   *color;
  char   *stroke_dasharray;
  double  stroke_width;
} MpFlowStyle;

typedef struct {
  guint        index;
  char        *id;
  char        *label;        /* plain text; "\n" for <br>; entities decoded */
  char        *label_markup; /* Pango markup (markdown strings → <b>/<i>) */
  MpNodeShape  shape;
  MpNodeKind   kind;
  int          subgraph;     /* innermost subgraph index, or -1 */
  char       **classes;      /* NULL-terminated, never NULL */
  MpFlowStyle  style;
  char        *link;         /* from a click line, or NULL */
  char        *tooltip;      /* from a click line, or NULL */
  guint        line;         /* where first declared, 1-based, in the block */
  guint        column;
} MpFlowNode;

/* An edge endpoint is a node, or a whole subgraph when is_subgraph. */
typedef struct {
  guint    index;
  gboolean is_subgraph;
} MpFlowEndpoint;

typedef struct {
  guint           index;
  char           *id;        /* "e1" from e1@-->, or NULL */
  MpFlowEndpoint  from;
  MpFlowEndpoint  to;
  char           *label;     /* plain text, or NULL */
  char           *label_markup;
  MpEdgeStroke    stroke;
  MpEdgeEnd       start_end;
  MpEdgeEnd       end_end;
  guint           length;    /* 1 for -->, 2 for --->, … */
  MpFlowStyle     style;
  guint           line;
  guint           column;
  char          **classes;   /* from "class e1 name" on an edge id; NULL-terminated, never NULL */
} MpFlowEdge;

typedef struct {
  guint            index;
  char            *id;
  char            *title;
  int              parent;        /* enclosing subgraph, or -1; never a cycle, but
                                   * not always a lower index (Mermaid nests a
                                   * subgraph named inside another one) */
  gboolean         has_direction;
  MpFlowDirection  direction;
  GArray          *nodes;         /* guint node indices directly inside */
  char           **classes;
  MpFlowStyle      style;
  char            *title_markup;  /* Pango markup of the title */
} MpFlowSubgraph;

#define MP_TYPE_FLOWCHART (mp_flowchart_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowchart, mp_flowchart, MP, FLOWCHART, GObject)

MpFlowDirection       mp_flowchart_get_direction      (MpFlowchart *self);
const char           *mp_flowchart_get_title          (MpFlowchart *self); /* front matter, or NULL */
const char           *mp_flowchart_get_acc_title      (MpFlowchart *self);
const char           *mp_flowchart_get_acc_description (MpFlowchart *self);
guint                 mp_flowchart_get_n_nodes        (MpFlowchart *self);
const MpFlowNode     *mp_flowchart_get_node           (MpFlowchart *self,
                                                       guint        index);
int                   mp_flowchart_find_node          (MpFlowchart *self,
                                                       const char  *id);
guint                 mp_flowchart_get_n_edges        (MpFlowchart *self);
const MpFlowEdge     *mp_flowchart_get_edge           (MpFlowchart *self,
                                                       guint        index);
guint                 mp_flowchart_get_n_subgraphs    (MpFlowchart *self);
const MpFlowSubgraph *mp_flowchart_get_subgraph       (MpFlowchart *self,
                                                       guint        index);
/* Indices of the edges leaving a node, in declaration order (invisible ones
 * included). Transfer full: free with g_array_unref(). */
GArray               *mp_flowchart_get_out_edges      (MpFlowchart *self,
                                                       guint        node);
/* The visible edges a reader can follow from @node: its own; when it has
 * none, those leaving the nearest enclosing subgraph that has some.
 * Transfer full. */
GArray               *mp_flowchart_get_choices        (MpFlowchart *self,
                                                       guint        node);
/* The node an edge into @endpoint reaches: the node itself, or for a
 * subgraph its first declared node (nested subgraphs included); -1 when the
 * subgraph holds no node. */
int                   mp_flowchart_resolve_endpoint   (MpFlowchart          *self,
                                                       const MpFlowEndpoint *endpoint);
int                   mp_flowchart_find_subgraph      (MpFlowchart *self,
                                                       const char  *id);
/* What the parser accepted although Mermaid itself would refuse it. */
guint                 mp_flowchart_get_n_warnings     (MpFlowchart *self);
const MpFlowWarning  *mp_flowchart_get_warning        (MpFlowchart *self,
                                                       guint        index);

G_END_DECLS
