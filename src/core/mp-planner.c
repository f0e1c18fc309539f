/* mp-planner.c: the user's decision session as one object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-planner.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-ranking-format.h"
#include "mp-utils.h"
#include "mp-walk-filter.h"

/* Writing the weights wakes the settings service: a drag writes them at most
 * this often. */
#define APPLY_SETTINGS_DELAY_MS 300
#define MAX_UNDO 20

static const double tuition_presets[] = { -1, 5000, 15000, 30000, 50000 };
static const double hours_presets[] = { -1, 5, 10, 15, 20 };
static const char * const kind_keys[] = { "all", "masters", "alternatives" };
static const char * const format_keys[] = { "any", "online", "hybrid", "in-person" };

static const double spread_presets[] = { 0, 10, 15, 20 };

typedef enum {
  UNDO_KIND_FILTER,
  UNDO_DELETE,
  UNDO_CIRCUMSTANCES,
  UNDO_WEIGHTS,
  UNDO_FILTER,
} UndoKind;

typedef struct {
  UndoKind         kind;
  MpKindFilter     previous_kind;
  MpProgram       *program;
  MpCircumstances  previous_circumstances;
  MpWeights        previous_weights;
  MpProgramFilter  previous_filter;
} UndoEntry;

struct _MpPlanner
{
  GObject          parent_instance;

  MpProgramStore  *store;
  MpScorer        *scorer;
  GSettings       *settings;
  guint            apply_id;
  gboolean         apply_after_notify;

  MpWeights        weights;
  MpProgramFilter  filter;

  MpProgram       *selected;
  int              selected_index;
  GPtrArray       *compared;
  guint            compared_index[MP_PLANNER_MAX_COMPARED];

  char            *walk_state;
  char            *outcome_id;
  char            *outcome_label;
  MpWalkFilter     walk_filter;

  MpCircumstances  circumstances;
  MpFundingAnswer  funding_answer;

  char            *note;
  gboolean         note_undoable;
  MpNoteAction     note_action;
  gboolean         outcome_note;  /* the note names the walk's outcome */
  GArray          *undo;  /* of UndoEntry, the last on top */

  double           spread;
  char            *tradeoff_answers;
};

enum {
  PROP_0,
  PROP_WEIGHT_FIRST,
  PROP_WEIGHT_LAST = PROP_WEIGHT_FIRST + MP_N_CRITERIA - 1,
  PROP_WEIGHTS,
  PROP_KIND_FILTER,
  PROP_MAX_TUITION,
  PROP_MAX_HOURS_PER_WEEK,
  PROP_FORMAT_FILTER,
  PROP_BEST_VALUE_FILTER,
  PROP_SELECTED,
  PROP_WALK_STATE,
  PROP_OUTCOME_ID,
  PROP_OUTCOME_LABEL,
  PROP_NOTE,
  PROP_NOTE_UNDOABLE,
  PROP_NOTE_ACTION,
  PROP_FUNDING,
  PROP_FUNDING_USD,
  PROP_AVAILABLE_HOURS,
  PROP_HOUR_VALUE,
  PROP_FUNDING_ANSWER,
  PROP_CIRCUMSTANCES,
  PROP_SPREAD,
  PROP_TRADEOFF_ANSWERS,
  N_PROPS
};

enum {
  COMPARED_CHANGED,
  SAVE_FAILED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpPlanner, mp_planner, G_TYPE_OBJECT)

static const char * const weight_properties[MP_N_CRITERIA] = {
  "weight-faculty", "weight-scholarship", "weight-funding", "weight-flexibility", "weight-brand",
};

/* ---- settings ---------------------------------------------------------- */

static gboolean
apply_settings (gpointer data)
{
  MpPlanner *self = data;

  self->apply_id = 0;
  g_settings_apply (self->settings);
  return G_SOURCE_REMOVE;
}

/* The bindings write into the delayed settings; this hands them on. */
static void
queue_apply (MpPlanner *self,
             gboolean   now)
{
  if (self->settings == NULL)
    return;
  if (now)
    {
      g_clear_handle_id (&self->apply_id, g_source_remove);
      apply_settings (self);
      self->apply_after_notify = TRUE;
    }
  else if (self->apply_id == 0)
    self->apply_id = g_timeout_add (APPLY_SETTINGS_DELAY_MS, apply_settings, self);
}

static gboolean
weights_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  data)
{
  g_value_set_variant (value, variant);
  return TRUE;
}

static GVariant *
weights_to_setting (const GValue       *value,
                    const GVariantType *type,
                    gpointer            data)
{
  return g_value_dup_variant (value);
}

static gboolean
snap_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  data)
{
  const double *presets = data;
  guint n = presets == tuition_presets ? G_N_ELEMENTS (tuition_presets)
                                       : G_N_ELEMENTS (hours_presets);

  g_value_set_double (value, presets[mp_planner_preset_index (presets, n,
                                                              g_variant_get_double (variant))]);
  return TRUE;
}

static GVariant *
double_to_setting (const GValue       *value,
                   const GVariantType *type,
                   gpointer            data)
{
  return g_variant_new_double (g_value_get_double (value));
}

static void
bind_settings (MpPlanner *self)
{
  GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY;

  g_settings_delay (self->settings);
  g_settings_bind_with_mapping (self->settings, "weights", self, "weights", flags,
                                weights_from_setting, weights_to_setting, NULL, NULL);
  g_settings_bind (self->settings, "kind-filter", self, "kind-filter", flags);
  g_settings_bind (self->settings, "format-filter", self, "format-filter", flags);
  g_settings_bind (self->settings, "best-value-filter", self, "best-value-filter", flags);
  g_settings_bind_with_mapping (self->settings, "max-tuition", self, "max-tuition", flags,
                                snap_from_setting, double_to_setting,
                                (gpointer) tuition_presets, NULL);
  g_settings_bind_with_mapping (self->settings, "max-hours-per-week", self,
                                "max-hours-per-week", flags,
                                snap_from_setting, double_to_setting,
                                (gpointer) hours_presets, NULL);
  g_settings_bind (self->settings, "flow-walk", self, "walk-state", flags);
  g_settings_bind (self->settings, "funding", self, "funding", flags);
  g_settings_bind (self->settings, "funding-usd", self, "funding-usd", flags);
  g_settings_bind (self->settings, "available-hours", self, "available-hours", flags);
  g_settings_bind (self->settings, "hour-value", self, "hour-value", flags);
  g_settings_bind (self->settings, "funding-answer", self, "funding-answer", flags);
  g_settings_bind (self->settings, "weight-spread", self, "spread", flags);
  g_settings_bind (self->settings, "tradeoff-answers", self, "tradeoff-answers", flags);
}

/* ---- weights and filter ------------------------------------------------ */

static double
clean_weight (double weight)
{
  return isfinite (weight) ? CLAMP (round (weight), 0, 100) : 0;
}

static GVariant *
weights_variant (const MpWeights *weights)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, weights->w, MP_N_CRITERIA,
                                    sizeof (double));
}

/* Missing or broken stored values fall back to the article's weights. */
static void
weights_from_variant (MpWeights *weights,
                      GVariant  *variant)
{
  gsize n = 0;
  const double *stored = NULL;

  mp_weights_init_article (weights);
  if (variant == NULL || !g_variant_is_of_type (variant, G_VARIANT_TYPE ("ad")))
    return;
  stored = g_variant_get_fixed_array (variant, &n, sizeof (double));
  for (gsize c = 0; c < MIN (n, (gsize) MP_N_CRITERIA); c++)
    if (isfinite (stored[c]))
      weights->w[c] = CLAMP (stored[c], 0, 100);
}

/* Views hear of the change before the scorer re-ranks, so that a list
 * that shows movement knows what kind of change caused it. */
static void
update_weights (MpPlanner       *self,
                const MpWeights *weights)
{
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      double w = clean_weight (weights->w[c]);

      if (w == self->weights.w[c])
        continue;
      self->weights.w[c] = w;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHT_FIRST + c]);
    }
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEIGHTS]);
  g_object_thaw_notify (G_OBJECT (self));
  if (!changed)
    return;
  mp_scorer_set_weights (self->scorer, &self->weights);
  queue_apply (self, FALSE);
}

static gboolean
filter_equal (const MpProgramFilter *a,
              const MpProgramFilter *b)
{
  return a->kind == b->kind && a->max_tuition == b->max_tuition
         && a->max_hours_per_week == b->max_hours_per_week && a->format == b->format
         && a->best_value == b->best_value;
}

static void
update_filter (MpPlanner             *self,
               const MpProgramFilter *filter)
{
  MpProgramFilter old = self->filter;
  GObject *object = G_OBJECT (self);

  if (filter_equal (&old, filter))
    return;
  self->filter = *filter;
  g_object_freeze_notify (object);
  if (old.kind != filter->kind)
    g_object_notify_by_pspec (object, properties[PROP_KIND_FILTER]);
  if (old.max_tuition != filter->max_tuition)
    g_object_notify_by_pspec (object, properties[PROP_MAX_TUITION]);
  if (old.max_hours_per_week != filter->max_hours_per_week)
    g_object_notify_by_pspec (object, properties[PROP_MAX_HOURS_PER_WEEK]);
  if (old.format != filter->format)
    g_object_notify_by_pspec (object, properties[PROP_FORMAT_FILTER]);
  if (old.best_value != filter->best_value)
    g_object_notify_by_pspec (object, properties[PROP_BEST_VALUE_FILTER]);
  g_object_thaw_notify (object);
  mp_scorer_set_filter (self->scorer, &self->filter);
  queue_apply (self, TRUE);
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

static double
snap (const double *presets,
      guint         n,
      double        value)
{
  return presets[mp_planner_preset_index (presets, n, value)];
}

/* ---- the user's circumstances ------------------------------------------ */

static void
update_circumstances (MpPlanner             *self,
                      const MpCircumstances *circumstances)
{
  MpCircumstances old = self->circumstances;
  MpCircumstances clean = *circumstances;
  GObject *object = G_OBJECT (self);

  mp_circumstances_clean (&clean);
  if (mp_circumstances_equal (&old, &clean))
    return;
  self->circumstances = clean;
  g_object_freeze_notify (object);
  if (old.funding != clean.funding)
    g_object_notify_by_pspec (object, properties[PROP_FUNDING]);
  if (old.funding_usd != clean.funding_usd)
    g_object_notify_by_pspec (object, properties[PROP_FUNDING_USD]);
  if (old.hours_per_week != clean.hours_per_week)
    g_object_notify_by_pspec (object, properties[PROP_AVAILABLE_HOURS]);
  if (old.hour_value_usd != clean.hour_value_usd)
    g_object_notify_by_pspec (object, properties[PROP_HOUR_VALUE]);
  g_object_notify_by_pspec (object, properties[PROP_CIRCUMSTANCES]);
  g_object_thaw_notify (object);
  mp_scorer_set_circumstances (self->scorer, &self->circumstances);
  queue_apply (self, TRUE);
}

static void
set_circumstance_property (MpPlanner    *self,
                           guint         prop_id,
                           const GValue *value)
{
  MpCircumstances circumstances = self->circumstances;

  if (prop_id == PROP_FUNDING)
    circumstances.funding = mp_funding_from_key (g_value_get_string (value));
  else if (prop_id == PROP_FUNDING_USD)
    circumstances.funding_usd = g_value_get_double (value);
  else if (prop_id == PROP_AVAILABLE_HOURS)
    circumstances.hours_per_week = g_value_get_double (value);
  else
    circumstances.hour_value_usd = g_value_get_double (value);
  update_circumstances (self, &circumstances);
}

static void
set_funding_answer (MpPlanner       *self,
                    MpFundingAnswer  answer)
{
  if (self->funding_answer == answer)
    return;
  self->funding_answer = answer;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNDING_ANSWER]);
  queue_apply (self, TRUE);
}

/* ---- selection and comparison ------------------------------------------ */

static MpProgram *
store_item (MpPlanner *self,
            int        index)
{
  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (self->store)))
    return NULL;
  return mp_program_store_peek (self->store, index);
}

/* Store positions shift when programs are added or removed, and an edit
 * replaces the object: re-find the program by its id. FALSE when gone. */
static gboolean
resolve_program (MpPlanner  *self,
                 MpProgram **program,
                 int        *index)
{
  const char *id = mp_program_get_id (*program);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (store_item (self, *index) == *program)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      MpProgram *candidate = store_item (self, i);

      if (g_strcmp0 (mp_program_get_id (candidate), id) == 0)
        {
          g_set_object (program, candidate);
          *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
set_selected (MpPlanner *self,
              MpProgram *program,
              int        index)
{
  int new_index = program != NULL ? index : -1;

  if (self->selected == program && self->selected_index == new_index)
    return;
  g_set_object (&self->selected, program);
  self->selected_index = new_index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
resolve_selected (MpPlanner *self)
{
  g_autoptr(MpProgram) program = NULL;
  int index = self->selected_index;

  if (self->selected == NULL)
    return;
  program = g_object_ref (self->selected);
  if (!resolve_program (self, &program, &index))
    set_selected (self, NULL, -1);
  else
    set_selected (self, program, index);
}

static int
compared_position (MpPlanner *self,
                   MpProgram *program)
{
  for (guint i = 0; i < self->compared->len; i++)
    if (g_strcmp0 (mp_program_get_id (self->compared->pdata[i]), mp_program_get_id (program)) == 0)
      return i;
  return -1;
}

static void
remove_compared (MpPlanner *self,
                 guint      position)
{
  g_ptr_array_remove_index (self->compared, position);
  for (guint i = position; i + 1 < MP_PLANNER_MAX_COMPARED; i++)
    self->compared_index[i] = self->compared_index[i + 1];
}

static void
resolve_compared (MpPlanner *self)
{
  gboolean changed = FALSE;

  for (guint i = self->compared->len; i-- > 0;)
    {
      g_autoptr(MpProgram) program = g_object_ref (self->compared->pdata[i]);
      int index = self->compared_index[i];

      if (!resolve_program (self, &program, &index))
        {
          remove_compared (self, i);
          changed = TRUE;
          continue;
        }
      self->compared_index[i] = index;
      if (program != self->compared->pdata[i])
        {
          g_object_unref (self->compared->pdata[i]);
          self->compared->pdata[i] = g_object_ref (program);
          changed = TRUE;
        }
    }
  if (changed)
    g_signal_emit (self, signals[COMPARED_CHANGED], 0);
}

/* Connected before any view: views hear "ranked" after this has run. */
static void
on_ranked (MpPlanner *self)
{
  resolve_selected (self);
  resolve_compared (self);
}

/* ---- notes, undo and saving -------------------------------------------- */

static void
set_note_with_action (MpPlanner    *self,
                      const char   *note,
                      gboolean      undoable,
                      MpNoteAction  action)
{
  self->outcome_note = FALSE;
  g_object_freeze_notify (G_OBJECT (self));
  if (mp_utils_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (self->note_undoable != undoable)
    {
      self->note_undoable = undoable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_UNDOABLE]);
    }
  if (self->note_action != action)
    {
      self->note_action = action;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE_ACTION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_note (MpPlanner  *self,
          const char *note,
          gboolean    undoable)
{
  set_note_with_action (self, note, undoable, MP_NOTE_ACTION_NONE);
}

static void
undo_entry_clear (UndoEntry *entry)
{
  g_clear_object (&entry->program);
}

static void
push_undo (MpPlanner *self,
           UndoKind   kind,
           MpKindFilter previous_kind,
           MpProgram *program)
{
  UndoEntry entry = { kind, previous_kind, program != NULL ? g_object_ref (program) : NULL,
                      self->circumstances, self->weights, self->filter };

  if (self->undo->len == MAX_UNDO)
    g_array_remove_index (self->undo, 0);
  g_array_append_val (self->undo, entry);
}

/* Saves the user's programs, then notes @done (what the user just did, or
 * NULL). Changes another window made, merged in by the save, are told in
 * the same note after it, so neither hides the other. */
static gboolean
save_user_programs (MpPlanner  *self,
                    const char *done,
                    gboolean    undoable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *both = NULL;

  if (!mp_program_store_save_user (self->store, NULL, &error))
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      if (done != NULL)
        set_note (self, done, undoable);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  notice = mp_program_store_take_notice (self->store);
  if (done != NULL && notice != NULL)
    /* Translators: what the user just did, then what another window changed */
    both = g_strdup_printf (_("%s %s"), done, notice);
  if (both != NULL || done != NULL || notice != NULL)
    set_note (self, both != NULL ? both : done != NULL ? done : notice, undoable);
  return TRUE;
}

gboolean
mp_planner_restore_backup (MpPlanner  *self,
                           GError    **error)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);

  if (!mp_program_store_restore_backup (self->store, error))
    return FALSE;
  save_user_programs (self, NULL, FALSE);
  return TRUE;
}

static void
select_by_id (MpPlanner *self,
              MpProgram *program)
{
  g_autoptr(MpProgram) found = g_object_ref (program);
  int index = 0;

  if (resolve_program (self, &found, &index))
    set_selected (self, found, index);
}

/* ---- the object -------------------------------------------------------- */

static void
mp_planner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpPlanner *self = MP_PLANNER (object);

  if (prop_id >= PROP_WEIGHT_FIRST && prop_id <= PROP_WEIGHT_LAST)
    {
      g_value_set_double (value, self->weights.w[prop_id - PROP_WEIGHT_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_WEIGHTS:
      g_value_take_variant (value, weights_variant (&self->weights));
      break;
    case PROP_KIND_FILTER:
      g_value_set_string (value, kind_keys[self->filter.kind]);
      break;
    case PROP_MAX_TUITION:
      g_value_set_double (value, self->filter.max_tuition);
      break;
    case PROP_MAX_HOURS_PER_WEEK:
      g_value_set_double (value, self->filter.max_hours_per_week);
      break;
    case PROP_FORMAT_FILTER:
      g_value_set_string (value, format_keys[self->filter.format + 1]);
      break;
    case PROP_BEST_VALUE_FILTER:
      g_value_set_boolean (value, self->filter.best_value);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_WALK_STATE:
      g_value_set_string (value, self->walk_state != NULL ? self->walk_state : "");
      break;
    case PROP_OUTCOME_ID:
      g_value_set_string (value, self->outcome_id);
      break;
    case PROP_OUTCOME_LABEL:
      g_value_set_string (value, self->outcome_label);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_NOTE_UNDOABLE:
      g_value_set_boolean (value, self->note_undoable);
      break;
    case PROP_NOTE_ACTION:
      g_value_set_int (value, self->note_action);
      break;
    case PROP_FUNDING:
      g_value_set_string (value, mp_funding_to_key (self->circumstances.funding));
      break;
    case PROP_FUNDING_USD:
      g_value_set_double (value, self->circumstances.funding_usd);
      break;
    case PROP_AVAILABLE_HOURS:
      g_value_set_double (value, self->circumstances.hours_per_week);
      break;
    case PROP_HOUR_VALUE:
      g_value_set_double (value, self->circumstances.hour_value_usd);
      break;
    case PROP_FUNDING_ANSWER:
      g_value_set_string (value, mp_funding_answer_to_key (self->funding_answer));
      break;
    case PROP_CIRCUMSTANCES:
      g_value_set_boxed (value, &self->circumstances);
      break;
    case PROP_SPREAD:
      g_value_set_double (value, self->spread);
      break;
    case PROP_TRADEOFF_ANSWERS:
      g_value_set_string (value, self->tradeoff_answers != NULL ? self->tradeoff_answers : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_filter_property (MpPlanner    *self,
                     guint         prop_id,
                     const GValue *value)
{
  MpProgramFilter filter = self->filter;

  if (prop_id == PROP_KIND_FILTER)
    filter.kind = key_index (kind_keys, G_N_ELEMENTS (kind_keys), g_value_get_string (value));
  else if (prop_id == PROP_MAX_TUITION)
    filter.max_tuition = snap (tuition_presets, G_N_ELEMENTS (tuition_presets),
                               g_value_get_double (value));
  else if (prop_id == PROP_BEST_VALUE_FILTER)
    filter.best_value = g_value_get_boolean (value);
  else if (prop_id == PROP_MAX_HOURS_PER_WEEK)
    filter.max_hours_per_week = snap (hours_presets, G_N_ELEMENTS (hours_presets),
                                      g_value_get_double (value));
  else
    filter.format = (int) key_index (format_keys, G_N_ELEMENTS (format_keys),
                                     g_value_get_string (value)) - 1;
  update_filter (self, &filter);
}

static void
mp_planner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpPlanner *self = MP_PLANNER (object);
  MpWeights weights;

  if (prop_id >= PROP_WEIGHT_FIRST && prop_id <= PROP_WEIGHT_LAST)
    {
      mp_planner_set_weight (self, prop_id - PROP_WEIGHT_FIRST, g_value_get_double (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_WEIGHTS:
      weights_from_variant (&weights, g_value_get_variant (value));
      update_weights (self, &weights);
      break;
    case PROP_KIND_FILTER:
    case PROP_MAX_TUITION:
    case PROP_MAX_HOURS_PER_WEEK:
    case PROP_FORMAT_FILTER:
    case PROP_BEST_VALUE_FILTER:
      set_filter_property (self, prop_id, value);
      break;
    case PROP_WALK_STATE:
      mp_planner_set_walk_state (self, g_value_get_string (value));
      break;
    case PROP_SELECTED:
      mp_planner_select (self, g_value_get_object (value));
      break;
    case PROP_FUNDING:
    case PROP_FUNDING_USD:
    case PROP_AVAILABLE_HOURS:
    case PROP_HOUR_VALUE:
      set_circumstance_property (self, prop_id, value);
      break;
    case PROP_FUNDING_ANSWER:
      set_funding_answer (self, mp_funding_answer_from_key (g_value_get_string (value)));
      break;
    case PROP_SPREAD:
      mp_planner_set_spread (self, g_value_get_double (value));
      break;
    case PROP_TRADEOFF_ANSWERS:
      mp_planner_set_tradeoff_answers (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Inside g_object_set() notifications wait for its end, and so do the
 * bindings' writes into the delayed settings: apply again once they ran. */
static void
mp_planner_dispatch_properties_changed (GObject     *object,
                                        guint        n_pspecs,
                                        GParamSpec **pspecs)
{
  MpPlanner *self = MP_PLANNER (object);

  G_OBJECT_CLASS (mp_planner_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  if (self->apply_after_notify && self->settings != NULL)
    {
      self->apply_after_notify = FALSE;
      g_settings_apply (self->settings);
    }
}

static void
mp_planner_dispose (GObject *object)
{
  MpPlanner *self = MP_PLANNER (object);

  static const char * const bound[] = {
    "weights", "kind-filter", "format-filter", "best-value-filter", "max-tuition", "max-hours-per-week", "walk-state",
    "funding", "funding-usd", "available-hours", "hour-value", "funding-answer",
    "spread", "tradeoff-answers",
  };

  if (self->settings != NULL)
    {
      mp_planner_flush_settings (self);
      for (guint i = 0; i < G_N_ELEMENTS (bound); i++)
        g_settings_unbind (self, bound[i]);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->selected);
  if (self->compared != NULL)
    g_ptr_array_set_size (self->compared, 0);
  if (self->undo != NULL)
    g_array_set_size (self->undo, 0);
  g_clear_object (&self->scorer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp_planner_parent_class)->dispose (object);
}

static void
mp_planner_finalize (GObject *object)
{
  MpPlanner *self = MP_PLANNER (object);

  g_ptr_array_unref (self->compared);
  g_array_unref (self->undo);
  g_free (self->walk_state);
  g_free (self->outcome_id);
  g_free (self->outcome_label);
  g_free (self->note);
  g_free (self->tradeoff_answers);

  G_OBJECT_CLASS (mp_planner_parent_class)->finalize (object);
}

static void
install_properties (GObjectClass *object_class)
{
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    properties[PROP_WEIGHT_FIRST + c] =
      g_param_spec_double (weight_properties[c], NULL, NULL, 0, 100, 0, rw);
  properties[PROP_WEIGHTS] =
    g_param_spec_variant ("weights", NULL, NULL, G_VARIANT_TYPE ("ad"), NULL, rw);
  properties[PROP_KIND_FILTER] = g_param_spec_string ("kind-filter", NULL, NULL, "all", rw);
  properties[PROP_MAX_TUITION] =
    g_param_spec_double ("max-tuition", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -1, rw);
  properties[PROP_MAX_HOURS_PER_WEEK] =
    g_param_spec_double ("max-hours-per-week", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -1, rw);
  properties[PROP_FORMAT_FILTER] = g_param_spec_string ("format-filter", NULL, NULL, "any", rw);
  properties[PROP_BEST_VALUE_FILTER] =
    g_param_spec_boolean ("best-value-filter", NULL, NULL, FALSE, rw);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, MP_TYPE_PROGRAM, rw);
  properties[PROP_WALK_STATE] = g_param_spec_string ("walk-state", NULL, NULL, "", rw);
  properties[PROP_OUTCOME_ID] = g_param_spec_string ("outcome-id", NULL, NULL, NULL, ro);
  properties[PROP_OUTCOME_LABEL] = g_param_spec_string ("outcome-label", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_NOTE_UNDOABLE] =
    g_param_spec_boolean ("note-undoable", NULL, NULL, FALSE, ro);
  properties[PROP_NOTE_ACTION] =
    g_param_spec_int ("note-action", NULL, NULL, MP_NOTE_ACTION_NONE,
                      MP_NOTE_ACTION_SET_FUNDING_AMOUNT, MP_NOTE_ACTION_NONE, ro);
  properties[PROP_FUNDING] = g_param_spec_string ("funding", NULL, NULL, "none", rw);
  properties[PROP_FUNDING_USD] =
    g_param_spec_double ("funding-usd", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties[PROP_AVAILABLE_HOURS] =
    g_param_spec_double ("available-hours", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -1, rw);
  properties[PROP_HOUR_VALUE] =
    g_param_spec_double ("hour-value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, -1, rw);
  properties[PROP_FUNDING_ANSWER] = g_param_spec_string ("funding-answer", NULL, NULL, "", rw);
  properties[PROP_CIRCUMSTANCES] =
    g_param_spec_boxed ("circumstances", NULL, NULL, MP_TYPE_CIRCUMSTANCES, ro);
  properties[PROP_SPREAD] =
    g_param_spec_double ("spread", NULL, NULL, 0, 100, MP_PLANNER_DEFAULT_SPREAD, rw);
  properties[PROP_TRADEOFF_ANSWERS] =
    g_param_spec_string ("tradeoff-answers", NULL, NULL, "", rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_planner_class_init (MpPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = mp_planner_get_property;
  object_class->set_property = mp_planner_set_property;
  object_class->dispose = mp_planner_dispose;
  object_class->dispatch_properties_changed = mp_planner_dispatch_properties_changed;
  object_class->finalize = mp_planner_finalize;
  install_properties (object_class);

  signals[COMPARED_CHANGED] =
    g_signal_new ("compared-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_planner_init (MpPlanner *self)
{
  mp_weights_init_article (&self->weights);
  mp_program_filter_init (&self->filter);
  mp_walk_filter_init (&self->walk_filter);
  mp_circumstances_init (&self->circumstances);
  self->selected_index = -1;
  self->spread = MP_PLANNER_DEFAULT_SPREAD;
  self->compared = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo = g_array_new (FALSE, TRUE, sizeof (UndoEntry));
  g_array_set_clear_func (self->undo, (GDestroyNotify) undo_entry_clear);
}

/* ---- public API -------------------------------------------------------- */

/* The compared programs are kept by id, so that they come back at the next
 * start; an id no longer in the store is left out. */
static void
save_compared (MpPlanner *self,
               gpointer   user_data)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < self->compared->len; i++)
    g_strv_builder_add (ids, mp_program_get_id (self->compared->pdata[i]));
  strv = g_strv_builder_end (ids);
  g_settings_set_strv (self->settings, "compared-programs", (const char * const *) strv);
}

static void
restore_compared (MpPlanner *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "compared-programs");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; ids[i] != NULL && self->compared->len < MP_PLANNER_MAX_COMPARED; i++)
    for (guint j = 0; j < n; j++)
      {
        MpProgram *program = store_item (self, j);

        if (g_strcmp0 (mp_program_get_id (program), ids[i]) != 0 || compared_position (self, program) >= 0)
          continue;
        self->compared_index[self->compared->len] = j;
        g_ptr_array_add (self->compared, g_object_ref (program));
        break;
      }
  g_signal_connect (self, "compared-changed", G_CALLBACK (save_compared), NULL);
}

MpPlanner *
mp_planner_new (MpProgramStore *store,
                GSettings      *settings)
{
  MpPlanner *self;

  g_return_val_if_fail (MP_IS_PROGRAM_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP_TYPE_PLANNER, NULL);
  self->store = g_object_ref (store);
  self->scorer = mp_scorer_new (store);
  mp_scorer_set_weights (self->scorer, &self->weights);
  mp_scorer_set_filter (self->scorer, &self->filter);
  mp_scorer_set_circumstances (self->scorer, &self->circumstances);
  g_signal_connect_object (self->scorer, "ranked", G_CALLBACK (on_ranked), self,
                           G_CONNECT_SWAPPED);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      bind_settings (self);
      restore_compared (self);
    }
  return self;
}

MpProgramStore *
mp_planner_get_store (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->store;
}

MpScorer *
mp_planner_get_scorer (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->scorer;
}

void
mp_planner_get_weights (MpPlanner *self,
                        MpWeights *weights)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  *weights = self->weights;
}

void
mp_planner_set_weights (MpPlanner       *self,
                        const MpWeights *weights)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (weights != NULL);
  update_weights (self, weights);
}

double
mp_planner_get_weight (MpPlanner   *self,
                       MpCriterion  criterion)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), 0);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, 0);
  return self->weights.w[criterion];
}

void
mp_planner_set_weight (MpPlanner   *self,
                       MpCriterion  criterion,
                       double       weight)
{
  MpWeights weights;

  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (criterion < MP_N_CRITERIA);
  weights = self->weights;
  weights.w[criterion] = weight;
  update_weights (self, &weights);
}

const char *
mp_planner_weight_property (MpCriterion criterion)
{
  g_return_val_if_fail (criterion < MP_N_CRITERIA, NULL);
  return weight_properties[criterion];
}

void
mp_planner_get_filter (MpPlanner       *self,
                       MpProgramFilter *filter)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  *filter = self->filter;
}

void
mp_planner_set_filter (MpPlanner             *self,
                       const MpProgramFilter *filter)
{
  MpProgramFilter clean;

  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (filter->kind <= MP_KIND_FILTER_ALTERNATIVES);
  clean = *filter;
  clean.max_tuition = snap (tuition_presets, G_N_ELEMENTS (tuition_presets), filter->max_tuition);
  clean.max_hours_per_week = snap (hours_presets, G_N_ELEMENTS (hours_presets),
                                   filter->max_hours_per_week);
  clean.format = CLAMP (filter->format, -1, MP_N_PROGRAM_FORMATS - 1);
  clean.best_value = !!filter->best_value;
  update_filter (self, &clean);
}

MpKindFilter
mp_planner_get_kind_filter (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), MP_KIND_FILTER_ALL);
  return self->filter.kind;
}

void
mp_planner_set_kind_filter (MpPlanner    *self,
                            MpKindFilter  kind)
{
  MpProgramFilter filter;

  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (kind <= MP_KIND_FILTER_ALTERNATIVES);
  filter = self->filter;
  filter.kind = kind;
  update_filter (self, &filter);
}

gboolean
mp_planner_get_best_value_filter (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  return self->filter.best_value;
}

/* The user's choice, so it says what it did: the frontier may hide most of
 * the list, and Undo brings the list back as it was. */
void
mp_planner_choose_best_value (MpPlanner *self,
                              gboolean   best_value)
{
  MpProgramFilter filter;
  g_autofree char *note = NULL;
  guint shown, passing;

  g_return_if_fail (MP_IS_PLANNER (self));

  best_value = !!best_value;
  if (best_value == self->filter.best_value)
    return;
  push_undo (self, UNDO_FILTER, self->filter.kind, NULL);
  filter = self->filter;
  filter.best_value = best_value;
  update_filter (self, &filter);
  shown = mp_scorer_get_n_ranked (self->scorer);
  passing = mp_scorer_get_n_passing (self->scorer);
  if (best_value)
    /* Translators: the ranking now lists only the value-for-money frontier;
     * %u of %u programs that pass the other filters */
    note = g_strdup_printf (ngettext ("Only the best value: %u of %u program shown.",
                                      "Only the best value: %u of %u programs shown.", passing),
                            shown, passing);
  else
    note = g_strdup (_("Every program the filters let through is shown again, not only the "
                       "best value."));
  set_note (self, note, TRUE);
}

void
mp_planner_clear_filter (MpPlanner *self)
{
  MpProgramFilter filter;

  g_return_if_fail (MP_IS_PLANNER (self));
  mp_program_filter_init (&filter);
  update_filter (self, &filter);
}

const double *
mp_planner_get_tuition_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (tuition_presets);
  return tuition_presets;
}

const double *
mp_planner_get_hours_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (hours_presets);
  return hours_presets;
}

guint
mp_planner_preset_index (const double *presets,
                         guint         n_presets,
                         double        value)
{
  if (value < 0 || isnan (value))
    return 0;
  for (guint i = 1; i < n_presets; i++)
    if (presets[i] >= value)
      return i;
  return n_presets - 1;
}

MpProgram *
mp_planner_get_selected (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->selected;
}

int
mp_planner_get_selected_index (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), -1);
  return self->selected_index;
}

void
mp_planner_select (MpPlanner *self,
                   MpProgram *program)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (program == NULL || MP_IS_PROGRAM (program));

  if (program == NULL)
    set_selected (self, NULL, -1);
  else
    select_by_id (self, program);
}

void
mp_planner_select_index (MpPlanner *self,
                         int        index)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  set_selected (self, store_item (self, index), index);
}

guint
mp_planner_get_n_compared (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), 0);
  return self->compared->len;
}

MpProgram *
mp_planner_get_compared (MpPlanner *self,
                         guint      position)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  g_return_val_if_fail (position < self->compared->len, NULL);
  return self->compared->pdata[position];
}

guint
mp_planner_get_compared_index (MpPlanner *self,
                               guint      position)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), 0);
  g_return_val_if_fail (position < self->compared->len, 0);
  return self->compared_index[position];
}

gboolean
mp_planner_is_compared (MpPlanner *self,
                        MpProgram *program)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  return program != NULL && compared_position (self, program) >= 0;
}

gboolean
mp_planner_can_toggle_compare (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  return self->selected != NULL
         && (mp_planner_is_compared (self, self->selected)
             || self->compared->len < MP_PLANNER_MAX_COMPARED);
}

void
mp_planner_toggle_compare (MpPlanner *self)
{
  int position;

  g_return_if_fail (MP_IS_PLANNER (self));

  if (self->selected == NULL)
    return;
  position = compared_position (self, self->selected);
  if (position >= 0)
    remove_compared (self, position);
  else if (self->compared->len < MP_PLANNER_MAX_COMPARED)
    {
      self->compared_index[self->compared->len] = self->selected_index;
      g_ptr_array_add (self->compared, g_object_ref (self->selected));
    }
  else
    return;
  g_signal_emit (self, signals[COMPARED_CHANGED], 0);
}

void
mp_planner_remove_compared (MpPlanner *self,
                            guint      position)
{
  g_return_if_fail (MP_IS_PLANNER (self));

  if (position >= self->compared->len)
    return;
  remove_compared (self, position);
  g_signal_emit (self, signals[COMPARED_CHANGED], 0);
}

const char *
mp_planner_get_walk_state (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->walk_state != NULL ? self->walk_state : "";
}

void
mp_planner_set_walk_state (MpPlanner  *self,
                           const char *state)
{
  g_return_if_fail (MP_IS_PLANNER (self));

  if (!mp_utils_set_str (&self->walk_state, state != NULL ? state : ""))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WALK_STATE]);
  queue_apply (self, TRUE);
}

gboolean
mp_planner_kind_for_outcome (const char * const *classes,
                             MpKindFilter       *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (classes == NULL)
    return FALSE;
  if (g_strv_contains (classes, "masters"))
    *kind = MP_KIND_FILTER_MASTERS;
  else if (g_strv_contains (classes, "alternatives"))
    *kind = MP_KIND_FILTER_ALTERNATIVES;
  else
    return FALSE;
  return TRUE;
}

/* The walk left the outcome that set the kind filter: the filter goes back
 * to what it was (unless the user chose another since), and the note that
 * named the outcome goes. */
static void
withdraw_outcome_kind (MpPlanner *self)
{
  MpKindFilter kind = mp_walk_filter_follow (&self->walk_filter, self->filter.kind, FALSE,
                                             self->filter.kind);

  if (self->outcome_note)
    set_note (self, NULL, FALSE);
  mp_planner_set_kind_filter (self, kind);
}

void
mp_planner_set_outcome (MpPlanner          *self,
                        const char         *node_id,
                        const char         *label,
                        const char * const *classes)
{
  MpKindFilter kind;

  g_return_if_fail (MP_IS_PLANNER (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (mp_utils_set_str (&self->outcome_id, node_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_ID]);
  if (mp_utils_set_str (&self->outcome_label, node_id != NULL ? label : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTCOME_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
  if (node_id != NULL && mp_planner_kind_for_outcome (classes, &kind))
    mp_planner_suggest_kind (self, kind, label);
  else
    withdraw_outcome_kind (self);
}

const char *
mp_planner_get_outcome_id (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->outcome_id;
}

void
mp_planner_suggest_kind (MpPlanner    *self,
                         MpKindFilter  kind,
                         const char   *reason)
{
  MpKindFilter previous;
  g_autofree char *note = NULL;

  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (kind <= MP_KIND_FILTER_ALTERNATIVES);

  previous = self->filter.kind;
  mp_walk_filter_follow (&self->walk_filter, previous, TRUE, kind);
  if (reason == NULL)
    reason = "";
  if (kind == MP_KIND_FILTER_ALTERNATIVES)
    /* Translators: %s is the flowchart's outcome, e.g. "Use smaller, targeted programs" */
    note = g_strdup_printf (_("Showing alternatives because the flowchart ended at “%s”."), reason);
  else if (kind == MP_KIND_FILTER_MASTERS)
    note = g_strdup_printf (_("Showing master’s programs because the flowchart ended at “%s”."),
                            reason);
  else
    note = g_strdup_printf (_("Showing all programs because the flowchart ended at “%s”."), reason);
  if (previous != kind)
    push_undo (self, UNDO_KIND_FILTER, previous, NULL);
  set_note (self, note, previous != kind);
  self->outcome_note = TRUE;
  mp_planner_set_kind_filter (self, kind);
}

void
mp_planner_save_program (MpPlanner *self,
                         MpProgram *program)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (MP_IS_PROGRAM (program));

  if (mp_program_store_find (self->store, mp_program_get_id (program)) != NULL)
    mp_program_store_replace (self->store, program);
  else
    mp_program_store_add (self->store, program);
  save_user_programs (self, NULL, FALSE);
  select_by_id (self, program);
}

void
mp_planner_get_circumstances (MpPlanner       *self,
                              MpCircumstances *circumstances)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (circumstances != NULL);
  *circumstances = self->circumstances;
}

void
mp_planner_set_circumstances (MpPlanner             *self,
                              const MpCircumstances *circumstances)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (circumstances != NULL);
  update_circumstances (self, circumstances);
}

MpFundingAnswer
mp_planner_get_funding_answer (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), MP_FUNDING_ANSWER_NONE);
  return self->funding_answer;
}

static char *
funding_answer_note (MpFundingAnswer  answer,
                     const char      *question)
{
  if (answer == MP_FUNDING_ANSWER_YES)
    /* Translators: %s is the flowchart's question, e.g. "Can you get funding or protected time?" */
    return g_strdup_printf (_("Funding set to all of the tuition because you answered Yes to "
                              "“%s”. Say how much in My circumstances."), question);
  return g_strdup_printf (_("Funding set to none because you answered No to “%s”."), question);
}

gboolean
mp_planner_answer_funding (MpPlanner       *self,
                           MpFundingAnswer  answer,
                           const char      *question)
{
  MpCircumstances circumstances;
  g_autofree char *note = NULL;

  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);

  if (answer == self->funding_answer)
    return FALSE;
  set_funding_answer (self, answer);
  circumstances = self->circumstances;
  if (!mp_funding_answer_apply (answer, &circumstances)
      || mp_circumstances_equal (&circumstances, &self->circumstances))
    return FALSE;
  push_undo (self, UNDO_CIRCUMSTANCES, MP_KIND_FILTER_ALL, NULL);
  note = funding_answer_note (answer, question != NULL ? question : "");
  /* Yes starts from all of the tuition: the note offers to say how much. */
  set_note_with_action (self, note, TRUE,
                        answer == MP_FUNDING_ANSWER_YES ? MP_NOTE_ACTION_SET_FUNDING_AMOUNT
                                                        : MP_NOTE_ACTION_NONE);
  update_circumstances (self, &circumstances);
  return TRUE;
}

gboolean
mp_planner_delete_program (MpPlanner *self,
                           MpProgram *program)
{
  g_autoptr(MpProgram) deleted = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (MP_IS_PROGRAM (program), FALSE);

  if (!mp_program_get_user_defined (program))
    return FALSE;
  deleted = g_object_ref (program);
  if (!mp_program_store_remove (self->store, mp_program_get_id (deleted)))
    return FALSE;
  push_undo (self, UNDO_DELETE, MP_KIND_FILTER_ALL, deleted);
  /* Translators: %s is a program's name */
  note = g_strdup_printf (_("Deleted “%s”."), mp_program_get_name (deleted));
  save_user_programs (self, note, TRUE);
  return TRUE;
}

int
mp_planner_import (MpPlanner  *self,
                   GFile      *file,
                   GError    **error)
{
  g_autofree char *note = NULL;
  int n;

  g_return_val_if_fail (MP_IS_PLANNER (self), -1);
  g_return_val_if_fail (G_IS_FILE (file), -1);

  n = mp_program_store_import (self->store, file, error);
  if (n < 0)
    return -1;
  note = g_strdup_printf (ngettext ("Imported %d program.", "Imported %d programs.", n), n);
  save_user_programs (self, note, FALSE);
  return n;
}

gboolean
mp_planner_export_ranking (MpPlanner  *self,
                           GFile      *file,
                           GError    **error)
{
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = mp_ranking_to_csv (self->scorer);
  if (!mp_utils_write_atomically (file, csv, strlen (csv), FALSE, error))
    return FALSE;
  name = mp_utils_file_display_name (file);
  /* Translators: %s is a file name */
  note = g_strdup_printf (_("Exported the ranking to “%s”."), name);
  set_note (self, note, FALSE);
  return TRUE;
}

const char *
mp_planner_get_note (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), NULL);
  return self->note;
}

gboolean
mp_planner_get_note_undoable (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  return self->note_undoable;
}

MpNoteAction
mp_planner_get_note_action (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), MP_NOTE_ACTION_NONE);
  return self->note_action;
}

void
mp_planner_dismiss_note (MpPlanner *self)
{
  g_return_if_fail (MP_IS_PLANNER (self));
  set_note (self, NULL, FALSE);
}

gboolean
mp_planner_can_undo (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);
  return self->undo->len > 0;
}

gboolean
mp_planner_undo (MpPlanner *self)
{
  UndoEntry entry;

  g_return_val_if_fail (MP_IS_PLANNER (self), FALSE);

  if (self->undo->len == 0)
    return FALSE;
  entry = g_array_index (self->undo, UndoEntry, self->undo->len - 1);
  entry.program = entry.program != NULL ? g_object_ref (entry.program) : NULL;
  g_array_remove_index (self->undo, self->undo->len - 1);
  set_note (self, NULL, FALSE);
  if (entry.kind == UNDO_KIND_FILTER)
    mp_planner_set_kind_filter (self, entry.previous_kind);
  else if (entry.kind == UNDO_CIRCUMSTANCES)
    update_circumstances (self, &entry.previous_circumstances);
  else if (entry.kind == UNDO_WEIGHTS)
    update_weights (self, &entry.previous_weights);
  else if (entry.kind == UNDO_FILTER)
    update_filter (self, &entry.previous_filter);
  else if (entry.program != NULL)
    {
      mp_program_store_add (self->store, entry.program);
      save_user_programs (self, NULL, FALSE);
      select_by_id (self, entry.program);
    }
  undo_entry_clear (&entry);
  return TRUE;
}

void
mp_planner_flush_settings (MpPlanner *self)
{
  g_return_if_fail (MP_IS_PLANNER (self));

  if (self->settings == NULL)
    return;
  g_clear_handle_id (&self->apply_id, g_source_remove);
  g_settings_apply (self->settings);
}

/* ---- how sure the user is of the weights ------------------------------- */

const double *
mp_planner_get_spread_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (spread_presets);
  return spread_presets;
}

double
mp_planner_get_spread (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), MP_PLANNER_DEFAULT_SPREAD);
  return self->spread;
}

/* Snaps to the nearest preset, so that a hand-edited setting still names
 * one of the choices the UI offers. */
void
mp_planner_set_spread (MpPlanner *self,
                       double     spread)
{
  guint index = 0;

  g_return_if_fail (MP_IS_PLANNER (self));

  if (!isfinite (spread))
    spread = MP_PLANNER_DEFAULT_SPREAD;
  for (guint i = 1; i < G_N_ELEMENTS (spread_presets); i++)
    if (fabs (spread_presets[i] - spread) < fabs (spread_presets[index] - spread))
      index = i;
  if (spread_presets[index] == self->spread)
    return;
  self->spread = spread_presets[index];
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPREAD]);
  queue_apply (self, TRUE);
}

/* ---- weights from trade-off questions ---------------------------------- */

const char *
mp_planner_get_tradeoff_answers (MpPlanner *self)
{
  g_return_val_if_fail (MP_IS_PLANNER (self), "");
  return self->tradeoff_answers != NULL ? self->tradeoff_answers : "";
}

void
mp_planner_set_tradeoff_answers (MpPlanner  *self,
                                 const char *answers)
{
  g_return_if_fail (MP_IS_PLANNER (self));

  if (answers != NULL && *answers == '\0')
    answers = NULL;
  if (!mp_utils_set_str (&self->tradeoff_answers, answers))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRADEOFF_ANSWERS]);
  queue_apply (self, TRUE);
}

void
mp_planner_apply_weights (MpPlanner       *self,
                          const MpWeights *weights,
                          const char      *note)
{
  MpWeights before;

  g_return_if_fail (MP_IS_PLANNER (self));
  g_return_if_fail (weights != NULL);

  before = self->weights;
  update_weights (self, weights);
  if (memcmp (&before, &self->weights, sizeof before) == 0)
    return;
  push_undo (self, UNDO_WEIGHTS, self->filter.kind, NULL);
  g_array_index (self->undo, UndoEntry, self->undo->len - 1).previous_weights = before;
  set_note (self, note, TRUE);
}
