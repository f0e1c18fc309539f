/* mp-panel-common.c: colours, number formats and styles the panel's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-panel-common.h"

#include <glib/gi18n.h>

#include "mp-utils.h"

/* Picked from the GNOME palette to stay apart in light and dark themes
 * and for the common colour-vision deficiencies (blue/orange first). */
static const char * const criterion_colors[MP_N_CRITERIA] = {
  "#3584e4", /* faculty quality: blue */
  "#2ec27e", /* scholarship support: green */
  "#e5a50a", /* funding: amber */
  "#c061cb", /* schedule flexibility: purple */
  "#e66100", /* brand name: orange */
};

/* Red, brown and grey: none of them a criterion's colour, so a compared
 * program is never read as a criterion in the chart. */
static const char * const compare_colors[MP_PANEL_MAX_COMPARED] = {
  "#c01c28",
  "#865e3c",
  "#77767b",
};

void
mp_panel_criterion_color (MpCriterion  criterion,
                          GdkRGBA     *color)
{
  g_return_if_fail (criterion < MP_N_CRITERIA);
  gdk_rgba_parse (color, criterion_colors[criterion]);
}

void
mp_panel_compare_color (guint    slot,
                        GdkRGBA *color)
{
  g_return_if_fail (slot < MP_PANEL_MAX_COMPARED);
  gdk_rgba_parse (color, compare_colors[slot]);
}

char *
mp_panel_format_tuition (double usd)
{
  if (usd <= 0)
    return g_strdup (_("Free"));
  return mp_utils_format_usd (usd);
}

char *
mp_panel_format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

char *
mp_panel_format_years (double years)
{
  /* Translators: a duration; %g is a number of years such as 1.5 */
  return g_strdup_printf (ngettext ("%g year", "%g years", years == 1 ? 1 : 2), years);
}

char *
mp_panel_format_hours (double hours)
{
  /* Translators: study hours per week */
  return g_strdup_printf (_("%g h/week"), hours);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const GdkRGBA *color = data;
  double side = MIN (width, height);
  double x = (width - side) / 2, y = (height - side) / 2, r = side / 4;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + side - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + side - r, y + side - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + side - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
}

GtkWidget *
mp_panel_swatch_new (const GdkRGBA *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 10);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch,
                                  g_memdup2 (color, sizeof *color), g_free);
  return area;
}

void
mp_panel_ensure_css (void)
{
  static GdkDisplay *loaded_for;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == loaded_for)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/mp-weights-panel.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded_for = display;
}
