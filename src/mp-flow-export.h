/* mp-flow-export.h: flowchart export to SVG, PNG and PDF, and its command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-flow-walk.h"

G_BEGIN_DECLS

/* `masterplan --export-flowchart INPUT -o OUTPUT [--block N]`: INPUT is a .mmd
 * file or Markdown (its Nth mermaid block, 1-based, default 1). Prints errors
 * as "FILE:LINE:COLUMN: message" on stderr. Returns the exit status: 0 done,
 * 1 bad input, 2 bad arguments. Needs no display. */
int mp_flow_export_cli_run (const char *input,
                            const char *output,
                            int         block);

G_END_DECLS
