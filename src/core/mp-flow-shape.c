/* mp-flow-shape.c: Mermaid's named node shapes and their aliases
 *
 * The names are facts of Mermaid 11's shape registry: one short name per
 * shape, its documented aliases, and internal spellings that its parser
 * refuses in "@{ shape: … }" because they are not lower case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-shape.h"

#include <string.h>

typedef struct {
  const char      *name;
  MpNodeShape      shape;
  MpShapeNameKind  kind;
} ShapeName;

#define V MP_SHAPE_NAME_VALID
#define I MP_SHAPE_NAME_INTERNAL

/* The first entry of each shape is its short name. */
static const ShapeName names[] = {
  { "rect", MP_NODE_SHAPE_RECT, V }, { "proc", MP_NODE_SHAPE_RECT, V },
  { "process", MP_NODE_SHAPE_RECT, V }, { "rectangle", MP_NODE_SHAPE_RECT, V },
  { "squareRect", MP_NODE_SHAPE_RECT, I }, { "note", MP_NODE_SHAPE_RECT, V },
  { "icon", MP_NODE_SHAPE_RECT, V },
  { "rounded", MP_NODE_SHAPE_ROUND, V }, { "event", MP_NODE_SHAPE_ROUND, V },
  { "roundedRect", MP_NODE_SHAPE_ROUND, I }, { "state", MP_NODE_SHAPE_ROUND, V },
  { "stadium", MP_NODE_SHAPE_STADIUM, V }, { "terminal", MP_NODE_SHAPE_STADIUM, V },
  { "pill", MP_NODE_SHAPE_STADIUM, V },
  { "fr-rect", MP_NODE_SHAPE_SUBROUTINE, V }, { "subprocess", MP_NODE_SHAPE_SUBROUTINE, V },
  { "subproc", MP_NODE_SHAPE_SUBROUTINE, V }, { "framed-rectangle", MP_NODE_SHAPE_SUBROUTINE, V },
  { "subroutine", MP_NODE_SHAPE_SUBROUTINE, V },
  { "cyl", MP_NODE_SHAPE_CYLINDER, V }, { "db", MP_NODE_SHAPE_CYLINDER, V },
  { "database", MP_NODE_SHAPE_CYLINDER, V }, { "cylinder", MP_NODE_SHAPE_CYLINDER, V },
  { "datastore", MP_NODE_SHAPE_DATASTORE, V }, { "data-store", MP_NODE_SHAPE_DATASTORE, V },
  { "circle", MP_NODE_SHAPE_CIRCLE, V }, { "circ", MP_NODE_SHAPE_CIRCLE, V },
  { "bang", MP_NODE_SHAPE_BANG, V },
  { "cloud", MP_NODE_SHAPE_CLOUD, V },
  { "diam", MP_NODE_SHAPE_DIAMOND, V }, { "decision", MP_NODE_SHAPE_DIAMOND, V },
  { "diamond", MP_NODE_SHAPE_DIAMOND, V }, { "question", MP_NODE_SHAPE_DIAMOND, V },
  { "choice", MP_NODE_SHAPE_DIAMOND, V },
  { "hex", MP_NODE_SHAPE_HEXAGON, V }, { "hexagon", MP_NODE_SHAPE_HEXAGON, V },
  { "prepare", MP_NODE_SHAPE_HEXAGON, V },
  { "lean-r", MP_NODE_SHAPE_PARALLELOGRAM, V }, { "lean-right", MP_NODE_SHAPE_PARALLELOGRAM, V },
  { "in-out", MP_NODE_SHAPE_PARALLELOGRAM, V }, { "lean_right", MP_NODE_SHAPE_PARALLELOGRAM, I },
  { "lean-l", MP_NODE_SHAPE_PARALLELOGRAM_ALT, V }, { "lean-left", MP_NODE_SHAPE_PARALLELOGRAM_ALT, V },
  { "out-in", MP_NODE_SHAPE_PARALLELOGRAM_ALT, V }, { "lean_left", MP_NODE_SHAPE_PARALLELOGRAM_ALT, I },
  { "trap-b", MP_NODE_SHAPE_TRAPEZOID, V }, { "priority", MP_NODE_SHAPE_TRAPEZOID, V },
  { "trapezoid-bottom", MP_NODE_SHAPE_TRAPEZOID, V }, { "trapezoid", MP_NODE_SHAPE_TRAPEZOID, V },
  { "trap-t", MP_NODE_SHAPE_TRAPEZOID_ALT, V }, { "manual", MP_NODE_SHAPE_TRAPEZOID_ALT, V },
  { "trapezoid-top", MP_NODE_SHAPE_TRAPEZOID_ALT, V }, { "inv-trapezoid", MP_NODE_SHAPE_TRAPEZOID_ALT, V },
  { "inv_trapezoid", MP_NODE_SHAPE_TRAPEZOID_ALT, I },
  { "dbl-circ", MP_NODE_SHAPE_DOUBLE_CIRCLE, V }, { "double-circle", MP_NODE_SHAPE_DOUBLE_CIRCLE, V },
  { "doublecircle", MP_NODE_SHAPE_DOUBLE_CIRCLE, V },
  { "text", MP_NODE_SHAPE_TEXT, V },
  { "notch-rect", MP_NODE_SHAPE_NOTCH_RECT, V }, { "card", MP_NODE_SHAPE_NOTCH_RECT, V },
  { "notched-rectangle", MP_NODE_SHAPE_NOTCH_RECT, V },
  { "lin-rect", MP_NODE_SHAPE_LINED_RECT, V }, { "lined-rectangle", MP_NODE_SHAPE_LINED_RECT, V },
  { "lined-process", MP_NODE_SHAPE_LINED_RECT, V }, { "lin-proc", MP_NODE_SHAPE_LINED_RECT, V },
  { "shaded-process", MP_NODE_SHAPE_LINED_RECT, V },
  { "sm-circ", MP_NODE_SHAPE_SMALL_CIRCLE, V }, { "start", MP_NODE_SHAPE_SMALL_CIRCLE, V },
  { "small-circle", MP_NODE_SHAPE_SMALL_CIRCLE, V }, { "stateStart", MP_NODE_SHAPE_SMALL_CIRCLE, I },
  { "anchor", MP_NODE_SHAPE_SMALL_CIRCLE, V },
  { "fr-circ", MP_NODE_SHAPE_FRAMED_CIRCLE, V }, { "stop", MP_NODE_SHAPE_FRAMED_CIRCLE, V },
  { "framed-circle", MP_NODE_SHAPE_FRAMED_CIRCLE, V }, { "stateEnd", MP_NODE_SHAPE_FRAMED_CIRCLE, I },
  { "fork", MP_NODE_SHAPE_FORK, V }, { "join", MP_NODE_SHAPE_FORK, V },
  { "forkJoin", MP_NODE_SHAPE_FORK, I },
  { "hourglass", MP_NODE_SHAPE_HOURGLASS, V }, { "collate", MP_NODE_SHAPE_HOURGLASS, V },
  { "brace", MP_NODE_SHAPE_BRACE_LEFT, V }, { "comment", MP_NODE_SHAPE_BRACE_LEFT, V },
  { "brace-l", MP_NODE_SHAPE_BRACE_LEFT, V },
  { "brace-r", MP_NODE_SHAPE_BRACE_RIGHT, V },
  { "braces", MP_NODE_SHAPE_BRACES, V },
  { "bolt", MP_NODE_SHAPE_BOLT, V }, { "com-link", MP_NODE_SHAPE_BOLT, V },
  { "lightning-bolt", MP_NODE_SHAPE_BOLT, V },
  { "doc", MP_NODE_SHAPE_DOCUMENT, V }, { "document", MP_NODE_SHAPE_DOCUMENT, V },
  { "delay", MP_NODE_SHAPE_DELAY, V }, { "half-rounded-rectangle", MP_NODE_SHAPE_DELAY, V },
  { "h-cyl", MP_NODE_SHAPE_H_CYLINDER, V }, { "das", MP_NODE_SHAPE_H_CYLINDER, V },
  { "horizontal-cylinder", MP_NODE_SHAPE_H_CYLINDER, V },
  { "lin-cyl", MP_NODE_SHAPE_LINED_CYLINDER, V }, { "disk", MP_NODE_SHAPE_LINED_CYLINDER, V },
  { "lined-cylinder", MP_NODE_SHAPE_LINED_CYLINDER, V },
  { "curv-trap", MP_NODE_SHAPE_CURVED_TRAPEZOID, V }, { "curved-trapezoid", MP_NODE_SHAPE_CURVED_TRAPEZOID, V },
  { "display", MP_NODE_SHAPE_CURVED_TRAPEZOID, V },
  { "div-rect", MP_NODE_SHAPE_DIVIDED_RECT, V }, { "div-proc", MP_NODE_SHAPE_DIVIDED_RECT, V },
  { "divided-rectangle", MP_NODE_SHAPE_DIVIDED_RECT, V }, { "divided-process", MP_NODE_SHAPE_DIVIDED_RECT, V },
  { "tri", MP_NODE_SHAPE_TRIANGLE, V }, { "extract", MP_NODE_SHAPE_TRIANGLE, V },
  { "triangle", MP_NODE_SHAPE_TRIANGLE, V },
  { "win-pane", MP_NODE_SHAPE_WINDOW_PANE, V }, { "internal-storage", MP_NODE_SHAPE_WINDOW_PANE, V },
  { "window-pane", MP_NODE_SHAPE_WINDOW_PANE, V },
  { "f-circ", MP_NODE_SHAPE_FILLED_CIRCLE, V }, { "junction", MP_NODE_SHAPE_FILLED_CIRCLE, V },
  { "filled-circle", MP_NODE_SHAPE_FILLED_CIRCLE, V },
  { "notch-pent", MP_NODE_SHAPE_NOTCHED_PENTAGON, V }, { "loop-limit", MP_NODE_SHAPE_NOTCHED_PENTAGON, V },
  { "notched-pentagon", MP_NODE_SHAPE_NOTCHED_PENTAGON, V },
  { "flip-tri", MP_NODE_SHAPE_FLIPPED_TRIANGLE, V }, { "manual-file", MP_NODE_SHAPE_FLIPPED_TRIANGLE, V },
  { "flipped-triangle", MP_NODE_SHAPE_FLIPPED_TRIANGLE, V },
  { "sl-rect", MP_NODE_SHAPE_SLOPED_RECT, V }, { "manual-input", MP_NODE_SHAPE_SLOPED_RECT, V },
  { "sloped-rectangle", MP_NODE_SHAPE_SLOPED_RECT, V },
  { "docs", MP_NODE_SHAPE_DOCUMENTS, V }, { "documents", MP_NODE_SHAPE_DOCUMENTS, V },
  { "st-doc", MP_NODE_SHAPE_DOCUMENTS, V }, { "stacked-document", MP_NODE_SHAPE_DOCUMENTS, V },
  { "st-rect", MP_NODE_SHAPE_STACKED_RECT, V }, { "procs", MP_NODE_SHAPE_STACKED_RECT, V },
  { "processes", MP_NODE_SHAPE_STACKED_RECT, V }, { "stacked-rectangle", MP_NODE_SHAPE_STACKED_RECT, V },
  { "bow-rect", MP_NODE_SHAPE_BOW_RECT, V }, { "stored-data", MP_NODE_SHAPE_BOW_RECT, V },
  { "bow-tie-rectangle", MP_NODE_SHAPE_BOW_RECT, V },
  { "cross-circ", MP_NODE_SHAPE_CROSSED_CIRCLE, V }, { "summary", MP_NODE_SHAPE_CROSSED_CIRCLE, V },
  { "crossed-circle", MP_NODE_SHAPE_CROSSED_CIRCLE, V },
  { "tag-doc", MP_NODE_SHAPE_TAGGED_DOCUMENT, V }, { "tagged-document", MP_NODE_SHAPE_TAGGED_DOCUMENT, V },
  { "tag-rect", MP_NODE_SHAPE_TAGGED_RECT, V }, { "tagged-rectangle", MP_NODE_SHAPE_TAGGED_RECT, V },
  { "tag-proc", MP_NODE_SHAPE_TAGGED_RECT, V }, { "tagged-process", MP_NODE_SHAPE_TAGGED_RECT, V },
  { "flag", MP_NODE_SHAPE_FLAG, V }, { "paper-tape", MP_NODE_SHAPE_FLAG, V },
  { "odd", MP_NODE_SHAPE_ASYMMETRIC, V }, { "rect_left_inv_arrow", MP_NODE_SHAPE_ASYMMETRIC, I },
  { "lin-doc", MP_NODE_SHAPE_LINED_DOCUMENT, V }, { "lined-document", MP_NODE_SHAPE_LINED_DOCUMENT, V },
};

#undef V
#undef I

MpShapeNameKind
mp_flow_shape_lookup (const char  *name,
                      MpNodeShape *shape)
{
  g_return_val_if_fail (name != NULL, MP_SHAPE_NAME_UNKNOWN);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (name, names[i].name) == 0)
      {
        *shape = names[i].shape;
        return names[i].kind;
      }
  return MP_SHAPE_NAME_UNKNOWN;
}

const char *
mp_flow_shape_get_name (MpNodeShape shape)
{
  /* The ellipse has no registry name: only "(-text-)" makes one. */
  if (shape == MP_NODE_SHAPE_ELLIPSE)
    return "ellipse";
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (names[i].shape == shape)
      return names[i].name;
  return "rect";
}

const char **
mp_flow_shape_list_names (void)
{
  static const char *list[G_N_ELEMENTS (names) + 1];

  if (list[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      list[i] = names[i].name;
  return list;
}

gboolean
mp_flow_shape_shows_label (MpNodeShape shape)
{
  switch (shape)
    {
    case MP_NODE_SHAPE_SMALL_CIRCLE:
    case MP_NODE_SHAPE_FILLED_CIRCLE:
    case MP_NODE_SHAPE_FRAMED_CIRCLE:
    case MP_NODE_SHAPE_CROSSED_CIRCLE:
    case MP_NODE_SHAPE_FORK:
    case MP_NODE_SHAPE_BOLT:
      return FALSE;
    default:
      return TRUE;
    }
}
