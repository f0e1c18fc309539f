/* mp-planner.h: the user's decision session as one object (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-circumstances.h"
#include "mp-program-store.h"
#include "mp-scorer.h"

G_BEGIN_DECLS

/* How many programs the comparison holds at most. */
#define MP_PLANNER_MAX_COMPARED 3

/* What the note's action button does, besides Undo. */
typedef enum {
  MP_NOTE_ACTION_NONE,
  MP_NOTE_ACTION_SET_FUNDING_AMOUNT,  /* open My circumstances at the amount */
} MpNoteAction;

#define MP_TYPE_PLANNER (mp_planner_get_type ())

G_DECLARE_FINAL_TYPE (MpPlanner, mp_planner, MP, PLANNER, GObject)

/* The planner holds what the user decides: the weights (whole numbers,
 * 0–100), the filter, the selected program, the compared programs, the
 * flowchart's answers and outcome, and an undo stack. It owns a scorer over
 * @store and feeds it every change. With @settings (nullable), the weights,
 * the filter and the walk are bound to it: read at once, written back on
 * change, the weights at most every 300 ms.
 *
 * Properties: "weight-faculty" … "weight-brand" (double), "weights"
 * (GVariant "ad"), "kind-filter" ("all", "masters", "alternatives"),
 * "max-tuition" and "max-hours-per-week" (double, < 0: no limit),
 * "format-filter" ("any", "online", "hybrid", "in-person"),
 * "best-value-filter" (boolean: only the value-for-money frontier, see
 * MpProgramFilter; its costs follow the circumstances), "selected"
 * (MpProgram), "walk-state", "outcome-id", "outcome-label", "note",
 * "note-undoable"; the user's circumstances: "funding" ("none", "amount",
 * "all"), "funding-usd", "available-hours" and "hour-value" (double, < 0:
 * not said), "funding-answer" ("", "yes", "no": the flowchart's funding
 * question as last applied) and "circumstances" (MpCircumstances, read-only,
 * notified once for any change of the four: follow it to re-cost).
 * Signals: "compared-changed", "save-failed" (GError). */
MpPlanner      *mp_planner_new                (MpProgramStore        *store,
                                               GSettings             *settings);
MpProgramStore *mp_planner_get_store          (MpPlanner             *self);
MpScorer       *mp_planner_get_scorer         (MpPlanner             *self);

/* Weights: rounded to whole numbers and clamped to 0–100. */
void            mp_planner_get_weights        (MpPlanner             *self,
                                               MpWeights             *weights);
void            mp_planner_set_weights        (MpPlanner             *self,
                                               const MpWeights       *weights);
double          mp_planner_get_weight         (MpPlanner             *self,
                                               MpCriterion            criterion);
void            mp_planner_set_weight         (MpPlanner             *self,
                                               MpCriterion            criterion,
                                               double                 weight);
/* The property name of a criterion's weight, "weight-faculty" … */
const char     *mp_planner_weight_property    (MpCriterion            criterion);

/* Filter. Tuition and workload limits snap up to the nearest preset. */
void            mp_planner_get_filter         (MpPlanner             *self,
                                               MpProgramFilter       *filter);
void            mp_planner_set_filter         (MpPlanner             *self,
                                               const MpProgramFilter *filter);
MpKindFilter    mp_planner_get_kind_filter    (MpPlanner             *self);
void            mp_planner_set_kind_filter    (MpPlanner             *self,
                                               MpKindFilter           kind);
gboolean        mp_planner_get_best_value_filter (MpPlanner          *self);
/* The user turns "only the best value" on or off: a note says how many
 * programs it shows, and Undo brings the filter back as it was. */
void            mp_planner_choose_best_value  (MpPlanner             *self,
                                               gboolean               best_value);
void            mp_planner_clear_filter       (MpPlanner             *self);
/* The limits the filter offers; the first (-1) means none. */
const double   *mp_planner_get_tuition_presets (guint                *n_presets);
const double   *mp_planner_get_hours_presets  (guint                 *n_presets);
/* The index of the preset @value snaps to. */
guint           mp_planner_preset_index       (const double          *presets,
                                               guint                  n_presets,
                                               double                 value);

/* Selection, kept by program id across edits and re-ranks. */
MpProgram      *mp_planner_get_selected       (MpPlanner             *self);
/* The selected program's position in the store, or -1. */
int             mp_planner_get_selected_index (MpPlanner             *self);
void            mp_planner_select             (MpPlanner             *self,
                                               MpProgram             *program);
/* Selects the program at @index in the store; -1 clears the selection. */
void            mp_planner_select_index       (MpPlanner             *self,
                                               int                    index);

/* Comparison: up to MP_PLANNER_MAX_COMPARED programs, in the order added. */
guint           mp_planner_get_n_compared     (MpPlanner             *self);
MpProgram      *mp_planner_get_compared       (MpPlanner             *self,
                                               guint                  position);
guint           mp_planner_get_compared_index (MpPlanner             *self,
                                               guint                  position);
gboolean        mp_planner_is_compared        (MpPlanner             *self,
                                               MpProgram             *program);
/* TRUE when the selected program can be added to or removed from the comparison. */
gboolean        mp_planner_can_toggle_compare (MpPlanner             *self);
void            mp_planner_toggle_compare     (MpPlanner             *self);
void            mp_planner_remove_compared    (MpPlanner             *self,
                                               guint                  position);

/* The flowchart. The walk state is the pane's answers, kept for the
 * bundled article. An outcome whose classes name "masters" or
 * "alternatives" suggests that kind (see mp_planner_suggest_kind()). */
const char     *mp_planner_get_walk_state     (MpPlanner             *self);
void            mp_planner_set_walk_state     (MpPlanner             *self,
                                               const char            *state);
void            mp_planner_set_outcome        (MpPlanner             *self,
                                               const char            *node_id,
                                               const char            *label,
                                               const char * const    *classes);
const char     *mp_planner_get_outcome_id     (MpPlanner             *self);
/* The rule: the kind an outcome's classes suggest; FALSE when none. */
gboolean        mp_planner_kind_for_outcome   (const char * const    *classes,
                                               MpKindFilter          *kind);
/* Sets the kind filter with a note naming @reason, undoable. */
void            mp_planner_suggest_kind       (MpPlanner             *self,
                                               MpKindFilter           kind,
                                               const char            *reason);

/* The user's circumstances, cleaned (mp_circumstances_clean()) and saved. */
void            mp_planner_get_circumstances  (MpPlanner             *self,
                                               MpCircumstances       *circumstances);
void            mp_planner_set_circumstances  (MpPlanner             *self,
                                               const MpCircumstances *circumstances);
/* The flowchart's funding question was answered (or left): a new Yes or No
 * sets the funding it starts from (mp_funding_answer_apply()) with a note
 * naming @question, undoable; the same answer again, as when a saved walk is
 * restored, changes nothing. TRUE when the funding changed. */
gboolean        mp_planner_answer_funding     (MpPlanner             *self,
                                               MpFundingAnswer        answer,
                                               const char            *question);
MpFundingAnswer mp_planner_get_funding_answer (MpPlanner             *self);

/* The user's programs. Every change is saved at once through the store; a
 * failed save keeps the programs in memory and emits "save-failed". */
void            mp_planner_save_program       (MpPlanner             *self,
                                               MpProgram             *program);
gboolean        mp_planner_delete_program     (MpPlanner             *self,
                                               MpProgram             *program);
/* Loads the backup the store offers (mp_program_store_get_backup_offer())
 * and saves it as the user's programs file. */
gboolean        mp_planner_restore_backup     (MpPlanner             *self,
                                               GError               **error);
/* The number imported, or -1 with @error (the store's). */
int             mp_planner_import             (MpPlanner             *self,
                                               GFile                 *file,
                                               GError               **error);
gboolean        mp_planner_export_ranking     (MpPlanner             *self,
                                               GFile                 *file,
                                               GError               **error);

/* The note says what just happened; "note-undoable" when Undo reverts it. */
const char     *mp_planner_get_note           (MpPlanner             *self);
gboolean        mp_planner_get_note_undoable  (MpPlanner             *self);
/* Property "note-action" (int): set with the note, cleared by the next. */
MpNoteAction    mp_planner_get_note_action    (MpPlanner             *self);
void            mp_planner_dismiss_note       (MpPlanner             *self);
gboolean        mp_planner_can_undo           (MpPlanner             *self);
/* Reverts the last undoable action; FALSE when there is none. */
gboolean        mp_planner_undo               (MpPlanner             *self);

/* How sure the user is of the weights: rank confidence samples each weight
 * within ± this many points of its slider. One of the presets (0 exact, 10
 * fairly sure, 15 the default, 20 rough); other values snap to the nearest.
 * Property "spread", bound to the setting "weight-spread". */
#define MP_PLANNER_DEFAULT_SPREAD 15.0
const double   *mp_planner_get_spread_presets (guint                 *n_presets);
double          mp_planner_get_spread         (MpPlanner             *self);
void            mp_planner_set_spread         (MpPlanner             *self,
                                               double                 spread);

/* The trade-off answers as mp_tradeoff_to_string() writes them ("" for
 * none); property "tradeoff-answers", bound to the setting of that name. */
const char     *mp_planner_get_tradeoff_answers (MpPlanner           *self);
void            mp_planner_set_tradeoff_answers (MpPlanner           *self,
                                                 const char          *answers);
/* Sets the weights as one undoable step, with @note saying where they came
 * from; nothing happens when they are the weights already. */
void            mp_planner_apply_weights      (MpPlanner             *self,
                                               const MpWeights       *weights,
                                               const char            *note);

/* Writes pending settings now (the weights wait up to 300 ms). */
void            mp_planner_flush_settings     (MpPlanner             *self);

G_END_DECLS
