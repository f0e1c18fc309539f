/* mp-confidence-mark.c: a ranking row's small mark of how often its
 * program comes first and in the top three, read out as words
 *
 * Drawn as a short bar: the share in the top three pale, the share first
 * solid over it, and the share first as a number beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-confidence-mark.h"

#define BAR_WIDTH  28
#define BAR_HEIGHT 5
#define GAP        4

struct _MpConfidenceMark
{
  GtkWidget           parent_instance;

  MpConfidenceRunner *runner;
  gulong              result_handler;
  guint               program;
  gboolean            stale;
  double              p_first;
  double              p_top3;
  char               *description;
  PangoLayout        *layout;
  PangoLayout        *widest;
};

G_DEFINE_FINAL_TYPE (MpConfidenceMark, mp_confidence_mark, GTK_TYPE_WIDGET)

static void
set_shares (MpConfidenceMark *self,
            double            p_first,
            double            p_top3,
            char             *description)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), description != NULL);
  if (g_strcmp0 (description, self->description) == 0)
    {
      g_free (description);
      return;
    }
  g_free (self->description);
  self->description = description;
  self->p_first = p_first;
  self->p_top3 = p_top3;
  text = g_strdup_printf ("%.0f %%", 100 * p_first);
  pango_layout_set_text (self->layout, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description != NULL ? description : "", -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
refresh (MpConfidenceMark *self)
{
  MpConfidenceResult *result = self->runner != NULL ? mp_confidence_runner_get_result (self->runner)
                                                    : NULL;
  int slot = result != NULL ? mp_confidence_result_find_slot (result, self->program) : -1;

  self->stale = FALSE;
  if (slot < 0)
    {
      set_shares (self, 0, 0, NULL);
      return;
    }
  set_shares (self, mp_confidence_result_get_p_first (result, slot),
              mp_confidence_result_get_p_top3 (result, slot),
              mp_confidence_result_describe_row (result, slot));
}

/* Rows out of view catch up when mapped, as the row itself does. */
static void
on_result (MpConfidenceMark *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
mp_confidence_mark_map (GtkWidget *widget)
{
  MpConfidenceMark *self = MP_CONFIDENCE_MARK (widget);

  if (self->stale)
    refresh (self);
  GTK_WIDGET_CLASS (mp_confidence_mark_parent_class)->map (widget);
}

static void
mp_confidence_mark_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  MpConfidenceMark *self = MP_CONFIDENCE_MARK (widget);
  int width, height;

  /* As wide as the widest share, so that every row's columns line up. */
  pango_layout_set_text (self->widest, "100 %", -1);
  pango_layout_get_pixel_size (self->widest, &width, &height);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = BAR_WIDTH + GAP + width;
  else
    *minimum = *natural = MAX (height, BAR_HEIGHT);
}

static void
mp_confidence_mark_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  MpConfidenceMark *self = MP_CONFIDENCE_MARK (widget);
  float y = (gtk_widget_get_height (widget) - BAR_HEIGHT) / 2.0f;
  int text_width, text_height;
  GdkRGBA color, pale;
  GskRoundedRect clip;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  pale = color;
  pale.alpha *= 0.12f;
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, y, BAR_WIDTH, BAR_HEIGHT),
                                   BAR_HEIGHT / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, &pale, &clip.bounds);
  pale.alpha = color.alpha * 0.35f;
  gtk_snapshot_append_color (snapshot, &pale,
                             &GRAPHENE_RECT_INIT (0, y, BAR_WIDTH * self->p_top3, BAR_HEIGHT));
  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, y, BAR_WIDTH * self->p_first, BAR_HEIGHT));
  gtk_snapshot_pop (snapshot);
  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) - text_width,
                                                (gtk_widget_get_height (widget) - text_height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
mp_confidence_mark_dispose (GObject *object)
{
  mp_confidence_mark_set_runner (MP_CONFIDENCE_MARK (object), NULL);
  G_OBJECT_CLASS (mp_confidence_mark_parent_class)->dispose (object);
}

static void
mp_confidence_mark_finalize (GObject *object)
{
  MpConfidenceMark *self = MP_CONFIDENCE_MARK (object);

  g_free (self->description);
  g_clear_object (&self->layout);
  g_clear_object (&self->widest);
  G_OBJECT_CLASS (mp_confidence_mark_parent_class)->finalize (object);
}

static void
mp_confidence_mark_class_init (MpConfidenceMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_confidence_mark_dispose;
  object_class->finalize = mp_confidence_mark_finalize;
  widget_class->map = mp_confidence_mark_map;
  widget_class->measure = mp_confidence_mark_measure;
  widget_class->snapshot = mp_confidence_mark_snapshot;
  gtk_widget_class_set_css_name (widget_class, "confidencemark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp_confidence_mark_init (MpConfidenceMark *self)
{
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  self->widest = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
mp_confidence_mark_new (void)
{
  return g_object_new (MP_TYPE_CONFIDENCE_MARK, NULL);
}

void
mp_confidence_mark_set_runner (MpConfidenceMark   *self,
                               MpConfidenceRunner *runner)
{
  g_return_if_fail (MP_IS_CONFIDENCE_MARK (self));
  g_return_if_fail (runner == NULL || MP_IS_CONFIDENCE_RUNNER (runner));

  if (self->runner == runner)
    return;
  if (self->runner != NULL)
    g_clear_signal_handler (&self->result_handler, self->runner);
  g_set_object (&self->runner, runner);
  if (runner != NULL)
    self->result_handler = g_signal_connect_swapped (runner, "notify::result",
                                                     G_CALLBACK (on_result), self);
  refresh (self);
}

void
mp_confidence_mark_set_program (MpConfidenceMark *self,
                                guint             program)
{
  g_return_if_fail (MP_IS_CONFIDENCE_MARK (self));

  self->program = program;
  refresh (self);
}

const char *
mp_confidence_mark_get_description (MpConfidenceMark *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_MARK (self), NULL);
  return self->description;
}
