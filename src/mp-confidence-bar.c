/* mp-confidence-bar.c: how sure the ranking's top pick is, in a sentence,
 * with a warning when it is fragile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-confidence-bar.h"

#include <glib/gi18n.h>

struct _MpConfidenceBar
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *box;
  GtkLabel           *sentence_label;
  GtkLabel           *warning_label;
  GtkDropDown        *spread_dropdown;

  MpPlanner          *planner;
  MpConfidenceRunner *runner;
};

G_DEFINE_FINAL_TYPE (MpConfidenceBar, mp_confidence_bar, GTK_TYPE_WIDGET)

static const char *
program_name (MpConfidenceBar    *self,
              MpConfidenceResult *result,
              guint               slot)
{
  MpProgramStore *store = mp_planner_get_store (self->planner);
  guint index = mp_confidence_result_get_program (result, slot);

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return NULL;
  return mp_program_get_name (mp_program_store_peek (store, index));
}

/* Slot 0 is the plain ranking's top pick of the computation shown. */
static void
show_result (MpConfidenceBar *self)
{
  MpConfidenceResult *result = mp_confidence_runner_get_result (self->runner);
  g_autofree char *first = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *warning = NULL;
  int rival;

  gtk_widget_set_visible (GTK_WIDGET (self), result != NULL);
  if (result == NULL)
    return;
  first = mp_confidence_result_describe_first (result, 0);
  rival = mp_confidence_result_get_rival (result, 0);
  warning = mp_confidence_result_describe_fragile (result, 0,
                                                   rival >= 0 ? program_name (self, result, rival)
                                                              : NULL);
  /* TRANSLATORS: the confidence sentence, then how far each weight may be
   * off in the weightings sampled */
  sentence = g_strdup_printf (_("%s (each weight ± %.0f points)"), first,
                              mp_confidence_runner_get_spread (self->runner));
  gtk_label_set_text (self->sentence_label, sentence);
  gtk_label_set_text (self->warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), warning != NULL);
}

/* The dropdown's items are the planner's spread presets, in order. */
static void
show_spread (MpConfidenceBar *self)
{
  guint n;
  const double *presets = mp_planner_get_spread_presets (&n);
  double spread = mp_planner_get_spread (self->planner);

  for (guint i = 0; i < n; i++)
    if (presets[i] == spread && gtk_drop_down_get_selected (self->spread_dropdown) != i)
      gtk_drop_down_set_selected (self->spread_dropdown, i);
}

static void
on_spread_selected (MpConfidenceBar *self)
{
  guint n;
  const double *presets = mp_planner_get_spread_presets (&n);
  guint selected = gtk_drop_down_get_selected (self->spread_dropdown);

  if (self->planner != NULL && selected < n)
    mp_planner_set_spread (self->planner, presets[selected]);
}

void
mp_confidence_bar_set_planner (MpConfidenceBar *self,
                               MpPlanner       *planner)
{
  g_return_if_fail (MP_IS_CONFIDENCE_BAR (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  self->runner = mp_confidence_runner_new_for_scorer (mp_planner_get_scorer (planner));
  g_object_bind_property (planner, "spread", self->runner, "spread", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->runner, "notify::result", G_CALLBACK (show_result), self,
                           G_CONNECT_SWAPPED);
  show_spread (self);
  g_signal_connect_object (planner, "notify::spread", G_CALLBACK (show_spread), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->spread_dropdown, "notify::selected",
                           G_CALLBACK (on_spread_selected), self, G_CONNECT_SWAPPED);
  show_result (self);
}

MpConfidenceRunner *
mp_confidence_bar_get_runner (MpConfidenceBar *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_BAR (self), NULL);

  return self->runner;
}

const char *
mp_confidence_bar_get_sentence (MpConfidenceBar *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_BAR (self), NULL);

  return gtk_label_get_text (self->sentence_label);
}

GtkDropDown *
mp_confidence_bar_get_spread_dropdown (MpConfidenceBar *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_BAR (self), NULL);
  return self->spread_dropdown;
}

const char *
mp_confidence_bar_get_warning (MpConfidenceBar *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_BAR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->warning_label)))
    return NULL;
  return gtk_label_get_text (self->warning_label);
}

static void
mp_confidence_bar_dispose (GObject *object)
{
  MpConfidenceBar *self = MP_CONFIDENCE_BAR (object);

  if (self->runner != NULL)
    g_object_run_dispose (G_OBJECT (self->runner));
  g_clear_object (&self->runner);
  g_clear_object (&self->planner);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CONFIDENCE_BAR);
  G_OBJECT_CLASS (mp_confidence_bar_parent_class)->dispose (object);
}

static void
mp_confidence_bar_class_init (MpConfidenceBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_confidence_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/masterplan/MasterPlan/mp-confidence-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, MpConfidenceBar, box);
  gtk_widget_class_bind_template_child (widget_class, MpConfidenceBar, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, MpConfidenceBar, warning_label);
  gtk_widget_class_bind_template_child (widget_class, MpConfidenceBar, spread_dropdown);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
mp_confidence_bar_init (MpConfidenceBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
