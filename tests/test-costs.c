/* test-costs.c: what a program costs the user, and the value-for-money
 * frontier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mp-circumstances.h"
#include "mp-cost-texts.h"
#include "mp-costs.h"
#include "mp-funding-question.h"
#include "mp-mermaid-parser.h"
#include "mp-planner.h"
#include "mp-program-store.h"
#include "mp-scorer.h"

static MpProgram *
sample (const char *id)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(GError) error = NULL;
  MpProgram *program;

  g_assert_true (mp_program_store_load_samples (store, &error));
  g_assert_no_error (error);
  program = mp_program_store_find (store, id);
  g_assert_nonnull (program);
  return g_object_ref (program);
}

/* Harrowgate's master's: $49,500, 15 hours a week, 2 years. By hand:
 * 15 × 30 × 2 = 900 hours; 49 500 − 10 000 = 39 500 out of pocket. */
static void
test_arithmetic (void)
{
  g_autoptr(MpProgram) program = sample ("harrowgate-mhpe");
  MpCircumstances who;
  MpProgramCosts costs;

  g_assert_cmpfloat (mp_program_get_tuition (program), ==, 49500);
  g_assert_cmpfloat (mp_program_get_hours_per_week (program), ==, 15);
  g_assert_cmpfloat (mp_program_get_duration_years (program), ==, 2);

  mp_circumstances_init (&who);
  mp_costs_compute_for (&who, program, &costs);
  g_assert_cmpfloat (costs.out_of_pocket_usd, ==, 49500);
  g_assert_cmpfloat (costs.total_hours, ==, 900);
  g_assert_true (costs.fits_hours);
  g_assert_cmpfloat (costs.opportunity_usd, <, 0);

  who.funding = MP_FUNDING_AMOUNT;
  who.funding_usd = 10000;
  who.hours_per_week = 12;
  who.hour_value_usd = 50;
  mp_costs_compute_for (&who, program, &costs);
  g_assert_cmpfloat (costs.out_of_pocket_usd, ==, 39500);
  g_assert_false (costs.fits_hours);
  g_assert_cmpfloat (costs.opportunity_usd, ==, 45000);

  /* Funding above the tuition leaves nothing to pay, never a negative cost. */
  who.funding_usd = 60000;
  who.hours_per_week = 15;
  mp_costs_compute_for (&who, program, &costs);
  g_assert_cmpfloat (costs.out_of_pocket_usd, ==, 0);
  g_assert_true (costs.fits_hours);

  who.funding = MP_FUNDING_ALL;
  mp_costs_compute_for (&who, program, &costs);
  g_assert_cmpfloat (costs.out_of_pocket_usd, ==, 0);
}

static void
test_describe (void)
{
  g_autoptr(MpProgram) program = sample ("harrowgate-mhpe");
  g_autofree char *text = NULL;
  MpCircumstances who;

  mp_circumstances_init (&who);
  who.funding = MP_FUNDING_AMOUNT;
  who.funding_usd = 10000;
  text = mp_costs_describe (&who, program);
  g_assert_cmpstr (text, ==, "$49,500 tuition − $10,000 funding = $39,500 out of pocket; "
                             "15 hours a week × 30 teaching weeks × 2 years = 900 hours");
}

/* The full account adds the hours that do not fit and the time's worth,
 * only when the user said them. */
static void
test_describe_full (void)
{
  g_autoptr(MpProgram) program = sample ("harrowgate-mhpe");
  g_autofree char *plain = NULL;
  g_autofree char *full = NULL;
  MpCircumstances who;

  mp_circumstances_init (&who);
  plain = mp_costs_describe_full (&who, program);
  g_assert_cmpstr (plain, ==, "$49,500 tuition − $0 funding = $49,500 out of pocket; "
                              "15 hours a week × 30 teaching weeks × 2 years = 900 hours.");
  who.funding = MP_FUNDING_ALL;
  who.hours_per_week = 10;
  who.hour_value_usd = 50;
  full = mp_costs_describe_full (&who, program);
  g_assert_cmpstr (full, ==, "$49,500 tuition − $49,500 funding = $0 out of pocket; "
                             "15 hours a week × 30 teaching weeks × 2 years = 900 hours. "
                             "More hours a week than you can give (10). "
                             "Your time: 900 hours × $50 an hour = $45,000.");
}

static void
test_parse (void)
{
  const char *bad_funding[] = { "", "-5", "lots", "12k", "1e3", " 100", "20000000", "nan" };
  const char *bad_hours[] = { "", "-1", "169", "ten", "5h" };
  MpCircumstances who;

  mp_circumstances_init (&who);
  g_assert_true (mp_circumstances_parse_funding (&who, "12000.50", NULL));
  g_assert_cmpint (who.funding, ==, MP_FUNDING_AMOUNT);
  g_assert_cmpfloat (who.funding_usd, ==, 12000.5);
  g_assert_true (mp_circumstances_parse_funding (&who, "all", NULL));
  g_assert_cmpint (who.funding, ==, MP_FUNDING_ALL);
  g_assert_true (mp_circumstances_parse_funding (&who, "none", NULL));
  g_assert_cmpint (who.funding, ==, MP_FUNDING_NONE);
  g_assert_true (mp_circumstances_parse_hours (&who, "10", NULL));
  g_assert_cmpfloat (who.hours_per_week, ==, 10);

  for (guint k = 0; k < G_N_ELEMENTS (bad_funding); k++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mp_circumstances_parse_funding (&who, bad_funding[k], &error));
      g_assert_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_FUNDING);
    }
  for (guint k = 0; k < G_N_ELEMENTS (bad_hours); k++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (mp_circumstances_parse_hours (&who, bad_hours[k], &error));
      g_assert_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_HOURS);
    }
  g_assert_cmpfloat (who.hours_per_week, ==, 10);
}

/* Stored or handed-over values are brought into range; keys round-trip. */
static void
test_circumstances_clean (void)
{
  MpCircumstances c = { 7, NAN, 200, -3 };
  g_autoptr(MpCircumstances) copy = NULL;
  g_autoptr(GError) error = NULL;

  mp_circumstances_clean (&c);
  g_assert_cmpint (c.funding, ==, MP_FUNDING_NONE);
  g_assert_cmpfloat (c.funding_usd, ==, 0);
  g_assert_cmpfloat (c.hours_per_week, ==, 168);
  g_assert_cmpfloat (c.hour_value_usd, ==, -1);
  c.funding_usd = 1e12;
  c.hours_per_week = NAN;
  mp_circumstances_clean (&c);
  g_assert_cmpfloat (c.funding_usd, ==, MP_CIRCUMSTANCES_MAX_USD);
  g_assert_cmpfloat (c.hours_per_week, ==, -1);

  copy = mp_circumstances_copy (&c);
  g_assert_true (mp_circumstances_equal (copy, &c));
  copy->hour_value_usd = 10;
  g_assert_false (mp_circumstances_equal (copy, &c));

  for (MpFunding f = MP_FUNDING_NONE; f <= MP_FUNDING_ALL; f++)
    g_assert_cmpint (mp_funding_from_key (mp_funding_to_key (f)), ==, f);
  g_assert_cmpint (mp_funding_from_key ("lots"), ==, MP_FUNDING_NONE);
  for (MpFundingAnswer a = MP_FUNDING_ANSWER_NONE; a <= MP_FUNDING_ANSWER_NO; a++)
    g_assert_cmpint (mp_funding_answer_from_key (mp_funding_answer_to_key (a)), ==, a);

  g_assert_true (mp_circumstances_parse_hour_value (&c, "45.5", NULL));
  g_assert_cmpfloat (c.hour_value_usd, ==, 45.5);
  g_assert_false (mp_circumstances_parse_hour_value (&c, "-4", &error));
  g_assert_error (error, MP_COSTS_ERROR, MP_COSTS_ERROR_HOUR_VALUE);
  g_assert_cmpfloat (c.hour_value_usd, ==, 45.5);
}

/* The walk's answer at the node of class "funding", by its edge's label. */
static void
test_funding_question (void)
{
  static const char text[] =
    "flowchart TD\n"
    "  A{Focus?} -->|yes| B{Funded?}\n"
    "  A -->|no| D([Stop])\n"
    "  B -->|Sí| C([Go])\n"
    "  B -->|No| D\n"
    "  class B funding\n";
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, NULL);
  g_autoptr(MpFlowWalk) walk = mp_flow_walk_new (chart);
  const char *question = "unset";

  g_assert_cmpint (mp_funding_question_answer (walk, &question), ==, MP_FUNDING_ANSWER_NONE);
  g_assert_null (question);
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "B")));
  g_assert_cmpint (mp_funding_question_answer (walk, NULL), ==, MP_FUNDING_ANSWER_NONE);
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "C")));
  g_assert_cmpint (mp_funding_question_answer (walk, &question), ==, MP_FUNDING_ANSWER_YES);
  g_assert_cmpstr (question, ==, "Funded?");
  g_assert_true (mp_flow_walk_back (walk));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "D")));
  g_assert_cmpint (mp_funding_question_answer (walk, NULL), ==, MP_FUNDING_ANSWER_NO);
}

static gboolean
dominated (const double *score,
           const double *cost,
           guint         n,
           guint         i)
{
  for (guint j = 0; j < n; j++)
    if (score[j] >= score[i] && cost[j] <= cost[i] &&
        (score[j] > score[i] || cost[j] < cost[i]))
      return TRUE;
  return FALSE;
}

/* Random sets of 1 000 programs, with scores and costs coarse enough for
 * many ties: the frontier equals the brute-force one. */
static void
test_frontier_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const guint n = 1000;
  double *score = g_new (double, n), *cost = g_new (double, n);
  gboolean *fast = g_new (gboolean, n);

  for (guint round = 0; round < 20; round++)
    {
      guint on = 0;
      /* Coarse in some rounds (ties), fine in others. */
      double step = round % 2 ? 5 : 0.01;

      for (guint i = 0; i < n; i++)
        {
          score[i] = step * g_rand_int_range (rand, 0, (int) (100 / step) + 1);
          cost[i] = 1000 * g_rand_int_range (rand, 0, round % 2 ? 20 : 60000);
        }
      mp_costs_pareto_frontier (score, cost, n, fast);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpint (fast[i], ==, !dominated (score, cost, n, i));
          on += fast[i];
        }
      g_assert_cmpuint (on, >, 0);
    }
  g_free (score);
  g_free (cost);
  g_free (fast);
}

static void
test_frontier_small (void)
{
  /* B is better and cheaper than A; C costs more but scores highest; D ties C. */
  double score[] = { 60, 70, 90, 90, 50 };
  double cost[] = { 30000, 20000, 45000, 45000, 0 };
  gboolean on[5];

  mp_costs_pareto_frontier (score, cost, 5, on);
  g_assert_false (on[0]);
  g_assert_true (on[1]);
  g_assert_true (on[2]);
  g_assert_true (on[3]);
  g_assert_true (on[4]);
}

/* @n programs with coarse ratings and tuitions, so that scores and costs
 * tie often, of every kind and format. */
static MpProgramStore *
random_store (GRand *rand,
              guint  n)
{
  MpProgramStore *store = mp_program_store_new ();
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%04u", i);
      g_autofree char *name = g_strdup_printf ("Program %04u", g_rand_int_range (rand, 0, n));
      MpProgram *program = mp_program_new (id, name);

      mp_program_set_kind (program, g_rand_int_range (rand, 0, MP_N_PROGRAM_KINDS));
      mp_program_set_format (program, g_rand_int_range (rand, 0, MP_N_PROGRAM_FORMATS));
      mp_program_set_tuition (program, 2500 * g_rand_int_range (rand, 0, 25));
      mp_program_set_hours_per_week (program, g_rand_int_range (rand, 1, 25));
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 11));
      g_ptr_array_add (programs, program);
    }
  mp_program_store_splice (store, (MpProgram **) programs->pdata, programs->len);
  return store;
}

/* The best-value filter against brute force: of the programs the other
 * filters pass (the scorer's ranking without it), exactly those no other
 * of them dominates (score at least as high, out-of-pocket cost at most as
 * high, better in one), in the same order as in the full ranking. */
static void
assert_best_value (MpScorer              *scorer,
                   const MpProgramFilter *filter,
                   const MpCircumstances *who)
{
  MpProgramStore *store = mp_scorer_get_store (scorer);
  MpProgramFilter all = *filter;
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *score = NULL;
  g_autofree double *cost = NULL;
  guint kept = 0;

  all.best_value = FALSE;
  mp_scorer_set_circumstances (scorer, who);
  mp_scorer_set_filter (scorer, &all);
  for (guint r = 0; r < mp_scorer_get_n_ranked (scorer); r++)
    {
      guint p = mp_scorer_get_ranked (scorer, r);
      g_array_append_val (pool, p);
    }
  score = g_new (double, MAX (pool->len, 1));
  cost = g_new (double, MAX (pool->len, 1));
  for (guint k = 0; k < pool->len; k++)
    {
      guint p = g_array_index (pool, guint, k);
      MpProgramCosts costs;

      mp_costs_compute_for (who, mp_program_store_peek (store, p), &costs);
      score[k] = mp_scorer_get_score (scorer, p);
      cost[k] = costs.out_of_pocket_usd;
    }
  all.best_value = TRUE;
  mp_scorer_set_filter (scorer, &all);
  for (guint k = 0; k < pool->len; k++)
    {
      guint p = g_array_index (pool, guint, k);

      if (dominated (score, cost, pool->len, k))
        {
          g_assert_cmpint (mp_scorer_get_rank_of (scorer, p), ==, -1);
          continue;
        }
      g_assert_cmpint (mp_scorer_get_rank_of (scorer, p), ==, kept);
      kept++;
    }
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, kept);
  g_assert_cmpuint (kept, >, 0);
}

/* Random sets of 1 000 programs, random weights, funding and other
 * filters, many ties: the filter keeps the brute-force frontier. */
static void
test_best_value_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(MpProgramStore) store = random_store (rand, 1000);
      g_autoptr(MpScorer) scorer = mp_scorer_new (store);
      MpProgramFilter filter;
      MpCircumstances who;
      MpWeights weights;

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        weights.w[c] = g_rand_int_range (rand, round % 3 ? 0 : 1, 101);
      weights.w[round % MP_N_CRITERIA] = 50;
      mp_scorer_set_weights (scorer, &weights);
      mp_program_filter_init (&filter);
      if (round % 4 == 1)
        filter.kind = MP_KIND_FILTER_MASTERS;
      if (round % 4 == 2)
        filter.max_tuition = 30000;
      if (round % 4 == 3)
        filter.format = g_rand_int_range (rand, 0, MP_N_PROGRAM_FORMATS);
      mp_circumstances_init (&who);
      who.funding = round % 3;
      who.funding_usd = 2500 * g_rand_int_range (rand, 0, 10);
      assert_best_value (scorer, &filter, &who);

      /* It follows the weights and the funding. */
      weights.w[(round + 1) % MP_N_CRITERIA] = g_rand_int_range (rand, 1, 101);
      mp_scorer_set_weights (scorer, &weights);
      assert_best_value (scorer, &filter, &who);
      who.funding = MP_FUNDING_AMOUNT;
      who.funding_usd = 12345;
      assert_best_value (scorer, &filter, &who);
    }
}

/* The filter follows a change of funding at once, with no other change:
 * with all of the tuition funded every program costs 0, so only the best
 * scores remain. */
static void
test_best_value_follows_funding (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(MpProgramStore) store = random_store (rand, 200);
  g_autoptr(MpPlanner) planner = mp_planner_new (store, NULL);
  MpScorer *scorer = mp_planner_get_scorer (planner);
  MpCircumstances who;
  double top;

  mp_planner_choose_best_value (planner, TRUE);
  g_assert_true (mp_planner_get_best_value_filter (planner));
  g_assert_true (mp_planner_get_note_undoable (planner));
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), >, 1);
  mp_planner_get_circumstances (planner, &who);
  who.funding = MP_FUNDING_ALL;
  mp_planner_set_circumstances (planner, &who);
  top = mp_scorer_get_score (scorer, mp_scorer_get_ranked (scorer, 0));
  for (guint r = 0; r < mp_scorer_get_n_ranked (scorer); r++)
    g_assert_cmpfloat (mp_scorer_get_score (scorer, mp_scorer_get_ranked (scorer, r)), ==, top);

  /* Undo brings the filter back as it was. */
  mp_planner_dismiss_note (planner);
  g_assert_true (mp_planner_undo (planner));
  g_assert_false (mp_planner_get_best_value_filter (planner));
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 200);
}

static void
on_changed (guint *count)
{
  (*count)++;
}

/* The rows' texts: made once, the same until the circumstances change,
 * then made again for them. */
static void
test_cost_texts (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpPlanner) planner = NULL;
  g_autoptr(MpCostTexts) texts = NULL;
  g_autoptr(GError) error = NULL;
  MpCircumstances who;
  const char *spoken = NULL, *first;
  gboolean fits = FALSE;
  guint changed = 0;
  int i;

  g_assert_true (mp_program_store_load_samples (store, &error));
  planner = mp_planner_new (store, NULL);
  texts = mp_cost_texts_new (planner);
  g_signal_connect_swapped (texts, "changed", G_CALLBACK (on_changed), &changed);
  i = -1;
  for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (store)); k++)
    if (mp_program_store_peek (store, k) == mp_program_store_find (store, "harrowgate-mhpe"))
      i = k;
  g_assert_cmpint (i, >=, 0);
  first = mp_cost_texts_get (texts, i, &spoken, &fits);
  g_assert_cmpstr (first, ==, "$49,500 · 900 h");
  g_assert_cmpstr (spoken, ==, "$49,500 out of pocket, 900 hours in all");
  g_assert_true (fits);
  /* Kept: the same string, not made again. */
  g_assert_true (mp_cost_texts_get (texts, i, NULL, NULL) == first);

  mp_planner_get_circumstances (planner, &who);
  who.funding = MP_FUNDING_AMOUNT;
  who.funding_usd = 10000;
  who.hours_per_week = 12;
  mp_planner_set_circumstances (planner, &who);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpstr (mp_cost_texts_get (texts, i, &spoken, &fits), ==, "⚠ $39,500 · 900 h");
  g_assert_false (fits);
  g_assert_cmpstr (spoken, ==, "$39,500 out of pocket, 900 hours in all; 15 hours a week, "
                               "more than the 12 you can give");
  /* Hours alone change the flag too. */
  who.hours_per_week = 20;
  mp_planner_set_circumstances (planner, &who);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (mp_cost_texts_get (texts, i, NULL, &fits), ==, "$39,500 · 900 h");
  g_assert_true (fits);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/costs/arithmetic", test_arithmetic);
  g_test_add_func ("/costs/describe", test_describe);
  g_test_add_func ("/costs/describe-full", test_describe_full);
  g_test_add_func ("/costs/parse", test_parse);
  g_test_add_func ("/costs/circumstances-clean", test_circumstances_clean);
  g_test_add_func ("/costs/funding-question", test_funding_question);
  g_test_add_func ("/costs/frontier-small", test_frontier_small);
  g_test_add_func ("/costs/frontier-brute-force", test_frontier_brute_force);
  g_test_add_func ("/costs/best-value-brute-force", test_best_value_brute_force);
  g_test_add_func ("/costs/best-value-follows-funding", test_best_value_follows_funding);
  g_test_add_func ("/costs/cost-texts", test_cost_texts);

  return g_test_run ();
}
