/* bench-util.h: what the benchmarks print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts @samples (doubles, in milliseconds) and prints one line: the
 * median, min and max of the runs, labelled @what. */
void bench_report (const char *what,
                   GArray     *samples);

G_END_DECLS
