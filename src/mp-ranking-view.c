/* mp-ranking-view.c: the live ranking, or why it is empty
 *
 * The list shows rank slots (MpRankModel): a re-rank rebinds the visible
 * rows instead of telling the view that every item changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-ranking-view.h"

#include <glib/gi18n.h>

#include "mp-program-row.h"

struct _MpRankingView
{
  GtkWidget           parent_instance;

  /* template */
  GtkStack           *ranking_stack;
  GtkListView        *list_view;
  GtkLabel           *empty_title;
  GtkLabel           *empty_label;
  GtkButton          *empty_button;

  MpPlanner          *planner;
  MpRankModel        *rank_model;
  MpCostTexts        *cost_texts;
  GtkSingleSelection *selection;
  GtkWidget          *pressed_row;  /* not a reference: only compared */
  gboolean            syncing_selection;
  MpConfidenceRunner *runner;
};

enum {
  ROW_ACTIVATED,
  ROW_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpRankingView, mp_ranking_view, GTK_TYPE_WIDGET)

static void on_ranked (MpRankingView *self);

/* A weight change moves rows: the list shows by how much. A filter change
 * reorders nothing: rows come and go without arrows. */
static void
on_weights_changed (MpRankingView *self)
{
  mp_rank_model_set_show_movement (self->rank_model, TRUE);
}

static void
on_filter_changed (MpRankingView *self)
{
  mp_rank_model_set_show_movement (self->rank_model, FALSE);
}

/* With only the best value shown, the funding moves programs on and off the
 * frontier: rows come and go as with a filter. */
static void
on_circumstances_changed (MpRankingView *self)
{
  if (mp_planner_get_best_value_filter (self->planner))
    mp_rank_model_set_show_movement (self->rank_model, FALSE);
}

static void
connect_planner (MpRankingView *self)
{
  static const char * const filter_signals[] = {
    "notify::kind-filter", "notify::format-filter", "notify::max-tuition",
    "notify::max-hours-per-week", "notify::best-value-filter",
  };

  g_signal_connect_object (mp_planner_get_scorer (self->planner), "ranked",
                           G_CALLBACK (on_ranked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::weights", G_CALLBACK (on_weights_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::circumstances",
                           G_CALLBACK (on_circumstances_changed), self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (filter_signals); i++)
    g_signal_connect_object (self->planner, filter_signals[i], G_CALLBACK (on_filter_changed),
                             self, G_CONNECT_SWAPPED);
}

static void
on_selection_changed (MpRankingView *self)
{
  MpRankSlot *slot;

  if (self->syncing_selection)
    return;
  slot = gtk_single_selection_get_selected_item (self->selection);
  mp_planner_select_index (self->planner, slot != NULL ? (int) mp_rank_slot_get_program_index (slot)
                                                       : -1);
}

/* The list's selection follows the planner's program, not the rank
 * position, across re-ranks. Called after the rank model has re-ranked
 * (never from the planner's own "ranked" handler, which runs first). */
void
mp_ranking_view_sync_selection (MpRankingView *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (mp_planner_get_selected (self->planner) != NULL)
    {
      int rank = mp_scorer_get_rank_of (mp_planner_get_scorer (self->planner),
                                        mp_planner_get_selected_index (self->planner));

      if (rank >= 0)
        position = rank;
    }
  if (gtk_single_selection_get_selected (self->selection) == position)
    return;
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

/* Brings the selected row into view (a program just added may rank far
 * down the list). GTK 4.8 has no scroll_to (): the list's own action does it. */
void
mp_ranking_view_scroll_to_selected (MpRankingView *self)
{
  guint position;

  g_return_if_fail (MP_IS_RANKING_VIEW (self));

  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Tab focuses a row without selecting it: Enter selects and opens it. */
static void
on_list_activate (MpRankingView *self,
                  guint          position)
{
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ROW_ACTIVATED], 0);
}

/* A click on a row (press and release on the same one) emits "row-clicked":
 * the panel opens its details (arrow keys only move the selection). */
static gboolean
on_list_event (GtkEventControllerLegacy *controller,
               GdkEvent                 *event,
               MpRankingView           *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GtkWidget *picked;
  double x, y, nx, ny;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
      || gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY
      || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  /* Event positions are relative to the surface, which may include a shadow. */
  gtk_native_get_surface_transform (native, &nx, &ny);
  gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self->list_view),
                                    x - nx, y - ny, &x, &y);
  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  picked = picked != NULL ? gtk_widget_get_ancestor (picked, MP_TYPE_PROGRAM_ROW) : NULL;
  if (type == GDK_BUTTON_PRESS)
    self->pressed_row = picked;
  else if (picked != NULL && picked == self->pressed_row)
    g_signal_emit (self, signals[ROW_CLICKED], 0);
  return GDK_EVENT_PROPAGATE;
}

static void
show_empty (MpRankingView *self,
            const char     *title,
            const char     *text,
            const char     *button,
            const char     *action)
{
  gtk_label_set_label (self->empty_title, title);
  gtk_label_set_label (self->empty_label, text);
  gtk_button_set_label (self->empty_button, button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button), action);
  gtk_stack_set_visible_child_name (self->ranking_stack, "empty");
}

static void
update_empty_state (MpRankingView *self)
{
  if (!mp_scorer_has_scores (mp_planner_get_scorer (self->planner)))
    show_empty (self, _("All weights are zero"),
                _("With no criterion weighted, every program scores the same. "
                  "Raise any slider to rank the programs."),
                _("Use the _Article’s Weights"), "panel.article-weights");
  else if (mp_scorer_get_n_ranked (mp_planner_get_scorer (self->planner)) > 0)
    gtk_stack_set_visible_child_name (self->ranking_stack, "list");
  else if (g_list_model_get_n_items (G_LIST_MODEL (mp_planner_get_store (self->planner))) > 0)
    show_empty (self, _("No program matches the filters"),
                _("Loosen the tuition, workload or format limits, or show every kind of program."),
                _("_Clear Filters"), "panel.clear-filters");
  else
    show_empty (self, _("No programs"),
                _("Add a program you are considering, or import a CSV or JSON file."),
                _("_Add Program…"), "panel.add-program");
}

static void
on_ranked (MpRankingView *self)
{
  update_empty_state (self);
  mp_ranking_view_sync_selection (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MpRankingView           *self)
{
  GtkWidget *row = mp_program_row_new (mp_planner_get_scorer (self->planner), self->cost_texts);

  mp_program_row_set_runner (MP_PROGRAM_ROW (row), self->runner);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MpRankingView           *self)
{
  mp_program_row_set_slot (MP_PROGRAM_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MpRankingView           *self)
{
  mp_program_row_set_slot (MP_PROGRAM_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_list (MpRankingView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *legacy;

  self->cost_texts = mp_cost_texts_new (self->planner);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->rank_model = mp_rank_model_new (mp_planner_get_scorer (self->planner),
                                       G_LIST_MODEL (mp_planner_get_store (self->planner)));
  /* Nothing has moved yet: arrows appear with the first weight change. */
  mp_rank_model_set_show_movement (self->rank_model, FALSE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rank_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_list_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), legacy);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
}

static void
mp_ranking_view_dispose (GObject *object)
{
  MpRankingView *self = MP_RANKING_VIEW (object);

  if (self->planner != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->planner, self);
      g_signal_handlers_disconnect_by_data (mp_planner_get_scorer (self->planner), self);
    }
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_RANKING_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rank_model);
  g_clear_object (&self->cost_texts);
  g_clear_object (&self->planner);
  g_clear_object (&self->runner);

  G_OBJECT_CLASS (mp_ranking_view_parent_class)->dispose (object);
}

static void
mp_ranking_view_class_init (MpRankingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_ranking_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mp-ranking-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpRankingView, ranking_stack);
  gtk_widget_class_bind_template_child (widget_class, MpRankingView, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpRankingView, empty_title);
  gtk_widget_class_bind_template_child (widget_class, MpRankingView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, MpRankingView, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  signals[ROW_ACTIVATED] =
    g_signal_new ("row-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ROW_CLICKED] =
    g_signal_new ("row-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_ranking_view_init (MpRankingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API -------------------------------------------------------- */

void
mp_ranking_view_set_planner (MpRankingView *self,
                             MpPlanner     *planner)
{
  g_return_if_fail (MP_IS_RANKING_VIEW (self));
  g_return_if_fail (MP_IS_PLANNER (planner));
  g_return_if_fail (self->planner == NULL);

  self->planner = g_object_ref (planner);
  setup_list (self);
  connect_planner (self);
  on_ranked (self);
}

GListModel *
mp_ranking_view_get_model (MpRankingView *self)
{
  g_return_val_if_fail (MP_IS_RANKING_VIEW (self), NULL);
  return G_LIST_MODEL (self->rank_model);
}

GtkWidget *
mp_ranking_view_get_list_view (MpRankingView *self)
{
  g_return_val_if_fail (MP_IS_RANKING_VIEW (self), NULL);
  return GTK_WIDGET (self->list_view);
}

const char *
mp_ranking_view_get_empty_message (MpRankingView *self)
{
  g_return_val_if_fail (MP_IS_RANKING_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->ranking_stack), "empty") != 0)
    return NULL;
  return gtk_label_get_label (self->empty_title);
}

void
mp_ranking_view_select_rank (MpRankingView *self,
                             guint          rank)
{
  g_return_if_fail (MP_IS_RANKING_VIEW (self));
  gtk_single_selection_set_selected (self->selection, rank);
}

void
mp_ranking_view_set_confidence_runner (MpRankingView      *self,
                                       MpConfidenceRunner *runner)
{
  g_return_if_fail (MP_IS_RANKING_VIEW (self));
  g_return_if_fail (runner == NULL || MP_IS_CONFIDENCE_RUNNER (runner));
  g_set_object (&self->runner, runner);
}
