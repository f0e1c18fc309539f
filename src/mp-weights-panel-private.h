/* mp-weights-panel-private.h: what the panel's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mp-weights-panel.h"

#include "mp-circumstances-button.h"
#include "mp-compare-view.h"
#include "mp-filter-button.h"
#include "mp-program-details.h"
#include "mp-ranking-view.h"
#include "mp-confidence-bar.h"
#include "mp-value-view.h"
#include "mp-weight-sliders.h"

G_BEGIN_DECLS

struct _MpWeightsPanel
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *panel_box;
  GtkWidget          *body_box;
  GtkWidget          *body_separator;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkWidget          *restore_button;
  gboolean            banner_is_save_failure;
  GtkRevealer        *note_revealer;
  GtkLabel           *note_label;
  GtkWidget          *note_undo_button;
  GtkWidget          *note_action_button;
  MpWeightSliders    *sliders;
  GtkWidget          *switcher;
  MpFilterButton     *filter_button;
  MpCircumstancesButton *circumstances_button;
  GtkStack           *stack;
  MpRankingView      *ranking_view;
  MpConfidenceBar    *confidence_bar;
  MpProgramDetails   *details;
  GtkWidget          *side_separator;
  MpProgramDetails   *side_details;
  gboolean            wide;
  guint               wide_idle;
  MpCompareView      *compare_view;
  MpValueView        *value_view;

  /* The decision lives in the planner; the panel shows it and calls it. */
  MpPlanner          *planner;
  MpProgramStore     *store;   /* the planner's */
  MpScorer           *scorer;  /* the planner's */

  GtkFileChooserNative *chooser;
  GtkWindow          *dialog;
  GtkWindow          *tradeoff_dialog;
  guint               details_idle;
};

/* mp-weights-panel.c */
void mp_weights_panel_show_error      (MpWeightsPanel *self,
                                       const char     *message);
/* mp-weights-panel-actions.c */
void mp_weights_panel_update_actions  (MpWeightsPanel *self);
void mp_weights_panel_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
