/* bench-confidence.c: rank confidence, 10 000 samples over the sample
 * programs and over 1 000 generated ones (targets: 5 ms and 100 ms)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "mp-confidence.h"
#include "mp-program-store.h"
#include "mp-scorer.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of the whole process, all threads: less shaken by a busy machine
 * than the wall clock (a second thread counts double). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
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
  printf ("%-44s %5u  median %8.3f ms  min %8.3f  max %8.3f  (%u runs)\n",
          what, n, times[runs / 2], times[0], times[runs - 1], runs);
}

static void
time_compute (const char        *what,
              MpConfidenceInput *input,
              guint              runs)
{
  double *times = g_new (double, runs);
  double *cpu = g_new (double, runs);
  g_autofree char *cpu_what = g_strdup_printf ("  the same, CPU time of all threads");

  for (guint r = 0; r < runs; r++)
    {
      double start, start_cpu;
      MpConfidenceResult *result;

      mp_confidence_input_set_seed (input, r);
      start = now_ms ();
      start_cpu = cpu_ms ();
      result = mp_confidence_compute (input, NULL, NULL);
      times[r] = now_ms () - start;
      cpu[r] = cpu_ms () - start_cpu;
      g_assert (result != NULL);
      mp_confidence_result_unref (result);
    }
  report (what, mp_confidence_input_get_n_programs (input), times, runs);
  report (cpu_what, mp_confidence_input_get_n_programs (input), cpu, runs);
  g_free (times);
  g_free (cpu);
}

static MpConfidenceInput *
sample_input (double spread)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  MpWeights w;

  if (!mp_program_store_load_samples (store, NULL))
    g_error ("the sample programs did not load");
  scorer = mp_scorer_new (store);
  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  return mp_confidence_input_new_from_scorer (scorer, store, spread);
}

/* Half-point ratings; @ranged_share of them a range of 2 points, and one
 * program in 20 with unknown ratings. */
static MpConfidenceInput *
generated_input (guint   n,
                 double  ranged_share,
                 GRand  *rand)
{
  MpConfidenceInput *input = mp_confidence_input_new (n);
  MpWeights w;

  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < MP_N_CRITERIA; c++)
      {
        double lo = g_rand_int_range (rand, 0, 21) / 2.0;
        double hi = g_rand_double (rand) < ranged_share ? MIN (lo + 2, 10) : lo;

        if (i % 20 == 19)
          lo = 0, hi = 10;
        mp_confidence_input_set_rating (input, i, c, lo, hi);
      }
  mp_weights_init_article (&w);
  mp_confidence_input_set_weights (input, &w, MP_CONFIDENCE_DEFAULT_SPREAD);
  return input;
}

static void
on_done (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  MpConfidenceResult **out = user_data;

  *out = mp_confidence_compute_finish (res, NULL);
}

/* From the request on the main thread to the result back in its loop. */
static void
time_async (const char        *what,
            MpConfidenceInput *input,
            guint              runs)
{
  double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      MpConfidenceResult *result = NULL;
      double start = now_ms ();

      mp_confidence_compute_async (input, NULL, on_done, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      times[r] = now_ms () - start;
      mp_confidence_result_unref (result);
    }
  report (what, mp_confidence_input_get_n_programs (input), times, runs);
  g_free (times);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(MpConfidenceInput) samples = sample_input (MP_CONFIDENCE_DEFAULT_SPREAD);
  g_autoptr(MpConfidenceInput) exact = generated_input (1000, 0, rand);
  g_autoptr(MpConfidenceInput) ranged = generated_input (1000, 0.25, rand);
  g_autoptr(MpConfidenceInput) many = generated_input (10000, 0.25, rand);

  printf ("10 000 samples each; weights ± %.0f points\n", MP_CONFIDENCE_DEFAULT_SPREAD);
  time_compute ("sample programs", samples, 31);
  time_async ("sample programs, async round trip", samples, 31);
  time_compute ("generated, 1 in 20 unknown", exact, 15);
  time_compute ("generated, + 1 in 4 ratings a range", ranged, 15);
  time_async ("generated, + 1 in 4 ranged, async round trip", ranged, 15);
  time_compute ("generated, + 1 in 4 ranged", many, 5);
  return 0;
}
