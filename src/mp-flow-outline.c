/* mp-flow-outline.c: the outline of each node shape, as cairo paths
 *
 * One drawing per shape of Mermaid 11's registry, made from its name and
 * the common flowchart symbol it stands for; sizes come from the label
 * (mp-flow-layout.c), so outlines scale with the box they are given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-outline.h"

#include <math.h>

#define STACK_STEP 6.0   /* offset between the copies of a stacked shape */
#define NOTCH 12.0
#define HOURGLASS_W 30.0
#define HOURGLASS_H 40.0
#define HOURGLASS_GAP 6.0

typedef struct {
  double x, y, w, h, cx, cy;
} Box;

static Box
box_from (const MpFlowRect *r)
{
  return (Box) { r->x, r->y, r->width, r->height, r->x + r->width / 2, r->y + r->height / 2 };
}

static void
polygon (cairo_t      *cr,
         const double *xy,
         guint         n)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

static void
rounded_rect (cairo_t   *cr,
              const Box *b,
              double     r)
{
  r = MIN (r, MIN (b->w, b->h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, b->x + b->w - r, b->y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, b->x + b->w - r, b->y + b->h - r, r, 0, G_PI / 2);
  cairo_arc (cr, b->x + r, b->y + b->h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, b->x + r, b->y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* An elliptic arc around (cx, cy) with radii rx, ry, from angle a0 to a1. */
static void
ellipse_arc (cairo_t  *cr,
             double    cx,
             double    cy,
             double    rx,
             double    ry,
             double    a0,
             double    a1,
             gboolean  negative)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, MAX (rx, 0.01), MAX (ry, 0.01));
  if (negative)
    cairo_arc_negative (cr, 0, 0, 1, a0, a1);
  else
    cairo_arc (cr, 0, 0, 1, a0, a1);
  cairo_restore (cr);
}

static void
ellipse (cairo_t   *cr,
         const Box *b)
{
  cairo_new_sub_path (cr);
  ellipse_arc (cr, b->cx, b->cy, b->w / 2, b->h / 2, 0, 2 * G_PI, FALSE);
  cairo_close_path (cr);
}

static void
circle (cairo_t *cr,
        double   cx,
        double   cy,
        double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

static double
wave_of (const Box *b)
{
  return MIN (10.0, b->h / 5);
}

/* A sheet whose bottom edge waves (document symbol). */
static void
document (cairo_t   *cr,
          const Box *b)
{
  double wave = wave_of (b);
  double bottom = b->y + b->h - wave / 2;

  cairo_move_to (cr, b->x, b->y);
  cairo_line_to (cr, b->x + b->w, b->y);
  cairo_line_to (cr, b->x + b->w, bottom);
  cairo_curve_to (cr, b->x + b->w * 0.7, bottom - 1.4 * wave, b->x + b->w * 0.3, bottom + 1.4 * wave,
                  b->x, bottom);
  cairo_close_path (cr);
}

static void
cylinder (cairo_t   *cr,
          const Box *b)
{
  double ry = MIN (8.0, b->h / 4);

  cairo_move_to (cr, b->x, b->y + ry);
  ellipse_arc (cr, b->cx, b->y + ry, b->w / 2, ry, G_PI, 2 * G_PI, FALSE);
  cairo_line_to (cr, b->x + b->w, b->y + b->h - ry);
  ellipse_arc (cr, b->cx, b->y + b->h - ry, b->w / 2, ry, 0, G_PI, FALSE);
  cairo_close_path (cr);
}

static void
h_cylinder (cairo_t   *cr,
            const Box *b)
{
  double rx = MIN (10.0, b->w / 6);

  cairo_move_to (cr, b->x + rx, b->y);
  cairo_line_to (cr, b->x + b->w - rx, b->y);
  ellipse_arc (cr, b->x + b->w - rx, b->cy, rx, b->h / 2, -G_PI / 2, G_PI / 2, FALSE);
  cairo_line_to (cr, b->x + rx, b->y + b->h);
  ellipse_arc (cr, b->x + rx, b->cy, rx, b->h / 2, G_PI / 2, 3 * G_PI / 2, FALSE);
  cairo_close_path (cr);
}

/* Scallops bulging out of the ellipse inside @b. */
static void
cloud (cairo_t   *cr,
       const Box *b)
{
  const guint n = 9;
  double rx = b->w / 2 * 0.86, ry = b->h / 2 * 0.78;

  for (guint i = 0; i <= n; i++)
    {
      double a = 2 * G_PI * i / n, a0 = 2 * G_PI * (i - 1.0) / n;
      double x = b->cx + rx * cos (a), y = b->cy + ry * sin (a);

      if (i == 0)
        {
          cairo_move_to (cr, x, y);
          continue;
        }
      cairo_curve_to (cr, b->cx + rx * 1.32 * cos (a0 + 0.1), b->cy + ry * 1.32 * sin (a0 + 0.1),
                      b->cx + rx * 1.32 * cos (a - 0.1), b->cy + ry * 1.32 * sin (a - 0.1), x, y);
    }
  cairo_close_path (cr);
}

/* A burst: points alternating between two ellipses. */
static void
bang (cairo_t   *cr,
      const Box *b)
{
  const guint n = 24;

  for (guint i = 0; i < n; i++)
    {
      double a = 2 * G_PI * i / n;
      double k = i % 2 == 0 ? 1.0 : 0.78;
      double x = b->cx + b->w / 2 * k * cos (a), y = b->cy + b->h / 2 * k * sin (a);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

/* A curly brace along the side at @x, opening towards @dir (+1 right, -1 left). */
static void
brace (cairo_t   *cr,
       const Box *b,
       double     x,
       double     dir)
{
  double d = 8.0 * dir, top = b->y, bottom = b->y + b->h;

  cairo_move_to (cr, x + d, top);
  cairo_curve_to (cr, x, top, x, top, x, top + 8);
  cairo_line_to (cr, x, b->cy - 8);
  cairo_curve_to (cr, x, b->cy, x, b->cy, x - d, b->cy);
  cairo_curve_to (cr, x, b->cy, x, b->cy, x, b->cy + 8);
  cairo_line_to (cr, x, bottom - 8);
  cairo_curve_to (cr, x, bottom, x, bottom, x + d, bottom);
}

static void
flag (cairo_t   *cr,
      const Box *b)
{
  double wave = wave_of (b), top = b->y + wave / 2, bottom = b->y + b->h - wave / 2;

  cairo_move_to (cr, b->x, top);
  cairo_curve_to (cr, b->x + b->w * 0.25, top - wave, b->x + b->w * 0.25, top - wave, b->cx, top);
  cairo_curve_to (cr, b->x + b->w * 0.75, top + wave, b->x + b->w * 0.75, top + wave, b->x + b->w, top);
  cairo_line_to (cr, b->x + b->w, bottom);
  cairo_curve_to (cr, b->x + b->w * 0.75, bottom + wave, b->x + b->w * 0.75, bottom + wave, b->cx, bottom);
  cairo_curve_to (cr, b->x + b->w * 0.25, bottom - wave, b->x + b->w * 0.25, bottom - wave, b->x, bottom);
  cairo_close_path (cr);
}

/* Stored data: a convex left side and a concave right side. */
static void
bow_rect (cairo_t   *cr,
          const Box *b)
{
  double rx = MIN (10.0, b->w / 6);

  cairo_move_to (cr, b->x + rx, b->y);
  cairo_line_to (cr, b->x + b->w, b->y);
  ellipse_arc (cr, b->x + b->w, b->cy, rx, b->h / 2, 3 * G_PI / 2, G_PI / 2, TRUE);
  cairo_line_to (cr, b->x + rx, b->y + b->h);
  ellipse_arc (cr, b->x + rx, b->cy, rx, b->h / 2, G_PI / 2, 3 * G_PI / 2, FALSE);
  cairo_close_path (cr);
}

static void
delay (cairo_t   *cr,
       const Box *b)
{
  double r = b->h / 2;

  cairo_move_to (cr, b->x, b->y);
  cairo_line_to (cr, b->x + b->w - r, b->y);
  cairo_arc (cr, b->x + b->w - r, b->cy, r, -G_PI / 2, G_PI / 2);
  cairo_line_to (cr, b->x, b->y + b->h);
  cairo_close_path (cr);
}

/* Display: a pointed left end and a rounded right end. */
static void
curved_trapezoid (cairo_t   *cr,
                  const Box *b)
{
  double r = b->h / 2, lead = MIN (b->h / 2, b->w / 4);

  cairo_move_to (cr, b->x + lead, b->y);
  cairo_line_to (cr, b->x + b->w - r, b->y);
  ellipse_arc (cr, b->x + b->w - r, b->cy, r, r, -G_PI / 2, G_PI / 2, FALSE);
  cairo_line_to (cr, b->x + lead, b->y + b->h);
  cairo_line_to (cr, b->x, b->cy);
  cairo_close_path (cr);
}

static void
bolt (cairo_t   *cr,
      const Box *b)
{
  double x = b->x, y = b->y, w = b->w, h = b->h;

  polygon (cr, (double[]) { x + w * 0.55, y, x + w * 0.1, y + h * 0.55, x + w * 0.45, y + h * 0.55,
                            x + w * 0.3, y + h, x + w * 0.9, y + h * 0.4, x + w * 0.55, y + h * 0.4,
                            x + w * 0.8, y }, 7);
}

/* The box of copy @layer of a stacked shape: back copies sit up and right. */
static Box
layer_box (const Box *b,
           guint      layer,
           guint      n_layers)
{
  double back = (n_layers - 1 - layer) * STACK_STEP;
  double total = (n_layers - 1) * STACK_STEP;
  Box l = { b->x + back, b->y + total - back, b->w - total, b->h - total, 0, 0 };

  l.cx = l.x + l.w / 2;
  l.cy = l.y + l.h / 2;
  return l;
}

guint
mp_flow_outline_n_layers (MpNodeShape shape)
{
  return shape == MP_NODE_SHAPE_DOCUMENTS || shape == MP_NODE_SHAPE_STACKED_RECT ? 3 : 1;
}

static void
polygon_path (cairo_t     *cr,
              MpNodeShape  shape,
              const Box   *b)
{
  double x = b->x, y = b->y, w = b->w, h = b->h, cx = b->cx, cy = b->cy;
  double s = MIN (h / 2, w / 4), n = MIN (NOTCH, MIN (w, h) / 3);

  switch ((int) shape)
    {
    case MP_NODE_SHAPE_DIAMOND:
      polygon (cr, (double[]) { cx, y, x + w, cy, cx, y + h, x, cy }, 4);
      break;
    case MP_NODE_SHAPE_HEXAGON:
      polygon (cr, (double[]) { x, cy, x + w / 4, y, x + 3 * w / 4, y, x + w, cy, x + 3 * w / 4, y + h, x + w / 4, y + h }, 6);
      break;
    case MP_NODE_SHAPE_ASYMMETRIC:
      polygon (cr, (double[]) { x, y, x + w, y, x + w, y + h, x, y + h, x + h / 3, cy }, 5);
      break;
    case MP_NODE_SHAPE_PARALLELOGRAM:
      polygon (cr, (double[]) { x + s, y, x + w, y, x + w - s, y + h, x, y + h }, 4);
      break;
    case MP_NODE_SHAPE_PARALLELOGRAM_ALT:
      polygon (cr, (double[]) { x, y, x + w - s, y, x + w, y + h, x + s, y + h }, 4);
      break;
    case MP_NODE_SHAPE_TRAPEZOID:
      polygon (cr, (double[]) { x + s, y, x + w - s, y, x + w, y + h, x, y + h }, 4);
      break;
    case MP_NODE_SHAPE_TRAPEZOID_ALT:
      polygon (cr, (double[]) { x, y, x + w, y, x + w - s, y + h, x + s, y + h }, 4);
      break;
    case MP_NODE_SHAPE_NOTCH_RECT:
      polygon (cr, (double[]) { x + n, y, x + w, y, x + w, y + h, x, y + h, x, y + n }, 5);
      break;
    case MP_NODE_SHAPE_NOTCHED_PENTAGON:
      polygon (cr, (double[]) { x + n, y, x + w - n, y, x + w, y + n, x + w, y + h, x, y + h, x, y + n }, 6);
      break;
    case MP_NODE_SHAPE_HOURGLASS:
      /* the label goes under the glass, as in Mermaid */
      polygon (cr, (double[]) { cx - HOURGLASS_W / 2, y, cx + HOURGLASS_W / 2, y, cx - HOURGLASS_W / 2, y + HOURGLASS_H,
                                cx + HOURGLASS_W / 2, y + HOURGLASS_H }, 4);
      break;
    case MP_NODE_SHAPE_TRIANGLE:
      polygon (cr, (double[]) { cx, y, x + w, y + h, x, y + h }, 3);
      break;
    case MP_NODE_SHAPE_FLIPPED_TRIANGLE:
      polygon (cr, (double[]) { x, y, x + w, y, cx, y + h }, 3);
      break;
    case MP_NODE_SHAPE_SLOPED_RECT:
      polygon (cr, (double[]) { x, y + MIN (h / 3, 14.0), x + w, y, x + w, y + h, x, y + h }, 4);
      break;
    default:
      rounded_rect (cr, b, 4);
      break;
    }
}

static void
curved_path (cairo_t     *cr,
             MpNodeShape  shape,
             const Box   *b)
{
  switch ((int) shape)
    {
    case MP_NODE_SHAPE_ROUND:
      rounded_rect (cr, b, 12);
      break;
    case MP_NODE_SHAPE_STADIUM:
      rounded_rect (cr, b, b->h / 2);
      break;
    case MP_NODE_SHAPE_CIRCLE: case MP_NODE_SHAPE_DOUBLE_CIRCLE: case MP_NODE_SHAPE_SMALL_CIRCLE:
    case MP_NODE_SHAPE_FRAMED_CIRCLE: case MP_NODE_SHAPE_FILLED_CIRCLE: case MP_NODE_SHAPE_CROSSED_CIRCLE:
      circle (cr, b->cx, b->cy, MIN (b->w, b->h) / 2);
      break;
    case MP_NODE_SHAPE_ELLIPSE:
      ellipse (cr, b);
      break;
    case MP_NODE_SHAPE_CYLINDER: case MP_NODE_SHAPE_LINED_CYLINDER:
      cylinder (cr, b);
      break;
    case MP_NODE_SHAPE_H_CYLINDER:
      h_cylinder (cr, b);
      break;
    case MP_NODE_SHAPE_DOCUMENT: case MP_NODE_SHAPE_DOCUMENTS: case MP_NODE_SHAPE_TAGGED_DOCUMENT:
    case MP_NODE_SHAPE_LINED_DOCUMENT:
      document (cr, b);
      break;
    case MP_NODE_SHAPE_CLOUD:
      cloud (cr, b);
      break;
    case MP_NODE_SHAPE_BANG:
      bang (cr, b);
      break;
    case MP_NODE_SHAPE_FLAG:
      flag (cr, b);
      break;
    case MP_NODE_SHAPE_BOW_RECT:
      bow_rect (cr, b);
      break;
    case MP_NODE_SHAPE_DELAY:
      delay (cr, b);
      break;
    case MP_NODE_SHAPE_CURVED_TRAPEZOID:
      curved_trapezoid (cr, b);
      break;
    case MP_NODE_SHAPE_BOLT:
      bolt (cr, b);
      break;
    default:
      polygon_path (cr, shape, b);
      break;
    }
}

void
mp_flow_outline_path (cairo_t          *cr,
                      MpNodeShape       shape,
                      const MpFlowRect *box,
                      guint             layer)
{
  Box b = box_from (box);
  guint n = mp_flow_outline_n_layers (shape);

  if (n > 1)
    b = layer_box (&b, MIN (layer, n - 1), n);
  if (shape == MP_NODE_SHAPE_FORK)
    rounded_rect (cr, &b, 2);
  else
    curved_path (cr, shape, &b);
}

/* Marks inside the outline that tell a shape from its neighbours. */
static void
inner_marks (cairo_t     *cr,
             MpNodeShape  shape,
             const Box   *b)
{
  double x = b->x, y = b->y, w = b->w, h = b->h, r = MIN (w, h) / 2;
  double ry = MIN (8.0, h / 4), rx = MIN (10.0, w / 6), t = MIN (14.0, MIN (w, h) / 3);

  switch ((int) shape)
    {
    case MP_NODE_SHAPE_SUBROUTINE:
      line (cr, x + 8, y, x + 8, y + h);
      line (cr, x + w - 8, y, x + w - 8, y + h);
      break;
    case MP_NODE_SHAPE_LINED_RECT: case MP_NODE_SHAPE_LINED_DOCUMENT:
      line (cr, x + 8, y, x + 8, y + h - (shape == MP_NODE_SHAPE_LINED_DOCUMENT ? wave_of (b) : 0));
      break;
    case MP_NODE_SHAPE_DOUBLE_CIRCLE:
      circle (cr, b->cx, b->cy, r - 5);
      break;
    case MP_NODE_SHAPE_CROSSED_CIRCLE:
      line (cr, b->cx - r * G_SQRT2 / 2, b->cy - r * G_SQRT2 / 2, b->cx + r * G_SQRT2 / 2, b->cy + r * G_SQRT2 / 2);
      line (cr, b->cx + r * G_SQRT2 / 2, b->cy - r * G_SQRT2 / 2, b->cx - r * G_SQRT2 / 2, b->cy + r * G_SQRT2 / 2);
      break;
    case MP_NODE_SHAPE_CYLINDER: case MP_NODE_SHAPE_LINED_CYLINDER:
      cairo_new_sub_path (cr);
      ellipse_arc (cr, b->cx, y + ry, w / 2, ry, G_PI, 0, TRUE);
      if (shape == MP_NODE_SHAPE_LINED_CYLINDER)
        {
          cairo_new_sub_path (cr);
          ellipse_arc (cr, b->cx, y + 3 * ry, w / 2, ry, G_PI, 0, TRUE);
        }
      break;
    case MP_NODE_SHAPE_H_CYLINDER:
      cairo_new_sub_path (cr);
      ellipse_arc (cr, x + w - rx, b->cy, rx, h / 2, G_PI / 2, 3 * G_PI / 2, FALSE);
      break;
    case MP_NODE_SHAPE_DIVIDED_RECT:
      line (cr, x, y + MIN (12.0, h / 4), x + w, y + MIN (12.0, h / 4));
      break;
    case MP_NODE_SHAPE_WINDOW_PANE:
      line (cr, x + 10, y, x + 10, y + h);
      line (cr, x, y + 10, x + w, y + 10);
      break;
    case MP_NODE_SHAPE_TAGGED_RECT:
      polygon (cr, (double[]) { x + w, y + h - t, x + w, y + h, x + w - t, y + h }, 3);
      break;
    case MP_NODE_SHAPE_TAGGED_DOCUMENT:
      line (cr, x + w - t, y + h - wave_of (b) / 2 - 2, x + w, y + h - wave_of (b) / 2 - t);
      break;
    default:
      break;
    }
}

void
mp_flow_outline_strokes (cairo_t          *cr,
                         MpNodeShape       shape,
                         const MpFlowRect *box,
                         guint             layer)
{
  Box b = box_from (box);
  guint n = mp_flow_outline_n_layers (shape);

  if (n > 1)
    b = layer_box (&b, MIN (layer, n - 1), n);
  switch ((int) shape)
    {
    case MP_NODE_SHAPE_TEXT:
      return;
    case MP_NODE_SHAPE_BRACE_LEFT:
      brace (cr, &b, b.x + 4, 1);
      return;
    case MP_NODE_SHAPE_BRACE_RIGHT:
      brace (cr, &b, b.x + b.w - 4, -1);
      return;
    case MP_NODE_SHAPE_BRACES:
      brace (cr, &b, b.x + 4, 1);
      brace (cr, &b, b.x + b.w - 4, -1);
      return;
    case MP_NODE_SHAPE_DATASTORE:
      /* A data-flow diagram's store: a filled box whose only lines are
       * its top and bottom, as Mermaid draws it. */
      line (cr, b.x, b.y, b.x + b.w, b.y);
      line (cr, b.x, b.y + b.h, b.x + b.w, b.y + b.h);
      return;
    default:
      mp_flow_outline_path (cr, shape, box, layer);
      if (layer + 1 == n)
        inner_marks (cr, shape, &b);
      return;
    }
}

gboolean
mp_flow_outline_solid_path (cairo_t          *cr,
                            MpNodeShape       shape,
                            const MpFlowRect *box)
{
  Box b = box_from (box);
  double r = MIN (b.w, b.h) / 2;

  switch ((int) shape)
    {
    case MP_NODE_SHAPE_FORK:
      rounded_rect (cr, &b, 2);
      return TRUE;
    case MP_NODE_SHAPE_SMALL_CIRCLE:
    case MP_NODE_SHAPE_FILLED_CIRCLE:
      circle (cr, b.cx, b.cy, r);
      return TRUE;
    case MP_NODE_SHAPE_FRAMED_CIRCLE:
      circle (cr, b.cx, b.cy, r * 0.55);
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
mp_flow_outline_is_open (MpNodeShape shape)
{
  return shape == MP_NODE_SHAPE_TEXT || shape == MP_NODE_SHAPE_BRACE_LEFT ||
         shape == MP_NODE_SHAPE_BRACE_RIGHT || shape == MP_NODE_SHAPE_BRACES;
}

void
mp_flow_outline_label_offset (MpNodeShape       shape,
                              const MpFlowRect *box,
                              double           *dx,
                              double           *dy)
{
  double h = box->height;
  double stack = (mp_flow_outline_n_layers (shape) - 1) * STACK_STEP / 2;

  *dx = -stack;
  *dy = stack;
  switch ((int) shape)
    {
    case MP_NODE_SHAPE_CYLINDER: *dy = 4; break;
    case MP_NODE_SHAPE_LINED_CYLINDER: *dy = 12; break;
    case MP_NODE_SHAPE_DOCUMENT: case MP_NODE_SHAPE_TAGGED_DOCUMENT: *dy = -MIN (10.0, h / 5) / 2; break;
    case MP_NODE_SHAPE_LINED_DOCUMENT: *dx = 4; *dy = -MIN (10.0, h / 5) / 2; break;
    case MP_NODE_SHAPE_DOCUMENTS: *dy = stack - MIN (10.0, h / 5) / 2; break;
    case MP_NODE_SHAPE_TRIANGLE: *dy = h / 6; break;
    case MP_NODE_SHAPE_HOURGLASS: *dy = (HOURGLASS_H + HOURGLASS_GAP) / 2; break;
    case MP_NODE_SHAPE_FLIPPED_TRIANGLE: *dy = -h / 6; break;
    case MP_NODE_SHAPE_DIVIDED_RECT: *dy = MIN (12.0, h / 4) / 2; break;
    case MP_NODE_SHAPE_SLOPED_RECT: *dy = MIN (h / 3, 14.0) / 2; break;
    case MP_NODE_SHAPE_WINDOW_PANE: *dx = 5; *dy = 5; break;
    case MP_NODE_SHAPE_LINED_RECT: *dx = 4; break;
    case MP_NODE_SHAPE_DELAY: *dx = -h / 6; break;
    case MP_NODE_SHAPE_CURVED_TRAPEZOID: *dx = h / 8; break;
    default: break;
    }
}
