/* bench-rank-cli.c: `masterplan --rank --programs FILE.csv` on 10 000,
 * 100 000 and 1 000 000 rows, the real program as a user runs it: wall time
 * and peak resident memory of the process (from wait4's rusage)
 *
 * The rows have no id column and many equal names, the case that made id
 * generation quadratic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static char *
write_csv (const char *dir,
           guint       rows)
{
  g_autofree char *name = g_strdup_printf ("programs-%u.csv", rows);
  char *path = g_build_filename (dir, name, NULL);
  GString *text = g_string_new ("name,kind,format,duration_years,hours_per_week,tuition_usd,"
                                "faculty,scholarship,funding,flexibility,brand\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (rows);

  for (guint i = 0; i < rows; i++)
    /* One name in ten is "Same Program": thousands of equal names. */
    g_string_append_printf (text, "%s %u,masters,online,2,10,%d,%d,%d,%d,%d,%d\n",
                            i % 10 == 0 ? "Same Program" : "Program", i % 10 == 0 ? 0 : i,
                            g_rand_int_range (rand, 500, 60000),
                            g_rand_int_range (rand, 0, 11), g_rand_int_range (rand, 0, 11),
                            g_rand_int_range (rand, 0, 11), g_rand_int_range (rand, 0, 11),
                            g_rand_int_range (rand, 0, 11));
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  return path;
}

/* Runs the ranking once; its output goes to /dev/null. */
static void
run_rank (const char *csv,
          double     *ms,
          double     *cpu_ms,
          double     *peak_mb,
          int        *status)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execl (MASTERPLAN_PROGRAM, MASTERPLAN_PROGRAM, "--rank", "--programs", csv, NULL);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, status, 0, &usage), ==, pid);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  /* CPU time as well: on a shared machine the wall time includes waiting. */
  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *peak_mb = usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 100000, 1000000 };
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-rank-cli-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *csv = write_csv (dir, sizes[i]);
      double best_ms = G_MAXDOUBLE, best_cpu_ms = G_MAXDOUBLE, peak_mb = 0;
      int status = 0;

      for (guint run = 0; run < 3; run++)
        {
          double ms, cpu_ms, mb;

          run_rank (csv, &ms, &cpu_ms, &mb, &status);
          best_ms = MIN (best_ms, ms);
          best_cpu_ms = MIN (best_cpu_ms, cpu_ms);
          peak_mb = MAX (peak_mb, mb);
        }
      g_print ("--rank, %7u CSV rows: %8.0f ms wall, %8.0f ms CPU (best of 3), "
               "peak RSS %6.0f MB, exit %d\n", sizes[i], best_ms, best_cpu_ms, peak_mb,
               WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      g_unlink (csv);
    }
  g_rmdir (dir);
  return 0;
}
