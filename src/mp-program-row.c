/* mp-program-row.c: one row of the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-row.h"

#include <glib/gi18n.h>

#include "mp-confidence-mark.h"
#include "mp-contrib-bar.h"
#include "mp-panel-common.h"

struct _MpProgramRow
{
  GtkWidget   parent_instance;

  GtkWidget  *grid;
  GtkLabel   *rank_label;
  GtkLabel   *movement_label;
  GtkLabel   *name_label;
  GtkLabel   *kind_label;
  GtkLabel   *cost_label;
  GtkWidget  *contrib_bar;
  GtkLabel   *score_label;
  GtkWidget  *confidence_mark;

  MpScorer   *scorer;
  MpCostTexts *costs;
  MpRankSlot *slot;
  MpProgram  *shown;      /* the program the labels show; not a reference */
  MpProgram  *costed;     /* the program the costs show; not a reference */
  const char *spoken;     /* its costs in words, owned by @costs */
  gboolean    stale;
  gulong      changed_handler;
  char       *summary;
};

G_DEFINE_FINAL_TYPE (MpProgramRow, mp_program_row, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static char *
describe_movement (MpRankSlot *slot)
{
  int movement = mp_rank_slot_get_movement (slot);

  if (mp_rank_slot_get_is_new (slot))
    return g_strdup (_("new in the ranking"));
  if (movement > 0)
    return g_strdup_printf (ngettext ("up %d place", "up %d places", movement), movement);
  if (movement < 0)
    return g_strdup_printf (ngettext ("down %d place", "down %d places", -movement), -movement);
  return g_strdup (_("unchanged"));
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
update_movement (MpProgramRow *self)
{
  int movement = mp_rank_slot_get_movement (self->slot);
  g_autofree char *text = NULL;

  if (mp_rank_slot_get_is_new (self->slot))
    /* Translators: shown instead of an arrow for a program that was not ranked before */
    text = g_strdup (C_("ranking", "new"));
  else if (movement == 0)
    text = g_strdup ("");
  else
    text = g_strdup_printf ("%s%d", movement > 0 ? "▲" : "▼", ABS (movement));
  set_label (self->movement_label, text);
  set_css_class (GTK_WIDGET (self->movement_label), "up", movement > 0);
  set_css_class (GTK_WIDGET (self->movement_label), "down", movement < 0);
}

static void
update_summary (MpProgramRow *self,
                const char   *score)
{
  MpProgram *program = mp_rank_slot_get_program (self->slot);
  g_autofree char *movement = describe_movement (self->slot);
  /* Translators: what a screen reader says for a ranked row: rank, name,
   * score, movement, then the costs ("$17,000 out of pocket, 840 hours in all") */
  g_autofree char *summary = g_strdup_printf (_("%u. %s, score %s, %s, %s"),
                                              mp_rank_slot_get_position (self->slot) + 1,
                                              mp_program_get_name (program), score, movement,
                                              self->spoken != NULL ? self->spoken : "");

  if (g_strcmp0 (summary, self->summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
}

static void
set_secondary (MpProgramRow *self,
               MpProgram    *program)
{
  const char *kind = mp_program_kind_get_label (mp_program_get_kind (program));
  const char *institution = mp_program_get_institution (program);
  g_autoptr(GString) text = g_string_new (NULL);

  if (mp_program_get_user_defined (program))
    /* Translators: marks a program the user entered or imported, in the ranked list */
    g_string_append_printf (text, "%s · ", _("Yours"));
  g_string_append (text, kind);
  if (institution != NULL && *institution != '\0')
    g_string_append_printf (text, " · %s", institution);
  set_label (self->kind_label, text->str);
}

/* The costs come formatted from the shared texts: a re-rank that hands the
 * row another program costs a lookup, not a format. */
static void
update_costs (MpProgramRow *self,
              MpProgram    *program)
{
  gboolean fits = TRUE;
  const char *text = mp_cost_texts_get (self->costs, mp_rank_slot_get_program_index (self->slot),
                                        &self->spoken, &fits);

  set_label (self->cost_label, text);
  set_css_class (GTK_WIDGET (self->cost_label), "dim-label", fits);
  set_css_class (GTK_WIDGET (self->cost_label), "warning", !fits);
  self->costed = program;
}

static void
refresh (MpProgramRow *self)
{
  MpProgram *program = mp_rank_slot_get_program (self->slot);
  g_autofree char *rank = g_strdup_printf ("%u", mp_rank_slot_get_position (self->slot) + 1);
  g_autofree char *score = mp_panel_format_score (mp_rank_slot_get_score (self->slot));
  double contributions[MP_N_CRITERIA];

  self->stale = FALSE;
  set_label (self->rank_label, rank);
  if (program != self->shown)
    {
      set_label (self->name_label, mp_program_get_name (program));
      set_secondary (self, program);
      self->shown = program;
    }
  if (program != self->costed)
    update_costs (self, program);
  set_label (self->score_label, score);
  update_movement (self);
  mp_scorer_get_contributions (self->scorer, mp_rank_slot_get_program_index (self->slot),
                               contributions);
  mp_contrib_bar_set_contributions (MP_CONTRIB_BAR (self->contrib_bar), contributions);
  update_summary (self, score);
  mp_confidence_mark_set_program (MP_CONFIDENCE_MARK (self->confidence_mark),
                                  mp_rank_slot_get_program_index (self->slot));
}

/* The list view keeps ~200 rows for a handful on screen: rows out of view
 * catch up when they are mapped instead of on every re-rank. */
static void
on_slot_changed (MpProgramRow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
mp_program_row_map (GtkWidget *widget)
{
  MpProgramRow *self = MP_PROGRAM_ROW (widget);

  if (self->stale && self->slot != NULL)
    refresh (self);
  GTK_WIDGET_CLASS (mp_program_row_parent_class)->map (widget);
}

/* The circumstances changed: every row's costs are made again, the rows
 * out of view when they are mapped. */
static void
on_costs_changed (MpProgramRow *self)
{
  self->costed = NULL;
  self->spoken = NULL;
  if (self->slot == NULL)
    return;
  on_slot_changed (self);
}

/* The costs in full, with their formulas, asked for only on hover. */
static gboolean
on_cost_query_tooltip (MpProgramRow *self,
                       int           x,
                       int           y,
                       gboolean      keyboard,
                       GtkTooltip   *tooltip)
{
  MpCircumstances circumstances;
  g_autofree char *text = NULL;

  if (self->slot == NULL)
    return FALSE;
  mp_cost_texts_get_circumstances (self->costs, &circumstances);
  text = mp_costs_describe_full (&circumstances, mp_rank_slot_get_program (self->slot));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The full name of an ellipsized row, asked for only on hover: setting a
 * tooltip on every rebind costs more than the rest of the row. */
static gboolean
on_query_tooltip (MpProgramRow *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  if (self->slot == NULL || !pango_layout_is_ellipsized (gtk_label_get_layout (self->name_label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, mp_program_get_name (mp_rank_slot_get_program (self->slot)));
  return TRUE;
}

static void
mp_program_row_dispose (GObject *object)
{
  MpProgramRow *self = MP_PROGRAM_ROW (object);

  mp_program_row_set_slot (self, NULL);
  g_clear_object (&self->scorer);
  if (self->costs != NULL)
    g_signal_handlers_disconnect_by_data (self->costs, self);
  g_clear_object (&self->costs);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_PROGRAM_ROW);
  G_OBJECT_CLASS (mp_program_row_parent_class)->dispose (object);
}

static void
mp_program_row_finalize (GObject *object)
{
  g_free (MP_PROGRAM_ROW (object)->summary);
  G_OBJECT_CLASS (mp_program_row_parent_class)->finalize (object);
}

static void
mp_program_row_class_init (MpProgramRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_program_row_dispose;
  object_class->finalize = mp_program_row_finalize;
  widget_class->map = mp_program_row_map;

  g_type_ensure (MP_TYPE_CONTRIB_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-program-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, grid);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, rank_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, movement_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, cost_label);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, contrib_bar);
  gtk_widget_class_bind_template_child (widget_class, MpProgramRow, score_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "programrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mp_program_row_init (MpProgramRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->confidence_mark = mp_confidence_mark_new ();
  gtk_widget_set_valign (self->confidence_mark, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (self->grid), self->confidence_mark, 3, 0, 1, 3);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->name_label), TRUE);
  g_signal_connect_swapped (self->name_label, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect_swapped (self->cost_label, "query-tooltip",
                            G_CALLBACK (on_cost_query_tooltip), self);
}

GtkWidget *
mp_program_row_new (MpScorer    *scorer,
                    MpCostTexts *costs)
{
  MpProgramRow *self;

  g_return_val_if_fail (MP_IS_SCORER (scorer), NULL);
  g_return_val_if_fail (MP_IS_COST_TEXTS (costs), NULL);

  self = g_object_new (MP_TYPE_PROGRAM_ROW, NULL);
  self->scorer = g_object_ref (scorer);
  self->costs = g_object_ref (costs);
  g_signal_connect_swapped (costs, "changed", G_CALLBACK (on_costs_changed), self);
  return GTK_WIDGET (self);
}

void
mp_program_row_set_slot (MpProgramRow *self,
                         MpRankSlot   *slot)
{
  g_return_if_fail (MP_IS_PROGRAM_ROW (self));
  g_return_if_fail (slot == NULL || MP_IS_RANK_SLOT (slot));

  if (self->slot == slot)
    return;
  if (self->slot != NULL)
    g_clear_signal_handler (&self->changed_handler, self->slot);
  g_set_object (&self->slot, slot);
  self->shown = NULL;
  self->costed = NULL;
  if (slot == NULL)
    return;
  self->changed_handler = g_signal_connect_swapped (slot, "changed",
                                                    G_CALLBACK (on_slot_changed), self);
  refresh (self);
}

void
mp_program_row_set_runner (MpProgramRow       *self,
                           MpConfidenceRunner *runner)
{
  g_return_if_fail (MP_IS_PROGRAM_ROW (self));
  mp_confidence_mark_set_runner (MP_CONFIDENCE_MARK (self->confidence_mark), runner);
}

MpRankSlot *
mp_program_row_get_slot (MpProgramRow *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_ROW (self), NULL);
  return self->slot;
}

const char *
mp_program_row_get_summary (MpProgramRow *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_ROW (self), NULL);
  return self->summary;
}

const char *
mp_program_row_get_cost_text (MpProgramRow *self)
{
  g_return_val_if_fail (MP_IS_PROGRAM_ROW (self), NULL);
  return gtk_label_get_label (self->cost_label);
}
