/* mp-sensitivity-bar.c: a thin 0–100 bar showing where the top pick holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-sensitivity-bar.h"

#include "mp-panel-common.h"

#define BAR_HEIGHT 6
#define MARK_WIDTH 2

struct _MpSensitivityBar
{
  GtkWidget   parent_instance;
  MpCriterion criterion;
  gboolean    has_range;
  double      low;
  double      high;
  double      value;
};

G_DEFINE_FINAL_TYPE (MpSensitivityBar, mp_sensitivity_bar, GTK_TYPE_WIDGET)

static void
mp_sensitivity_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 40;
  else
    *minimum = *natural = BAR_HEIGHT + 4;
}

static void
append_box (GtkSnapshot   *snapshot,
            float          x,
            float          y,
            float          width,
            float          height,
            const GdkRGBA *color)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x, y, width, height), height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &rect);
  gtk_snapshot_append_color (snapshot, color, &rect.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
mp_sensitivity_bar_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  MpSensitivityBar *self = MP_SENSITIVITY_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float y = (gtk_widget_get_height (widget) - BAR_HEIGHT) / 2.0f;
  float mark;
  GdkRGBA fg, trough, band;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  trough = fg;
  trough.alpha *= 0.15f;
  append_box (snapshot, 0, y, width, BAR_HEIGHT, &trough);
  if (!self->has_range)
    return;

  mp_panel_criterion_color (self->criterion, &band);
  append_box (snapshot, width * self->low / 100.0f, y,
              MAX (BAR_HEIGHT, width * (self->high - self->low) / 100.0f), BAR_HEIGHT, &band);
  mark = CLAMP (width * self->value / 100.0f - MARK_WIDTH / 2.0f, 0, width - MARK_WIDTH);
  gtk_snapshot_append_color (snapshot, &fg,
                             &GRAPHENE_RECT_INIT (mark, 0, MARK_WIDTH, gtk_widget_get_height (widget)));
}

static void
mp_sensitivity_bar_class_init (MpSensitivityBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = mp_sensitivity_bar_measure;
  widget_class->snapshot = mp_sensitivity_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "sensitivitybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
mp_sensitivity_bar_init (MpSensitivityBar *self)
{
}

GtkWidget *
mp_sensitivity_bar_new (MpCriterion criterion)
{
  MpSensitivityBar *self = g_object_new (MP_TYPE_SENSITIVITY_BAR, NULL);

  self->criterion = criterion;
  return GTK_WIDGET (self);
}

void
mp_sensitivity_bar_set_range (MpSensitivityBar *self,
                              double            low,
                              double            high,
                              double            value)
{
  g_return_if_fail (MP_IS_SENSITIVITY_BAR (self));

  low = CLAMP (low, 0, 100);
  high = CLAMP (high, low, 100);
  if (self->has_range && self->low == low && self->high == high && self->value == value)
    return;
  self->has_range = TRUE;
  self->low = low;
  self->high = high;
  self->value = CLAMP (value, 0, 100);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mp_sensitivity_bar_clear (MpSensitivityBar *self)
{
  g_return_if_fail (MP_IS_SENSITIVITY_BAR (self));

  if (!self->has_range)
    return;
  self->has_range = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mp_sensitivity_bar_get_range (MpSensitivityBar *self,
                              double           *low,
                              double           *high)
{
  g_return_val_if_fail (MP_IS_SENSITIVITY_BAR (self), FALSE);

  if (low != NULL)
    *low = self->low;
  if (high != NULL)
    *high = self->high;
  return self->has_range;
}
