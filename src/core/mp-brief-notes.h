/* mp-brief-notes.h: what the user writes into the decision brief — the
 * program they chose and why — remembered in GSettings (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP_TYPE_BRIEF_NOTES (mp_brief_notes_get_type ())

G_DECLARE_FINAL_TYPE (MpBriefNotes, mp_brief_notes, MP, BRIEF_NOTES, GObject)

/* Properties "choice" (a program id, "none", or "" when not chosen) and
 * "why"; with @settings (nullable) bound to its "brief-choice" and
 * "brief-why" keys. */
MpBriefNotes *mp_brief_notes_new        (GSettings    *settings);
const char   *mp_brief_notes_get_choice (MpBriefNotes *self);
void          mp_brief_notes_set_choice (MpBriefNotes *self,
                                         const char   *choice);
const char   *mp_brief_notes_get_why    (MpBriefNotes *self);
void          mp_brief_notes_set_why    (MpBriefNotes *self,
                                         const char   *why);

G_END_DECLS
