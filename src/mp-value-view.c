/* mp-value-view.c: the panel's "Value" page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-value-view.h"

#include <glib/gi18n.h>

#include "mp-utils.h"
#include "mp-value-chart.h"

struct _MpValueView
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  MpValueChart *chart;
  GtkLabel     *status;
  GtkLabel     *list_title;
  GtkListBox   *frontier_list;
  MpPlanner    *planner;
};

enum {
  PROGRAM_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpValueView, mp_value_view, GTK_TYPE_WIDGET)

static void
on_focused_text (MpValueView *self)
{
  const char *text = mp_value_chart_get_focused_text (self->chart);

  gtk_label_set_label (self->status, text != NULL
                       ? text
                       : _("Point at a program, or focus the chart and use the arrow keys; "
                           "a click or Enter selects it in the ranking."));
}

static GtkWidget *
frontier_row (MpValueView       *self,
              MpValuePlot       *plot,
              guint              i)
{
  const MpValuePoint *p = mp_value_plot_get_point (plot, i);
  MpProgram *program = mp_program_store_peek (mp_planner_get_store (self->planner), p->program);
  g_autofree char *text = NULL;
  g_autofree char *cost = mp_utils_format_usd (p->cost);
  GtkWidget *label, *row;

  /* Translators: a row of the best-value list: name, score, out-of-pocket cost ("$17,000") */
  text = g_strdup_printf (_("%s — score %.1f, %s"), mp_program_get_name (program),
                          p->score, cost);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "program", GUINT_TO_POINTER (p->program));
  return row;
}

static void
rebuild_list (MpValueView *self)
{
  MpValuePlot *plot = mp_value_chart_get_plot (self->chart);
  guint n = plot != NULL ? mp_value_plot_get_n_frontier (plot) : 0;
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->frontier_list))) != NULL)
    gtk_list_box_remove (self->frontier_list, child);
  for (guint k = 0; k < n; k++)
    gtk_list_box_append (self->frontier_list,
                         frontier_row (self, plot, mp_value_plot_get_frontier (plot, k)));
  /* Translators: the heading of the list of programs on the frontier */
  title = g_strdup_printf (ngettext ("Best value: %u program no other beats on both score and cost",
                                     "Best value: %u programs no other beats on both score and cost",
                                     n), n);
  gtk_label_set_label (self->list_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->frontier_list), n > 0);
}

/* The planner's "circumstances" notifies once for any change of funding,
 * hours or an hour's value: the points move to their new costs. */
static void
on_circumstances (MpValueView *self)
{
  MpCircumstances circumstances;

  mp_planner_get_circumstances (self->planner, &circumstances);
  mp_value_chart_set_circumstances (self->chart, &circumstances);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_list (self);
}

/* The chart re-plots on "ranked" first (it was connected first); the list
 * follows when shown. */
static void
on_ranked (MpValueView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rebuild_list (self);
}

static void
on_row_activated (MpValueView   *self,
                  GtkListBoxRow *row)
{
  guint program = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "program"));

  mp_planner_select_index (self->planner, program);
  g_signal_emit (self, signals[PROGRAM_CHOSEN], 0);
}

static void
on_chart_chosen (MpValueView *self)
{
  g_signal_emit (self, signals[PROGRAM_CHOSEN], 0);
}

static void
mp_value_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (mp_value_view_parent_class)->map (widget);
  on_ranked (MP_VALUE_VIEW (widget));
}

static void
mp_value_view_dispose (GObject *object)
{
  MpValueView *self = MP_VALUE_VIEW (object);

  if (self->planner != NULL)
    {
      g_signal_handlers_disconnect_by_data (mp_planner_get_scorer (self->planner), self);
      g_signal_handlers_disconnect_by_data (self->planner, self);
    }
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->planner);
  G_OBJECT_CLASS (mp_value_view_parent_class)->dispose (object);
}

static void
mp_value_view_class_init (MpValueViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_value_view_dispose;
  widget_class->map = mp_value_view_map;
  signals[PROGRAM_CHOSEN] =
    g_signal_new ("program-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "valueview");
}

static GtkWidget *
new_caption (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
mp_value_view_init (MpValueView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_add_css_class (box, "value");
  self->chart = MP_VALUE_CHART (mp_value_chart_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->chart));
  self->status = GTK_LABEL (new_caption ("value-status"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  self->list_title = GTK_LABEL (new_caption ("heading"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_title));
  self->frontier_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->frontier_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->frontier_list), "frame");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->frontier_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->list_title, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->frontier_list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  g_signal_connect_swapped (self->frontier_list, "row-activated", G_CALLBACK (on_row_activated),
                            self);
  g_signal_connect_swapped (self->chart, "notify::focused-text", G_CALLBACK (on_focused_text),
                            self);
  g_signal_connect_swapped (self->chart, "program-chosen", G_CALLBACK (on_chart_chosen), self);
  on_focused_text (self);
}

GtkWidget *
mp_value_view_new (void)
{
  return g_object_new (MP_TYPE_VALUE_VIEW, NULL);
}

void
mp_value_view_set_planner (MpValueView *self,
                           MpPlanner   *planner)
{
  g_return_if_fail (MP_IS_VALUE_VIEW (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  mp_value_chart_set_planner (self->chart, planner);
  g_signal_connect_object (planner, "notify::circumstances", G_CALLBACK (on_circumstances),
                           self, G_CONNECT_SWAPPED);
  on_circumstances (self);
  g_signal_connect_object (mp_planner_get_scorer (planner), "ranked", G_CALLBACK (on_ranked),
                           self, G_CONNECT_SWAPPED);
  on_ranked (self);
}

GtkWidget *
mp_value_view_get_chart (MpValueView *self)
{
  g_return_val_if_fail (MP_IS_VALUE_VIEW (self), NULL);
  return GTK_WIDGET (self->chart);
}

GtkWidget *
mp_value_view_get_frontier_list (MpValueView *self)
{
  g_return_val_if_fail (MP_IS_VALUE_VIEW (self), NULL);
  return GTK_WIDGET (self->frontier_list);
}
