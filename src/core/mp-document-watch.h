/* mp-document-watch.h: reads a Markdown file again when it changes on disk (GIO only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-document.h"

G_BEGIN_DECLS

#define MP_TYPE_DOCUMENT_WATCH (mp_document_watch_get_type ())

G_DECLARE_FINAL_TYPE (MpDocumentWatch, mp_document_watch, MP, DOCUMENT_WATCH, GObject)

/* Signals, once the file has been still for a moment after a change:
 *  "reloaded" (MpDocument *document) — the file read again;
 *  "failed"   (const GError *error)  — it no longer reads; the caller keeps
 *                                      the last good document. */
MpDocumentWatch *mp_document_watch_new      (GFile            *file,
                                             GError          **error);
GFile           *mp_document_watch_get_file (MpDocumentWatch  *self);

G_END_DECLS
