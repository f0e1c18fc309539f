/* mp-weights-panel.c: sliders, the live ranking, details and comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-weights-panel.h"
#include "mp-weights-panel-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-panel-common.h"
#include "mp-planner.h"
#include "mp-utils.h"

/* From this panel width on, the details sit beside the ranking (with a
 * margin below it so that a width near the edge does not flip back and forth).
 * Wide, the panel needs about 1090 px: narrower would grow the window. */
#define WIDE_WIDTH     1140
#define WIDE_HYSTERESIS 40


enum {
  PROP_0,
  PROP_STORE,
  PROP_PLANNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpWeightsPanel, mp_weights_panel, GTK_TYPE_WIDGET)

/* ---- banner and note ------------------------------------------------- */

void
mp_weights_panel_show_error (MpWeightsPanel *self,
                             const char     *message)
{
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  self->banner_is_save_failure = FALSE;
}

static void
on_banner_close_clicked (MpWeightsPanel *self)
{
  gtk_widget_set_visible (self->restore_button, FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

/* The store offers a backup when the programs file was broken. */
static void
on_restore_clicked (MpWeightsPanel *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (self->restore_button, FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (!mp_planner_restore_backup (self->planner, &error))
    mp_weights_panel_show_error (self, error->message);
}

static void
on_note_close_clicked (MpWeightsPanel *self)
{
  mp_planner_dismiss_note (self->planner);
}

static void
on_note_undo_clicked (MpWeightsPanel *self)
{
  mp_weights_panel_undo_note (self);
}

/* The user's choice, never the window's: the flowchart's Yes leaves the
 * keyboard on the walk, and this button opens the amount when asked. */
static void
on_note_action_clicked (MpWeightsPanel *self)
{
  if (mp_planner_get_note_action (self->planner) == MP_NOTE_ACTION_SET_FUNDING_AMOUNT)
    mp_circumstances_button_popup_amount (self->circumstances_button);
}

static void
on_note_changed (MpWeightsPanel *self)
{
  const char *note = mp_planner_get_note (self->planner);

  if (note != NULL)
    gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (self->note_undo_button, mp_planner_get_note_undoable (self->planner));
  gtk_widget_set_visible (self->note_action_button,
                          mp_planner_get_note_action (self->planner) == MP_NOTE_ACTION_SET_FUNDING_AMOUNT);
  gtk_revealer_set_reveal_child (self->note_revealer, note != NULL);
}

static void
on_save_failed (MpWeightsPanel *self,
                const GError   *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s is the reason, naming the file */
  message = g_strdup_printf (_("Could not save your programs: %s. They stay in this window, and "
                               "closing it will ask what to do with them; the previous file on "
                               "disk is unchanged."), error->message);
  mp_weights_panel_show_error (self, message);
  self->banner_is_save_failure = TRUE;
}

/* A save that works again ends the failure the banner told of; a backup
 * still on offer, which that failure had covered, is told again. Other
 * messages (a bad file) stay. */
static void
on_saved (MpWeightsPanel *self)
{
  g_autofree char *offer = NULL;

  if (!self->banner_is_save_failure)
    return;
  offer = mp_program_store_describe_backup_offer (self->store);
  if (offer != NULL)
    mp_weights_panel_show_error (self, offer);
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  self->banner_is_save_failure = FALSE;
}

/* ---- weights ----------------------------------------------------------- */

/* ---- filters ----------------------------------------------------------- */

/* ---- comparison -------------------------------------------------------- */

static void
set_details_compared (MpWeightsPanel *self)
{
  MpProgram *selected = mp_planner_get_selected (self->planner);
  gboolean compared;

  if (selected == NULL)
    return;
  compared = mp_planner_is_compared (self->planner, selected);
  mp_program_details_set_compared (self->details, compared);
  mp_program_details_set_compared (self->side_details, compared);
}

static void
compared_changed (MpWeightsPanel *self)
{
  set_details_compared (self);
  mp_weights_panel_update_actions (self);
}

/* ---- selection and details --------------------------------------------- */

static void
show_selected (MpWeightsPanel *self)
{
  MpProgram *selected = mp_planner_get_selected (self->planner);
  int index = MAX (mp_planner_get_selected_index (self->planner), 0);

  mp_program_details_set_program (self->details, self->scorer, selected, index);
  mp_program_details_set_program (self->side_details, self->scorer, selected, index);
  set_details_compared (self);
  mp_weights_panel_update_actions (self);
}

/* Enter on a row opens its details (beside the list when wide). */
static void
on_row_activated (MpWeightsPanel *self)
{
  if (self->wide)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->side_details), GTK_DIR_TAB_FORWARD);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "details");
  gtk_widget_child_focus (GTK_WIDGET (self->details), GTK_DIR_TAB_FORWARD);
}

static gboolean
show_details_idle (gpointer data)
{
  MpWeightsPanel *self = data;

  self->details_idle = 0;
  if (mp_planner_get_selected (self->planner) != NULL && !self->wide)
    gtk_stack_set_visible_child_name (self->stack, "details");
  return G_SOURCE_REMOVE;
}

/* A click on a row opens its details once the list has selected it. */
static void
on_row_clicked (MpWeightsPanel *self)
{
  if (self->details_idle == 0)
    self->details_idle = g_idle_add (show_details_idle, self);
}

/* Escape from the details or the comparison goes back to the ranking. */
static gboolean
back_to_ranking (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "ranking") == 0)
    return FALSE;
  gtk_stack_set_visible_child_name (self->stack, "ranking");
  gtk_widget_grab_focus (mp_ranking_view_get_list_view (self->ranking_view));
  return TRUE;
}

/* ---- ranking ----------------------------------------------------------- */

/* A program chosen in the value chart is the ranking's selection too. */
static void
on_value_chosen (MpWeightsPanel *self)
{
  mp_ranking_view_sync_selection (self->ranking_view);
  mp_ranking_view_scroll_to_selected (self->ranking_view);
}

/* Details follow the selected program's score across re-ranks. */
static void
on_ranked (MpWeightsPanel *self)
{
  if (mp_planner_get_selected (self->planner) == NULL)
    return;
  mp_program_details_refresh (self->details);
  mp_program_details_refresh (self->side_details);
}

/* ---- the object -------------------------------------------------------- */

static void
load_programs (MpWeightsPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!mp_program_store_load_samples (self->store, &error))
    {
      mp_weights_panel_show_error (self, error->message);
      g_clear_error (&error);
    }
  if (!mp_program_store_load_user (self->store, NULL, &error))
    mp_weights_panel_show_error (self, error->message);
  gtk_widget_set_visible (self->restore_button,
                          mp_program_store_get_backup_offer (self->store) > 0);
}

/* Without a planner given, the panel starts the session: the samples and
 * the user's programs (unless a store was given), bound to the settings. */
static void
ensure_planner (MpWeightsPanel *self)
{
  g_autoptr(GSettings) settings = NULL;

  if (self->planner != NULL)
    {
      g_set_object (&self->store, mp_planner_get_store (self->planner));
      return;
    }
  if (self->store == NULL)
    {
      self->store = mp_program_store_new ();
      load_programs (self);
    }
  settings = g_settings_new (APP_ID);
  self->planner = mp_planner_new (self->store, settings);
}

static void
connect_planner (MpWeightsPanel *self)
{
  g_signal_connect_object (self->scorer, "ranked", G_CALLBACK (on_ranked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::selected", G_CALLBACK (show_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "compared-changed", G_CALLBACK (compared_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::note", G_CALLBACK (on_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::note-undoable", G_CALLBACK (on_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::note-action", G_CALLBACK (on_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "save-failed", G_CALLBACK (on_save_failed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "saved", G_CALLBACK (on_saved),
                           self, G_CONNECT_SWAPPED);
}

static void
mp_weights_panel_constructed (GObject *object)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (object);

  G_OBJECT_CLASS (mp_weights_panel_parent_class)->constructed (object);

  ensure_planner (self);
  self->scorer = g_object_ref (mp_planner_get_scorer (self->planner));
  connect_planner (self);
  mp_weight_sliders_set_planner (self->sliders, self->planner);
  mp_filter_button_set_planner (self->filter_button, self->planner);
  mp_circumstances_button_set_planner (self->circumstances_button, self->planner);
  mp_ranking_view_set_planner (self->ranking_view, self->planner);
  mp_confidence_bar_set_planner (self->confidence_bar, self->planner);
  mp_ranking_view_set_confidence_runner (self->ranking_view,
                                         mp_confidence_bar_get_runner (self->confidence_bar));
  mp_program_details_set_confidence_runner (self->details,
                                            mp_confidence_bar_get_runner (self->confidence_bar));
  mp_program_details_set_confidence_runner (self->side_details,
                                            mp_confidence_bar_get_runner (self->confidence_bar));
  mp_program_details_set_planner (self->details, self->planner);
  mp_program_details_set_planner (self->side_details, self->planner);
  g_signal_connect_object (self->ranking_view, "row-activated", G_CALLBACK (on_row_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ranking_view, "row-clicked", G_CALLBACK (on_row_clicked),
                           self, G_CONNECT_SWAPPED);
  on_ranked (self);
  mp_compare_view_set_planner (self->compare_view, self->planner);
  mp_value_view_set_planner (self->value_view, self->planner);
  g_signal_connect_object (self->value_view, "program-chosen", G_CALLBACK (on_value_chosen),
                           self, G_CONNECT_SWAPPED);
  show_selected (self);
  on_note_changed (self);
}

static void
mp_weights_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLANNER:
      self->planner = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_weights_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLANNER:
      g_value_set_object (value, self->planner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ---- wide layout ------------------------------------------------------- */

static void
set_wide (MpWeightsPanel *self,
          gboolean        wide)
{
  GtkStackPage *page = gtk_stack_get_page (self->stack, GTK_WIDGET (self->details));

  self->wide = wide;
  gtk_widget_set_visible (self->side_separator, wide);
  gtk_widget_set_visible (GTK_WIDGET (self->side_details), wide);
  if (wide && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    gtk_stack_set_visible_child_name (self->stack, "ranking");
  gtk_stack_page_set_visible (page, !wide);
}

static gboolean
apply_wide (gpointer data)
{
  MpWeightsPanel *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->wide_idle = 0;
  if (!self->wide && width >= WIDE_WIDTH)
    set_wide (self, TRUE);
  else if (self->wide && width < WIDE_WIDTH - WIDE_HYSTERESIS)
    set_wide (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Showing or hiding children inside an allocation would resize during
 * layout: the switch happens right after it, in the next frame. */
static void
mp_weights_panel_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (widget);
  gboolean want = self->wide ? width >= WIDE_WIDTH - WIDE_HYSTERESIS : width >= WIDE_WIDTH;

  gtk_widget_allocate (self->panel_box, width, height, baseline, NULL);
  if (want != self->wide && self->wide_idle == 0)
    self->wide_idle = g_idle_add (apply_wide, self);
}

static void
mp_weights_panel_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (MP_WEIGHTS_PANEL (widget)->panel_box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
mp_weights_panel_dispose (GObject *object)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (object);

  if (self->planner != NULL)
    {
      mp_planner_flush_settings (self->planner);
      g_signal_handlers_disconnect_by_data (self->planner, self);
    }
  if (self->scorer != NULL)
    g_signal_handlers_disconnect_by_data (self->scorer, self);
  g_clear_handle_id (&self->details_idle, g_source_remove);
  g_clear_handle_id (&self->wide_idle, g_source_remove);
  g_settings_sync ();
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WEIGHTS_PANEL);
  g_clear_object (&self->scorer);
  g_clear_object (&self->store);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (mp_weights_panel_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-weights-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, panel_box);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, body_box);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, body_separator);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, restore_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_undo_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_action_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, sliders);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, switcher);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, circumstances_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, confidence_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, details);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, side_separator);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, side_details);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, compare_view);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, value_view);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_undo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_action_clicked);
}

static void
mp_weights_panel_class_init (MpWeightsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_weights_panel_constructed;
  object_class->set_property = mp_weights_panel_set_property;
  object_class->get_property = mp_weights_panel_get_property;
  object_class->dispose = mp_weights_panel_dispose;
  widget_class->size_allocate = mp_weights_panel_size_allocate;
  widget_class->measure = mp_weights_panel_measure;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MP_TYPE_PROGRAM_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLANNER] =
    g_param_spec_object ("planner", NULL, NULL, MP_TYPE_PLANNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_PROGRAM_DETAILS);
  g_type_ensure (MP_TYPE_WEIGHT_SLIDERS);
  g_type_ensure (MP_TYPE_FILTER_BUTTON);
  g_type_ensure (MP_TYPE_CIRCUMSTANCES_BUTTON);
  g_type_ensure (MP_TYPE_CONFIDENCE_BAR);
  g_type_ensure (MP_TYPE_COMPARE_VIEW);
  g_type_ensure (MP_TYPE_VALUE_VIEW);
  g_type_ensure (MP_TYPE_RANKING_VIEW);
  bind_template (widget_class);
  mp_weights_panel_install_actions (widget_class);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_to_ranking, NULL);
  gtk_widget_class_set_css_name (widget_class, "weightspanel");
}

static void
mp_weights_panel_init (MpWeightsPanel *self)
{
  mp_panel_ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public API -------------------------------------------------------- */

GtkWidget *
mp_weights_panel_new (void)
{
  return g_object_new (MP_TYPE_WEIGHTS_PANEL, NULL);
}

GtkWidget *
mp_weights_panel_new_with_store (MpProgramStore *store)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (store), NULL);
  return g_object_new (MP_TYPE_WEIGHTS_PANEL, "store", store, NULL);
}

void
mp_weights_panel_suggest_kind (MpWeightsPanel *self,
                               MpKindFilter    kind,
                               const char     *reason)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  mp_planner_suggest_kind (self->planner, kind, reason);
}

MpPlanner *
mp_weights_panel_get_planner (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return self->planner;
}

MpProgramStore *
mp_weights_panel_get_store (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return self->store;
}

MpScorer *
mp_weights_panel_get_scorer (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return self->scorer;
}

GListModel *
mp_weights_panel_get_ranking (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return mp_ranking_view_get_model (self->ranking_view);
}

GtkWidget *
mp_weights_panel_get_list_view (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return mp_ranking_view_get_list_view (self->ranking_view);
}

GtkRange *
mp_weights_panel_get_slider (MpWeightsPanel *self,
                             MpCriterion     criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return mp_weight_sliders_get_slider (self->sliders, criterion);
}

const char *
mp_weights_panel_get_sensitivity_text (MpWeightsPanel *self,
                                       MpCriterion     criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return mp_weight_sliders_get_sensitivity_text (self->sliders, criterion);
}

const char *
mp_weights_panel_get_empty_message (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);

  return mp_ranking_view_get_empty_message (self->ranking_view);
}

const char *
mp_weights_panel_get_banner_message (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_label (self->banner_label);
}

const char *
mp_weights_panel_get_note_message (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->note_revealer))
    return NULL;
  return gtk_label_get_label (self->note_label);
}

gboolean
mp_weights_panel_undo_note (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);

  if (!mp_planner_get_note_undoable (self->planner))
    {
      mp_planner_dismiss_note (self->planner);
      return FALSE;
    }
  mp_planner_undo (self->planner);
  mp_ranking_view_sync_selection (self->ranking_view);
  return TRUE;
}

void
mp_weights_panel_apply_article_weights (MpWeightsPanel *self)
{
  MpWeights weights;

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  mp_weights_init_article (&weights);
  mp_planner_set_weights (self->planner, &weights);
}

void
mp_weights_panel_apply_equal_weights (MpWeightsPanel *self)
{
  MpWeights weights;

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  mp_weights_init_equal (&weights);
  mp_planner_set_weights (self->planner, &weights);
}

GtkWindow *
mp_weights_panel_get_dialog (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return self->dialog;
}

void
mp_weights_panel_select_rank (MpWeightsPanel *self,
                              guint           rank)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  mp_ranking_view_select_rank (self->ranking_view, rank);
}

void
mp_weights_panel_toggle_compare (MpWeightsPanel *self)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  mp_planner_toggle_compare (self->planner);
}

guint
mp_weights_panel_get_n_compared (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), 0);
  return mp_planner_get_n_compared (self->planner);
}

GtkWidget *
mp_weights_panel_get_details (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return GTK_WIDGET (self->details);
}

GtkWidget *
mp_weights_panel_get_value_view (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return GTK_WIDGET (self->value_view);
}

GtkWidget *
mp_weights_panel_get_compare_chart (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return mp_compare_view_get_chart (self->compare_view);
}

gboolean
mp_weights_panel_get_wide (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  return self->wide;
}

void
mp_weights_panel_set_stacked (MpWeightsPanel *self,
                              gboolean        stacked)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_box),
                                  stacked ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_separator),
                                  stacked ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  mp_weight_sliders_set_full_height (self->sliders, stacked);
}

void
mp_weights_panel_show_page (MpWeightsPanel *self,
                            const char     *page)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  gtk_stack_set_visible_child_name (self->stack, page);
}
