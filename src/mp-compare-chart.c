/* mp-compare-chart.c: up to three programs side by side, a small bar chart per criterion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-compare-chart.h"

#include <glib/gi18n.h>

#include "mp-panel-common.h"

#define LABEL_WIDTH 130
#define VALUE_WIDTH 40
#define BAR_HEIGHT  9
#define BAR_GAP     3
#define GROUP_GAP   12
#define N_GROUPS    (MP_N_CRITERIA + 1)  /* the criteria, then the score */

typedef struct {
  char   *name;
  double  values[N_GROUPS];
} Entry;

struct _MpCompareChart
{
  GtkWidget  parent_instance;
  Entry      entries[MP_PANEL_MAX_COMPARED];
  guint      n_entries;
  char      *summary;
};

G_DEFINE_FINAL_TYPE (MpCompareChart, mp_compare_chart, GTK_TYPE_WIDGET)

static const char *
group_label (guint group)
{
  return group < MP_N_CRITERIA ? mp_criterion_get_label (group) : _("Score");
}

static double
group_max (guint group)
{
  return group < MP_N_CRITERIA ? 10 : 100;
}

static int
group_height (MpCompareChart *self)
{
  return MAX (1, self->n_entries) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
}

static void
mp_compare_chart_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  MpCompareChart *self = MP_COMPARE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + VALUE_WIDTH + 60;
      *natural = LABEL_WIDTH + VALUE_WIDTH + 240;
    }
  else
    *minimum = *natural = N_GROUPS * group_height (self);
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  pango_layout_set_text (layout, text, -1);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_group (MpCompareChart *self,
            GtkSnapshot    *snapshot,
            PangoLayout    *layout,
            guint           group,
            float           y,
            const GdkRGBA  *fg)
{
  float bar_width = gtk_widget_get_width (GTK_WIDGET (self)) - LABEL_WIDTH - VALUE_WIDTH;
  GdkRGBA trough = *fg;

  trough.alpha *= 0.08f;
  pango_layout_set_width (layout, (LABEL_WIDTH - 8) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  draw_text (snapshot, layout, group_label (group), 0, y - 2, fg);
  pango_layout_set_width (layout, -1);
  for (guint i = 0; i < self->n_entries; i++)
    {
      double value = self->entries[i].values[group];
      float bar_y = y + i * (BAR_HEIGHT + BAR_GAP);
      g_autofree char *text = NULL;
      GdkRGBA color;

      mp_panel_compare_color (i, &color);
      gtk_snapshot_append_color (snapshot, &trough,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, bar_y, bar_width, BAR_HEIGHT));
      if (value < 0)
        continue;
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, bar_y,
                                                      bar_width * value / group_max (group),
                                                      BAR_HEIGHT));
      text = g_strdup_printf (group < MP_N_CRITERIA ? "%.3g" : "%.1f", value);
      draw_text (snapshot, layout, text, LABEL_WIDTH + bar_width + 6, bar_y - 4, fg);
    }
}

static void
mp_compare_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  MpCompareChart *self = MP_COMPARE_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA fg;

  if (self->n_entries == 0)
    return;
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  for (guint g = 0; g < N_GROUPS; g++)
    draw_group (self, snapshot, layout, g, g * group_height (self) + 2, &fg);
}

static void
clear_entries (MpCompareChart *self)
{
  for (guint i = 0; i < self->n_entries; i++)
    g_clear_pointer (&self->entries[i].name, g_free);
  self->n_entries = 0;
}

static void
mp_compare_chart_finalize (GObject *object)
{
  MpCompareChart *self = MP_COMPARE_CHART (object);

  clear_entries (self);
  g_free (self->summary);
  G_OBJECT_CLASS (mp_compare_chart_parent_class)->finalize (object);
}

static void
mp_compare_chart_class_init (MpCompareChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = mp_compare_chart_finalize;
  widget_class->measure = mp_compare_chart_measure;
  widget_class->snapshot = mp_compare_chart_snapshot;
  gtk_widget_class_set_css_name (widget_class, "comparechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp_compare_chart_init (MpCompareChart *self)
{
}

GtkWidget *
mp_compare_chart_new (void)
{
  return g_object_new (MP_TYPE_COMPARE_CHART, NULL);
}

static void
update_summary (MpCompareChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint g = 0; g < N_GROUPS; g++)
    {
      g_string_append_printf (text, "%s%s:", g > 0 ? "; " : "", group_label (g));
      for (guint i = 0; i < self->n_entries; i++)
        g_string_append_printf (text, "%s %s %.3g", i > 0 ? "," : "",
                                self->entries[i].name, self->entries[i].values[g]);
    }
  g_free (self->summary);
  self->summary = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
}

void
mp_compare_chart_set_entries (MpCompareChart       *self,
                              const MpCompareEntry *entries,
                              guint                 n_entries)
{
  g_return_if_fail (MP_IS_COMPARE_CHART (self));
  g_return_if_fail (n_entries <= MP_PANEL_MAX_COMPARED);

  if (n_entries != self->n_entries)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  clear_entries (self);
  for (guint i = 0; i < n_entries; i++)
    {
      self->entries[i].name = g_strdup (entries[i].name);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        self->entries[i].values[c] = entries[i].ratings[c];
      self->entries[i].values[MP_N_CRITERIA] = entries[i].score;
    }
  self->n_entries = n_entries;
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
mp_compare_chart_get_n_entries (MpCompareChart *self)
{
  g_return_val_if_fail (MP_IS_COMPARE_CHART (self), 0);
  return self->n_entries;
}

const char *
mp_compare_chart_get_summary (MpCompareChart *self)
{
  g_return_val_if_fail (MP_IS_COMPARE_CHART (self), NULL);
  return self->summary;
}
