/* mp-value-paint.c: draws the value-for-money chart with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-value-paint.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "mp-utils.h"

typedef struct {
  MpValuePlot        *plot;
  cairo_t            *cr;
  const MpValueStyle *style;
  MpValueRect         area;
  double              radius;  /* of a point */
} Painter;

void
mp_value_style_init_print (MpValueStyle *style)
{
  *style = (MpValueStyle) {
    .text = { 0, 0, 0, 1 },
    .grid = { 0.75, 0.75, 0.75, 1 },
    .band = { 0.90, 0.90, 0.90, 1 },
    .frontier = { 0, 0, 0, 1 },
    .master = { 0.25, 0.25, 0.25, 1 },
    .alternative = { 0, 0, 0, 1 },
    .highlight = { 0, 0, 0, 1 },
    .font_size = 7.5,
    .font_family = "Sans",
    .selected = -1,
    .focused = -1,
  };
}

static void
set_color (cairo_t            *cr,
           const MpValueColor *color,
           double              alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

static PangoLayout *
new_layout (Painter    *painter,
            const char *text,
            double      scale)
{
  PangoLayout *layout = pango_cairo_create_layout (painter->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, painter->style->font_family);
  pango_font_description_set_absolute_size (font, painter->style->font_size * scale * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its anchor at (@x, @y): @ax, @ay from 0 (left, top) to
 * 1 (right, bottom). Returns its width. */
static double
text_at (Painter    *painter,
         const char *text,
         double      scale,
         double      x,
         double      y,
         double      ax,
         double      ay)
{
  g_autoptr(PangoLayout) layout = new_layout (painter, text, scale);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (painter->cr, &painter->style->text, 1);
  cairo_move_to (painter->cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (painter->cr, layout);
  return w;
}

static void
paint_band (Painter *painter)
{
  MpValuePlot *plot = painter->plot;
  const MpValueRect *a = &painter->area;
  double x0 = mp_value_plot_x (plot, a, MP_VALUE_BAND_LOW_USD);
  double x1 = mp_value_plot_x (plot, a, MP_VALUE_BAND_HIGH_USD);
  cairo_pattern_t *more;

  set_color (painter->cr, &painter->style->band, 1);
  cairo_rectangle (painter->cr, x0, a->y, x1 - x0, a->height);
  cairo_fill (painter->cr);
  /* "or more": the band fades out to the right. */
  more = cairo_pattern_create_linear (x1, 0, a->x + a->width, 0);
  cairo_pattern_add_color_stop_rgba (more, 0, painter->style->band.r, painter->style->band.g,
                                     painter->style->band.b, painter->style->band.a);
  cairo_pattern_add_color_stop_rgba (more, 1, painter->style->band.r, painter->style->band.g,
                                     painter->style->band.b, 0);
  cairo_set_source (painter->cr, more);
  cairo_rectangle (painter->cr, x1, a->y, a->x + a->width - x1, a->height);
  cairo_fill (painter->cr);
  cairo_pattern_destroy (more);
  /* Translators: the label inside the value chart's band of typical tuition */
  text_at (painter, _("Article’s range $15,000–$50,000+"), 0.85, x0 + 3, a->y + 2, 0, 0);
}

/* "$20k" ("20 k US$" in Spanish) */
static char *
format_cost_tick (double usd)
{
  g_autofree char *thousands = NULL;

  if (usd == 0)
    return mp_utils_format_usd (0);
  thousands = g_strdup_printf ("%g", usd / 1000);
  /* Translators: an axis tick in thousands of US dollars, e.g. $20k; %s is
   * the number of thousands */
  return g_strdup_printf (_("$%sk"), thousands);
}

static void
paint_grid (Painter *painter)
{
  MpValuePlot *plot = painter->plot;
  const MpValueRect *a = &painter->area;
  double max, step, min;
  cairo_t *cr = painter->cr;

  cairo_set_line_width (cr, 1);
  mp_value_plot_get_cost_axis (plot, &max, &step);
  for (double c = 0; c <= max + step / 2; c += step)
    {
      g_autofree char *label = format_cost_tick (c);
      double x = round (mp_value_plot_x (plot, a, c)) + 0.5;

      set_color (cr, &painter->style->grid, 1);
      cairo_move_to (cr, x, a->y);
      cairo_line_to (cr, x, a->y + a->height);
      cairo_stroke (cr);
      text_at (painter, label, 1, x, a->y + a->height + 3, 0.5, 0);
    }
  mp_value_plot_get_score_axis (plot, &min, &step);
  for (double s = min; s <= 100 + step / 2; s += step)
    {
      g_autofree char *label = g_strdup_printf ("%.0f", s);
      double y = round (mp_value_plot_y (plot, a, s)) + 0.5;

      set_color (cr, &painter->style->grid, 1);
      cairo_move_to (cr, a->x, y);
      cairo_line_to (cr, a->x + a->width, y);
      cairo_stroke (cr);
      text_at (painter, label, 1, a->x - 4, y, 1, 0.5);
    }
}

static void
paint_axis_titles (Painter *painter)
{
  const MpValueRect *a = &painter->area;
  cairo_t *cr = painter->cr;

  text_at (painter, _("Out-of-pocket cost"), 1, a->x + a->width / 2,
           a->y + a->height + painter->style->font_size * 1.6 + 3, 0.5, 0);
  cairo_save (cr);
  cairo_translate (cr, painter->style->font_size * 0.2, a->y + a->height / 2);
  cairo_rotate (cr, -G_PI / 2);
  text_at (painter, _("Score"), 1, 0, 0, 0.5, 0);
  cairo_restore (cr);
}

/* A staircase: no program lies above and to the left of it. */
static void
paint_frontier (Painter *painter)
{
  MpValuePlot *plot = painter->plot;
  guint n = mp_value_plot_get_n_frontier (plot);
  cairo_t *cr = painter->cr;

  if (n == 0)
    return;
  for (guint k = 0; k < n; k++)
    {
      const MpValuePoint *p = mp_value_plot_get_point (plot, mp_value_plot_get_frontier (plot, k));
      double x = mp_value_plot_x (plot, &painter->area, p->cost);
      double y = mp_value_plot_y (plot, &painter->area, p->score);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        {
          double px, py;

          cairo_get_current_point (cr, &px, &py);
          cairo_line_to (cr, x, py);
          cairo_line_to (cr, x, y);
        }
    }
  set_color (cr, &painter->style->frontier, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
point_path (Painter  *painter,
            gboolean  alternative,
            double    x,
            double    y,
            double    r)
{
  cairo_t *cr = painter->cr;

  cairo_new_sub_path (cr);
  if (!alternative)
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      return;
    }
  r *= 1.25;
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
paint_point (Painter *painter,
             guint    i)
{
  const MpValuePoint *p = mp_value_plot_get_point (painter->plot, i);
  double x = mp_value_plot_x (painter->plot, &painter->area, p->cost);
  double y = mp_value_plot_y (painter->plot, &painter->area, p->score);
  double r = painter->radius;
  cairo_t *cr = painter->cr;

  point_path (painter, p->alternative, x, y, r);
  if (p->alternative)
    {
      set_color (cr, &painter->style->alternative, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  else
    {
      set_color (cr, &painter->style->master, 1);
      cairo_fill (cr);
    }
  if (p->on_frontier)
    {
      cairo_arc (cr, x, y, r * 1.9, 0, 2 * G_PI);
      set_color (cr, &painter->style->frontier, 1);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
}

/* The best ranked last, so it is on top where points meet. A mark on the
 * same pixel as one already drawn is drawn once: with many programs most
 * marks fall on others, and each costs cairo a fill. */
static void
paint_points (Painter *painter)
{
  MpValuePlot *plot = painter->plot;
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = mp_value_plot_get_n_points (plot); i-- > 0;)
    {
      const MpValuePoint *p = mp_value_plot_get_point (plot, i);
      guint x = (guint) mp_value_plot_x (plot, &painter->area, p->cost) & 0x3fff;
      guint y = (guint) mp_value_plot_y (plot, &painter->area, p->score) & 0x3fff;
      gpointer key = GUINT_TO_POINTER ((x << 16 | y << 2 | p->alternative << 1 | p->on_frontier) + 1);

      /* Two marks of one kind on one pixel look the same. */
      if (!p->on_frontier && !g_hash_table_add (drawn, key))
        continue;
      paint_point (painter, i);
    }
}

static void
paint_ring (Painter  *painter,
            int       i,
            double    factor,
            gboolean  dashed)
{
  const MpValuePoint *p;
  static const double dash[] = { 2, 2 };

  if (i < 0 || (guint) i >= mp_value_plot_get_n_points (painter->plot))
    return;
  p = mp_value_plot_get_point (painter->plot, i);
  cairo_new_path (painter->cr);
  cairo_arc (painter->cr, mp_value_plot_x (painter->plot, &painter->area, p->cost),
             mp_value_plot_y (painter->plot, &painter->area, p->score),
             painter->radius * factor, 0, 2 * G_PI);
  set_color (painter->cr, &painter->style->highlight, 1);
  cairo_set_line_width (painter->cr, dashed ? 1.5 : 2.5);
  cairo_set_dash (painter->cr, dash, dashed ? 2 : 0, 0);
  cairo_stroke (painter->cr);
  cairo_set_dash (painter->cr, NULL, 0, 0);
}

/* Above the plot: the key to the marks. */
static void
paint_legend (Painter *painter)
{
  double y = painter->style->font_size * 0.9, x = painter->area.x;
  double r = painter->radius, gap = painter->style->font_size;
  cairo_t *cr = painter->cr;

  point_path (painter, FALSE, x + r, y, r);
  set_color (cr, &painter->style->master, 1);
  cairo_fill (cr);
  x += 2 * r + 4;
  x += text_at (painter, _("Master’s"), 1, x, y, 0, 0.5) + gap;
  point_path (painter, TRUE, x + r, y, r);
  set_color (cr, &painter->style->alternative, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  x += 2 * r + 4;
  x += text_at (painter, _("Alternative"), 1, x, y, 0, 0.5) + gap;
  cairo_move_to (cr, x, y + r);
  cairo_line_to (cr, x + 8, y + r);
  cairo_line_to (cr, x + 8, y - r);
  cairo_line_to (cr, x + 16, y - r);
  set_color (cr, &painter->style->frontier, 1);
  cairo_stroke (cr);
  x += 20;
  text_at (painter, _("Best-value frontier"), 1, x, y, 0, 0.5);
}

void
mp_value_paint (MpValuePlot        *plot,
                cairo_t            *cr,
                double              width,
                double              height,
                const MpValueStyle *style)
{
  Painter painter = { plot, cr, style, { 0, }, MAX (style->font_size * 0.42, 2.5) };

  g_return_if_fail (plot != NULL);
  g_return_if_fail (cr != NULL);

  mp_value_plot_get_area (width, height, style->font_size, &painter.area);
  cairo_save (cr);
  paint_band (&painter);
  paint_grid (&painter);
  paint_axis_titles (&painter);
  paint_legend (&painter);
  paint_frontier (&painter);
  paint_points (&painter);
  paint_ring (&painter, style->selected, 2.6, FALSE);
  paint_ring (&painter, style->focused, 3.4, TRUE);
  cairo_restore (cr);
}
