/* mp-cli.h: the headless command lines (--rank, --export-flowchart)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean mp_cli_is_headless (int    argc,
                             char **argv);
/* Returns the exit status: 0 done, 1 bad input, 2 bad arguments. */
int      mp_cli_run         (int    argc,
                             char **argv);

G_END_DECLS
