/* mp-value-chart.c: score against out-of-pocket cost, one point a program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-value-chart.h"

#include <glib/gi18n.h>

#include "mp-value-paint.h"

#define HIT_RADIUS 10.0

struct _MpValueChart
{
  GtkWidget        parent_instance;

  MpPlanner       *planner;
  MpCircumstances  circumstances;
  MpValuePlot     *plot;            /* NULL when stale */
  int              focused;         /* store position of the focused point, or -1 */
  char            *focused_text;
};

enum {
  PROP_0,
  PROP_FOCUSED_TEXT,
  N_PROPS
};

enum {
  PROGRAM_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpValueChart, mp_value_chart, GTK_TYPE_WIDGET)

MpValuePlot *
mp_value_chart_get_plot (MpValueChart *self)
{
  g_return_val_if_fail (MP_IS_VALUE_CHART (self), NULL);

  if (self->plot == NULL && self->planner != NULL)
    self->plot = mp_value_plot_new_from_scorer (mp_planner_get_scorer (self->planner),
                                                &self->circumstances);
  return self->plot;
}

static const char *
program_name (MpValueChart *self,
              guint         program)
{
  return mp_program_get_name (mp_program_store_peek (mp_planner_get_store (self->planner),
                                                     program));
}

/* The description of the point of store position @program, or NULL. */
static char *
describe_program (MpValueChart *self,
                  int           program)
{
  MpValuePlot *plot = mp_value_chart_get_plot (self);
  int i = program >= 0 && plot != NULL ? mp_value_plot_find_program (plot, program) : -1;

  if (i < 0)
    return NULL;
  return mp_value_plot_describe_point (plot, i, program_name (self, program));
}

static void
update_accessible (MpValueChart *self)
{
  MpValuePlot *plot = mp_value_chart_get_plot (self);
  guint n = plot != NULL ? mp_value_plot_get_n_points (plot) : 0;
  guint frontier = plot != NULL ? mp_value_plot_get_n_frontier (plot) : 0;
  g_autofree char *label = NULL;

  /* Translators: the value chart's name for screen readers; the focused
   * point's description follows it */
  label = g_strdup_printf (ngettext ("Value for money: %u program, %u of them best value",
                                     "Value for money: %u programs, %u of them best value", n),
                           n, frontier);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->focused_text != NULL ? self->focused_text : "",
                                  -1);
}

static void
set_focused (MpValueChart *self,
             int           program)
{
  g_autofree char *text = describe_program (self, program);

  if (text == NULL)
    program = -1;
  self->focused = program;
  if (g_strcmp0 (text, self->focused_text) != 0)
    {
      g_free (self->focused_text);
      self->focused_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_TEXT]);
    }
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
choose (MpValueChart *self,
        int           program)
{
  if (program < 0 || self->planner == NULL)
    return;
  mp_planner_select_index (self->planner, program);
  g_signal_emit (self, signals[PROGRAM_CHOSEN], 0);
}

gboolean
mp_value_chart_choose_focused (MpValueChart *self)
{
  g_return_val_if_fail (MP_IS_VALUE_CHART (self), FALSE);

  if (self->focused < 0)
    return FALSE;
  choose (self, self->focused);
  return TRUE;
}

/* ---- drawing ----------------------------------------------------------- */

static void
to_color (const GdkRGBA *rgba,
          double         alpha,
          MpValueColor  *color)
{
  *color = (MpValueColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

/* Theme colours: the text colour for lines, the accent for master's and
 * the selection; an orange that reads on light and dark for alternatives. */
static void
theme_style (MpValueChart *self,
             MpValueStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_context_get_font_description (
    gtk_widget_get_pango_context (GTK_WIDGET (self)));
  GdkRGBA fg, accent;
  gboolean dark;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1 };
  dark = fg.red + fg.green + fg.blue > 1.5;
  to_color (&fg, 1, &style->text);
  to_color (&fg, 0.14, &style->grid);
  to_color (&fg, 0.07, &style->band);
  to_color (&fg, 0.85, &style->frontier);
  to_color (&accent, 1, &style->master);
  style->alternative = dark ? (MpValueColor) { 1.0, 0.64, 0.28, 1 }
                            : (MpValueColor) { 0.78, 0.33, 0.0, 1 };
  to_color (&fg, 1, &style->highlight);
  style->font_size = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    style->font_size *= 96.0 / 72.0;
  style->font_size *= 0.85;
  style->font_family = pango_font_description_get_family (font);
}

static int
selected_point (MpValueChart *self,
                MpValuePlot  *plot)
{
  int index = mp_planner_get_selected_index (self->planner);

  return index >= 0 ? mp_value_plot_find_program (plot, index) : -1;
}

static void
mp_value_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  MpValueChart *self = MP_VALUE_CHART (widget);
  MpValuePlot *plot = mp_value_chart_get_plot (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  MpValueStyle style;
  cairo_t *cr;

  if (plot == NULL || width <= 0 || height <= 0)
    return;
  theme_style (self, &style);
  style.selected = selected_point (self, plot);
  style.focused = gtk_widget_has_focus (widget) && self->focused >= 0
                    ? mp_value_plot_find_program (plot, self->focused) : -1;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mp_value_paint (plot, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
mp_value_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 260 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 520 : 320;
}

/* ---- pointer and keys -------------------------------------------------- */

static double
font_size (MpValueChart *self)
{
  MpValueStyle style;

  theme_style (self, &style);
  return style.font_size;
}

/* The store position of the program under (@x, @y), or -1. */
static int
program_at (MpValueChart *self,
            double        x,
            double        y)
{
  MpValuePlot *plot = mp_value_chart_get_plot (self);
  MpValueRect area;
  int i;

  if (plot == NULL)
    return -1;
  mp_value_plot_get_area (gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)), font_size (self), &area);
  i = mp_value_plot_hit (plot, &area, x, y, HIT_RADIUS);
  return i >= 0 ? (int) mp_value_plot_get_point (plot, i)->program : -1;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  MpValueChart *self = MP_VALUE_CHART (widget);
  g_autofree char *text = describe_program (self, keyboard ? self->focused
                                                           : program_at (self, x, y));

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            MpValueChart    *self)
{
  int program = program_at (self, x, y);

  if (program < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  set_focused (self, program);
  choose (self, program);
}

static void
step_focus (MpValueChart *self,
            int           delta,
            gboolean      to_end)
{
  MpValuePlot *plot = mp_value_chart_get_plot (self);
  int current = self->focused >= 0 ? mp_value_plot_find_program (plot, self->focused) : -1;
  int next;

  if (to_end)
    current = -1;
  next = mp_value_plot_step (plot, current, current < 0 ? (delta > 0 ? 0 : -1) : delta);
  if (next >= 0)
    set_focused (self, mp_value_plot_get_point (plot, next)->program);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MpValueChart          *self)
{
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step_focus (self, 1, FALSE);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step_focus (self, -1, FALSE);
      return TRUE;
    case GDK_KEY_Home:
      step_focus (self, 1, TRUE);
      return TRUE;
    case GDK_KEY_End:
      step_focus (self, -1, TRUE);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      return mp_value_chart_choose_focused (self);
    default:
      return FALSE;
    }
}

/* Tabbing in starts at the selected program, else at the cheapest. */
static void
on_focus_enter (MpValueChart *self)
{
  int selected = self->planner != NULL ? mp_planner_get_selected_index (self->planner) : -1;

  if (self->focused < 0 && selected >= 0)
    set_focused (self, selected);
  if (self->focused < 0)
    step_focus (self, 1, TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- the planner ------------------------------------------------------- */

/* Plotting costs a sort of the ranked programs: a hidden chart waits
 * until it is shown. */
static void
replot (MpValueChart *self)
{
  g_clear_pointer (&self->plot, mp_value_plot_free);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  /* The focused program may have moved, changed score or left. */
  set_focused (self, self->focused);
}

static void
mp_value_chart_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mp_value_chart_parent_class)->map (widget);
  replot (MP_VALUE_CHART (widget));
}

void
mp_value_chart_set_planner (MpValueChart *self,
                            MpPlanner    *planner)
{
  g_return_if_fail (MP_IS_VALUE_CHART (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  g_signal_connect_object (mp_planner_get_scorer (planner), "ranked", G_CALLBACK (replot), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (planner, "notify::selected", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  replot (self);
}

void
mp_value_chart_set_circumstances (MpValueChart          *self,
                                  const MpCircumstances *circumstances)
{
  g_return_if_fail (MP_IS_VALUE_CHART (self));
  g_return_if_fail (circumstances != NULL);

  self->circumstances = *circumstances;
  replot (self);
}

int
mp_value_chart_get_focused_program (MpValueChart *self)
{
  g_return_val_if_fail (MP_IS_VALUE_CHART (self), -1);
  return self->focused;
}

const char *
mp_value_chart_get_focused_text (MpValueChart *self)
{
  g_return_val_if_fail (MP_IS_VALUE_CHART (self), NULL);
  return self->focused_text;
}

/* ---- the object -------------------------------------------------------- */

static void
mp_value_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MpValueChart *self = MP_VALUE_CHART (object);

  switch (prop_id)
    {
    case PROP_FOCUSED_TEXT:
      g_value_set_string (value, self->focused_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_value_chart_dispose (GObject *object)
{
  MpValueChart *self = MP_VALUE_CHART (object);

  if (self->planner != NULL)
    {
      g_signal_handlers_disconnect_by_data (mp_planner_get_scorer (self->planner), self);
      g_signal_handlers_disconnect_by_data (self->planner, self);
    }
  g_clear_object (&self->planner);
  G_OBJECT_CLASS (mp_value_chart_parent_class)->dispose (object);
}

static void
mp_value_chart_finalize (GObject *object)
{
  MpValueChart *self = MP_VALUE_CHART (object);

  g_clear_pointer (&self->plot, mp_value_plot_free);
  g_free (self->focused_text);
  G_OBJECT_CLASS (mp_value_chart_parent_class)->finalize (object);
}

static void
mp_value_chart_class_init (MpValueChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = mp_value_chart_get_property;
  object_class->dispose = mp_value_chart_dispose;
  object_class->finalize = mp_value_chart_finalize;
  widget_class->snapshot = mp_value_chart_snapshot;
  widget_class->measure = mp_value_chart_measure;
  widget_class->query_tooltip = on_query_tooltip;
  widget_class->map = mp_value_chart_map;

  properties[PROP_FOCUSED_TEXT] =
    g_param_spec_string ("focused-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[PROGRAM_CHOSEN] =
    g_signal_new ("program-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "valuechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mp_value_chart_init (MpValueChart *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->focused = -1;
  mp_circumstances_init (&self->circumstances);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  update_accessible (self);
}

GtkWidget *
mp_value_chart_new (void)
{
  return g_object_new (MP_TYPE_VALUE_CHART, NULL);
}
