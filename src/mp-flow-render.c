/* mp-flow-render.c: draws a laid-out flowchart with cairo (canvas and export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-render.h"

#include "mp-flow-outline.h"
#include "mp-flow-shape.h"

#include <math.h>
#include <pango/pangocairo.h>

#define DIM_ALPHA 0.32
/* Dimmed text stays readable (about 4.5:1 on either theme's background). */
#define DIM_TEXT_ALPHA 0.6
#define ARROW_HALF_WIDTH 4.5

typedef struct {
  cairo_t             *cr;
  MpFlowLayout        *layout;
  MpFlowchart         *chart;
  MpFlowWalk          *walk;
  const MpFlowPalette *palette;
  PangoContext        *pango;
} Render;

static void
rgba (GdkRGBA    *color,
      const char *spec)
{
  gdk_rgba_parse (color, spec);
}

void
mp_flow_palette_init (MpFlowPalette *palette,
                      gboolean       dark)
{
  if (dark)
    {
      rgba (&palette->background, "#242424");
      rgba (&palette->foreground, "#ffffff");
      rgba (&palette->node_fill, "#383838");
      rgba (&palette->node_stroke, "#9a9996");
      rgba (&palette->edge, "#c0bfbc");
      rgba (&palette->accent, "#78aeed");
      rgba (&palette->cluster_fill, "rgba(255,255,255,0.04)");
      rgba (&palette->cluster_stroke, "#5e5c64");
      rgba (&palette->match, "#f8e45c");
    }
  else
    {
      rgba (&palette->background, "#ffffff");
      rgba (&palette->foreground, "#1e1e1e");
      rgba (&palette->node_fill, "#f6f5f4");
      rgba (&palette->node_stroke, "#77767b");
      rgba (&palette->edge, "#5e5c64");
      rgba (&palette->accent, "#1c71d8");
      rgba (&palette->cluster_fill, "rgba(0,0,0,0.03)");
      rgba (&palette->cluster_stroke, "#c0bfbc");
      rgba (&palette->match, "#f5c211");
    }
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static GdkRGBA
mix (const GdkRGBA *a,
     const GdkRGBA *b,
     double         t)
{
  return (GdkRGBA) { a->red + (b->red - a->red) * t, a->green + (b->green - a->green) * t,
                     a->blue + (b->blue - a->blue) * t, a->alpha + (b->alpha - a->alpha) * t };
}

static gboolean
parse_style_color (const char *spec,
                   GdkRGBA    *out)
{
  return spec != NULL && gdk_rgba_parse (out, spec);
}

static void
set_dash (cairo_t    *cr,
          const char *dasharray)
{
  g_auto(GStrv) parts = NULL;
  double dashes[8];
  int n = 0;

  if (dasharray == NULL)
    return;
  parts = g_strsplit_set (dasharray, " ,", -1);
  for (int i = 0; parts[i] != NULL && n < 8; i++)
    {
      double value = g_ascii_strtod (parts[i], NULL);

      if (*parts[i] != '\0' && value > 0)
        dashes[n++] = value;
    }
  if (n > 0)
    cairo_set_dash (cr, dashes, n, 0);
}

gboolean
mp_flow_render_node_is_dimmed (MpFlowWalk *walk,
                               guint       index)
{
  g_autoptr(GArray) choices = NULL;
  MpFlowchart *chart;

  if (walk == NULL || mp_flow_walk_get_path_edges (walk)->len == 0)
    return FALSE;
  if (mp_flow_walk_node_on_path (walk, index))
    return FALSE;
  chart = mp_flow_walk_get_chart (walk);
  choices = mp_flow_walk_get_choices (walk);
  for (guint i = 0; i < choices->len; i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, g_array_index (choices, guint, i));

      if (!edge->to.is_subgraph && edge->to.index == index)
        return FALSE;
    }
  return TRUE;
}

static gboolean
edge_is_choice (MpFlowWalk *walk,
                guint       index)
{
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);

  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, guint, i) == index)
      return TRUE;
  return FALSE;
}

gboolean
mp_flow_render_edge_is_dimmed (MpFlowWalk *walk,
                               guint       index)
{
  if (walk == NULL || mp_flow_walk_get_path_edges (walk)->len == 0)
    return FALSE;
  return !mp_flow_walk_edge_on_path (walk, index) && !edge_is_choice (walk, index);
}

static void
polygon (cairo_t           *cr,
         const MpFlowPoint *points,
         guint              n)
{
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, points[i].x, points[i].y);
  cairo_close_path (cr);
}

void
mp_flow_render_node_path (cairo_t      *cr,
                          MpFlowLayout *layout,
                          guint         index,
                          double        grow)
{
  const MpFlowNode *node = mp_flowchart_get_node (mp_flow_layout_get_chart (layout), index);
  MpFlowRect r = mp_flow_layout_get_node (layout, index)->box;

  r.x -= grow;
  r.y -= grow;
  r.width += 2 * grow;
  r.height += 2 * grow;
  mp_flow_outline_path (cr, node->shape, &r, mp_flow_outline_n_layers (node->shape) - 1);
}

static void
draw_text (Render        *r,
           const char    *markup,
           const char    *plain,
           double         wrap_width,
           double         cx,
           double         cy,
           const GdkRGBA *color,
           double         alpha)
{
  g_autoptr(PangoLayout) text = NULL;
  PangoRectangle logical;

  text = mp_flow_layout_create_text (r->pango, mp_flow_layout_get_font (r->layout),
                                     markup, plain, wrap_width);
  pango_layout_get_extents (text, NULL, &logical);
  set_color (r->cr, color, alpha);
  cairo_move_to (r->cr, cx - (logical.x + logical.width / 2.0) / PANGO_SCALE,
                 cy - (logical.y + logical.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (r->cr, text);
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* Each copy of a stacked shape is filled and stroked in turn, back first,
 * so the front one hides the lines behind it. */
static void
draw_outline (cairo_t          *cr,
              const MpFlowNode *node,
              const MpFlowRect *box,
              const GdkRGBA    *fill,
              const GdkRGBA    *stroke,
              double            width,
              double            alpha)
{
  for (guint layer = 0; layer < mp_flow_outline_n_layers (node->shape); layer++)
    {
      cairo_new_path (cr);
      if (!mp_flow_outline_is_open (node->shape))
        {
          mp_flow_outline_path (cr, node->shape, box, layer);
          set_color (cr, fill, alpha);
          cairo_fill (cr);
        }
      mp_flow_outline_strokes (cr, node->shape, box, layer);
      set_color (cr, stroke, alpha);
      cairo_set_line_width (cr, width);
      cairo_save (cr);
      set_dash (cr, node->style.stroke_dasharray);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  if (mp_flow_outline_solid_path (cr, node->shape, box))
    {
      set_color (cr, stroke, alpha);
      cairo_fill (cr);
    }
}

static void
draw_node (Render *r,
           guint   index)
{
  const MpFlowNode *node = mp_flowchart_get_node (r->chart, index);
  const MpFlowLayoutNode *laid = mp_flow_layout_get_node (r->layout, index);
  const MpFlowPalette *p = r->palette;
  gboolean current = r->walk != NULL && mp_flow_walk_get_current (r->walk) == index;
  gboolean on_path = r->walk != NULL && mp_flow_walk_node_on_path (r->walk, index);
  gboolean dimmed = mp_flow_render_node_is_dimmed (r->walk, index);
  double alpha = dimmed ? DIM_ALPHA : 1.0;
  GdkRGBA fill = p->node_fill, stroke = p->node_stroke, text = p->foreground;
  double width = node->style.stroke_width > 0 ? node->style.stroke_width : 1.5;

  /* A dimmed node drops the author's colours: a light fill faded into a dark
   * background would leave its dark text unreadable. */
  if (!dimmed && parse_style_color (node->style.fill, &fill) &&
      !parse_style_color (node->style.color, &text))
    rgba (&text, luminance (&fill) > 0.55 || fill.alpha < 0.4 ? "#1e1e1e" : "#ffffff");
  else if (!dimmed)
    parse_style_color (node->style.color, &text);
  if (!dimmed)
    parse_style_color (node->style.stroke, &stroke);
  if (current)
    {
      /* A node the author coloured keeps its fill; the outline marks it. */
      if (node->style.fill == NULL)
        fill = mix (&fill, &p->accent, 0.22);
      stroke = p->accent;
      width = MAX (width, 3.0);
    }
  else if (on_path && r->walk != NULL && mp_flow_walk_get_path_edges (r->walk)->len > 0)
    {
      stroke = p->accent;
      width = MAX (width, 2.0);
    }

  draw_outline (r->cr, node, &laid->box, &fill, &stroke, width, alpha);
  if (mp_flow_shape_shows_label (node->shape))
    {
      double dx, dy;

      mp_flow_outline_label_offset (node->shape, &laid->box, &dx, &dy);
      draw_text (r, node->label_markup, node->label, mp_flow_layout_wrap_width (node->shape),
                 laid->x + dx, laid->y + dy, &text, dimmed ? DIM_TEXT_ALPHA : 1.0);
    }
}

gboolean
mp_flow_render_edge_path (cairo_t      *cr,
                          MpFlowLayout *layout,
                          guint         index)
{
  const MpFlowEdge *edge = mp_flowchart_get_edge (mp_flow_layout_get_chart (layout), index);
  const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (layout, index);
  const MpFlowPoint *p = laid->points;

  if (edge->stroke == MP_EDGE_STROKE_INVISIBLE || laid->n_points < 4)
    return FALSE;
  cairo_move_to (cr, p[0].x, p[0].y);
  for (guint i = 1; i + 2 < laid->n_points; i += 3)
    cairo_curve_to (cr, p[i].x, p[i].y, p[i + 1].x, p[i + 1].y, p[i + 2].x, p[i + 2].y);
  return TRUE;
}

/* An end marker from @base (where the line stops) to @tip (on the node). */
static void
draw_end (cairo_t     *cr,
          MpEdgeEnd    kind,
          MpFlowPoint  base,
          MpFlowPoint  tip,
          double       line_width)
{
  double dx = tip.x - base.x, dy = tip.y - base.y;
  double len = hypot (dx, dy);
  double ux, uy, half = ARROW_HALF_WIDTH + line_width / 2;

  if (kind == MP_EDGE_END_NONE || len < 0.5)
    return;
  ux = dx / len;
  uy = dy / len;
  if (kind == MP_EDGE_END_ARROW)
    {
      polygon (cr, (MpFlowPoint[]) { tip, { base.x - uy * half, base.y + ux * half },
                                     { base.x + uy * half, base.y - ux * half } }, 3);
      cairo_fill (cr);
    }
  else if (kind == MP_EDGE_END_CIRCLE)
    {
      cairo_line_to (cr, base.x, base.y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, tip.x - ux * 4.5, tip.y - uy * 4.5, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      MpFlowPoint c = { tip.x - ux * len / 2, tip.y - uy * len / 2 };

      cairo_move_to (cr, base.x, base.y);
      cairo_line_to (cr, tip.x, tip.y);
      cairo_move_to (cr, c.x - (ux + uy) * 4.5, c.y - (uy - ux) * 4.5);
      cairo_line_to (cr, c.x + (ux + uy) * 4.5, c.y + (uy - ux) * 4.5);
      cairo_move_to (cr, c.x - (ux - uy) * 4.5, c.y - (uy + ux) * 4.5);
      cairo_line_to (cr, c.x + (ux - uy) * 4.5, c.y + (uy + ux) * 4.5);
      cairo_stroke (cr);
    }
}

static double
edge_width (const MpFlowEdge *edge)
{
  if (edge->style.stroke_width > 0)
    return edge->style.stroke_width;
  return edge->stroke == MP_EDGE_STROKE_THICK ? 3.5 : 1.5;
}

static void
draw_edge (Render *r,
           guint   index)
{
  const MpFlowEdge *edge = mp_flowchart_get_edge (r->chart, index);
  const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (r->layout, index);
  gboolean on_path = r->walk != NULL && mp_flow_walk_edge_on_path (r->walk, index);
  double alpha = mp_flow_render_edge_is_dimmed (r->walk, index) ? DIM_ALPHA : 1.0;
  double width = edge_width (edge);
  GdkRGBA color = r->palette->edge;

  parse_style_color (edge->style.stroke, &color);
  if (on_path)
    {
      color = r->palette->accent;
      width = MAX (width, 2.75);
    }
  cairo_new_path (r->cr);
  if (!mp_flow_render_edge_path (r->cr, r->layout, index))
    return;
  set_color (r->cr, &color, alpha);
  cairo_set_line_width (r->cr, width);
  cairo_save (r->cr);
  if (edge->stroke == MP_EDGE_STROKE_DOTTED)
    cairo_set_dash (r->cr, (double[]) { 3, 4 }, 2, 0);
  set_dash (r->cr, edge->style.stroke_dasharray);
  cairo_stroke (r->cr);
  cairo_restore (r->cr);
  cairo_set_line_width (r->cr, MIN (width, 2.0));
  draw_end (r->cr, edge->end_end, laid->points[laid->n_points - 1], laid->end, width);
  draw_end (r->cr, edge->start_end, laid->points[0], laid->start, width);
}

static void
draw_edge_label (Render *r,
                 guint   index)
{
  const MpFlowEdge *edge = mp_flowchart_get_edge (r->chart, index);
  const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (r->layout, index);
  double alpha = mp_flow_render_edge_is_dimmed (r->walk, index) ? DIM_TEXT_ALPHA : 1.0;
  gboolean on_path = r->walk != NULL && mp_flow_walk_edge_on_path (r->walk, index);
  MpFlowRect b = laid->label;

  if (!laid->has_label || edge->stroke == MP_EDGE_STROKE_INVISIBLE)
    return;
  cairo_new_path (r->cr);
  mp_flow_outline_path (r->cr, MP_NODE_SHAPE_RECT, &b, 0);
  set_color (r->cr, &r->palette->background, 1.0);
  cairo_fill_preserve (r->cr);
  if (on_path)
    {
      set_color (r->cr, &r->palette->accent, 1.0);
      cairo_set_line_width (r->cr, 1.5);
      cairo_stroke (r->cr);
    }
  cairo_new_path (r->cr);
  draw_text (r, edge->label_markup, edge->label, 200, b.x + b.width / 2, b.y + b.height / 2,
             on_path ? &r->palette->accent : &r->palette->foreground, alpha);
}

static void
draw_cluster (Render *r,
              guint   index)
{
  const MpFlowSubgraph *sub = mp_flowchart_get_subgraph (r->chart, index);
  const MpFlowLayoutCluster *laid = mp_flow_layout_get_cluster (r->layout, index);
  GdkRGBA fill = r->palette->cluster_fill, stroke = r->palette->cluster_stroke;
  GdkRGBA text = r->palette->foreground;

  if (laid->box.width <= 0)
    return;
  parse_style_color (sub->style.fill, &fill);
  parse_style_color (sub->style.stroke, &stroke);
  parse_style_color (sub->style.color, &text);
  cairo_new_path (r->cr);
  mp_flow_outline_path (r->cr, MP_NODE_SHAPE_RECT, &laid->box, 0);
  set_color (r->cr, &fill, 1.0);
  cairo_fill_preserve (r->cr);
  set_color (r->cr, &stroke, 1.0);
  cairo_set_line_width (r->cr, sub->style.stroke_width > 0 ? sub->style.stroke_width : 1.0);
  cairo_save (r->cr);
  set_dash (r->cr, sub->style.stroke_dasharray);
  cairo_stroke (r->cr);
  cairo_restore (r->cr);
  if (sub->title != NULL && laid->title.width > 0)
    draw_text (r, sub->title_markup, sub->title, 0, laid->title.x + laid->title.width / 2,
               laid->title.y + laid->title.height / 2, &text, 0.8);
}

void
mp_flow_render (cairo_t             *cr,
                MpFlowLayout        *layout,
                MpFlowWalk          *walk,
                const MpFlowPalette *palette)
{
  MpFlowchart *chart = mp_flow_layout_get_chart (layout);
  Render r = { cr, layout, chart, walk, palette, NULL };

  g_return_if_fail (walk == NULL || mp_flow_walk_get_chart (walk) == chart);

  cairo_save (cr);
  r.pango = pango_cairo_create_context (cr);
  mp_flow_layout_setup_context (r.pango);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < mp_flowchart_get_n_subgraphs (chart); i++)
    draw_cluster (&r, i);
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    draw_edge (&r, i);
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    draw_edge_label (&r, i);
  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    draw_node (&r, i);
  g_object_unref (r.pango);
  cairo_restore (cr);
}
