/* mp-confidence-mark.h: a ranking row's small mark of how often its
 * program comes first and in the top three, read out as words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-confidence-runner.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFIDENCE_MARK (mp_confidence_mark_get_type ())

G_DECLARE_FINAL_TYPE (MpConfidenceMark, mp_confidence_mark, MP, CONFIDENCE_MARK, GtkWidget)

GtkWidget  *mp_confidence_mark_new         (void);
/* Follows @runner's newest result (NULL: shows nothing). */
void        mp_confidence_mark_set_runner  (MpConfidenceMark   *self,
                                            MpConfidenceRunner *runner);
/* @program: the program's index in the store the runner's scorer ranks. */
void        mp_confidence_mark_set_program (MpConfidenceMark   *self,
                                            guint               program);
/* "First in 78 %, in the top three in 99 % of …", or NULL when hidden. */
const char *mp_confidence_mark_get_description (MpConfidenceMark *self);

G_END_DECLS
