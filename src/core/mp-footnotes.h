/* mp-footnotes.h: footnotes as GitHub reads them (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-markdown.h"

G_BEGIN_DECLS

/* md4c 0.4.8 has no footnotes, and would read "[^1]: text" as a link
 * reference definition. So they are done in two passes around it:
 *
 * mp_footnotes_extract() takes the definitions ("[^label]: text" and
 * their indented continuation lines, outside fenced code) out of the
 * text, leaving blank lines so that lines keep their numbers;
 *
 * mp_footnotes_apply() turns each "[^label]" with a definition into a
 * superscript number linking to "#fn-N" (its own anchor "fnref-N", or
 * "fnref-N-K" for the K-th reference to the same note), and adds the
 * notes that were referenced, in order of first reference, after a rule
 * as an ordered list whose items have the ids "fn-N" and end with links
 * back. Unused definitions are dropped; a reference without a
 * definition stays as it was written. */
typedef struct _MpFootnotes MpFootnotes;

/* The definitions in @text, or NULL when it has none. @body receives the
 * text without them (same length and lines). */
MpFootnotes *mp_footnotes_extract (const char     *text,
                                   gsize           length,
                                   char          **body);
void         mp_footnotes_apply   (MpFootnotes    *footnotes,
                                   MpMarkdownTree *tree,
                                   const char     *file_name);
void         mp_footnotes_free    (MpFootnotes    *footnotes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpFootnotes, mp_footnotes_free)

G_END_DECLS
