/* mp-compare-view.c: up to three programs side by side, with a legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-compare-view.h"

#include <glib/gi18n.h>

#include "mp-compare-chart.h"
#include "mp-panel-common.h"

struct _MpCompareView
{
  GtkWidget       parent_instance;

  /* template */
  GtkStack       *compare_stack;
  GtkBox         *compare_legend;
  MpCompareChart *compare_chart;

  MpPlanner      *planner;
};

G_DEFINE_FINAL_TYPE (MpCompareView, mp_compare_view, GTK_TYPE_WIDGET)

static void
on_remove_compared_clicked (GtkButton      *button,
                            MpCompareView *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));

  mp_planner_remove_compared (self->planner, position);
}

static GtkWidget *
build_legend_entry (MpCompareView *self,
                    guint           position)
{
  MpProgram *program = mp_planner_get_compared (self->planner, position);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (mp_program_get_name (program));
  g_autofree char *tuition = mp_panel_format_tuition (mp_program_get_tuition (program));
  g_autofree char *hours = mp_panel_format_hours (mp_program_get_hours_per_week (program));
  /* Translators: a compared program's tuition, then its hours, e.g. "$12,000 · 10 h/week" */
  g_autofree char *cost_text = g_strdup_printf (_("%s · %s"), tuition, hours);
  GtkWidget *costs = gtk_label_new (cost_text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: tooltip of the button that removes a program from the comparison */
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s” from the comparison"),
                                              mp_program_get_name (program));
  GdkRGBA color;

  mp_panel_compare_color (position, &color);
  gtk_box_append (GTK_BOX (box), mp_panel_swatch_new (&color));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, mp_program_get_name (program));
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (costs, "numeric");
  gtk_widget_add_css_class (costs, "dim-label");
  gtk_box_append (GTK_BOX (box), costs);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  g_object_set_data (G_OBJECT (remove), "position", GUINT_TO_POINTER (position));
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_compared_clicked), self);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
rebuild_compare_legend (MpCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->compare_legend))) != NULL)
    gtk_box_remove (self->compare_legend, child);
  guint n = mp_planner_get_n_compared (self->planner);

  for (guint i = 0; i < n; i++)
    gtk_box_append (self->compare_legend, build_legend_entry (self, i));
  gtk_stack_set_visible_child_name (self->compare_stack, n > 0 ? "chart" : "empty");
}

static void
update_compare_chart (MpCompareView *self)
{
  MpCompareEntry entries[MP_PANEL_MAX_COMPARED];
  gboolean scored = mp_scorer_has_scores (mp_planner_get_scorer (self->planner));
  guint n = mp_planner_get_n_compared (self->planner);

  for (guint i = 0; i < n; i++)
    {
      MpProgram *program = mp_planner_get_compared (self->planner, i);
      guint index = mp_planner_get_compared_index (self->planner, i);

      entries[i].name = mp_program_get_name (program);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        entries[i].ratings[c] = mp_program_get_rating (program, c);
      entries[i].score = scored ? mp_scorer_get_score (mp_planner_get_scorer (self->planner), index) : -1;
    }
  mp_compare_chart_set_entries (self->compare_chart, entries, n);
}

static void
on_compared_changed (MpCompareView *self)
{
  rebuild_compare_legend (self);
  update_compare_chart (self);
}

static void
mp_compare_view_dispose (GObject *object)
{
  MpCompareView *self = MP_COMPARE_VIEW (object);

  if (self->planner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->planner, self);
      g_signal_handlers_disconnect_by_data (mp_planner_get_scorer (self->planner), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_COMPARE_VIEW);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (mp_compare_view_parent_class)->dispose (object);
}

static void
mp_compare_view_class_init (MpCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_compare_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (MP_TYPE_COMPARE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpCompareView, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, MpCompareView, compare_legend);
  gtk_widget_class_bind_template_child (widget_class, MpCompareView, compare_chart);
}

static void
mp_compare_view_init (MpCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
mp_compare_view_set_planner (MpCompareView *self,
                             MpPlanner     *planner)
{
  g_return_if_fail (MP_IS_COMPARE_VIEW (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  g_signal_connect_object (planner, "compared-changed", G_CALLBACK (on_compared_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mp_planner_get_scorer (planner), "ranked",
                           G_CALLBACK (update_compare_chart), self, G_CONNECT_SWAPPED);
  on_compared_changed (self);
}

GtkWidget *
mp_compare_view_get_chart (MpCompareView *self)
{
  g_return_val_if_fail (MP_IS_COMPARE_VIEW (self), NULL);
  return GTK_WIDGET (self->compare_chart);
}
