/* mp-brief-actions.h: the window's decision brief: the "My Choice" dialog,
 * saving the brief as PDF and printing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-brief-notes.h"
#include "mp-planner.h"

G_BEGIN_DECLS

/* A dialog with the two fields the brief leaves to the user: the program
 * they chose (any, or none) and why, bound to @notes. */
GtkWidget *mp_brief_choice_dialog_new (GtkWindow    *parent,
                                       MpPlanner    *planner,
                                       MpBriefNotes *notes);
/* Asks where (GtkFileChooserNative) and writes the brief there; the result
 * is told through the window's "win.toast" action. */
void       mp_brief_save              (GtkWindow    *parent,
                                       MpPlanner    *planner,
                                       MpBriefNotes *notes);
/* Prints the same pages through GtkPrintOperation. */
void       mp_brief_print             (GtkWindow    *parent,
                                       MpPlanner    *planner,
                                       MpBriefNotes *notes);
/* Writes the brief to @file at once (what the save dialog does on accept). */
gboolean   mp_brief_save_to_file      (MpPlanner    *planner,
                                       MpBriefNotes *notes,
                                       GFile        *file,
                                       GError      **error);

G_END_DECLS
