/* mp-flow-layout.h: a flowchart laid out by Graphviz dot (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <pango/pango.h>

#include "mp-flowchart.h"

G_BEGIN_DECLS

#define MP_FLOW_LAYOUT_ERROR (mp_flow_layout_error_quark ())

typedef enum {
  MP_FLOW_LAYOUT_ERROR_FAILED,
} MpFlowLayoutError;

/* Every coordinate is in pixels at zoom 1, y pointing down, origin at the
 * top left corner of the drawing. */
typedef struct {
  double x;
  double y;
} MpFlowPoint;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} MpFlowRect;

typedef struct {
  MpFlowRect box;         /* the node's outer box */
  double     x;           /* centre */
  double     y;
  double     text_width;  /* the label as Pango lays it out (wrapped) */
  double     text_height;
} MpFlowLayoutNode;

typedef struct {
  /* Cubic Bézier control points: 1 + 3k; empty for an edge dot did not route. */
  MpFlowPoint *points;
  guint        n_points;
  /* Where the line touches the node at each end (the arrow's tip). */
  MpFlowPoint  start;
  MpFlowPoint  end;
  gboolean     has_label;
  MpFlowRect   label;      /* the label's box, centred where dot put it */
} MpFlowLayoutEdge;

typedef struct {
  MpFlowRect box;
  MpFlowRect title;        /* where the title goes (top of the box) */
} MpFlowLayoutCluster;

typedef enum {
  MP_FLOW_EDGE_LABELS_INLINE,   /* dot `label`: labels get their own rank */
  MP_FLOW_EDGE_LABELS_EXTERNAL, /* dot `xlabel`: placed after layout, faster */
} MpFlowEdgeLabels;

#define MP_TYPE_FLOW_LAYOUT (mp_flow_layout_get_type ())

G_DECLARE_FINAL_TYPE (MpFlowLayout, mp_flow_layout, MP, FLOW_LAYOUT, GObject)

GQuark                     mp_flow_layout_error_quark   (void);

/* The font every label is measured (and must be drawn) with. */
#define MP_FLOW_LAYOUT_DEFAULT_FONT "Cantarell 11"
#define MP_FLOW_LAYOUT_MARGIN 16.0
/* dot's time grows faster than the chart: past this many nodes a layout
 * takes seconds and cannot be interrupted, so it is refused. */
#define MP_FLOW_LAYOUT_MAX_NODES 1000
/* Dense charts are slow at any size (33 nodes with 1 056 links take dot
 * seconds): links may be at most this many per node, plus a small allowance. */
#define MP_FLOW_LAYOUT_MAX_EDGES_PER_NODE 6
#define MP_FLOW_LAYOUT_EDGE_ALLOWANCE 60

/* Lays @chart out at once (may run in a worker thread; Graphviz is
 * serialised by a lock). @font: a Pango font description string, or NULL. */
MpFlowLayout              *mp_flow_layout_new           (MpFlowchart       *chart,
                                                         const char        *font,
                                                         MpFlowEdgeLabels   labels,
                                                         GError           **error);
void                       mp_flow_layout_new_async     (MpFlowchart       *chart,
                                                         const char        *font,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
MpFlowLayout              *mp_flow_layout_new_finish    (GAsyncResult      *result,
                                                         GError           **error);
MpFlowchart               *mp_flow_layout_get_chart     (MpFlowLayout      *self);
const PangoFontDescription *mp_flow_layout_get_font     (MpFlowLayout      *self);
double                     mp_flow_layout_get_width     (MpFlowLayout      *self);
double                     mp_flow_layout_get_height    (MpFlowLayout      *self);
const MpFlowLayoutNode    *mp_flow_layout_get_node      (MpFlowLayout      *self,
                                                         guint              index);
const MpFlowLayoutEdge    *mp_flow_layout_get_edge      (MpFlowLayout      *self,
                                                         guint              index);
const MpFlowLayoutCluster *mp_flow_layout_get_cluster   (MpFlowLayout      *self,
                                                         guint              index);

/* Text measuring and drawing share these so that both wrap alike. */
double                     mp_flow_layout_wrap_width    (MpNodeShape        shape);
void                       mp_flow_layout_setup_context (PangoContext      *context);
PangoLayout               *mp_flow_layout_create_text   (PangoContext      *context,
                                                         const PangoFontDescription *font,
                                                         const char        *markup,
                                                         const char        *plain,
                                                         double             wrap_width);

G_END_DECLS
