/* mp-bar-chart.c: a horizontal bar chart drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-bar-chart.h"

#include <glib/gi18n.h>

#define ROW_SPACING  0.6   /* of the line height */
#define BAR_HEIGHT   0.9
#define GAP          12.0  /* px between label, bar and value */

struct _MpBarChart
{
  GtkWidget  parent_instance;
  char      *title;
  char      *caption;
  char      *unit;
  double     max;
  GArray    *bars;    /* of MpChartBar */
};

G_DEFINE_FINAL_TYPE (MpBarChart, mp_bar_chart, GTK_TYPE_WIDGET)

static PangoLayout *
make_layout (MpBarChart *self,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
    }
  return layout;
}

static int
line_height (MpBarChart *self)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "Ag", FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static char *
format_value (MpBarChart *self,
              double      value)
{
  return g_strdup_printf ("%g", value);
}

static int
column_width (MpBarChart *self,
              gboolean    values)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      const MpChartBar *bar = &g_array_index (self->bars, MpChartBar, i);
      g_autofree char *value = format_value (self, bar->value);
      g_autoptr(PangoLayout) layout = make_layout (self, values ? value : bar->label, values);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

static int
text_height (MpBarChart *self,
             const char *text,
             int         width)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL)
    return 0;
  layout = make_layout (self, text, FALSE);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
mp_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  MpBarChart *self = MP_BAR_CHART (widget);
  int line = line_height (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = column_width (self, FALSE) + column_width (self, TRUE) + 2 * GAP + 6 * line;
      *natural = MAX (*minimum, 40 * line);
      return;
    }
  *minimum = *natural = line * (self->unit != NULL ? 2.8 : 1.6)     /* title, unit */
                      + self->bars->len * line * (BAR_HEIGHT + ROW_SPACING)
                      + text_height (self, self->caption, for_size > 0 ? for_size : 400)
                      + line * 0.5;
}

static void
get_colors (MpBarChart *self,
            GdkRGBA    *fg,
            GdkRGBA    *bar)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", bar) &&
      !gtk_style_context_lookup_color (context, "theme_selected_bg_color", bar))
    gdk_rgba_parse (bar, "#3584e4");
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static double
scale_max (MpBarChart *self)
{
  double max = self->max;

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, MpChartBar, i).value);
  return max > 0 ? max : 1;
}

static void
draw_bar (MpBarChart  *self,
          GtkSnapshot *snapshot,
          guint        index,
          double       y,
          double       label_width,
          double       bar_space,
          double       value_space,
          int          line,
          const GdkRGBA *fg,
          const GdkRGBA *bar_color)
{
  const MpChartBar *bar = &g_array_index (self->bars, MpChartBar, index);
  g_autoptr(PangoLayout) label = make_layout (self, bar->label, FALSE);
  g_autofree char *value_text = format_value (self, bar->value);
  g_autoptr(PangoLayout) value = make_layout (self, value_text, TRUE);
  GdkRGBA track = *fg;
  double length = bar_space * MIN (bar->value / scale_max (self), 1.0);
  int label_w, value_w;

  track.alpha = 0.08;
  pango_layout_get_pixel_size (label, &label_w, NULL);
  draw_text (snapshot, label, label_width - label_w, y + line * (BAR_HEIGHT - 1) / 2, fg);
  gtk_snapshot_append_color (snapshot, &track,
                             &GRAPHENE_RECT_INIT (label_width + GAP, y, bar_space, line * BAR_HEIGHT));
  gtk_snapshot_append_color (snapshot, bar_color,
                             &GRAPHENE_RECT_INIT (label_width + GAP, y, length, line * BAR_HEIGHT));
  pango_layout_get_pixel_size (value, &value_w, NULL);
  draw_text (snapshot, value, label_width + GAP + bar_space + GAP + value_space - value_w,
             y + line * (BAR_HEIGHT - 1) / 2, fg);
}

static void
mp_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MpBarChart *self = MP_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int line = line_height (self);
  double label_width = column_width (self, FALSE);
  double value_space = column_width (self, TRUE);
  double bar_space = MAX (width - label_width - value_space - 2 * GAP, line);
  double y = 0;
  GdkRGBA fg, bar, dim;

  get_colors (self, &fg, &bar);
  dim = fg;
  dim.alpha = 0.7;
  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) title = make_layout (self, self->title, TRUE);
      pango_layout_set_width (title, width * PANGO_SCALE);
      pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
      draw_text (snapshot, title, 0, 0, &fg);
    }
  y = line * 1.2;
  if (self->unit != NULL)
    {
      g_autoptr(PangoLayout) unit = make_layout (self, self->unit, FALSE);
      pango_layout_set_width (unit, width * PANGO_SCALE);
      pango_layout_set_ellipsize (unit, PANGO_ELLIPSIZE_END);
      draw_text (snapshot, unit, 0, y, &dim);
      y += line * 1.2;
    }
  y += line * 0.4;
  for (guint i = 0; i < self->bars->len; i++)
    {
      draw_bar (self, snapshot, i, y, label_width, bar_space, value_space, line, &fg, &bar);
      y += line * (BAR_HEIGHT + ROW_SPACING);
    }
  if (self->caption != NULL)
    {
      g_autoptr(PangoLayout) caption = make_layout (self, self->caption, FALSE);
      pango_layout_set_width (caption, width * PANGO_SCALE);
      pango_layout_set_wrap (caption, PANGO_WRAP_WORD_CHAR);
      draw_text (snapshot, caption, 0, y, &dim);
    }
}

static void
mp_bar_chart_finalize (GObject *object)
{
  MpBarChart *self = MP_BAR_CHART (object);

  g_free (self->title);
  g_free (self->caption);
  g_free (self->unit);
  g_array_unref (self->bars);
  G_OBJECT_CLASS (mp_bar_chart_parent_class)->finalize (object);
}

static void
mp_bar_chart_class_init (MpBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mp_bar_chart_finalize;
  widget_class->measure = mp_bar_chart_measure;
  widget_class->snapshot = mp_bar_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "mpbarchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chart_bar_clear (MpChartBar *bar)
{
  g_free (bar->label);
}

static void
mp_bar_chart_init (MpBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (MpChartBar));
  g_array_set_clear_func (self->bars, (GDestroyNotify) chart_bar_clear);
}

GtkWidget *
mp_bar_chart_new (const MpChart *chart)
{
  MpBarChart *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (chart != NULL && chart->error == NULL, NULL);

  self = g_object_new (MP_TYPE_BAR_CHART, NULL);
  self->title = g_strdup (chart->title);
  self->caption = g_strdup (chart->caption);
  self->unit = g_strdup (chart->unit);
  self->max = chart->max;
  for (guint i = 0; i < chart->bars->len; i++)
    {
      MpChartBar bar = g_array_index (chart->bars, MpChartBar, i);

      bar.label = g_strdup (bar.label);
      g_array_append_val (self->bars, bar);
    }
  description = mp_bar_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  return GTK_WIDGET (self);
}

guint
mp_bar_chart_get_n_bars (MpBarChart *self)
{
  g_return_val_if_fail (MP_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

const char *
mp_bar_chart_get_label (MpBarChart *self,
                        guint       index)
{
  g_return_val_if_fail (MP_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->bars->len, NULL);
  return g_array_index (self->bars, MpChartBar, index).label;
}

double
mp_bar_chart_get_value (MpBarChart *self,
                        guint       index)
{
  g_return_val_if_fail (MP_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (index < self->bars->len, 0);
  return g_array_index (self->bars, MpChartBar, index).value;
}

char *
mp_bar_chart_describe (MpBarChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_BAR_CHART (self), NULL);

  /* Translators: start of a bar chart's description for screen readers */
  g_string_append_printf (text, _("Bar chart: %s"), self->title != NULL ? self->title : "");
  if (self->unit != NULL)
    g_string_append_printf (text, " (%s)", self->unit);
  g_string_append (text, ". ");
  for (guint i = 0; i < self->bars->len; i++)
    {
      const MpChartBar *bar = &g_array_index (self->bars, MpChartBar, i);
      g_autofree char *value = format_value (self, bar->value);

      /* Translators: one bar of a chart for screen readers: "LABEL: VALUE" */
      g_string_append_printf (text, _("%s: %s"), bar->label, value);
      g_string_append (text, i + 1 < self->bars->len ? "; " : ".");
    }
  return g_string_free (text, FALSE);
}
