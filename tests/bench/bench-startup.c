/* bench-startup.c: start the real program, to its first painted frame and
 * to the first frame that shows all three views
 *
 * Runs the built masterplan N times (default 9, at least 5) on the current
 * display with MASTERPLAN_STARTUP_REPORT=1, which makes the window print
 * the g_get_monotonic_time () of both frames and quit. Times are from just
 * before the process is spawned. Prints medians, min and max:
 *   first frame      header bar and the article's first screen
 *   complete window  the flowchart and the weighting panel too (they are
 *                    built right after the first frame)
 *
 * This is the program's own view of its start. The ratio to a bare GTK
 * window, with a fresh X server, bus and HOME for every run, is measured
 * by ../shared/bench/startup.sh (build-aux/run-benchmarks runs both).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"

#include <glib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

/* The microseconds on the line "startup: WHAT N" of @output, or -1. */
static gint64
find_time (const char *output,
           const char *what)
{
  g_autofree char *key = g_strdup_printf ("startup: %s ", what);
  const char *line = strstr (output, key);

  return line != NULL ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

int
main (int   argc,
      char *argv[])
{
  const char *program = MASTERPLAN_PROGRAM;
  guint runs = argc > 1 ? MAX (atoi (argv[1]), 5) : 9;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));
  g_auto(GStrv) env = g_get_environ ();

  setlocale (LC_ALL, "");
  env = g_environ_setenv (env, "MASTERPLAN_STARTUP_REPORT", "1", TRUE);
  if (g_environ_getenv (env, "GSK_RENDERER") == NULL)
    env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);

  /* One start to warm the disk cache, not counted. */
  for (guint i = 0; i <= runs; i++)
    {
      const char *args[] = { program, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start, painted, done;
      double ms_first, ms_complete;
      int status;

      start = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) args, env, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, &err, &status, &error))
        g_error ("%s: %s", program, error->message);
      painted = find_time (err, "first-frame");
      done = find_time (err, "complete");
      if (painted < 0 || done < 0)
        g_error ("%s did not report its start (exit status %d):\n%s", program, status, err);
      if (i == 0)
        continue;
      ms_first = (painted - start) / 1000.0;
      ms_complete = (done - start) / 1000.0;
      g_array_append_val (first, ms_first);
      g_array_append_val (complete, ms_complete);
    }
  bench_report ("start → first frame", first);
  bench_report ("start → complete window", complete);
  return 0;
}
