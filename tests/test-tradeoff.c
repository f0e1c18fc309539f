/* test-tradeoff.c: weights from trade-off questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mp-tradeoff.h"

static double
option_value (const MpWeights          *w,
              const MpTradeoffQuestion *q,
              gboolean                  option_b)
{
  return w->w[q->first] * (option_b ? q->b_first : q->a_first) +
         w->w[q->second] * (option_b ? q->b_second : q->a_second);
}

/* A respondent who chooses by the weighted sum, "about the same" only on an
 * exact tie. */
static MpTradeoffAnswer
truthful_answer (const MpWeights          *w,
                 const MpTradeoffQuestion *q)
{
  double a = option_value (w, q, FALSE), b = option_value (w, q, TRUE);

  if (a > b)
    return MP_TRADEOFF_ANSWER_A;
  return a < b ? MP_TRADEOFF_ANSWER_B : MP_TRADEOFF_ANSWER_SAME;
}

static guint
ask_all (MpTradeoff      *tradeoff,
         const MpWeights *truth)
{
  MpTradeoffQuestion q;
  guint asked = 0;

  while (mp_tradeoff_next_question (tradeoff, &q))
    {
      g_assert_cmpint (q.first, !=, q.second);
      g_assert_cmpint (q.a_first, >, q.b_first);
      g_assert_cmpint (q.b_second, >, q.a_second);
      mp_tradeoff_answer (tradeoff, truthful_answer (truth, &q));
      asked++;
    }
  return asked;
}

static void
scale_to_100 (MpWeights *w)
{
  double top = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    top = MAX (top, w->w[c]);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    w->w[c] = 100 * w->w[c] / top;
}

static gboolean
same_order (const MpWeights *a,
            const MpWeights *b)
{
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    for (guint j = 0; j < MP_N_CRITERIA; j++)
      if (a->w[i] > a->w[j] && !(b->w[i] > b->w[j]))
        return FALSE;
  return TRUE;
}

/* 200 respondents with weights uniform in 0–100, each answering every
 * question truthfully: the estimate puts the criteria in their true order
 * for ≥ 90 % of them, with a mean absolute error ≤ 8 points (largest 100). */
static void
test_simulated_respondents (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint in_order = 0, max_asked = 0, total_asked = 0;
  double error = 0, worst = 0;
  const guint n = 200;

  for (guint r = 0; r < n; r++)
    {
      g_autoptr(MpTradeoff) tradeoff = mp_tradeoff_new ();
      MpWeights truth, estimate;
      double respondent_error = 0;
      guint asked;

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        truth.w[c] = g_rand_double_range (rand, 0, 100);
      scale_to_100 (&truth);
      asked = ask_all (tradeoff, &truth);
      g_assert_cmpuint (asked, <=, MP_TRADEOFF_MAX_QUESTIONS);
      max_asked = MAX (max_asked, asked);
      total_asked += asked;
      g_assert_null (mp_tradeoff_describe_contradiction (tradeoff, NULL));
      g_assert_true (mp_tradeoff_estimate (tradeoff, &estimate));
      in_order += same_order (&truth, &estimate);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        respondent_error += fabs (estimate.w[c] - truth.w[c]) / MP_N_CRITERIA;
      error += respondent_error / n;
      worst = MAX (worst, respondent_error);
    }
  g_test_message ("%u respondents: true order %.1f %%, mean absolute error %.2f points "
                  "(worst respondent %.1f), questions %.1f on average, at most %u",
                  n, 100.0 * in_order / n, error, worst, (double) total_asked / n, max_asked);
  g_assert_cmpfloat (in_order, >=, 0.9 * n);
  g_assert_cmpfloat (error, <=, 8);
}

/* The same answers give the same questions and the same estimate. */
static void
test_deterministic (void)
{
  g_autoptr(MpTradeoff) a = mp_tradeoff_new ();
  g_autoptr(MpTradeoff) b = mp_tradeoff_new ();
  MpWeights truth, ea, eb;

  mp_weights_init_article (&truth);
  ask_all (a, &truth);
  ask_all (b, &truth);
  g_assert_cmpuint (mp_tradeoff_get_n_answers (a), ==, mp_tradeoff_get_n_answers (b));
  for (guint k = 0; k < mp_tradeoff_get_n_answers (a); k++)
    {
      MpTradeoffQuestion qa, qb;

      mp_tradeoff_get_answer (a, k, &qa, NULL);
      mp_tradeoff_get_answer (b, k, &qb, NULL);
      g_assert_cmpmem (&qa, sizeof qa, &qb, sizeof qb);
    }
  g_assert_true (mp_tradeoff_estimate (a, &ea));
  g_assert_true (mp_tradeoff_estimate (b, &eb));
  g_assert_cmpmem (&ea, sizeof ea, &eb, sizeof eb);
}

static MpTradeoffQuestion
faculty_vs_funding (void)
{
  MpTradeoffQuestion q = {
    MP_CRITERION_FACULTY, MP_CRITERION_FUNDING, 9, 4, 5, 9,
  };
  return q;
}

/* Faculty over funding twice, funding over faculty once: named, and the
 * three answers given to re-answer. Re-answering clears it. */
static void
test_contradiction_pair (void)
{
  g_autoptr(MpTradeoff) tradeoff = mp_tradeoff_new ();
  MpTradeoffQuestion q = faculty_vs_funding (), next;
  g_autoptr(GArray) involved = NULL;
  g_autofree char *text = NULL;
  MpWeights estimate;

  g_assert_true (mp_tradeoff_add_answer (tradeoff, &q, MP_TRADEOFF_ANSWER_A));
  g_assert_true (mp_tradeoff_add_answer (tradeoff, &q, MP_TRADEOFF_ANSWER_A));
  g_assert_null (mp_tradeoff_describe_contradiction (tradeoff, NULL));
  g_assert_true (mp_tradeoff_add_answer (tradeoff, &q, MP_TRADEOFF_ANSWER_B));
  text = mp_tradeoff_describe_contradiction (tradeoff, &involved);
  g_assert_cmpstr (text, ==, "You preferred faculty quality over funding twice and "
                             "funding over faculty quality once");
  g_assert_cmpuint (involved->len, ==, 3);
  g_assert_cmpuint (g_array_index (involved, guint, 2), ==, 2);
  g_assert_false (mp_tradeoff_estimate (tradeoff, &estimate));
  g_assert_false (mp_tradeoff_next_question (tradeoff, &next));

  mp_tradeoff_change_answer (tradeoff, 2, MP_TRADEOFF_ANSWER_A);
  g_assert_null (mp_tradeoff_describe_contradiction (tradeoff, NULL));
  g_assert_true (mp_tradeoff_estimate (tradeoff, &estimate));
  /* 9·f + 4·u > 5·f + 9·u: faculty is worth more than 5/4 of funding. */
  g_assert_cmpfloat (estimate.w[MP_CRITERION_FACULTY], >, 1.25 * estimate.w[MP_CRITERION_FUNDING]);
  g_assert_true (mp_tradeoff_next_question (tradeoff, &next));
}

/* Faculty over funding, funding over brand, brand over faculty. */
static void
test_contradiction_cycle (void)
{
  g_autoptr(MpTradeoff) tradeoff = mp_tradeoff_new ();
  MpTradeoffQuestion q[3] = {
    { MP_CRITERION_FACULTY, MP_CRITERION_FUNDING, 9, 4, 4, 9 },
    { MP_CRITERION_FUNDING, MP_CRITERION_BRAND, 9, 4, 4, 9 },
    { MP_CRITERION_BRAND, MP_CRITERION_FACULTY, 9, 4, 4, 9 },
  };
  g_autoptr(GArray) involved = NULL;
  g_autofree char *text = NULL;

  for (guint k = 0; k < 3; k++)
    g_assert_true (mp_tradeoff_add_answer (tradeoff, &q[k], MP_TRADEOFF_ANSWER_A));
  text = mp_tradeoff_describe_contradiction (tradeoff, &involved);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "cannot all hold together"));
  g_assert_nonnull (strstr (text, "faculty quality"));
  g_assert_nonnull (strstr (text, "brand name"));
  g_assert_cmpuint (involved->len, ==, 3);
}

static void
test_bad_restored_answer (void)
{
  g_autoptr(MpTradeoff) tradeoff = mp_tradeoff_new ();
  MpTradeoffQuestion same = { MP_CRITERION_FACULTY, MP_CRITERION_FACULTY, 9, 4, 4, 9 };
  MpTradeoffQuestion reversed = { MP_CRITERION_FACULTY, MP_CRITERION_BRAND, 4, 9, 9, 4 };
  MpTradeoffQuestion too_high = { MP_CRITERION_FACULTY, MP_CRITERION_BRAND, 11, 4, 4, 9 };

  g_assert_false (mp_tradeoff_add_answer (tradeoff, &same, MP_TRADEOFF_ANSWER_A));
  g_assert_false (mp_tradeoff_add_answer (tradeoff, &reversed, MP_TRADEOFF_ANSWER_A));
  g_assert_false (mp_tradeoff_add_answer (tradeoff, &too_high, MP_TRADEOFF_ANSWER_A));
  g_assert_cmpuint (mp_tradeoff_get_n_answers (tradeoff), ==, 0);
}

static void
test_sentences (void)
{
  MpTradeoffQuestion q = faculty_vs_funding ();
  g_autofree char *a = mp_tradeoff_question_describe_option (&q, FALSE);
  g_autofree char *b = mp_tradeoff_question_describe_option (&q, TRUE);
  g_autofree char *disagreement = NULL;
  g_autofree char *none = NULL;
  MpWeights estimate = { { 100, 90, 80, 75, 17 } }, current, scaled;

  g_assert_cmpstr (a, ==, "Faculty quality 9, funding 4");
  g_assert_cmpstr (b, ==, "Faculty quality 5, funding 9");

  mp_weights_init_article (&current);
  mp_tradeoff_scale_like (&estimate, &current, &scaled);
  g_assert_cmpfloat (scaled.w[MP_CRITERION_FACULTY], ==, 90);
  g_assert_cmpfloat (scaled.w[MP_CRITERION_BRAND], ==, 15);
  disagreement = mp_tradeoff_describe_disagreement (&estimate, &current);
  g_assert_cmpstr (disagreement, ==, "Your answers put brand name at 15; the slider says 50");
  none = mp_tradeoff_describe_disagreement (&current, &current);
  g_assert_null (none);
}

/* The answers, remembered as text and restored, give the same estimate and
 * the same next question; bad text changes nothing. */
static void
test_remember (void)
{
  g_autoptr(MpTradeoff) a = mp_tradeoff_new ();
  g_autoptr(MpTradeoff) b = mp_tradeoff_new ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  MpWeights truth = { { 90, 20, 60, 40, 75 } }, ea, eb;
  MpTradeoffQuestion qa, qb;
  const char *bad[] = {
    "faculty,funding,9,4,5,9", "faculty,fame,9,4,5,9,a", "faculty,funding,9,4,5,9,maybe",
    "faculty,funding,4,9,9,4,a", "faculty,funding,11,4,5,9,a", "faculty,funding,9,4,5,9,a;",
  };

  for (guint k = 0; k < 5; k++)
    {
      g_assert_true (mp_tradeoff_next_question (a, &qa));
      mp_tradeoff_answer (a, truthful_answer (&truth, &qa));
    }
  text = mp_tradeoff_to_string (a);
  {
    g_auto(GStrv) items = g_strsplit (text, ";", -1);

    g_assert_cmpuint (g_strv_length (items), ==, 5);
  }
  g_assert_true (mp_tradeoff_restore (b, text));
  again = mp_tradeoff_to_string (b);
  g_assert_cmpstr (again, ==, text);
  g_assert_true (mp_tradeoff_estimate (a, &ea));
  g_assert_true (mp_tradeoff_estimate (b, &eb));
  g_assert_cmpmem (&ea, sizeof ea, &eb, sizeof eb);
  g_assert_true (mp_tradeoff_next_question (a, &qa));
  g_assert_true (mp_tradeoff_next_question (b, &qb));
  g_assert_cmpmem (&qa, sizeof qa, &qb, sizeof qb);

  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autofree char *kept = NULL;

      g_assert_false (mp_tradeoff_restore (b, bad[k]));
      kept = mp_tradeoff_to_string (b);
      g_assert_cmpstr (kept, ==, text);
    }
  g_assert_true (mp_tradeoff_restore (b, ""));
  g_assert_cmpuint (mp_tradeoff_get_n_answers (b), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tradeoff/simulated-respondents", test_simulated_respondents);
  g_test_add_func ("/tradeoff/deterministic", test_deterministic);
  g_test_add_func ("/tradeoff/contradiction-pair", test_contradiction_pair);
  g_test_add_func ("/tradeoff/contradiction-cycle", test_contradiction_cycle);
  g_test_add_func ("/tradeoff/bad-restored-answer", test_bad_restored_answer);
  g_test_add_func ("/tradeoff/sentences", test_sentences);
  g_test_add_func ("/tradeoff/remember", test_remember);

  return g_test_run ();
}
