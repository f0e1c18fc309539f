/* mp-program-dialog.h: add or edit one of the user's own programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-program.h"

G_BEGIN_DECLS

#define MP_TYPE_PROGRAM_DIALOG (mp_program_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MpProgramDialog, mp_program_dialog, MP, PROGRAM_DIALOG, GtkWindow)

/* Fields by key: "name", "institution", "duration", "hours", "tuition",
 * "note", and the criterion keys ("faculty", …) for the ratings. */

/* A modal dialog over @parent. With @program, edits a copy of it; without,
 * adds a new user-defined program. Emits "saved" (MpProgram *) on success. */
MpProgramDialog *mp_program_dialog_new         (GtkWindow       *parent,
                                                MpProgram       *program);
/* A dialog that adds a new program, starting from @template's values. */
MpProgramDialog *mp_program_dialog_new_from    (GtkWindow       *parent,
                                                MpProgram       *template);
GtkEditable     *mp_program_dialog_get_field   (MpProgramDialog *self,
                                                const char      *key);
/* The validation message shown next to the field, or NULL when it is valid. */
const char      *mp_program_dialog_get_message (MpProgramDialog *self,
                                                const char      *key);
/* How a valid number was read ("Read as 12500.") when it was not typed
 * plainly, or NULL. */
const char      *mp_program_dialog_get_hint    (MpProgramDialog *self,
                                                const char      *key);
void             mp_program_dialog_set_kind    (MpProgramDialog *self,
                                                MpProgramKind    kind);
/* The rating's "Not sure" check: when set, the rating's field is the lower
 * end of a range and this second field the upper; both empty is unknown. */
void             mp_program_dialog_set_unsure  (MpProgramDialog *self,
                                                MpCriterion      criterion,
                                                gboolean         unsure);
GtkEditable     *mp_program_dialog_get_high_field (MpProgramDialog *self,
                                                   MpCriterion      criterion);
/* What the Save button does: validates every field, emits "saved" and closes
 * when all are valid; otherwise shows the messages and returns FALSE. */
gboolean         mp_program_dialog_save        (MpProgramDialog *self);

G_END_DECLS
