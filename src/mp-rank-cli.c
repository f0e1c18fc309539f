/* mp-rank-cli.c: placeholder until the programs land
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-cli.h"

int
mp_rank_cli_run (const char *weights,
                 const char *programs,
                 const char *format)
{
  g_printerr ("masterplan: ranking is not available yet\n");
  return 1;
}
