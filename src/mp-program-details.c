/* mp-program-details.c: one program's facts and the breakdown of its score
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-details.h"

#include <glib/gi18n.h>

#include "mp-costs.h"
#include "mp-panel-common.h"

typedef enum {
  FACT_KIND,
  FACT_FORMAT,
  FACT_DURATION,
  FACT_HOURS,
  FACT_TUITION,
  FACT_THESIS,
  FACT_SOURCE,
  N_FACTS
} Fact;

static const char * const fact_names[N_FACTS] = {
  N_("Kind"),
  N_("Format"),
  N_("Duration"),
  N_("Workload"),
  N_("Tuition"),
  N_("Thesis or capstone"),
  N_("Source"),
};

struct _MpProgramDetails
{
  GtkWidget  parent_instance;

  GtkStack  *stack;
  GtkLabel  *name_label;
  GtkLabel  *institution_label;
  GtkGrid   *facts_grid;
  GtkLabel  *note_label;
  GtkLabel  *score_label;
  GtkGrid   *breakdown_grid;
  GtkButton *compare_button;
  GtkWidget *copy_button;
  GtkWidget *edit_button;
  GtkWidget *delete_button;

  GtkLabel  *fact_values[N_FACTS];
  GtkLabel  *product_labels[MP_N_CRITERIA];
  GtkLabel  *points_labels[MP_N_CRITERIA];

  MpScorer  *scorer;
  MpProgram *program;
  guint      index;

  GtkLabel           *rank_range_label;  /* made in code, below the score */
  GtkLabel           *costs_label;       /* made in code, below the rank range */
  MpPlanner          *planner;           /* the user's circumstances */
  MpConfidenceRunner *runner;
};

G_DEFINE_FINAL_TYPE (MpProgramDetails, mp_program_details, GTK_TYPE_WIDGET)

static GtkLabel *
add_grid_label (GtkGrid    *grid,
                const char *text,
                int         column,
                int         row,
                float       xalign,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return GTK_LABEL (label);
}

static void
build_grids (MpProgramDetails *self)
{
  for (guint i = 0; i < N_FACTS; i++)
    {
      add_grid_label (self->facts_grid, _(fact_names[i]), 0, i, 0, "dim-label");
      self->fact_values[i] = add_grid_label (self->facts_grid, NULL, 1, i, 0, NULL);
      gtk_label_set_wrap (self->fact_values[i], TRUE);
    }
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      GdkRGBA color;

      mp_panel_criterion_color (c, &color);
      gtk_grid_attach (self->breakdown_grid, mp_panel_swatch_new (&color), 0, c, 1, 1);
      gtk_widget_set_hexpand (GTK_WIDGET (add_grid_label (self->breakdown_grid,
                                                          mp_criterion_get_label (c),
                                                          1, c, 0, NULL)), TRUE);
      self->product_labels[c] = add_grid_label (self->breakdown_grid, NULL, 2, c, 1, "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->product_labels[c]), "dim-label");
      self->points_labels[c] = add_grid_label (self->breakdown_grid, NULL, 3, c, 1, "numeric");
    }
}

static void
set_fact (MpProgramDetails *self,
          Fact              fact,
          const char       *text)
{
  gtk_label_set_label (self->fact_values[fact], text);
}

static void
show_facts (MpProgramDetails *self)
{
  MpProgram *p = self->program;
  g_autofree char *years = mp_panel_format_years (mp_program_get_duration_years (p));
  g_autofree char *hours = mp_panel_format_hours (mp_program_get_hours_per_week (p));
  g_autofree char *tuition = mp_panel_format_tuition (mp_program_get_tuition (p));
  const char *institution = mp_program_get_institution (p);
  const char *note = mp_program_get_note (p);
  gboolean user = mp_program_get_user_defined (p);

  gtk_label_set_label (self->name_label, mp_program_get_name (p));
  gtk_label_set_label (self->institution_label, institution != NULL ? institution : "");
  gtk_widget_set_visible (GTK_WIDGET (self->institution_label),
                          institution != NULL && *institution != '\0');
  set_fact (self, FACT_KIND, mp_program_kind_get_label (mp_program_get_kind (p)));
  set_fact (self, FACT_FORMAT, mp_program_format_get_label (mp_program_get_format (p)));
  set_fact (self, FACT_DURATION, years);
  set_fact (self, FACT_HOURS, hours);
  set_fact (self, FACT_TUITION, tuition);
  set_fact (self, FACT_THESIS, mp_program_get_thesis (p) ? _("Yes") : _("No"));
  set_fact (self, FACT_SOURCE, user ? _("Your program") : _("Bundled sample (fictional)"));
  gtk_label_set_label (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
  gtk_widget_set_visible (self->copy_button, !user);
  gtk_widget_set_visible (self->edit_button, user);
  gtk_widget_set_visible (self->delete_button, user);
}

static void
show_score (MpProgramDetails *self)
{
  int rank = mp_scorer_get_rank_of (self->scorer, self->index);
  g_autofree char *score = mp_panel_format_score (mp_scorer_get_score (self->scorer, self->index));
  g_autofree char *heading = NULL;

  if (!mp_scorer_has_scores (self->scorer))
    heading = g_strdup (_("No score: every weight is zero"));
  else if (rank < 0)
    /* Translators: %s is a score such as 82.5 */
    heading = g_strdup_printf (_("Score %s (hidden by the filters)"), score);
  else
    /* Translators: a score such as 82.5, then a rank and the number of ranked programs */
    heading = g_strdup_printf (_("Score %s — rank %d of %u"), score, rank + 1,
                               mp_scorer_get_n_ranked (self->scorer));
  gtk_label_set_label (self->score_label, heading);
}

static void
show_rank_range (MpProgramDetails *self)
{
  MpConfidenceResult *result = self->runner != NULL ? mp_confidence_runner_get_result (self->runner)
                                                    : NULL;
  int slot = result != NULL && self->program != NULL
             ? mp_confidence_result_find_slot (result, self->index) : -1;
  g_autofree char *text = slot >= 0 ? mp_confidence_result_describe_rank_range (result, slot)
                                    : NULL;

  gtk_label_set_label (self->rank_range_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rank_range_label), text != NULL);
}

static void
show_breakdown (MpProgramDetails *self)
{
  double contributions[MP_N_CRITERIA] = { 0 };
  MpWeights weights;
  gboolean scored = mp_scorer_has_scores (self->scorer);

  mp_scorer_get_weights (self->scorer, &weights);
  if (scored)
    mp_scorer_get_contributions (self->scorer, self->index, contributions);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      /* Translators: a rating out of 10 times a weight, such as "8/10 × 90" */
      g_autofree char *product = g_strdup_printf (_("%g/10 × %.0f"),
                                                  mp_program_get_rating (self->program, c),
                                                  weights.w[c]);
      /* Translators: points a criterion adds to the score, such as "→ 25.4" */
      g_autofree char *points = scored ? g_strdup_printf (_("→ %.1f"), contributions[c])
                                       : g_strdup ("—");

      gtk_label_set_label (self->product_labels[c], product);
      gtk_label_set_label (self->points_labels[c], points);
    }
}

static void
mp_program_details_dispose (GObject *object)
{
  MpProgramDetails *self = MP_PROGRAM_DETAILS (object);

  g_clear_object (&self->scorer);
  g_clear_object (&self->program);
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->runner);
  g_clear_object (&self->planner);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_PROGRAM_DETAILS);
  G_OBJECT_CLASS (mp_program_details_parent_class)->dispose (object);
}

static void
mp_program_details_class_init (MpProgramDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_program_details_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-program-details.ui");
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, name_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, institution_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, note_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, score_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, breakdown_grid);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, compare_button);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, copy_button);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, MpProgramDetails, delete_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* What the program costs this user, from the planner's circumstances. */
static void
show_costs (MpProgramDetails *self)
{
  MpCircumstances circumstances;
  g_autofree char *text = NULL;

  if (self->planner == NULL || self->program == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->costs_label), FALSE);
      return;
    }
  mp_planner_get_circumstances (self->planner, &circumstances);
  text = mp_costs_describe_full (&circumstances, self->program);
  gtk_label_set_label (self->costs_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->costs_label), TRUE);
}

static GtkLabel *
new_note_label (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  return label;
}

static void
mp_program_details_init (MpProgramDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_grids (self);
  self->rank_range_label = new_note_label ();
  self->costs_label = new_note_label ();
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->score_label))),
                              GTK_WIDGET (self->rank_range_label),
                              GTK_WIDGET (self->score_label));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->score_label))),
                              GTK_WIDGET (self->costs_label),
                              GTK_WIDGET (self->rank_range_label));
}

GtkWidget *
mp_program_details_new (void)
{
  return g_object_new (MP_TYPE_PROGRAM_DETAILS, NULL);
}

void
mp_program_details_set_program (MpProgramDetails *self,
                                MpScorer         *scorer,
                                MpProgram        *program,
                                guint             index)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));
  g_return_if_fail (program == NULL || MP_IS_SCORER (scorer));

  g_set_object (&self->scorer, scorer);
  g_set_object (&self->program, program);
  self->index = index;
  gtk_stack_set_visible_child_name (self->stack, program != NULL ? "program" : "empty");
  if (program == NULL)
    return;
  show_facts (self);
  mp_program_details_refresh (self);
}

MpProgram *
mp_program_details_get_program (MpProgramDetails *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_DETAILS (self), NULL);
  return self->program;
}

void
mp_program_details_refresh (MpProgramDetails *self)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));

  if (self->program == NULL)
    return;
  show_score (self);
  show_rank_range (self);
  show_costs (self);
  show_breakdown (self);
}

void
mp_program_details_set_compared (MpProgramDetails *self,
                                 gboolean          compared)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));

  gtk_button_set_label (self->compare_button,
                        compared ? _("Remove from C_omparison") : _("Add to C_omparison"));
}

/* An insensitive Compare button says why: the comparison is full. */
void
mp_program_details_set_compare_full (MpProgramDetails *self,
                                     gboolean          full)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compare_button),
                               full ? _("The comparison holds three programs: remove one from "
                                        "it to add this one")
                                    : _("Add to or remove from the side-by-side comparison "
                                        "(up to three)"));
}

char *
mp_program_details_describe_line (MpProgramDetails *self,
                                  MpCriterion       criterion)
{
  g_return_val_if_fail (MP_IS_PROGRAM_DETAILS (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);

  return g_strdup_printf ("%s: %s %s", mp_criterion_get_label (criterion),
                          gtk_label_get_label (self->product_labels[criterion]),
                          gtk_label_get_label (self->points_labels[criterion]));
}

void
mp_program_details_set_confidence_runner (MpProgramDetails   *self,
                                          MpConfidenceRunner *runner)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));
  g_return_if_fail (self->runner == NULL);

  self->runner = g_object_ref (runner);
  g_signal_connect_swapped (runner, "notify::result", G_CALLBACK (show_rank_range), self);
  show_rank_range (self);
}

void
mp_program_details_set_planner (MpProgramDetails *self,
                                MpPlanner        *planner)
{
  g_return_if_fail (MP_IS_PROGRAM_DETAILS (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  g_signal_connect_object (planner, "notify::circumstances", G_CALLBACK (show_costs), self,
                           G_CONNECT_SWAPPED);
  show_costs (self);
}

const char *
mp_program_details_get_costs (MpProgramDetails *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_DETAILS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->costs_label)))
    return NULL;
  return gtk_label_get_label (self->costs_label);
}

const char *
mp_program_details_get_rank_range (MpProgramDetails *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_DETAILS (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->rank_range_label)))
    return NULL;
  return gtk_label_get_label (self->rank_range_label);
}
