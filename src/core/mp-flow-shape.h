/* mp-flow-shape.h: Mermaid's named node shapes and their aliases (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-flowchart.h"

G_BEGIN_DECLS

typedef enum {
  MP_SHAPE_NAME_UNKNOWN,  /* no shape of Mermaid's has this name */
  MP_SHAPE_NAME_VALID,    /* a name Mermaid accepts in "@{ shape: … }" */
  MP_SHAPE_NAME_INTERNAL, /* Mermaid's internal spelling ("lean_right"), refused there */
} MpShapeNameKind;

/* Looks @name up among Mermaid 11's shape names and aliases. *@shape is set
 * for every kind but MP_SHAPE_NAME_UNKNOWN. */
MpShapeNameKind  mp_flow_shape_lookup   (const char  *name,
                                         MpNodeShape *shape);
/* The shape's short name in Mermaid's registry ("rect", "lin-cyl" …). */
const char      *mp_flow_shape_get_name (MpNodeShape  shape);
/* Small marks (junctions, forks, start and stop dots, a bolt) show no
 * label, as in Mermaid; they keep a fixed size. */
gboolean         mp_flow_shape_shows_label (MpNodeShape shape);
/* Every name and alias, NULL-terminated (for tests and the contact sheet). */
const char     **mp_flow_shape_list_names (void);

G_END_DECLS
