/* bench-util.c: what the benchmarks print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
bench_report (const char *what,
              GArray     *samples)
{
  const double *v = (const double *) samples->data;

  g_return_if_fail (samples->len > 0);

  g_array_sort (samples, compare_doubles);
  g_print ("%-34s median %7.1f ms   min %7.1f   max %7.1f   (%u runs)\n", what,
           v[samples->len / 2], v[0], v[samples->len - 1], samples->len);
}
