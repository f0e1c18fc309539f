/* mp-flow-outline.h: the outline of each node shape, as cairo paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "mp-flow-layout.h"

G_BEGIN_DECLS

/* Stacked shapes draw copies behind the front one: layer 0 is the farthest. */
guint    mp_flow_outline_n_layers      (MpNodeShape       shape);
/* The area to fill for @layer (the front layer is also the hit and focus area). */
void     mp_flow_outline_path          (cairo_t          *cr,
                                        MpNodeShape       shape,
                                        const MpFlowRect *box,
                                        guint             layer);
/* The lines to stroke for @layer: the outline and its inner marks. */
void     mp_flow_outline_strokes       (cairo_t          *cr,
                                        MpNodeShape       shape,
                                        const MpFlowRect *box,
                                        guint             layer);
/* Parts painted in the stroke colour (a fork bar, a junction dot); FALSE if none. */
gboolean mp_flow_outline_solid_path    (cairo_t          *cr,
                                        MpNodeShape       shape,
                                        const MpFlowRect *box);
/* Shapes drawn without a background (text, braces). */
gboolean mp_flow_outline_is_open       (MpNodeShape       shape);
/* Where the label's centre sits, relative to the box centre. */
void     mp_flow_outline_label_offset  (MpNodeShape       shape,
                                        const MpFlowRect *box,
                                        double           *dx,
                                        double           *dy);

G_END_DECLS
