/* mp-flow-export.c: placeholder until the flowchart lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-export.h"

int
mp_flow_export_cli_run (const char *input,
                        const char *output,
                        int         block)
{
  g_printerr ("masterplan: flowchart export is not available yet\n");
  return 1;
}
