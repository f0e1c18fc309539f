/* mp-tradeoff-dialog.h: "Help me set my weights": trade-off questions
 * between two imagined programs, and the weights they give beside the
 * sliders'
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"
#include "mp-tradeoff.h"

G_BEGIN_DECLS

#define MP_TYPE_TRADEOFF_DIALOG (mp_tradeoff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MpTradeoffDialog, mp_tradeoff_dialog, MP, TRADEOFF_DIALOG, GtkWindow)

/* Starts from the answers the planner remembers and writes every new answer
 * back to it. "Use these weights" sets the planner's weights as one
 * undoable step and closes the dialog. Keys: A, B and S (about the same)
 * answer; Tab reaches every button; Escape closes. */
MpTradeoffDialog *mp_tradeoff_dialog_new          (GtkWindow        *parent,
                                                   MpPlanner        *planner);
MpTradeoff       *mp_tradeoff_dialog_get_tradeoff (MpTradeoffDialog *self);
/* What the dialog shows, for tests: the question ("" when done), the
 * sentence beside the result (the disagreement or the contradiction). */
const char       *mp_tradeoff_dialog_get_question (MpTradeoffDialog *self);
const char       *mp_tradeoff_dialog_get_sentence (MpTradeoffDialog *self);
/* Answers as the buttons and the A, B, S keys do. */
void              mp_tradeoff_dialog_answer       (MpTradeoffDialog *self,
                                                   MpTradeoffAnswer  answer);
/* Asks answer @index again (the "Change" button beside it). */
void              mp_tradeoff_dialog_reanswer     (MpTradeoffDialog *self,
                                                   guint             index);
/* FALSE when there is no estimate to use. */
gboolean          mp_tradeoff_dialog_use_weights  (MpTradeoffDialog *self);

G_END_DECLS
