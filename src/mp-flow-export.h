/* mp-flow-export.h: flowchart export to SVG, PNG and PDF, and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-flow-layout.h"
#include "mp-flow-walk.h"

G_BEGIN_DECLS

#define MP_FLOW_EXPORT_ERROR (mp_flow_export_error_quark ())

typedef enum {
  MP_FLOW_EXPORT_ERROR_FORMAT,
  MP_FLOW_EXPORT_ERROR_WRITE,
  MP_FLOW_EXPORT_ERROR_TOO_LARGE,
} MpFlowExportError;

GQuark   mp_flow_export_error_quark (void);

/* "svg", "png" or "pdf" from @path's extension, else NULL. */
const char *mp_flow_export_format_for_path (const char *path);

/* Draws @layout (with @walk's path, nullable) into @path, the format chosen
 * by its extension, in the light palette. */
gboolean mp_flow_export_to_file (MpFlowLayout  *layout,
                                 MpFlowWalk    *walk,
                                 const char    *path,
                                 GError       **error);

/* `masterplan --export-flowchart INPUT -o OUTPUT [--block N]`: INPUT is a .mmd
 * file or Markdown (its Nth mermaid block, 1-based, default 1). Prints errors
 * as "FILE:LINE:COLUMN: message" on stderr. Returns the exit status: 0 done,
 * 1 bad input, 2 bad arguments. Needs no display. */
int mp_flow_export_cli_run (const char *input,
                            const char *output,
                            int         block);

/* `masterplan --check-flowchart FILE`: prints the parse errors, what Mermaid
 * would refuse, and the tree check's findings of every chart in FILE as
 * "FILE:LINE:COLUMN: message" lines. Returns 0 when there is nothing to
 * say, 1 with the list, 2 for bad arguments. Needs no display. */
int mp_flow_check_cli_run (const char *input);

G_END_DECLS
