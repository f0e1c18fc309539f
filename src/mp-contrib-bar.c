/* mp-contrib-bar.c: a score as a bar split into per-criterion contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-contrib-bar.h"

#include <string.h>

#include "mp-panel-common.h"

#define BAR_HEIGHT 6

struct _MpContribBar
{
  GtkWidget parent_instance;
  double    contributions[MP_N_CRITERIA];
};

G_DEFINE_FINAL_TYPE (MpContribBar, mp_contrib_bar, GTK_TYPE_WIDGET)

static void
mp_contrib_bar_measure (GtkWidget      *widget,
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
    *minimum = *natural = BAR_HEIGHT;
}

static void
mp_contrib_bar_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MpContribBar *self = MP_CONTRIB_BAR (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  GskRoundedRect clip;
  GdkRGBA trough;
  float x = 0;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &trough);
  trough.alpha *= 0.12f;
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &trough, &clip.bounds);
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    {
      float w = width * CLAMP (self->contributions[i], 0, 100) / 100.0f;
      GdkRGBA color;

      if (w <= 0)
        continue;
      mp_panel_criterion_color (i, &color);
      /* A hairline gap keeps neighbouring segments apart on any background. */
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, 0, MAX (w - 1, 1), height));
      x += w;
    }
  gtk_snapshot_pop (snapshot);
}

static void
mp_contrib_bar_class_init (MpContribBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = mp_contrib_bar_measure;
  widget_class->snapshot = mp_contrib_bar_snapshot;
  gtk_widget_class_set_css_name (widget_class, "contribbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
mp_contrib_bar_init (MpContribBar *self)
{
}

GtkWidget *
mp_contrib_bar_new (void)
{
  return g_object_new (MP_TYPE_CONTRIB_BAR, NULL);
}

void
mp_contrib_bar_set_contributions (MpContribBar *self,
                                  const double  contributions[MP_N_CRITERIA])
{
  g_return_if_fail (MP_IS_CONTRIB_BAR (self));

  if (memcmp (self->contributions, contributions, sizeof self->contributions) == 0)
    return;
  memcpy (self->contributions, contributions, sizeof self->contributions);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
