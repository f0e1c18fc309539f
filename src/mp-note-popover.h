/* mp-note-popover.h: a footnote's text shown beside its reference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A popover on @parent (which presents it) that never takes the focus, so the reader's place
 * and the keyboard stay where they are. */
GtkWidget  *mp_note_popover_new      (GtkWidget    *parent);
/* Shows @text pointing at the buffer range [@start, @end) of @view, a
 * descendant of the popover's parent. */
void        mp_note_popover_show     (GtkWidget    *popover,
                                      GtkTextView  *view,
                                      const char   *text,
                                      int           start,
                                      int           end);
void        mp_note_popover_hide     (GtkWidget    *popover);
/* The text shown, or NULL while hidden. */
const char *mp_note_popover_get_text (GtkWidget    *popover);

G_END_DECLS
