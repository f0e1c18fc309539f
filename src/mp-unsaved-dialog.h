/* mp-unsaved-dialog.h: asks, before a window closes, what to do with the
 * user's programs that could not be saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-program-store.h"

G_BEGIN_DECLS

typedef enum {
  MP_UNSAVED_RESPONSE_SAVE_ELSEWHERE = 1,
  MP_UNSAVED_RESPONSE_DISCARD = 2,
} MpUnsavedResponse;

/* A modal question on @parent: Save Elsewhere… (a file chooser; the
 * programs are written there with mp_program_store_save_copy()), Discard,
 * or Cancel. @done runs once with TRUE when the window may close (saved
 * elsewhere or discarded), FALSE when it stays. */
typedef void (*MpUnsavedDone) (GtkWindow *parent,
                               gboolean   may_close);

GtkWidget *mp_unsaved_dialog_new (GtkWindow      *parent,
                                  MpProgramStore *store,
                                  MpUnsavedDone   done);
/* Writes the programs to @file as Save Elsewhere does; on failure the
 * question is asked again with the reason. For tests and the chooser. */
void       mp_unsaved_dialog_save_to (GtkWidget *dialog,
                                      GFile     *file);

G_END_DECLS
