/* mp-weights-panel.c: sliders, the live ranking, details and comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-weights-panel.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-compare-chart.h"
#include "mp-panel-common.h"
#include "mp-planner.h"
#include "mp-program-details.h"
#include "mp-program-dialog.h"
#include "mp-program-row.h"
#include "mp-rank-model.h"
#include "mp-sensitivity-bar.h"
#include "mp-utils.h"

/* From this panel width on, the details sit beside the ranking (with a
 * margin below it so that a width near the edge does not flip back and forth). */
#define WIDE_WIDTH     1000
#define WIDE_HYSTERESIS 40


struct _MpWeightsPanel
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *panel_box;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkRevealer        *note_revealer;
  GtkLabel           *note_label;
  GtkWidget          *note_undo_button;
  GtkScrolledWindow  *sliders_scroller;
  GtkBox             *criteria_box;
  GtkWidget          *switcher;
  GtkWidget          *filter_button;
  GtkLabel           *filter_label;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *tuition_dropdown;
  GtkDropDown        *hours_dropdown;
  GtkDropDown        *format_dropdown;
  GtkStack           *stack;
  GtkStack           *ranking_stack;
  GtkListView        *list_view;
  GtkLabel           *empty_title;
  GtkLabel           *empty_label;
  GtkButton          *empty_button;
  MpProgramDetails   *details;
  GtkWidget          *side_separator;
  MpProgramDetails   *side_details;
  gboolean            wide;
  guint               wide_idle;
  GtkStack           *compare_stack;
  GtkBox             *compare_legend;
  MpCompareChart     *compare_chart;

  GtkRange           *scales[MP_N_CRITERIA];
  MpSensitivityBar   *sensitivity_bars[MP_N_CRITERIA];
  GtkLabel           *sensitivity_labels[MP_N_CRITERIA];

  /* The decision lives in the planner; the panel shows it and calls it. */
  MpPlanner          *planner;
  MpProgramStore     *store;   /* the planner's */
  MpScorer           *scorer;  /* the planner's */
  MpRankModel        *rank_model;
  GtkSingleSelection *selection;

  GtkFileChooserNative *chooser;
  GtkWindow          *dialog;
  GdkFrameClock      *sensitivity_clock;
  gulong              sensitivity_handler;
  GtkWidget          *pressed_row;  /* not a reference: only compared */
  guint               details_idle;
  gboolean            syncing_selection;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLANNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpWeightsPanel, mp_weights_panel, GTK_TYPE_WIDGET)

static void update_actions (MpWeightsPanel *self);

/* ---- banner and note ------------------------------------------------- */

static void
show_error (MpWeightsPanel *self,
            const char     *message)
{
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
on_banner_close_clicked (MpWeightsPanel *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
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

static void
on_note_changed (MpWeightsPanel *self)
{
  const char *note = mp_planner_get_note (self->planner);

  if (note != NULL)
    gtk_label_set_label (self->note_label, note);
  gtk_widget_set_visible (self->note_undo_button, mp_planner_get_note_undoable (self->planner));
  gtk_revealer_set_reveal_child (self->note_revealer, note != NULL);
}

static void
on_save_failed (MpWeightsPanel *self,
                const GError   *error)
{
  g_autofree char *message = NULL;

  /* Translators: %s is the reason, naming the file */
  message = g_strdup_printf (_("Could not save your programs: %s. They stay in this window; "
                               "the previous file on disk is unchanged."), error->message);
  show_error (self, message);
}

/* ---- program indices --------------------------------------------------- */

static MpProgram *
store_item (MpWeightsPanel *self,
            int             index)
{
  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (self->store)))
    return NULL;
  return mp_program_store_peek (self->store, index);
}

static char *
program_name (MpWeightsPanel *self,
              int             index)
{
  MpProgram *program = store_item (self, index);

  return g_strdup (program != NULL ? mp_program_get_name (program) : "");
}

/* ---- weights ----------------------------------------------------------- */

/* A weight change moves rows: the list shows by how much. */
static void
on_weights_changed (MpWeightsPanel *self)
{
  mp_rank_model_set_show_movement (self->rank_model, TRUE);
}

static void
on_article_clicked (MpWeightsPanel *self)
{
  mp_weights_panel_apply_article_weights (self);
}

static void
on_equal_clicked (MpWeightsPanel *self)
{
  mp_weights_panel_apply_equal_weights (self);
}

/* ---- sliders --------------------------------------------------------- */

/* The wheel over a slider scrolls the sliders' column, never the value. */
static gboolean
on_scale_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 MpWeightsPanel           *self)
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
                MpWeightsPanel           *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      mp_scorer_hold_previous (self->scorer, TRUE);
      break;
    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      mp_scorer_hold_previous (self->scorer, FALSE);
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
build_scale (MpWeightsPanel *self,
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

static void
build_sliders (MpWeightsPanel *self)
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
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->scales[c]),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                      -1);
      gtk_box_append (self->criteria_box, box);
    }
}

/* ---- sensitivity ------------------------------------------------------- */

static char *
describe_sensitivity (MpWeightsPanel      *self,
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
update_sensitivity (MpWeightsPanel *self)
{
  for (MpCriterion c = 0; c < MP_N_CRITERIA; c++)
    {
      MpSensitivity s;
      g_autofree char *text = NULL;

      if (!mp_scorer_get_sensitivity (self->scorer, c, &s))
        {
          mp_sensitivity_bar_clear (self->sensitivity_bars[c]);
          gtk_label_set_label (self->sensitivity_labels[c], "");
          continue;
        }
      mp_sensitivity_bar_set_range (self->sensitivity_bars[c], s.low, s.high,
                                    mp_planner_get_weight (self->planner, c));
      text = describe_sensitivity (self, &s);
      gtk_label_set_label (self->sensitivity_labels[c], text);
    }
}

static void
cancel_sensitivity (MpWeightsPanel *self)
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
on_after_paint_sensitivity (MpWeightsPanel *self)
{
  cancel_sensitivity (self);
  update_sensitivity (self);
}

/* The bands cost a few milliseconds with many programs: while a slider
 * moves they follow right after the frame that shows the new order, so
 * they never delay it. */
static void
queue_sensitivity (MpWeightsPanel *self)
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
flush_sensitivity (MpWeightsPanel *self)
{
  if (self->sensitivity_clock != NULL)
    on_after_paint_sensitivity (self);
}

/* ---- filters ----------------------------------------------------------- */

static void
update_filter_label (MpWeightsPanel *self)
{
  GListModel *kinds = gtk_drop_down_get_model (self->kind_dropdown);
  MpProgramFilter filter;
  g_autoptr(GtkStringObject) kind = NULL;
  int extra;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  mp_planner_get_filter (self->planner, &filter);
  kind = g_list_model_get_item (kinds, filter.kind);
  extra = (filter.max_tuition >= 0) + (filter.max_hours_per_week >= 0) + (filter.format >= 0);
  if (extra == 0)
    text = g_strdup (gtk_string_object_get_string (kind));
  else
    /* Translators: a kind filter such as "Alternatives", then how many more filters are on */
    text = g_strdup_printf (ngettext ("%s +%d", "%s +%d", extra),
                            gtk_string_object_get_string (kind), extra);
  gtk_label_set_label (self->filter_label, text);
  /* Translators: the accessible name of the filter button, e.g. "Filters: Alternatives +1" */
  accessible = g_strdup_printf (_("Filters: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* A filter change reorders nothing: rows come and go without arrows. */
static void
on_filter_changed (MpWeightsPanel *self)
{
  mp_rank_model_set_show_movement (self->rank_model, FALSE);
  update_filter_label (self);
}

static guint
key_index (const char * const *keys,
           guint               n,
           const char         *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

/* The drop-downs show the planner's filter: key or limit ↔ item. */
static gboolean
key_to_item (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      keys)
{
  const char * const *k = keys;

  g_value_set_uint (to, key_index (k, g_strv_length ((char **) k), g_value_get_string (from)));
  return TRUE;
}

static gboolean
item_to_key (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      keys)
{
  const char * const *k = keys;
  guint i = g_value_get_uint (from);

  if (i >= g_strv_length ((char **) k))
    return FALSE;
  g_value_set_string (to, k[i]);
  return TRUE;
}

static gboolean
limit_to_item (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      tuition)
{
  guint n;
  const double *presets = tuition ? mp_planner_get_tuition_presets (&n)
                                  : mp_planner_get_hours_presets (&n);

  g_value_set_uint (to, mp_planner_preset_index (presets, n, g_value_get_double (from)));
  return TRUE;
}

static gboolean
item_to_limit (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      tuition)
{
  guint n;
  const double *presets = tuition ? mp_planner_get_tuition_presets (&n)
                                  : mp_planner_get_hours_presets (&n);
  guint i = g_value_get_uint (from);

  if (i >= n)
    return FALSE;
  g_value_set_double (to, presets[i]);
  return TRUE;
}

static void
bind_filter (MpWeightsPanel *self)
{
  static const char * const kinds[] = { "all", "masters", "alternatives", NULL };
  static const char * const formats[] = { "any", "online", "hybrid", "in-person", NULL };
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  g_object_bind_property_full (self->planner, "kind-filter", self->kind_dropdown, "selected",
                               flags, key_to_item, item_to_key, (gpointer) kinds, NULL);
  g_object_bind_property_full (self->planner, "format-filter", self->format_dropdown, "selected",
                               flags, key_to_item, item_to_key, (gpointer) formats, NULL);
  g_object_bind_property_full (self->planner, "max-tuition", self->tuition_dropdown, "selected",
                               flags, limit_to_item, item_to_limit, GINT_TO_POINTER (TRUE), NULL);
  g_object_bind_property_full (self->planner, "max-hours-per-week", self->hours_dropdown,
                               "selected", flags, limit_to_item, item_to_limit, NULL, NULL);
  g_signal_connect_object (self->planner, "notify::kind-filter",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::format-filter",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::max-tuition",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::max-hours-per-week",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  update_filter_label (self);
}

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
on_remove_compared_clicked (GtkButton      *button,
                            MpWeightsPanel *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position"));

  mp_planner_remove_compared (self->planner, position);
}

static GtkWidget *
build_legend_entry (MpWeightsPanel *self,
                    guint           position)
{
  MpProgram *program = mp_planner_get_compared (self->planner, position);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (mp_program_get_name (program));
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
rebuild_compare_legend (MpWeightsPanel *self)
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
update_compare_chart (MpWeightsPanel *self)
{
  MpCompareEntry entries[MP_PLANNER_MAX_COMPARED];
  gboolean scored = mp_scorer_has_scores (self->scorer);
  guint n = mp_planner_get_n_compared (self->planner);

  for (guint i = 0; i < n; i++)
    {
      MpProgram *program = mp_planner_get_compared (self->planner, i);
      guint index = mp_planner_get_compared_index (self->planner, i);

      entries[i].name = mp_program_get_name (program);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        entries[i].ratings[c] = mp_program_get_rating (program, c);
      entries[i].score = scored ? mp_scorer_get_score (self->scorer, index) : -1;
    }
  mp_compare_chart_set_entries (self->compare_chart, entries, n);
}

static void
compared_changed (MpWeightsPanel *self)
{
  rebuild_compare_legend (self);
  update_compare_chart (self);
  set_details_compared (self);
  update_actions (self);
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
  update_actions (self);
}

static void
on_selection_changed (MpWeightsPanel *self)
{
  MpRankSlot *slot;

  if (self->syncing_selection)
    return;
  slot = gtk_single_selection_get_selected_item (self->selection);
  mp_planner_select_index (self->planner, slot != NULL ? (int) mp_rank_slot_get_program_index (slot)
                                                       : -1);
}

/* The list's selection follows the planner's program, not the rank
 * position, across re-ranks. */
static void
sync_selection (MpWeightsPanel *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (mp_planner_get_selected (self->planner) != NULL)
    {
      int rank = mp_scorer_get_rank_of (self->scorer,
                                        mp_planner_get_selected_index (self->planner));

      mp_program_details_refresh (self->details);
      mp_program_details_refresh (self->side_details);
      if (rank >= 0)
        position = rank;
    }
  if (gtk_single_selection_get_selected (self->selection) == position)
    return;
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static void
on_list_activate (MpWeightsPanel *self,
                  guint           position)
{
  /* Tab focuses a row without selecting it: Enter opens that row. */
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
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

/* A click on a row opens its details (arrow keys only move the selection,
 * Enter opens). The list selects on the same click, so the page turns once
 * that has happened. */
static gboolean
on_list_event (GtkEventControllerLegacy *controller,
               GdkEvent                 *event,
               MpWeightsPanel           *self)
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
  else if (picked != NULL && picked == self->pressed_row && self->details_idle == 0)
    self->details_idle = g_idle_add (show_details_idle, self);
  return GDK_EVENT_PROPAGATE;
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
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

/* ---- ranking ----------------------------------------------------------- */

static void
show_empty (MpWeightsPanel *self,
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
update_empty_state (MpWeightsPanel *self)
{
  if (!mp_scorer_has_scores (self->scorer))
    show_empty (self, _("All weights are zero"),
                _("With no criterion weighted, every program scores the same. "
                  "Raise any slider to rank the programs."),
                _("Use the _Article’s Weights"), "panel.article-weights");
  else if (mp_scorer_get_n_ranked (self->scorer) > 0)
    gtk_stack_set_visible_child_name (self->ranking_stack, "list");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0)
    show_empty (self, _("No program matches the filters"),
                _("Loosen the tuition, workload or format limits, or show every kind of program."),
                _("_Clear Filters"), "panel.clear-filters");
  else
    show_empty (self, _("No programs"),
                _("Add a program you are considering, or import a CSV or JSON file."),
                _("_Add Program…"), "panel.add-program");
}

static void
on_ranked (MpWeightsPanel *self)
{
  update_empty_state (self);
  sync_selection (self);
  queue_sensitivity (self);
  update_compare_chart (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           MpWeightsPanel           *self)
{
  gtk_list_item_set_child (item, mp_program_row_new (self->scorer));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          MpWeightsPanel           *self)
{
  mp_program_row_set_slot (MP_PROGRAM_ROW (gtk_list_item_get_child (item)),
                           gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            MpWeightsPanel           *self)
{
  mp_program_row_set_slot (MP_PROGRAM_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_list (MpWeightsPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *legacy;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->rank_model = mp_rank_model_new (self->scorer, G_LIST_MODEL (self->store));
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

/* ---- the user's programs --------------------------------------------- */

static void
on_dialog_saved (MpWeightsPanel  *self,
                 MpProgram       *program,
                 MpProgramDialog *dialog)
{
  mp_planner_save_program (self->planner, program);
  sync_selection (self);
}

/* @program: the one to edit; with @copy, the start of a new one. */
static void
open_dialog (MpWeightsPanel *self,
             MpProgram      *program,
             gboolean        copy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  MpProgramDialog *dialog;

  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  if (copy)
    dialog = mp_program_dialog_new_from (parent, program);
  else
    dialog = mp_program_dialog_new (parent, program);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_selected (MpWeightsPanel *self)
{
  MpProgram *selected = mp_planner_get_selected (self->planner);

  if (selected != NULL && mp_planner_delete_program (self->planner, selected))
    gtk_stack_set_visible_child_name (self->stack, "ranking");
}

/* The file the reader chose, or NULL; the chooser is done with either way. */
static GFile *
take_chosen_file (MpWeightsPanel       *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  return file;
}

static void
on_import_response (MpWeightsPanel       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file != NULL)
    mp_weights_panel_import_file (self, file);
}

static void
on_export_response (MpWeightsPanel       *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = take_chosen_file (self, response, chooser);

  if (file != NULL)
    mp_weights_panel_export_file (self, file);
}

static GtkFileChooserNative *
new_chooser (MpWeightsPanel       *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             GCallback             on_response)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (title, parent, action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", on_response, self, G_CONNECT_SWAPPED);
  return self->chooser;
}

/* ---- actions ----------------------------------------------------------- */

static void
update_actions (MpWeightsPanel *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  MpProgram *selected = mp_planner_get_selected (self->planner);
  gboolean user = selected != NULL && mp_program_get_user_defined (selected);

  gtk_widget_action_set_enabled (widget, "panel.edit-program", user);
  gtk_widget_action_set_enabled (widget, "panel.delete-program", user);
  gtk_widget_action_set_enabled (widget, "panel.copy-program", selected != NULL);
  gtk_widget_action_set_enabled (widget, "panel.toggle-compare",
                                 mp_planner_can_toggle_compare (self->planner));
}

static void
panel_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (widget);
  const char *name = action_name + strlen ("panel.");
  MpProgram *selected = mp_planner_get_selected (self->planner);

  if (g_str_equal (name, "add-program"))
    mp_weights_panel_add_program (self);
  else if (g_str_equal (name, "import"))
    mp_weights_panel_import (self);
  else if (g_str_equal (name, "export"))
    mp_weights_panel_export (self);
  else if (g_str_equal (name, "clear-filters"))
    mp_planner_clear_filter (self->planner);
  else if (g_str_equal (name, "article-weights"))
    mp_weights_panel_apply_article_weights (self);
  else if (g_str_equal (name, "toggle-compare"))
    mp_weights_panel_toggle_compare (self);
  else if (g_str_equal (name, "edit-program") && selected != NULL)
    open_dialog (self, selected, FALSE);
  else if (g_str_equal (name, "copy-program") && selected != NULL)
    open_dialog (self, selected, TRUE);
  else if (g_str_equal (name, "delete-program"))
    delete_selected (self);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  static const char * const names[] = {
    "panel.add-program", "panel.import", "panel.export", "panel.clear-filters",
    "panel.article-weights", "panel.toggle-compare", "panel.edit-program",
    "panel.delete-program", "panel.copy-program",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_widget_class_install_action (widget_class, names[i], NULL, panel_action);
}

/* ---- the object -------------------------------------------------------- */

static void
load_programs (MpWeightsPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (!mp_program_store_load_samples (self->store, &error))
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }
  if (!mp_program_store_load_user (self->store, NULL, &error))
    show_error (self, error->message);
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
  g_signal_connect_object (self->planner, "notify::weights", G_CALLBACK (on_weights_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::selected", G_CALLBACK (show_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "compared-changed", G_CALLBACK (compared_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::note", G_CALLBACK (on_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "notify::note-undoable", G_CALLBACK (on_note_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->planner, "save-failed", G_CALLBACK (on_save_failed),
                           self, G_CONNECT_SWAPPED);
}

static void
mp_weights_panel_constructed (GObject *object)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (object);

  G_OBJECT_CLASS (mp_weights_panel_parent_class)->constructed (object);

  ensure_planner (self);
  self->scorer = g_object_ref (mp_planner_get_scorer (self->planner));
  setup_list (self);
  connect_planner (self);
  build_sliders (self);
  bind_filter (self);
  mp_rank_model_set_show_movement (self->rank_model, TRUE);
  on_ranked (self);
  rebuild_compare_legend (self);
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
mp_weights_panel_unmap (GtkWidget *widget)
{
  MpWeightsPanel *self = MP_WEIGHTS_PANEL (widget);
  gboolean pending = self->sensitivity_clock != NULL;

  cancel_sensitivity (self);
  GTK_WIDGET_CLASS (mp_weights_panel_parent_class)->unmap (widget);
  if (pending)
    update_sensitivity (self);
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
  cancel_sensitivity (self);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WEIGHTS_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rank_model);
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
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, banner_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, note_undo_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, sliders_scroller);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, criteria_box);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, switcher);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, filter_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, filter_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, tuition_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, hours_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, ranking_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, empty_title);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, empty_button);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, details);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, side_separator);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, side_details);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, compare_legend);
  gtk_widget_class_bind_template_child (widget_class, MpWeightsPanel, compare_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_undo_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_article_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_equal_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
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
  widget_class->unmap = mp_weights_panel_unmap;
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
  g_type_ensure (MP_TYPE_COMPARE_CHART);
  bind_template (widget_class);
  install_actions (widget_class);
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

void
mp_weights_panel_import (MpWeightsPanel *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  chooser = new_chooser (self, _("Import Programs"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                         G_CALLBACK (on_import_response));
  gtk_file_filter_set_name (filter, _("Programs (CSV or JSON)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mp_weights_panel_export (MpWeightsPanel *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));

  chooser = new_chooser (self, _("Export Ranking"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                         G_CALLBACK (on_export_response));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of an exported ranking */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("ranking.csv"));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
mp_weights_panel_add_program (MpWeightsPanel *self)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  open_dialog (self, NULL, FALSE);
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
  return G_LIST_MODEL (self->rank_model);
}

GtkWidget *
mp_weights_panel_get_list_view (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return GTK_WIDGET (self->list_view);
}

GtkRange *
mp_weights_panel_get_slider (MpWeightsPanel *self,
                             MpCriterion     criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return self->scales[criterion];
}

const char *
mp_weights_panel_get_sensitivity_text (MpWeightsPanel *self,
                                       MpCriterion     criterion)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  flush_sensitivity (self);
  return gtk_label_get_label (self->sensitivity_labels[criterion]);
}

const char *
mp_weights_panel_get_empty_message (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->ranking_stack), "empty") != 0)
    return NULL;
  return gtk_label_get_label (self->empty_title);
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
  sync_selection (self);
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

gboolean
mp_weights_panel_import_file (MpWeightsPanel *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Hidden first: a failed save of what was imported shows its own error. */
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (mp_planner_import (self->planner, file, &error) >= 0)
    return TRUE;
  /* Translators: %s is the reason, starting with FILE:LINE:COLUMN */
  message = g_strdup_printf (_("Nothing was imported. %s"), error->message);
  show_error (self, message);
  return FALSE;
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
  gtk_single_selection_set_selected (self->selection, rank);
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
mp_weights_panel_get_compare_chart (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), NULL);
  return GTK_WIDGET (self->compare_chart);
}

gboolean
mp_weights_panel_get_wide (MpWeightsPanel *self)
{
  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  return self->wide;
}

void
mp_weights_panel_show_page (MpWeightsPanel *self,
                            const char     *page)
{
  g_return_if_fail (MP_IS_WEIGHTS_PANEL (self));
  gtk_stack_set_visible_child_name (self->stack, page);
}

gboolean
mp_weights_panel_export_file (MpWeightsPanel *self,
                              GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MP_IS_WEIGHTS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (mp_planner_export_ranking (self->planner, file, &error))
    return TRUE;
  /* Translators: %s is the reason */
  message = g_strdup_printf (_("Could not export the ranking: %s"), error->message);
  show_error (self, message);
  return FALSE;
}
