/* mp-circumstances-button.h: "My circumstances", a button with a popover
 * that sets the user's funding, hours a week and an hour's value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-planner.h"

G_BEGIN_DECLS

#define MP_TYPE_CIRCUMSTANCES_BUTTON (mp_circumstances_button_get_type ())

G_DECLARE_FINAL_TYPE (MpCircumstancesButton, mp_circumstances_button, MP, CIRCUMSTANCES_BUTTON,
                      GtkWidget)

/* Shows the planner's circumstances and sets them: typed text is checked
 * by the same rules as --funding and --hours (mp_circumstances_parse_*());
 * a bad value is named under its field and the planner keeps the last good
 * one. Set once. The flowchart's Yes to the funding question does not open
 * it (that would take the focus from a reader answering with the keyboard):
 * the planner's note and the window's toast ask how much instead. */
void mp_circumstances_button_set_planner (MpCircumstancesButton *self,
                                          MpPlanner             *planner);
/* Opens the popover with the focus on the funding choice. */
void mp_circumstances_button_popup       (MpCircumstancesButton *self);
/* Opens the popover on "An amount" with the focus in the amount field. The
 * funding changes only when an amount is typed: closed untouched, the
 * popover shows the planner's funding again. */
void mp_circumstances_button_popup_amount (MpCircumstancesButton *self);
/* The popover's amount field (for tests). */
GtkWidget *mp_circumstances_button_get_amount_entry (MpCircumstancesButton *self);

G_END_DECLS
