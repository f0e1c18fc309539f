/* mp-weights-panel.h: sliders, the live ranking, details and comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_WEIGHTS_PANEL (mp_weights_panel_get_type ())

G_DECLARE_FINAL_TYPE (MpWeightsPanel, mp_weights_panel, MP, WEIGHTS_PANEL, GtkWidget)

/* Loads the samples and the user's programs and binds the weights to GSettings. */
GtkWidget *mp_weights_panel_new           (void);
/* The flowchart's outcome suggests a kind filter; the panel shows a visible,
 * undoable note naming @reason. */
void       mp_weights_panel_suggest_kind  (MpWeightsPanel *self,
                                           MpKindFilter    kind,
                                           const char     *reason);
/* The walk left the outcome: its kind filter goes (unless the user changed
 * the filter since), and so does its note. */
void       mp_weights_panel_withdraw_suggestion (MpWeightsPanel *self);
/* Ctrl+I, Ctrl+E and Ctrl+N from the window. */
void       mp_weights_panel_import        (MpWeightsPanel *self);
void       mp_weights_panel_export        (MpWeightsPanel *self);
void       mp_weights_panel_add_program   (MpWeightsPanel *self);
/* Opens "Help me set my weights" (or brings it to the front). */
void       mp_weights_panel_ask_weights   (MpWeightsPanel *self);

/* The decision the panel shows; the window feeds it the flowchart's outcome. */
MpPlanner      *mp_weights_panel_get_planner       (MpWeightsPanel *self);
/* For tests and benchmarks: a panel over @store as it is (nothing loaded). */
GtkWidget      *mp_weights_panel_new_with_store    (MpProgramStore *store);
MpProgramStore *mp_weights_panel_get_store         (MpWeightsPanel *self);
MpScorer       *mp_weights_panel_get_scorer        (MpWeightsPanel *self);
/* The GListModel (of MpRankSlot) the ranked list shows. */
GListModel     *mp_weights_panel_get_ranking       (MpWeightsPanel *self);
GtkWidget      *mp_weights_panel_get_list_view     (MpWeightsPanel *self);
GtkRange       *mp_weights_panel_get_slider        (MpWeightsPanel *self,
                                                    MpCriterion     criterion);
/* "Top pick holds from 35 to 100; below 35 Northgate takes over." */
const char     *mp_weights_panel_get_sensitivity_text (MpWeightsPanel *self,
                                                    MpCriterion     criterion);
/* The empty-state title shown instead of the list, or NULL when the list shows. */
const char     *mp_weights_panel_get_empty_message (MpWeightsPanel *self);
/* The error banner's text, or NULL when hidden. */
const char     *mp_weights_panel_get_banner_message (MpWeightsPanel *self);
/* The note's text (flowchart suggestion, deletion), or NULL when hidden. */
const char     *mp_weights_panel_get_note_message  (MpWeightsPanel *self);
/* What the note's Undo button does; FALSE when there is nothing to undo. */
gboolean        mp_weights_panel_undo_note         (MpWeightsPanel *self);
void            mp_weights_panel_apply_article_weights (MpWeightsPanel *self);
void            mp_weights_panel_apply_equal_weights   (MpWeightsPanel *self);
/* What the import and export file choosers do with the file picked. */
gboolean        mp_weights_panel_import_file       (MpWeightsPanel *self,
                                                    GFile          *file);
gboolean        mp_weights_panel_export_file       (MpWeightsPanel *self,
                                                    GFile          *file);
/* The add/edit dialog while it is open, or NULL. */
GtkWindow      *mp_weights_panel_get_dialog        (MpWeightsPanel *self);
/* Selects the program ranked at @rank, as a click on its row does. */
void            mp_weights_panel_select_rank       (MpWeightsPanel *self,
                                                    guint           rank);
/* Adds the selected program to the comparison, or removes it. */
void            mp_weights_panel_toggle_compare    (MpWeightsPanel *self);
guint           mp_weights_panel_get_n_compared    (MpWeightsPanel *self);
GtkWidget      *mp_weights_panel_get_details       (MpWeightsPanel *self);
GtkWidget      *mp_weights_panel_get_compare_chart (MpWeightsPanel *self);
/* The "Value" page (an MpValueView). */
GtkWidget      *mp_weights_panel_get_value_view    (MpWeightsPanel *self);
/* TRUE when the panel is wide enough (1000 px) to show the details beside
 * the ranking instead of on their own page. */
gboolean        mp_weights_panel_get_wide          (MpWeightsPanel *self);
/* The sliders above the ranking rather than beside it, for a narrow window
 * (the panel cannot tell by itself: side by side is its minimum width). */
void            mp_weights_panel_set_stacked       (MpWeightsPanel *self,
                                                    gboolean        stacked);
/* "ranking", "details" or "compare" */
void            mp_weights_panel_show_page         (MpWeightsPanel *self,
                                                    const char     *page);

G_END_DECLS
