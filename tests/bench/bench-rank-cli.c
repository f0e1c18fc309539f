/* bench-rank-cli.c: `masterplan --rank --programs FILE` on 10 000, 100 000
 * and 1 000 000 programs as CSV and as JSON, the real program as a user runs
 * it: wall time, CPU time and peak resident memory of the process (from
 * wait4's rusage)
 *
 * The CSV rows have no id column and many equal names, the case that made id
 * generation quadratic. The JSON is laid out as Master Plan saves it (one
 * member a line), with rating ranges and unknown ratings among the numbers.
 *
 * MP_BENCH_CONFIDENCE=1 adds `--confidence` (10 000 samples) to the CSV runs:
 * a million programs is then refused at once, with the samples that fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
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

static void
append_json_rating (GString    *text,
                    GRand      *rand,
                    const char *key,
                    gboolean    last)
{
  int form = g_rand_int_range (rand, 0, 8), lo = g_rand_int_range (rand, 0, 11);

  g_string_append_printf (text, "        \"%s\": ", key);
  if (form == 0)
    g_string_append (text, "null");
  else if (form == 1)
    g_string_append_printf (text, "[\n          %d,\n          %d\n        ]", lo,
                            g_rand_int_range (rand, lo, 11));
  else
    g_string_append_printf (text, "%d", lo);
  g_string_append (text, last ? "\n" : ",\n");
}

static char *
write_json (const char *dir,
            guint       rows)
{
  static const char * const keys[] = { "faculty", "scholarship", "funding", "flexibility",
                                       "brand" };
  g_autofree char *name = g_strdup_printf ("programs-%u.json", rows);
  char *path = g_build_filename (dir, name, NULL);
  GString *text = g_string_new ("{\n  \"schema_version\": 1,\n  \"programs\": [\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (rows);

  for (guint i = 0; i < rows; i++)
    {
      g_string_append_printf (text,
                              "    {\n      \"id\": \"program-%u\",\n"
                              "      \"name\": \"%s %u\",\n"
                              "      \"institution\": \"University %u\",\n"
                              "      \"kind\": \"masters\",\n      \"format\": \"online\",\n"
                              "      \"duration_years\": 2,\n      \"hours_per_week\": 10,\n"
                              "      \"tuition_usd\": %d,\n      \"thesis\": false,\n"
                              "      \"note\": \"\",\n      \"ratings\": {\n",
                              i, i % 10 == 0 ? "Same Program" : "Program", i % 10 == 0 ? 0 : i,
                              i % 500, g_rand_int_range (rand, 500, 60000));
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        append_json_rating (text, rand, keys[k], k + 1 == G_N_ELEMENTS (keys));
      g_string_append (text, i + 1 < rows ? "      }\n    },\n" : "      }\n    }\n");
    }
  g_string_append (text, "  ]\n}\n");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  return path;
}

/* Runs the ranking once; its output goes to /dev/null. */
static gboolean with_confidence;

static void
run_rank (const char *programs,
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
      if (with_confidence)
        execl (MASTERPLAN_PROGRAM, MASTERPLAN_PROGRAM, "--rank", "--confidence", "--programs",
               programs, NULL);
      else
        execl (MASTERPLAN_PROGRAM, MASTERPLAN_PROGRAM, "--rank", "--programs", programs, NULL);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, status, 0, &usage), ==, pid);
  *ms = (g_get_monotonic_time () - start) / 1000.0;
  /* CPU time as well: on a shared machine the wall time includes waiting. */
  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *peak_mb = usage.ru_maxrss / 1024.0;
}

static void
bench (const char *format,
       guint       rows,
       char       *path)
{
  double best_ms = G_MAXDOUBLE, best_cpu_ms = G_MAXDOUBLE, peak_mb = 0;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  int status = 0;

  for (guint run = 0; run < 3; run++)
    {
      double ms, cpu_ms, mb;

      run_rank (path, &ms, &cpu_ms, &mb, &status);
      best_ms = MIN (best_ms, ms);
      best_cpu_ms = MIN (best_cpu_ms, cpu_ms);
      peak_mb = MAX (peak_mb, mb);
    }
  g_print ("--rank%s, %7u %s programs (%4.0f MB): %8.0f ms wall, %8.0f ms CPU (best of 3), "
           "peak RSS %6.0f MB, exit %d\n", with_confidence ? " --confidence" : "", rows, format,
           g_mapped_file_get_length (mapped) / 1e6, best_ms, best_cpu_ms, peak_mb,
           WIFEXITED (status) ? WEXITSTATUS (status) : -1);
  g_unlink (path);
  g_free (path);
}

/* MP_BENCH_FORMATS=json (or csv) runs one format only. */
int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 100000, 1000000 };
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-rank-cli-XXXXXX", NULL);
  const char *formats = g_getenv ("MP_BENCH_FORMATS");

  with_confidence = g_strcmp0 (g_getenv ("MP_BENCH_CONFIDENCE"), "1") == 0;
  if (with_confidence)
    formats = "csv";

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (formats == NULL || strstr (formats, "csv") != NULL)
        bench ("CSV ", sizes[i], write_csv (dir, sizes[i]));
      if (formats == NULL || strstr (formats, "json") != NULL)
        bench ("JSON", sizes[i], write_json (dir, sizes[i]));
    }
  g_rmdir (dir);
  return 0;
}
