/* bench-rank.c: re-score and re-rank N programs after one weight change,
 * and the sensitivity ranges at 100 000 programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "mp-program-store.h"
#include "mp-ranking-format.h"
#include "mp-scorer.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        guint       n,
        double     *times,
        guint       runs)
{
  qsort (times, runs, sizeof (double), compare_doubles);
  printf ("%-34s %9u  median %8.3f ms  min %8.3f  max %8.3f  (%u runs)\n",
          what, n, times[runs / 2], times[0], times[runs - 1], runs);
}

/* Ratings in half points, names from a small vocabulary: many ties, like
 * real lists. */
static MpProgramStore *
generate (guint  n,
          GRand *rand)
{
  static const char * const words[] = {
    "Clinical", "Medical", "Health", "Education", "Teaching", "Simulation", "Leadership",
    "Assessment", "Curriculum", "Research",
  };
  MpProgramStore *store = mp_program_store_new ();
  MpProgram **programs = g_new (MpProgram *, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("gen-%u", i);
      g_autofree char *name = g_strdup_printf ("%s %s %u",
                                               words[g_rand_int_range (rand, 0, 10)],
                                               words[g_rand_int_range (rand, 0, 10)],
                                               g_rand_int_range (rand, 0, 1000));

      programs[i] = mp_program_new (id, name);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (programs[i], c, g_rand_int_range (rand, 0, 21) / 2.0);
      mp_program_set_kind (programs[i], g_rand_int_range (rand, 0, MP_N_PROGRAM_KINDS));
      mp_program_set_tuition (programs[i], g_rand_int_range (rand, 500, 60000));
      mp_program_set_hours_per_week (programs[i], g_rand_int_range (rand, 2, 25));
    }
  mp_program_store_splice (store, programs, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (programs[i]);
  g_free (programs);
  return store;
}

static void
bench_rerank (guint  n,
              guint  runs,
              GRand *rand)
{
  g_autoptr(MpProgramStore) store = generate (n, rand);
  g_autoptr(MpScorer) scorer = NULL;
  double *times = g_new (double, runs);
  double start;
  MpWeights w;

  start = now_ms ();
  scorer = mp_scorer_new (store);
  printf ("%-34s %9u  %8.1f ms (once; and for changes of > 64 programs)\n",
          "snapshot + name order + first rank",
          n, now_ms () - start);
  mp_weights_init_article (&w);
  for (guint r = 0; r < runs; r++)
    {
      /* One slider step: faculty 90 → 91 → 90 … */
      w.w[MP_CRITERION_FACULTY] = r % 2 ? 90 : 91;
      start = now_ms ();
      mp_scorer_set_weights (scorer, &w);
      times[r] = now_ms () - start;
    }
  report ("re-score + re-rank, one weight", n, times, runs);

  if (n <= 100000)
    {
      for (guint r = 0; r < runs; r++)
        {
          g_autofree char *id = g_strdup_printf ("added-%u", r);
          g_autoptr(MpProgram) program = mp_program_new (id, "Added program");

          mp_program_set_rating (program, MP_CRITERION_FACULTY, 7);
          start = now_ms ();
          mp_program_store_add (store, program);
          times[r] = now_ms () - start;
        }
      report ("add one program (store change)", n, times, runs);
    }
  g_free (times);
}

static void
bench_sensitivity (guint  n,
                   guint  runs,
                   GRand *rand)
{
  g_autoptr(MpProgramStore) store = generate (n, rand);
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  double *times = g_new (double, runs);
  MpWeights w;

  mp_weights_init_article (&w);
  for (guint r = 0; r < runs; r++)
    {
      MpSensitivity s;
      double start;

      w.w[MP_CRITERION_BRAND] = r % 2 ? 50 : 51;
      mp_scorer_set_weights (scorer, &w);
      start = now_ms ();
      /* The first call computes all five ranges; the others read the cache. */
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_scorer_get_sensitivity (scorer, c, &s);
      times[r] = now_ms () - start;
    }
  report ("sensitivity, all five criteria", n, times, runs);
  g_free (times);
}

/* Reading a programs file: parse, validate, build the programs. */
static void
bench_load (guint  n,
            guint  runs,
            GRand *rand)
{
  g_autoptr(MpProgramStore) store = generate (n, rand);
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autofree char *json = mp_program_store_to_json (store, FALSE);
  g_autofree char *csv = mp_ranking_to_csv (scorer);
  g_autofree char *dir = g_dir_make_tmp ("mp-bench-XXXXXX", NULL);
  const char *texts[] = { json, csv };
  const char *names[] = { "programs.json", "programs.csv" };
  const char *labels[] = { "import JSON file", "import CSV file" };
  double *times = g_new (double, runs);

  for (guint f = 0; f < 2; f++)
    {
      g_autofree char *path = g_build_filename (dir, names[f], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_file_set_contents (path, texts[f], -1, NULL);
      for (guint r = 0; r < runs; r++)
        {
          g_autoptr(MpProgramStore) target = mp_program_store_new ();
          double start = now_ms ();

          if (mp_program_store_import (target, file, NULL) != (int) n)
            g_error ("import of %s failed", path);
          times[r] = now_ms () - start;
        }
      report (labels[f], n, times, runs);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_free (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);

  bench_rerank (1000, 31, rand);
  bench_rerank (10000, 31, rand);
  bench_rerank (100000, 15, rand);
  bench_rerank (1000000, 9, rand);
  bench_sensitivity (100000, 9, rand);
  bench_load (100000, 7, rand);
  return 0;
}
