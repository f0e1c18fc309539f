/* test-confidence.c: rank confidence under uncertain weights and ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mp-confidence.h"
#include "mp-confidence-runner.h"
#include "mp-program-store.h"
#include "mp-scorer.h"

static MpConfidenceResult *
compute (MpConfidenceInput *input)
{
  g_autoptr(GError) error = NULL;
  MpConfidenceResult *result = mp_confidence_compute (input, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static MpProgramStore *
sample_store (void)
{
  g_autoptr(GError) error = NULL;
  MpProgramStore *store = mp_program_store_new ();

  g_assert_true (mp_program_store_load_samples (store, &error));
  g_assert_no_error (error);
  return store;
}

/* A rates 10 on faculty, B 10 on scholarship, nothing else. Faculty's
 * weight is anywhere in [40, 60], scholarship's exactly 45: A is first when
 * the faculty weight is above 45, in 15/20 = 75 % of the weightings. */
static void
test_known_weight_fraction (void)
{
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new (2);
  g_autoptr(MpConfidenceResult) result = NULL;

  mp_confidence_input_set_rating (input, 0, MP_CRITERION_FACULTY, 10, 10);
  mp_confidence_input_set_rating (input, 1, MP_CRITERION_SCHOLARSHIP, 10, 10);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_FACULTY, 40, 60);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_SCHOLARSHIP, 45, 45);
  mp_confidence_input_set_samples (input, 100000);
  mp_confidence_input_set_seed (input, 7);
  result = compute (input);

  g_assert_cmpuint (mp_confidence_result_get_n_samples (result), ==, 100000);
  g_assert_cmpfloat_with_epsilon (mp_confidence_result_get_p_first (result, 0), 0.75, 0.01);
  g_assert_cmpfloat_with_epsilon (mp_confidence_result_get_p_first (result, 1), 0.25, 0.01);
  /* Two programs: both are always in the top three. */
  g_assert_cmpfloat (mp_confidence_result_get_p_top3 (result, 1), ==, 1.0);
  g_assert_cmpuint (mp_confidence_result_get_rank_p5 (result, 0), ==, 1);
  g_assert_cmpuint (mp_confidence_result_get_rank_p95 (result, 0), ==, 2);
  g_assert_false (mp_confidence_result_is_fragile (result, 0));
  g_assert_true (mp_confidence_result_is_fragile (result, 1));
}

/* A's faculty rating is unknown (0–10), B's is 7; only faculty counts:
 * A is first in 30 % of the samples. */
static void
test_known_rating_fraction (void)
{
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new (2);
  g_autoptr(MpConfidenceResult) result = NULL;

  mp_confidence_input_set_rating (input, 0, MP_CRITERION_FACULTY, 0, 10);
  mp_confidence_input_set_rating (input, 1, MP_CRITERION_FACULTY, 7, 7);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_FACULTY, 50, 50);
  mp_confidence_input_set_samples (input, 100000);
  result = compute (input);

  g_assert_cmpfloat_with_epsilon (mp_confidence_result_get_p_first (result, 0), 0.30, 0.01);
  g_assert_true (mp_confidence_result_has_unknown (result, 0));
  g_assert_false (mp_confidence_result_has_unknown (result, 1));
}

static void
assert_exact_ranking (MpScorer       *scorer,
                      MpProgramStore *store)
{
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new_from_scorer (scorer, store, 0);
  g_autoptr(MpConfidenceResult) result = NULL;
  guint n = mp_scorer_get_n_ranked (scorer);

  mp_confidence_input_set_samples (input, 2000);
  result = compute (input);
  g_assert_cmpuint (mp_confidence_result_get_n_programs (result), ==, n);
  g_assert_cmpuint (mp_confidence_result_get_most_often_first (result), ==, 0);
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), ==, 1.0);
  g_assert_true (mp_confidence_result_is_sure_first (result, 0));
  for (guint k = 0; k < n; k++)
    {
      g_assert_cmpuint (mp_confidence_result_get_program (result, k), ==,
                        mp_scorer_get_ranked (scorer, k));
      g_assert_cmpuint (mp_confidence_result_get_rank_p5 (result, k), ==, k + 1);
      g_assert_cmpuint (mp_confidence_result_get_rank_p95 (result, k), ==, k + 1);
      g_assert_cmpfloat (mp_confidence_result_get_p_top3 (result, k), ==, k < 3 ? 1.0 : 0.0);
    }
}

/* Exact weights and ratings: every sample is the plain ranking. */
static void
test_exact_is_plain_ranking (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  MpWeights w;

  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  assert_exact_ranking (scorer, store);
  for (guint round = 0; round < 20; round++)
    {
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        w.w[c] = g_rand_int_range (rand, 0, 101);
      if (mp_weights_all_zero (&w))
        continue;
      mp_scorer_set_weights (scorer, &w);
      assert_exact_ranking (scorer, store);
    }
}

static void
set_unknown (MpConfidenceInput *input,
             guint              slot)
{
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    mp_confidence_input_set_rating (input, slot, c, 0, 10);
}

/* Among the sample programs, a program nobody knows anything about is
 * seldom first; against a program rated 0 everywhere it is nearly always
 * first, yet not a sure first. */
static void
test_unknown_never_sure (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(MpConfidenceInput) many = NULL;
  g_autoptr(MpConfidenceInput) two = mp_confidence_input_new (2);
  g_autoptr(MpConfidenceResult) result = NULL;
  g_autoptr(MpConfidenceResult) result_two = NULL;
  guint last;
  MpWeights w;

  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  many = mp_confidence_input_new_from_scorer (scorer, store, MP_CONFIDENCE_DEFAULT_SPREAD);
  last = mp_confidence_input_get_n_programs (many) - 1;
  set_unknown (many, last);
  result = compute (many);
  g_assert_false (mp_confidence_result_is_sure_first (result, last));
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, last), <, 0.5);
  g_assert_cmpuint (mp_confidence_result_get_rank_p5 (result, last), <,
                    mp_confidence_result_get_rank_p95 (result, last));

  set_unknown (two, 0);
  mp_confidence_input_set_weights (two, &w, MP_CONFIDENCE_DEFAULT_SPREAD);
  result_two = compute (two);
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result_two, 0), >, 0.99);
  g_assert_false (mp_confidence_result_is_sure_first (result_two, 0));
  g_assert_true (mp_confidence_result_has_unknown (result_two, 0));
}

static void
assert_same_result (MpConfidenceResult *a,
                    MpConfidenceResult *b)
{
  guint n = mp_confidence_result_get_n_programs (a);

  g_assert_cmpuint (mp_confidence_result_get_n_programs (b), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (mp_confidence_result_get_p_first (a, i), ==,
                         mp_confidence_result_get_p_first (b, i));
      g_assert_cmpfloat (mp_confidence_result_get_p_top3 (a, i), ==,
                         mp_confidence_result_get_p_top3 (b, i));
      g_assert_cmpuint (mp_confidence_result_get_rank_p5 (a, i), ==,
                        mp_confidence_result_get_rank_p5 (b, i));
      g_assert_cmpuint (mp_confidence_result_get_rank_p95 (a, i), ==,
                        mp_confidence_result_get_rank_p95 (b, i));
    }
}

/* @n programs with random half-point ratings, one in four a range. */
static MpConfidenceInput *
random_input (guint  n,
              guint  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  MpConfidenceInput *input = mp_confidence_input_new (n);
  MpWeights w;

  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < MP_N_CRITERIA; c++)
      {
        double lo = g_rand_int_range (rand, 0, 21) / 2.0;
        double hi = g_rand_int_range (rand, 0, 4) == 0 ? MIN (lo + 2, 10) : lo;

        mp_confidence_input_set_rating (input, i, c, lo, hi);
      }
  mp_weights_init_article (&w);
  mp_confidence_input_set_weights (input, &w, 20);
  return input;
}

/* Sums over programs: one first and three in the top three per sample; the
 * percentile ranks are ranks. */
static void
test_shares_add_up (void)
{
  g_autoptr(MpConfidenceInput) input = random_input (200, 11);
  g_autoptr(MpConfidenceResult) result = compute (input);
  double first = 0, top3 = 0;

  for (guint i = 0; i < 200; i++)
    {
      guint p5 = mp_confidence_result_get_rank_p5 (result, i);
      guint p95 = mp_confidence_result_get_rank_p95 (result, i);

      first += mp_confidence_result_get_p_first (result, i);
      top3 += mp_confidence_result_get_p_top3 (result, i);
      g_assert_cmpuint (p5, >=, 1);
      g_assert_cmpuint (p5, <=, p95);
      g_assert_cmpuint (p95, <=, 200);
      if (mp_confidence_result_get_p_first (result, i) > 0.05)
        g_assert_cmpuint (p5, ==, 1);
    }
  g_assert_cmpfloat_with_epsilon (first, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (top3, 3.0, 1e-9);
}

/* The same seed gives the same result, on one thread (small input) or two
 * (large); another seed gives another. */
static void
test_deterministic (void)
{
  g_autoptr(MpConfidenceInput) small = random_input (17, 5);
  g_autoptr(MpConfidenceInput) large = random_input (1000, 5);
  g_autoptr(MpConfidenceResult) a = NULL;
  g_autoptr(MpConfidenceResult) b = NULL;
  g_autoptr(MpConfidenceResult) c = NULL;
  g_autoptr(MpConfidenceResult) d = NULL;
  gboolean differs = FALSE;

  mp_confidence_input_set_seed (small, 99);
  a = compute (small);
  b = compute (small);
  assert_same_result (a, b);
  mp_confidence_input_set_seed (large, 99);
  c = compute (large);
  d = compute (large);
  assert_same_result (c, d);

  g_clear_pointer (&b, mp_confidence_result_unref);
  mp_confidence_input_set_seed (small, 100);
  b = compute (small);
  for (guint i = 0; i < 17; i++)
    differs = differs || mp_confidence_result_get_p_first (a, i) !=
                         mp_confidence_result_get_p_first (b, i);
  g_assert_true (differs);
}

static void
test_cancelled (void)
{
  g_autoptr(MpConfidenceInput) input = random_input (17, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  MpConfidenceResult *result;

  g_cancellable_cancel (cancellable);
  result = mp_confidence_compute (input, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_no_weights (void)
{
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new (3);
  g_autoptr(GError) error = NULL;

  g_assert_null (mp_confidence_compute (input, NULL, &error));
  g_assert_error (error, MP_CONFIDENCE_ERROR, MP_CONFIDENCE_ERROR_NO_WEIGHTS);
}

static void
on_computed (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  MpConfidenceResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mp_confidence_compute_finish (res, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(MpConfidenceInput) input = random_input (300, 2);
  g_autoptr(MpConfidenceResult) sync = compute (input);
  g_autoptr(MpConfidenceResult) async = NULL;

  mp_confidence_compute_async (input, NULL, on_computed, &async);
  while (async == NULL)
    g_main_context_iteration (NULL, TRUE);
  assert_same_result (sync, async);
  g_assert_true (mp_confidence_result_get_input (async) == input);
}

static void
test_describe (void)
{
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new (2);
  g_autoptr(MpConfidenceResult) result = NULL;
  g_autofree char *text = NULL;

  mp_confidence_input_set_rating (input, 0, MP_CRITERION_FACULTY, 10, 10);
  mp_confidence_input_set_rating (input, 1, MP_CRITERION_SCHOLARSHIP, 10, 10);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_FACULTY, 40, 60);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_SCHOLARSHIP, 45, 45);
  mp_confidence_input_set_samples (input, 100000);
  result = compute (input);
  text = mp_confidence_result_describe_first (result, 0);
  g_assert_cmpstr (text, ==, "First in 75 % of the weightings you find plausible");
  g_clear_pointer (&text, g_free);
  text = mp_confidence_result_describe_row (result, 1);
  g_assert_cmpstr (text, ==, "First in 25 %, in the top three in 100 % of the weightings you "
                             "find plausible");
  g_clear_pointer (&text, g_free);
  text = mp_confidence_result_describe_rank_range (result, 0);
  g_assert_cmpstr (text, ==, "Rank 1 to 2 in 90 % of the weightings you find plausible");
  g_assert_null (mp_confidence_result_describe_fragile (result, 0, "B"));
  g_assert_cmpint (mp_confidence_result_get_rival (result, 0), ==, 1);
  g_clear_pointer (&text, g_free);
  /* The other one as top pick: first in a quarter, A first in three quarters. */
  text = mp_confidence_result_describe_fragile (result, 1, "A");
  g_assert_cmpstr (text, ==, "Fragile: other weightings you find plausible put A first in "
                             "75 % of cases");
  g_clear_pointer (&text, g_free);
  text = mp_confidence_result_describe_fragile (result, 1, NULL);
  g_assert_cmpstr (text, ==, "Fragile: first in under half of the weightings you find plausible");
}

static void
wait_idle (MpConfidenceRunner *runner)
{
  while (mp_confidence_runner_get_busy (runner))
    g_main_context_iteration (NULL, TRUE);
}

/* Lets the cancelled tasks finish and drop their references to @runner. */
static void
drain (MpConfidenceRunner *runner)
{
  while (g_main_context_pending (NULL) || G_OBJECT (runner)->ref_count > 1)
    g_main_context_iteration (NULL, TRUE);
}

/* A runner following @scorer, which ranks by the article's weights (left
 * in @w for the caller to change). */
static MpConfidenceRunner *
article_runner (MpScorer  *scorer,
                MpWeights *w)
{
  mp_weights_init_article (w);
  mp_scorer_set_weights (scorer, w);
  return mp_confidence_runner_new_for_scorer (scorer);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* Three requests in a row, the first two large: only the last one's result
 * is ever shown. */
static void
test_runner_newest_wins (void)
{
  g_autoptr(MpConfidenceRunner) runner = mp_confidence_runner_new ();
  g_autoptr(MpConfidenceInput) first = random_input (1000, 1);
  g_autoptr(MpConfidenceInput) second = random_input (1000, 2);
  g_autoptr(MpConfidenceInput) last = random_input (17, 3);
  g_autoptr(MpConfidenceResult) expected = compute (last);
  MpConfidenceResult *shown;
  guint notified = 0;

  g_signal_connect (runner, "notify::result", G_CALLBACK (count_notify), &notified);
  mp_confidence_runner_request (runner, first);
  mp_confidence_runner_request (runner, second);
  mp_confidence_runner_request (runner, last);
  g_assert_true (mp_confidence_runner_get_busy (runner));
  wait_idle (runner);
  shown = mp_confidence_runner_get_result (runner);
  g_assert_nonnull (shown);
  g_assert_true (mp_confidence_result_get_input (shown) == last);
  assert_same_result (shown, expected);
  g_assert_cmpuint (notified, ==, 1);

  mp_confidence_runner_clear (runner);
  g_assert_null (mp_confidence_runner_get_result (runner));
  g_assert_false (mp_confidence_runner_get_busy (runner));
  drain (runner);
  g_assert_finalize_object (g_steal_pointer (&runner));
}

/* The runner follows the scorer: a weight change brings the confidence of
 * the new ranking; all weights zero clears it. */
static void
test_runner_follows_scorer (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(MpConfidenceRunner) runner = NULL;
  MpConfidenceResult *result;
  MpWeights w;

  runner = article_runner (scorer, &w);
  g_assert_cmpfloat (mp_confidence_runner_get_spread (runner), ==, MP_CONFIDENCE_DEFAULT_SPREAD);
  wait_idle (runner);
  result = mp_confidence_runner_get_result (runner);
  g_assert_nonnull (result);
  g_assert_cmpuint (mp_confidence_result_get_program (result, 0), ==,
                    mp_scorer_get_ranked (scorer, 0));

  /* Only brand counts, exactly: the plain ranking, for sure. */
  mp_confidence_runner_set_spread (runner, 0);
  w = (MpWeights) { { 0, 0, 0, 0, 100 } };
  mp_scorer_set_weights (scorer, &w);
  wait_idle (runner);
  result = mp_confidence_runner_get_result (runner);
  g_assert_cmpuint (mp_confidence_result_get_program (result, 0), ==,
                    mp_scorer_get_ranked (scorer, 0));
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), ==, 1.0);

  w = (MpWeights) { { 0, 0, 0, 0, 0 } };
  mp_scorer_set_weights (scorer, &w);
  g_assert_null (mp_confidence_runner_get_result (runner));
  g_assert_false (mp_confidence_runner_get_busy (runner));
  drain (runner);
}

static MpProgramStore *
generated_store (guint n)
{
  MpProgramStore *store = mp_program_store_new ();
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("gen-%u", i);
      MpProgram *program = mp_program_new (id, id);

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 101) / 10.0);
      g_ptr_array_add (programs, program);
    }
  mp_program_store_splice (store, (MpProgram **) programs->pdata, programs->len);
  return store;
}

/* A slider drag re-ranks many times while one computation runs: the later
 * steps start none of their own (each used to start one, and at 100 000
 * programs the cancelled ones still running held gigabytes). Once the
 * running one stops, one computation of the newest ranking follows. */
static void
test_runner_one_at_a_time (void)
{
  g_autoptr(MpProgramStore) store = generated_store (5000);
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(MpConfidenceRunner) runner = NULL;
  MpConfidenceResult *result;
  MpWeights w;

  runner = article_runner (scorer, &w);
  g_assert_cmpuint (mp_confidence_runner_get_n_started (runner), ==, 1);
  for (int step = 0; step < 50; step++)
    {
      w.w[0] = 90 - step;
      mp_scorer_set_weights (scorer, &w);
    }
  g_assert_cmpuint (mp_confidence_runner_get_n_started (runner), ==, 1);
  g_assert_true (mp_confidence_runner_get_busy (runner));
  wait_idle (runner);
  g_assert_cmpuint (mp_confidence_runner_get_n_started (runner), ==, 2);
  result = mp_confidence_runner_get_result (runner);
  g_assert_nonnull (result);
  g_assert_cmpuint (mp_confidence_result_get_n_programs (result), ==, 5000);
  g_assert_cmpuint (mp_confidence_result_get_program (result, 0), ==,
                    mp_scorer_get_ranked (scorer, 0));

  /* A cancelled computation gives way to the newest: never two at once. */
  mp_confidence_runner_set_spread (runner, 5);
  mp_confidence_runner_set_spread (runner, 6);
  g_assert_cmpuint (mp_confidence_runner_get_n_started (runner), ==, 3);
  wait_idle (runner);
  g_assert_cmpuint (mp_confidence_runner_get_n_started (runner), ==, 4);
  drain (runner);
}

/* Ranks are exact up to 1024 programs, in 1024 bands up to 16 384, then in
 * fewer bands so that the histograms stay within their budget. */
static void
test_rank_bands (void)
{
  g_assert_cmpuint (mp_confidence_rank_bands (1), ==, 1);
  g_assert_cmpuint (mp_confidence_rank_bands (1024), ==, 1024);
  g_assert_cmpuint (mp_confidence_rank_bands (16384), ==, 1024);
  g_assert_cmpuint (mp_confidence_rank_bands (16385), ==, 1023);
  g_assert_cmpuint (mp_confidence_rank_bands (100000), ==, 167);
  g_assert_cmpuint (mp_confidence_rank_bands (1000000), ==, 16);
  g_assert_cmpuint (mp_confidence_rank_bands (G_MAXUINT), ==, 16);
}

/* 200 000 programs in a fixed order: each program's rank percentiles are
 * the ends of the band that holds its rank, no wider. */
static void
test_many_programs_banded (void)
{
  const guint n = 200000;
  guint bands = mp_confidence_rank_bands (n);
  guint width = (n + bands - 1) / bands;
  g_autoptr(MpConfidenceInput) input = mp_confidence_input_new (n);
  g_autoptr(MpConfidenceResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      mp_confidence_input_set_program (input, i, i, i);
      mp_confidence_input_set_rating (input, i, MP_CRITERION_FACULTY,
                                      10.0 * (n - i) / n, 10.0 * (n - i) / n);
    }
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    mp_confidence_input_set_weight_range (input, c, 0, 0);
  mp_confidence_input_set_weight_range (input, MP_CRITERION_FACULTY, 40, 60);
  mp_confidence_input_set_samples (input, 64);
  result = mp_confidence_compute (input, NULL, &error);
  g_assert_no_error (error);
  for (guint slot = 0; slot < n; slot += 997)
    {
      guint rank = mp_confidence_result_get_program (result, slot) + 1;
      guint p5 = mp_confidence_result_get_rank_p5 (result, slot);
      guint p95 = mp_confidence_result_get_rank_p95 (result, slot);

      g_assert_cmpuint (p5, <=, rank);
      g_assert_cmpuint (rank, <=, p95);
      g_assert_cmpuint (p95 - p5 + 1, <=, width);
    }
  g_assert_cmpfloat (mp_confidence_result_get_p_first (result, 0), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/confidence/known-weight-fraction", test_known_weight_fraction);
  g_test_add_func ("/confidence/known-rating-fraction", test_known_rating_fraction);
  g_test_add_func ("/confidence/exact-is-plain-ranking", test_exact_is_plain_ranking);
  g_test_add_func ("/confidence/unknown-never-sure", test_unknown_never_sure);
  g_test_add_func ("/confidence/shares-add-up", test_shares_add_up);
  g_test_add_func ("/confidence/deterministic", test_deterministic);
  g_test_add_func ("/confidence/cancelled", test_cancelled);
  g_test_add_func ("/confidence/no-weights", test_no_weights);
  g_test_add_func ("/confidence/async", test_async);
  g_test_add_func ("/confidence/describe", test_describe);
  g_test_add_func ("/confidence/rank-bands", test_rank_bands);
  g_test_add_func ("/confidence/many-programs-banded", test_many_programs_banded);
  g_test_add_func ("/confidence/runner-newest-wins", test_runner_newest_wins);
  g_test_add_func ("/confidence/runner-follows-scorer", test_runner_follows_scorer);
  g_test_add_func ("/confidence/runner-one-at-a-time", test_runner_one_at_a_time);

  return g_test_run ();
}
