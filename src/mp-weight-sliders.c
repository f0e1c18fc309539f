/* mp-weight-sliders.c: one slider per criterion, with its sensitivity band
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-weight-sliders.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-panel-common.h"
#include "mp-sensitivity-bar.h"

struct _MpWeightSliders
{
  GtkWidget          parent_instance;

  /* template */
  GtkScrolledWindow *sliders_scroller;
  GtkBox            *criteria_box;

  MpPlanner         *planner;
  GtkRange          *scales[MP_N_CRITERIA];
  MpSensitivityBar  *sensitivity_bars[MP_N_CRITERIA];
  GtkLabel          *sensitivity_labels[MP_N_CRITERIA];
  GdkFrameClock     *sensitivity_clock;
  gulong             sensitivity_handler;
};

G_DEFINE_FINAL_TYPE (MpWeightSliders, mp_weight_sliders, GTK_TYPE_WIDGET)

/* ---- program indices --------------------------------------------------- */

static MpProgram *
store_item (MpWeightSliders *self,
            int             index)
{
  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (mp_planner_get_store (self->planner))))
    return NULL;
  return mp_program_store_peek (mp_planner_get_store (self->planner), index);
}

static char *
program_name (MpWeightSliders *self,
              int             index)
{
  MpProgram *program = store_item (self, index);

  return g_strdup (program != NULL ? mp_program_get_name (program) : "");
}

/* ---- weights ----------------------------------------------------------- */

static void
on_article_clicked (MpWeightSliders *self)
{
  MpWeights weights;

  mp_weights_init_article (&weights);
  mp_planner_set_weights (self->planner, &weights);
}

static void
on_equal_clicked (MpWeightSliders *self)
{
  MpWeights weights;

  mp_weights_init_equal (&weights);
  mp_planner_set_weights (self->planner, &weights);
}

/* ---- sliders --------------------------------------------------------- */

/* The wheel over a slider scrolls the sliders' column, never the value. */
static gboolean
on_scale_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 MpWeightSliders           *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->sliders_scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double step = dy;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step *= pow (page, 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return GDK_EVENT_STOP;
}

static void
on_scale_value_shown (GtkRange *scale,
                      GtkLabel *value_label)
{
  g_autofree char *text = g_strdup_printf ("%.0f", gtk_range_get_value (scale));

  gtk_label_set_label (value_label, text);
}

/* While a pointer holds a slider, the arrows show the movement since the
 * drag began rather than since the last one-unit step. */
static gboolean
on_scale_event (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                MpWeightSliders           *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      mp_scorer_hold_previous (mp_planner_get_scorer (self->planner), TRUE);
      break;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      mp_scorer_hold_previous (mp_planner_get_scorer (self->planner), FALSE);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* The swatch doubles as the legend of the contribution bars' colours. */
static GtkWidget *
build_slider_header (MpCriterion  criterion,
                     GtkRange    *scale)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (mp_criterion_get_label (criterion));
  GtkWidget *value = gtk_label_new (NULL);
  GdkRGBA color;

  mp_panel_criterion_color (criterion, &color);
  gtk_box_append (GTK_BOX (box), mp_panel_swatch_new (&color));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "weight-value");
  gtk_box_append (GTK_BOX (box), value);
  g_signal_connect_object (scale, "value-changed", G_CALLBACK (on_scale_value_shown), value, 0);
  on_scale_value_shown (scale, GTK_LABEL (value));
  return box;
}

static GtkRange *
build_scale (MpWeightSliders *self,
             MpCriterion     criterion)
{
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 1);
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *legacy = gtk_event_controller_legacy_new ();
  /* Translators: the accessible name of a slider, e.g. "Faculty quality weight" */
  g_autofree char *name = g_strdup_printf (_("%s weight"), mp_criterion_get_label (criterion));

  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_range_set_increments (GTK_RANGE (scale), 1, 10);
  gtk_scale_set_digits (GTK_SCALE (scale), 0);
  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scale_scroll), self);
  gtk_widget_add_controller (scale, scroll);
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_scale_event), self);
  gtk_widget_add_controller (scale, legacy);
  /* The slider edits the planner's weight and shows it back. */
  g_object_bind_property (self->planner, mp_planner_weight_property (criterion),
                          gtk_range_get_adjustment (GTK_RANGE (scale)), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return GTK_RANGE (scale);
}

/* The sentence under a slider shows only while that slider is in use
 * (focused or dragged): five at once would push the presets below the fold
 * of a 720 px screen. It is the slider's tooltip and description too. */
static void
on_slider_focus_enter (GtkEventControllerFocus *focus,
                       GtkWidget               *label)
{
  gtk_widget_set_visible (label, gtk_label_get_label (GTK_LABEL (label))[0] != '\0');
}

static void
on_slider_focus_leave (GtkEventControllerFocus *focus,
                       GtkWidget               *label)
{
  gtk_widget_set_visible (label, FALSE);
}

static void
show_sentence_in_use (GtkRange  *scale,
                      GtkWidget *label)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_set_visible (label, FALSE);
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_slider_focus_enter), label, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_slider_focus_leave), label, 0);
  gtk_widget_add_controller (GTK_WIDGET (scale), focus);
}

static void
build_sliders (MpWeightSliders *self)
{
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = gtk_label_new (NULL);

      self->scales[c] = build_scale (self, c);
      self->sensitivity_bars[c] = MP_SENSITIVITY_BAR (mp_sensitivity_bar_new (c));
      self->sensitivity_labels[c] = GTK_LABEL (label);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), build_slider_header (c, self->scales[c]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scales[c]));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sensitivity_bars[c]));
      gtk_box_append (GTK_BOX (box), label);
      show_sentence_in_use (self->scales[c], label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->scales[c]),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                      -1);
      gtk_box_append (self->criteria_box, box);
    }
}

/* ---- sensitivity ------------------------------------------------------- */

static char *
describe_sensitivity (MpWeightSliders      *self,
                      const MpSensitivity *s)
{
  /* The whole weights the slider can take at which the top pick holds. */
  int low = s->low_open ? (int) floor (s->low) + 1 : (int) ceil (s->low);
  int high = s->high_open ? (int) ceil (s->high) - 1 : (int) floor (s->high);
  g_autofree char *below = s->below >= 0 && low > 0 ? program_name (self, s->below) : NULL;
  g_autofree char *above = s->above >= 0 && high < 100 ? program_name (self, s->above) : NULL;

  if (below != NULL && above != NULL)
    /* Translators: the range of a weight over which the top program stays on top */
    return g_strdup_printf (_("Top pick holds from %d to %d; below, %s takes over; above, %s."),
                            low, high, below, above);
  if (below != NULL)
    return g_strdup_printf (_("Top pick holds from %d to 100; below %d %s takes over."),
                            low, low, below);
  if (above != NULL)
    return g_strdup_printf (_("Top pick holds from 0 to %d; above %d %s takes over."),
                            high, high, above);
  return g_strdup (_("Top pick holds across the whole range."));
}

static void
update_sensitivity (MpWeightSliders *self)
{
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    {
      MpSensitivity s;
      g_autofree char *text = NULL;

      if (!mp_scorer_get_sensitivity (mp_planner_get_scorer (self->planner), c, &s))
        {
          mp_sensitivity_bar_clear (self->sensitivity_bars[c]);
          gtk_label_set_label (self->sensitivity_labels[c], "");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->scales[c]), NULL);
          continue;
        }
      mp_sensitivity_bar_set_range (self->sensitivity_bars[c], s.low, s.high,
                                    mp_planner_get_weight (self->planner, c));
      text = describe_sensitivity (self, &s);
      gtk_label_set_label (self->sensitivity_labels[c], text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->scales[c]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->scales[c]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
}

static void
cancel_sensitivity (MpWeightSliders *self)
{
  if (self->sensitivity_clock == NULL)
    return;
  /* A destroyed surface disposes its clock, which drops every handler. */
  if (g_signal_handler_is_connected (self->sensitivity_clock, self->sensitivity_handler))
    g_signal_handler_disconnect (self->sensitivity_clock, self->sensitivity_handler);
  self->sensitivity_handler = 0;
  g_clear_object (&self->sensitivity_clock);
}

static void
on_after_paint_sensitivity (MpWeightSliders *self)
{
  cancel_sensitivity (self);
  update_sensitivity (self);
}

/* The bands cost a few milliseconds with many programs: while a slider
 * moves they follow right after the frame that shows the new order, so
 * they never delay it. */
static void
queue_sensitivity (MpWeightSliders *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      update_sensitivity (self);
      return;
    }
  if (self->sensitivity_clock != NULL)
    return;
  self->sensitivity_clock = g_object_ref (clock);
  self->sensitivity_handler = g_signal_connect_swapped (clock, "after-paint",
                                                        G_CALLBACK (on_after_paint_sensitivity),
                                                        self);
  gtk_widget_queue_draw (GTK_WIDGET (self->sensitivity_bars[0]));
}

static void
flush_sensitivity (MpWeightSliders *self)
{
  if (self->sensitivity_clock != NULL)
    on_after_paint_sensitivity (self);
}

/* ---- the object -------------------------------------------------------- */

static void
mp_weight_sliders_unmap (GtkWidget *widget)
{
  MpWeightSliders *self = MP_WEIGHT_SLIDERS (widget);
  gboolean pending = self->sensitivity_clock != NULL;

  cancel_sensitivity (self);
  GTK_WIDGET_CLASS (mp_weight_sliders_parent_class)->unmap (widget);
  if (pending)
    update_sensitivity (self);
}

static void
mp_weight_sliders_dispose (GObject *object)
{
  MpWeightSliders *self = MP_WEIGHT_SLIDERS (object);

  cancel_sensitivity (self);
  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_data (mp_planner_get_scorer (self->planner), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WEIGHT_SLIDERS);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (mp_weight_sliders_parent_class)->dispose (object);
}

static void
mp_weight_sliders_class_init (MpWeightSlidersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_weight_sliders_dispose;
  widget_class->unmap = mp_weight_sliders_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-weight-sliders.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWeightSliders, sliders_scroller);
  gtk_widget_class_bind_template_child (widget_class, MpWeightSliders, criteria_box);
  gtk_widget_class_bind_template_callback (widget_class, on_article_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_equal_clicked);
}

static void
mp_weight_sliders_init (MpWeightSliders *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API -------------------------------------------------------- */

void
mp_weight_sliders_set_planner (MpWeightSliders *self,
                               MpPlanner       *planner)
{
  g_return_if_fail (MP_IS_WEIGHT_SLIDERS (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  build_sliders (self);
  g_signal_connect_object (mp_planner_get_scorer (planner), "ranked",
                           G_CALLBACK (queue_sensitivity), self, G_CONNECT_SWAPPED);
  queue_sensitivity (self);
}

GtkRange *
mp_weight_sliders_get_slider (MpWeightSliders *self,
                              MpCriterion      criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHT_SLIDERS (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return self->scales[criterion];
}

void
mp_weight_sliders_set_full_height (MpWeightSliders *self,
                                   gboolean         full_height)
{
  g_return_if_fail (MP_IS_WEIGHT_SLIDERS (self));

  gtk_scrolled_window_set_propagate_natural_height (self->sliders_scroller, full_height);
}

const char *
mp_weight_sliders_get_sensitivity_text (MpWeightSliders *self,
                                        MpCriterion      criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHT_SLIDERS (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  flush_sensitivity (self);
  return gtk_label_get_label (self->sensitivity_labels[criterion]);
}
