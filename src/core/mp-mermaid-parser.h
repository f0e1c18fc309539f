/* mp-mermaid-parser.h: Mermaid flowchart text to an MpFlowchart (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* Longer node labels are cut (with a warning): they would wrap into nodes
 * taller than any screen. */
#define MP_MERMAID_MAX_LABEL_CHARS 300

#define MP_MERMAID_ERROR (mp_mermaid_error_quark ())

typedef enum {
  MP_MERMAID_ERROR_SYNTAX,
  MP_MERMAID_ERROR_EMPTY,
} MpMermaidError;

GQuark                mp_mermaid_error_quark          (void);

/* Parses Mermaid flowchart text. On error, the message reads
 * "LINE:COLUMN: what went wrong (near “text”)" with LINE counted from
 * @first_line (the line of the block's first text line in its file; 1 for a
 * .mmd file) so callers only prefix the file name; @error_line and
 * @error_column (nullable) receive the same position relative to @source (1-based). */
MpFlowchart          *mp_flowchart_parse              (const char  *source,
                                                       gssize       length,
                                                       guint        first_line,
                                                       guint       *error_line,
                                                       guint       *error_column,
                                                       GError     **error);

G_END_DECLS
