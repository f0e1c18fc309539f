/* test-costs.c: what a program costs the user, and the value-for-money
 * frontier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mp-circumstances.h"
#include "mp-costs.h"
#include "mp-funding-question.h"
#include "mp-mermaid-parser.h"
#include "mp-program-store.h"

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
  g_assert_cmpstr (text, ==, "$49500 tuition − $10000 funding = $39500 out of pocket; "
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
  g_assert_cmpstr (plain, ==, "$49500 tuition − $0 funding = $49500 out of pocket; "
                              "15 hours a week × 30 teaching weeks × 2 years = 900 hours.");
  who.funding = MP_FUNDING_ALL;
  who.hours_per_week = 10;
  who.hour_value_usd = 50;
  full = mp_costs_describe_full (&who, program);
  g_assert_cmpstr (full, ==, "$49500 tuition − $49500 funding = $0 out of pocket; "
                             "15 hours a week × 30 teaching weeks × 2 years = 900 hours. "
                             "More hours a week than you can give (10). "
                             "Your time: 900 hours × $50 an hour = $45000.");
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

  return g_test_run ();
}
