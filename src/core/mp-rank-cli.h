/* mp-rank-cli.h: `masterplan --rank`, the ranking without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-rank-extras.h"

G_BEGIN_DECLS

/* @weights: "faculty=90,…" or NULL for the article's; @programs: a programs
 * file (JSON or CSV) or NULL for the samples; @format: "tsv" (default) or
 * "json"; @extras: the columns to add, or NULL. Prints the ranking on
 * stdout, errors on stderr. Returns the exit status: 0, 1 for a bad
 * programs file, 2 for bad arguments. */
int mp_rank_cli_run (const char         *weights,
                     const char         *programs,
                     const char         *format,
                     const MpRankExtras *extras);

G_END_DECLS
