/* mp-flow-render.h: draws a laid-out flowchart with cairo (canvas and export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gdk/gdk.h>

#include "mp-flow-layout.h"
#include "mp-flow-walk.h"

G_BEGIN_DECLS

typedef struct {
  GdkRGBA background;     /* behind edge labels */
  GdkRGBA foreground;     /* text */
  GdkRGBA node_fill;
  GdkRGBA node_stroke;
  GdkRGBA edge;
  GdkRGBA accent;         /* current question, walked path */
  GdkRGBA cluster_fill;
  GdkRGBA cluster_stroke;
  GdkRGBA match;          /* find results */
} MpFlowPalette;

void     mp_flow_palette_init        (MpFlowPalette *palette,
                                      gboolean       dark);

/* Draws the whole chart in layout coordinates (the caller scales and
 * translates @cr). @walk (nullable) marks the current node and the path. */
void     mp_flow_render              (cairo_t             *cr,
                                      MpFlowLayout        *layout,
                                      MpFlowWalk          *walk,
                                      const MpFlowPalette *palette);
/* Adds the outline of node @index, grown by @grow pixels, to @cr's path. */
void     mp_flow_render_node_path    (cairo_t             *cr,
                                      MpFlowLayout        *layout,
                                      guint                index,
                                      double               grow);
/* Adds edge @index's line to @cr's path; FALSE for an invisible or unrouted edge. */
gboolean mp_flow_render_edge_path    (cairo_t             *cr,
                                      MpFlowLayout        *layout,
                                      guint                index);
/* Whether the walk makes edge/node @index stand back (off the walked path). */
gboolean mp_flow_render_node_is_dimmed (MpFlowWalk        *walk,
                                        guint              index);
gboolean mp_flow_render_edge_is_dimmed (MpFlowWalk        *walk,
                                        guint              index);

G_END_DECLS
