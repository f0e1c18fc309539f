/* mp-document.h: a parsed Markdown article (pure GLib, no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-front-matter.h"
#include "mp-markdown.h"
#include "mp-types.h"

G_BEGIN_DECLS

/* Files larger than this are refused (MP_MARKDOWN_ERROR_TOO_LARGE). */
#define MP_DOCUMENT_MAX_SIZE (16 * 1024 * 1024)

#define MP_TYPE_DOCUMENT (mp_document_get_type ())

G_DECLARE_FINAL_TYPE (MpDocument, mp_document, MP, DOCUMENT, GObject)

/* Errors name the file (its display name), and line and column where known. */
MpDocument           *mp_document_new_from_file       (GFile         *file,
                                                       GCancellable  *cancellable,
                                                       GError       **error);
/* Reads and parses @file in a worker thread; @progress (nullable) is called
 * in that thread, and @progress_data must live until @callback runs. */
void                  mp_document_new_from_file_async  (GFile                  *file,
                                                        GCancellable           *cancellable,
                                                        MpMarkdownProgressFunc  progress,
                                                        gpointer                progress_data,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
MpDocument           *mp_document_new_from_file_finish (GAsyncResult           *result,
                                                        GError                **error);
/* @base: the file the text came from (for relative images and messages), or NULL. */
MpDocument           *mp_document_new_from_data       (const char    *text,
                                                       gssize         length,
                                                       GFile         *base,
                                                       GError       **error);
GFile                *mp_document_get_file            (MpDocument    *self);
const char           *mp_document_get_display_name    (MpDocument    *self);
/* The front matter's title, else the first H1's text, else the file's
 * display name. */
const char           *mp_document_get_title           (MpDocument    *self);
guint                 mp_document_get_n_mermaid_blocks (MpDocument   *self);
const MpMermaidBlock *mp_document_get_mermaid_block   (MpDocument    *self,
                                                       guint          index);
/* Heading ids are GitHub-style slugs (see mp_utils_slugify()). */
gboolean              mp_document_has_heading         (MpDocument    *self,
                                                       const char    *id);
/* The block model, top-level blocks in order (see mp-markdown.h). */
guint                 mp_document_get_n_blocks        (MpDocument    *self);
const MpBlock        *mp_document_get_block           (MpDocument    *self,
                                                       guint          index);
/* Every heading at any depth, in order (MP_BLOCK_HEADING blocks). */
guint                 mp_document_get_n_headings      (MpDocument    *self);
const MpBlock        *mp_document_get_heading         (MpDocument    *self,
                                                       guint          index);
/* Cut to MP_MARKDOWN_MAX_LABEL_CHARS characters (with "…") when longer. */
const char           *mp_document_get_heading_text    (const MpBlock *heading);
/* What is shown simplified so that the reader stays responsive (a line
 * broken, nesting kept flat …), each "FILE:LINE:COLUMN: …", in order. */
guint                 mp_document_get_n_warnings      (MpDocument    *self);
const char           *mp_document_get_warning         (MpDocument    *self,
                                                       guint          index);
/* The metadata block at the top of the file, or NULL. */
const MpFrontMatter  *mp_document_get_front_matter    (MpDocument    *self);

G_END_DECLS
