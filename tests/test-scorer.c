/* test-scorer.c: scores, ranking, filters and sensitivity of MpScorer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mp-program-store.h"
#include "mp-scorer.h"

typedef struct {
  const char *id;
  const char *name;
  double      r[MP_N_CRITERIA];
} Spec;

static MpProgram *
program_from_spec (const Spec *spec)
{
  MpProgram *program = mp_program_new (spec->id, spec->name);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    mp_program_set_rating (program, c, spec->r[c]);
  return program;
}

static MpProgramStore *
store_from_specs (const Spec *specs,
                  guint       n)
{
  MpProgramStore *store = mp_program_store_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpProgram) program = program_from_spec (&specs[i]);
      mp_program_store_add (store, program);
    }
  return store;
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

static const char *
ranked_id (MpScorer       *scorer,
           MpProgramStore *store,
           guint           rank)
{
  g_autoptr(MpProgram) program =
    g_list_model_get_item (G_LIST_MODEL (store), mp_scorer_get_ranked (scorer, rank));

  /* The store keeps its own reference, so the id outlives this one. */
  return mp_program_get_id (program);
}

static void
set_weights (MpScorer *scorer,
             double    faculty,
             double    scholarship,
             double    funding,
             double    flexibility,
             double    brand)
{
  MpWeights w = { { faculty, scholarship, funding, flexibility, brand } };

  mp_scorer_set_weights (scorer, &w);
}

static void
test_hand_computed (void)
{
  static const Spec specs[] = {
    { "a", "A", { 8, 6, 7, 5, 9 } },
    { "b", "B", { 10, 0, 0, 0, 0 } },
    { "c", "C", { 7.5, 7.5, 7.5, 7.5, 7.5 } },
  };
  g_autoptr(MpProgramStore) store = store_from_specs (specs, G_N_ELEMENTS (specs));
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  double contributions[MP_N_CRITERIA];

  /* Article weights 90, 80, 75, 70, 50: Σw = 365.
   * A: 90·8 + 80·6 + 75·7 + 70·5 + 50·9 = 720 + 480 + 525 + 350 + 450 = 2525;
   *    score = 100 · 2525 / (10 · 365) = 2525 / 36.5 = 69.1780…
   * B: 90·10 = 900; 900 / 36.5 = 24.6575…
   * C: every rating 7.5, so the weighted mean is 7.5 and the score 75.
   * Order: C, A, B. A's faculty points: 100 · 90 · 8 / 3650 = 19.7260… */
  g_assert_true (mp_scorer_has_scores (scorer));
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, 0), 2525 / 36.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, 1), 900 / 36.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, 2), 75, 1e-9);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 3);
  g_assert_cmpstr (ranked_id (scorer, store, 0), ==, "c");
  g_assert_cmpstr (ranked_id (scorer, store, 1), ==, "a");
  g_assert_cmpstr (ranked_id (scorer, store, 2), ==, "b");
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 0), ==, 1);

  mp_scorer_get_contributions (scorer, 0, contributions);
  g_assert_cmpfloat_with_epsilon (contributions[MP_CRITERION_FACULTY], 72000 / 3650.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contributions[MP_CRITERION_BRAND], 45000 / 3650.0, 1e-9);

  /* Equal weights 50 each: A's mean rating (8+6+7+5+9)/5 = 7 → 70. */
  set_weights (scorer, 50, 50, 50, 50, 50);
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, 0), 70, 1e-9);
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, 1), 20, 1e-9);
}

static void
test_contributions_sum (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 20; round++)
    {
      set_weights (scorer, g_rand_int_range (rand, 0, 101), g_rand_double_range (rand, 0, 100),
                   g_rand_int_range (rand, 0, 101), g_rand_int_range (rand, 0, 101), 1);
      for (guint i = 0; i < mp_scorer_get_n_programs (scorer); i++)
        {
          double contributions[MP_N_CRITERIA], sum = 0;

          mp_scorer_get_contributions (scorer, i, contributions);
          for (guint c = 0; c < MP_N_CRITERIA; c++)
            {
              g_assert_cmpfloat (contributions[c], >=, 0);
              sum += contributions[c];
            }
          g_assert_cmpfloat_with_epsilon (sum, mp_scorer_get_score (scorer, i), 1e-9);
          g_assert_cmpfloat (mp_scorer_get_score (scorer, i), <=, 100);
        }
    }
}

static void
test_ties_by_name (void)
{
  static const Spec specs[] = {
    { "z", "Beta", { 5, 5, 5, 5, 5 } },
    { "y", "alpha", { 5, 5, 5, 5, 5 } },
    { "x", "Alpha", { 5, 5, 5, 5, 5 } },
    { "w2", "Gamma", { 5, 5, 5, 5, 5 } },
    { "w1", "Gamma", { 5, 5, 5, 5, 5 } },
    { "top", "Zeta", { 6, 5, 5, 5, 5 } },
  };
  g_autoptr(MpProgramStore) store = store_from_specs (specs, G_N_ELEMENTS (specs));
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  const char *expected[] = { "top", "x", "y", "z", "w1", "w2" };

  /* Case-insensitive name first ("Alpha" = "alpha" < "Beta" < "Gamma"), then
   * the exact name ("A" < "a"), then the id. */
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    g_assert_cmpstr (ranked_id (scorer, store, k), ==, expected[k]);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
on_ranked (MpScorer *scorer,
           guint    *count)
{
  (*count)++;
}

static void
test_zero_weights (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  MpSensitivity sensitivity;
  double contributions[MP_N_CRITERIA];
  guint notified = 0, ranked = 0;

  g_signal_connect (scorer, "notify::has-scores", G_CALLBACK (on_notify), &notified);
  g_signal_connect (scorer, "ranked", G_CALLBACK (on_ranked), &ranked);
  set_weights (scorer, 0, 0, 0, 0, 0);
  g_assert_false (mp_scorer_has_scores (scorer));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (ranked, ==, 1);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 0);
  for (guint i = 0; i < mp_scorer_get_n_programs (scorer); i++)
    {
      g_assert_cmpfloat (mp_scorer_get_score (scorer, i), ==, 0);
      g_assert_cmpint (mp_scorer_get_rank_of (scorer, i), ==, -1);
      mp_scorer_get_contributions (scorer, i, contributions);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        g_assert_cmpfloat (contributions[c], ==, 0);
    }
  g_assert_false (mp_scorer_get_sensitivity (scorer, MP_CRITERION_FACULTY, &sensitivity));

  /* The same weights again: no re-rank, no signal. */
  set_weights (scorer, 0, 0, 0, 0, 0);
  g_assert_cmpuint (ranked, ==, 1);

  set_weights (scorer, 0, 0, 0, 0, 1);
  g_assert_true (mp_scorer_has_scores (scorer));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 17);
}

static void
test_single_weight (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);

  /* Only brand counts: score = 100 · 40·r / (10 · 40) = 10 · r exactly. */
  set_weights (scorer, 0, 0, 0, 0, 40);
  for (guint i = 0; i < mp_scorer_get_n_programs (scorer); i++)
    {
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), i);
      double contributions[MP_N_CRITERIA];

      g_assert_cmpfloat (mp_scorer_get_score (scorer, i), ==,
                         10 * mp_program_get_rating (program, MP_CRITERION_BRAND));
      mp_scorer_get_contributions (scorer, i, contributions);
      g_assert_cmpfloat (contributions[MP_CRITERION_FACULTY], ==, 0);
    }
  /* Harrowgate has the only 10 for brand, Aldermoor the only 9. */
  g_assert_cmpstr (ranked_id (scorer, store, 0), ==, "harrowgate-mhpe");
  g_assert_cmpstr (ranked_id (scorer, store, 1), ==, "aldermoor-mmeded");
  g_assert_cmpfloat (mp_scorer_get_score (scorer, mp_scorer_get_ranked (scorer, 0)), ==, 100);
}

static void
test_samples_article (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  guint ellery, quillan;

  /* Ridgeway: 90·7 + 80·10 + 75·8 + 70·6 + 50·5 = 630+800+600+420+250 = 2700
   * → 2700 / 36.5 = 73.97. Ellery's master's and Quillan both make 2445
   * (900+480+525+140+400 and 630+400+525+490+400): a tie that the name breaks,
   * "Master of Medical Education" before "… and Simulation". */
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, 17);
  g_assert_cmpstr (ranked_id (scorer, store, 0), ==, "ridgeway-mhpe");
  g_assert_cmpfloat_with_epsilon (mp_scorer_get_score (scorer, mp_scorer_get_ranked (scorer, 0)),
                                  2700 / 36.5, 1e-9);
  g_assert_cmpstr (ranked_id (scorer, store, 6), ==, "ellery-mmeded");
  g_assert_cmpstr (ranked_id (scorer, store, 7), ==, "quillan-mmeded");
  ellery = mp_scorer_get_ranked (scorer, 6);
  quillan = mp_scorer_get_ranked (scorer, 7);
  g_assert_cmpfloat (mp_scorer_get_score (scorer, ellery), ==, mp_scorer_get_score (scorer, quillan));
}

static guint
count_passing (MpScorer       *scorer,
               MpProgramStore *store,
               gboolean      (*check) (MpProgram *, const MpProgramFilter *),
               const MpProgramFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < mp_scorer_get_n_programs (scorer); i++)
    {
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), i);
      gboolean pass = check (program, filter);

      g_assert_cmpint (mp_scorer_get_rank_of (scorer, i) >= 0, ==, pass);
      n += pass;
    }
  return n;
}

static gboolean
filter_accepts (MpProgram             *p,
                const MpProgramFilter *f)
{
  gboolean alternative = mp_program_kind_is_alternative (mp_program_get_kind (p));

  if ((f->kind == MP_KIND_FILTER_MASTERS && alternative) ||
      (f->kind == MP_KIND_FILTER_ALTERNATIVES && !alternative))
    return FALSE;
  if (f->max_tuition >= 0 && mp_program_get_tuition (p) > f->max_tuition)
    return FALSE;
  if (f->max_hours_per_week >= 0 && mp_program_get_hours_per_week (p) > f->max_hours_per_week)
    return FALSE;
  return f->format < 0 || (int) mp_program_get_format (p) == f->format;
}

static void
test_filters (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  MpProgramFilter filter;
  const struct { MpKindFilter kind; double tuition, hours; int format; guint expected; } cases[] = {
    { MP_KIND_FILTER_ALL, -1, -1, -1, 17 },
    { MP_KIND_FILTER_MASTERS, -1, -1, -1, 12 },
    { MP_KIND_FILTER_ALTERNATIVES, -1, -1, -1, 5 },
    /* 15 000, 16 500, 19 800 and the five alternatives */
    { MP_KIND_FILTER_ALL, 20000, -1, -1, 8 },
    { MP_KIND_FILTER_MASTERS, 20000, -1, -1, 3 },
    /* Kestrel 10 h and the five alternatives (4–10 h) */
    { MP_KIND_FILTER_ALL, -1, 10, -1, 6 },
    /* five online master's, the certificate and the assessment course */
    { MP_KIND_FILTER_ALL, -1, -1, MP_PROGRAM_FORMAT_ONLINE, 7 },
    { MP_KIND_FILTER_MASTERS, 30000, 12, MP_PROGRAM_FORMAT_ONLINE, 4 },
    { MP_KIND_FILTER_ALL, 0, -1, -1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      mp_program_filter_init (&filter);
      filter.kind = cases[i].kind;
      filter.max_tuition = cases[i].tuition;
      filter.max_hours_per_week = cases[i].hours;
      filter.format = cases[i].format;
      mp_scorer_set_filter (scorer, &filter);
      g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, cases[i].expected);
      g_assert_cmpuint (count_passing (scorer, store, filter_accepts, &filter), ==,
                        cases[i].expected);
    }
  mp_program_filter_init (&filter);
  filter.kind = MP_KIND_FILTER_ALTERNATIVES;
  mp_scorer_set_filter (scorer, &filter);
  g_assert_cmpstr (ranked_id (scorer, store, 0), ==, "ellery-med-ed-fellowship");
}

static void
test_previous_rank (void)
{
  static const Spec specs[] = {
    { "a", "A", { 10, 0, 0, 0, 0 } },
    { "b", "B", { 0, 10, 0, 0, 0 } },
    { "c", "C", { 0, 0, 10, 0, 0 } },
  };
  g_autoptr(MpProgramStore) store = store_from_specs (specs, G_N_ELEMENTS (specs));
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  g_autoptr(MpProgram) d = mp_program_new ("d", "D");

  /* Article weights: a (90) > b (80) > c (75); nothing before the first. */
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 0), ==, 0);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 0), ==, -1);

  set_weights (scorer, 10, 20, 30, 0, 0);
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 2), ==, 0);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 2), ==, 2);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 0), ==, 0);

  /* Held: a drag of several steps still compares with its start. */
  mp_scorer_hold_previous (scorer, TRUE);
  set_weights (scorer, 30, 20, 10, 0, 0);
  set_weights (scorer, 30, 40, 10, 0, 0);
  mp_scorer_hold_previous (scorer, FALSE);
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 1), ==, 0);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 1), ==, 1);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 2), ==, 0);

  /* A store change: ranks follow the programs, the new one has none. */
  mp_program_set_rating (d, MP_CRITERION_SCHOLARSHIP, 10);
  mp_program_set_rating (d, MP_CRITERION_FACULTY, 10);
  mp_program_store_add (store, d);
  g_assert_cmpuint (mp_scorer_get_n_programs (scorer), ==, 4);
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 3), ==, 0);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 3), ==, -1);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 1), ==, 0);
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 1), ==, 1);

  g_assert_true (mp_program_store_remove (store, "a"));
  g_assert_cmpuint (mp_scorer_get_n_programs (scorer), ==, 3);
  /* b is now index 0, d index 2 */
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 0), ==, 1);
  g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, 2), ==, 0);
  g_assert_cmpint (mp_scorer_get_rank_of (scorer, 2), ==, 0);
}

/* The ranking against a plain comparison sort, on ratings that are not
 * whole numbers, so that scores differ below float precision too. */
static void
test_radix_order (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%05u", i);
      g_autofree char *name = g_strdup_printf ("Program %u", g_rand_int_range (rand, 0, 500));
      MpProgram *program = mp_program_new (id, name);

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          /* Half whole numbers (ties), half arbitrary doubles. */
          double r = i % 2 ? g_rand_int_range (rand, 0, 11) : g_rand_double_range (rand, 0, 10);
          mp_program_set_rating (program, c, r);
        }
      g_ptr_array_add (programs, program);
    }
  mp_program_store_splice (store, (MpProgram **) programs->pdata, n);
  scorer = mp_scorer_new (store);
  set_weights (scorer, 33.3, 80, 71, 12.5, 50);
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, n);
  for (guint k = 1; k < n; k++)
    {
      guint a = mp_scorer_get_ranked (scorer, k - 1), b = mp_scorer_get_ranked (scorer, k);
      double sa = mp_scorer_get_score (scorer, a), sb = mp_scorer_get_score (scorer, b);

      g_assert_cmpfloat (sa, >=, sb);
      if (sa == sb)
        {
          MpProgram *pa = g_ptr_array_index (programs, a), *pb = g_ptr_array_index (programs, b);
          g_autofree char *fa = g_utf8_casefold (mp_program_get_name (pa), -1);
          g_autofree char *fb = g_utf8_casefold (mp_program_get_name (pb), -1);
          int cmp = g_strcmp0 (fa, fb);

          if (cmp == 0)
            cmp = g_strcmp0 (mp_program_get_id (pa), mp_program_get_id (pb));
          g_assert_cmpint (cmp, <, 0);
        }
      g_assert_cmpint (mp_scorer_get_rank_of (scorer, b), ==, k);
    }
}

/* 100 scores closer together than a float can tell apart, named in the
 * opposite order: long runs of equal radix keys that must be re-sorted.
 * Ratings are kept as floats, so they step by one float ulp at 5; with
 * weights 100 and 99 each step moves the score by 10 · ulp / 199 ≈ 2.4e-8,
 * far below a float's resolution at 50 (3.8e-6). */
static void
test_close_scores (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  double ulp = nextafterf (5.0f, 6.0f) - 5.0f;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%03u", i);
      g_autoptr(MpProgram) program = mp_program_new (id, id);

      mp_program_set_rating (program, MP_CRITERION_FACULTY, 5 + i * ulp);
      mp_program_set_rating (program, MP_CRITERION_SCHOLARSHIP, 5 - i * ulp);
      mp_program_store_add (store, program);
    }
  scorer = mp_scorer_new (store);
  set_weights (scorer, 100, 99, 0, 0, 0);
  for (guint k = 0; k < 100; k++)
    g_assert_cmpuint (mp_scorer_get_ranked (scorer, k), ==, 99 - k);
  g_assert_cmpfloat (mp_scorer_get_score (scorer, 99), >, mp_scorer_get_score (scorer, 98));
}

static void
assert_same_ranking (MpScorer       *scorer,
                     MpProgramStore *store)
{
  g_autoptr(MpScorer) fresh = mp_scorer_new (store);
  MpWeights w;

  mp_scorer_get_weights (scorer, &w);
  mp_scorer_set_weights (fresh, &w);
  g_assert_cmpuint (mp_scorer_get_n_programs (scorer), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_assert_cmpuint (mp_scorer_get_n_ranked (scorer), ==, mp_scorer_get_n_ranked (fresh));
  for (guint k = 0; k < mp_scorer_get_n_ranked (fresh); k++)
    {
      guint i = mp_scorer_get_ranked (fresh, k);

      g_assert_cmpuint (mp_scorer_get_ranked (scorer, k), ==, i);
      g_assert_cmpint (mp_scorer_get_rank_of (scorer, i), ==, k);
      g_assert_cmpfloat (mp_scorer_get_score (scorer, i), ==, mp_scorer_get_score (fresh, i));
    }
}

static MpProgram *
random_program (GRand *rand,
                guint  serial)
{
  g_autofree char *id = g_strdup_printf ("s%u", serial);
  g_autofree char *name = g_strdup_printf ("%s %u", g_rand_boolean (rand) ? "Alpha" : "alpha",
                                           g_rand_int_range (rand, 0, 30));
  MpProgram *program = mp_program_new (id, name);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 5) * 2.5);
  return program;
}

/* Small store changes splice the scorer's snapshot; the result must be what
 * a fresh snapshot gives, and previous ranks follow the programs. */
static void
test_store_splice (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  guint serial = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(MpProgram) program = random_program (rand, serial++);
      mp_program_store_add (store, program);
    }
  scorer = mp_scorer_new (store);
  set_weights (scorer, 40, 60, 20, 80, 10);
  for (guint step = 0; step < 60; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint at = g_rand_int_range (rand, 0, n);
      g_autoptr(GHashTable) before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      MpProgram *target = mp_program_store_peek (store, at);
      g_autoptr(MpProgram) program = NULL;

      for (guint i = 0; i < n; i++)
        g_hash_table_insert (before, g_strdup (mp_program_get_id (mp_program_store_peek (store, i))),
                             GINT_TO_POINTER (mp_scorer_get_rank_of (scorer, i) + 1));
      switch (step % 3)
        {
        case 0:
          program = random_program (rand, serial++);
          mp_program_store_add (store, program);
          break;
        case 1:
          mp_program_store_remove (store, mp_program_get_id (target));
          break;
        default:
          {
            g_autoptr(MpProgram) other = random_program (rand, 0);

            /* Same id, another name and ratings: the program was edited. */
            program = mp_program_new (mp_program_get_id (target), mp_program_get_name (other));
            for (guint c = 0; c < MP_N_CRITERIA; c++)
              mp_program_set_rating (program, c, mp_program_get_rating (other, c));
            g_assert_true (mp_program_store_replace (store, program));
          }
          break;
        }
      assert_same_ranking (scorer, store);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
        {
          const char *id = mp_program_get_id (mp_program_store_peek (store, i));
          gboolean replaced = step % 3 == 2 && i == at;
          int expected = replaced ? -1 : GPOINTER_TO_INT (g_hash_table_lookup (before, id)) - 1;

          g_assert_cmpint (mp_scorer_get_previous_rank_of (scorer, i), ==, expected);
        }
    }
}

static int
top_at (MpScorer        *scorer,
        const MpWeights *base,
        MpCriterion      c,
        double           x)
{
  MpWeights w = *base;

  w.w[c] = x;
  mp_scorer_set_weights (scorer, &w);
  return mp_scorer_get_n_ranked (scorer) > 0 ? (int) mp_scorer_get_ranked (scorer, 0) : -1;
}

static gboolean
in_range (const MpSensitivity *s,
          double               x)
{
  if (x < s->low || x > s->high)
    return FALSE;
  if ((x == s->low && s->low_open) || (x == s->high && s->high_open))
    return FALSE;
  return TRUE;
}

/* Checks every criterion's range against the ranking at every whole weight
 * 0–100, and who takes over just past each end. */
static void
check_sensitivity (MpScorer        *scorer,
                   const MpWeights *base)
{
  MpSensitivity s[MP_N_CRITERIA];
  int top;

  mp_scorer_set_weights (scorer, base);
  if (mp_scorer_get_n_ranked (scorer) == 0)
    return;
  top = mp_scorer_get_ranked (scorer, 0);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_assert_true (mp_scorer_get_sensitivity (scorer, c, &s[c]));

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_assert_true (in_range (&s[c], base->w[c]));
      for (int x = 0; x <= 100; x++)
        {
          if ((top_at (scorer, base, c, x) == top) != in_range (&s[c], x))
            g_error ("criterion %u, weight %d: range %s%g, %g%s, top %d, now %d",
                     c, x, s[c].low_open ? "(" : "[", s[c].low, s[c].high,
                     s[c].high_open ? ")" : "]", top, top_at (scorer, base, c, x));
        }
      if (s[c].below >= 0)
        g_assert_cmpint (top_at (scorer, base, c, s[c].low_open ? s[c].low : s[c].low - 1e-7),
                         ==, s[c].below);
      else
        g_assert_true (s[c].low == 0);
      if (s[c].low == 0 && s[c].low_open)
        g_assert_cmpint (top_at (scorer, base, c, 0), ==, s[c].below);
      if (s[c].above >= 0)
        g_assert_cmpint (top_at (scorer, base, c, s[c].high_open ? s[c].high : s[c].high + 1e-7),
                         ==, s[c].above);
      else
        g_assert_true (s[c].high == 100 && !s[c].high_open);
    }
}

static void
test_sensitivity_samples (void)
{
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(MpScorer) scorer = mp_scorer_new (store);
  MpProgramFilter filter;
  MpWeights w;
  MpSensitivity s;

  mp_weights_init_article (&w);
  check_sensitivity (scorer, &w);
  /* By hand, brand: Ridgeway (brand 5) stays on top while Pinecrest (brand
   * 6) does not pass it: Ridgeway − Pinecrest without brand is 2700 − 250
   * − (2675 − 300) = 75, so 75 − w ≥ 0: w ≤ 75; at 75 the scores tie and
   * "Master …" sorts before "MHPE with …", so 75 itself is still Ridgeway's.
   * Larkspur (brand 7) crosses at the same weight: 2450 − 2300 = 150 = 2·75;
   * past 75 it gains 2 points per unit of weight to Pinecrest's 1, so
   * Larkspur takes over. */
  mp_scorer_set_weights (scorer, &w);
  g_assert_true (mp_scorer_get_sensitivity (scorer, MP_CRITERION_BRAND, &s));
  g_assert_cmpfloat (s.low, ==, 0);
  g_assert_cmpfloat (s.high, ==, 75);
  g_assert_false (s.high_open);
  g_assert_false (s.low_open);
  g_assert_cmpint (s.below, ==, -1);
  {
    g_autoptr(MpProgram) above = g_list_model_get_item (G_LIST_MODEL (store), s.above);
    g_assert_cmpstr (mp_program_get_id (above), ==, "larkspur-msc-med-ed");
  }

  mp_weights_init_equal (&w);
  check_sensitivity (scorer, &w);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      /* One weight alone: at 0 there are no scores at all. */
      memset (&w, 0, sizeof w);
      w.w[c] = 60;
      check_sensitivity (scorer, &w);
    }
  mp_program_filter_init (&filter);
  filter.kind = MP_KIND_FILTER_ALTERNATIVES;
  mp_scorer_set_filter (scorer, &filter);
  mp_weights_init_article (&w);
  check_sensitivity (scorer, &w);
}

static void
test_sensitivity_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(MpProgramStore) store = mp_program_store_new ();
      g_autoptr(MpScorer) scorer = NULL;
      guint n = g_rand_int_range (rand, 1, 40);
      MpWeights w;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("r%u", i);
          g_autofree char *name = g_strdup_printf ("N%u", g_rand_int_range (rand, 0, 10));
          g_autoptr(MpProgram) program = mp_program_new (id, name);

          /* Few distinct values, so that ties and shared crossings are common. */
          for (guint c = 0; c < MP_N_CRITERIA; c++)
            mp_program_set_rating (program, c, g_rand_int_range (rand, 0, 4) * 2.5);
          mp_program_store_add (store, program);
        }
      scorer = mp_scorer_new (store);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        w.w[c] = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 0, 101);
      if (mp_weights_all_zero (&w))
        w.w[g_rand_int_range (rand, 0, MP_N_CRITERIA)] = g_rand_int_range (rand, 1, 101);
      check_sensitivity (scorer, &w);
    }
}

static void
test_criteria (void)
{
  MpWeights w, before;
  MpCriterion c;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpstr (mp_criterion_get_key (MP_CRITERION_FLEXIBILITY), ==, "flexibility");
  g_assert_cmpstr (mp_criterion_get_label (MP_CRITERION_FACULTY), ==, "Faculty quality");
  g_assert_true (mp_criterion_from_key ("brand", &c));
  g_assert_cmpint (c, ==, MP_CRITERION_BRAND);
  g_assert_false (mp_criterion_from_key ("Brand", &c));
  g_assert_false (mp_criterion_from_key (NULL, &c));

  mp_weights_init_article (&w);
  text = mp_weights_to_string (&w);
  g_assert_cmpstr (text, ==, "faculty=90,scholarship=80,funding=75,flexibility=70,brand=50");
  g_assert_false (mp_weights_all_zero (&w));

  /* Named keys change, the others keep their value. */
  g_assert_true (mp_weights_parse (&w, "brand=0, funding = 12.5", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (w.w[MP_CRITERION_BRAND], ==, 0);
  g_assert_cmpfloat (w.w[MP_CRITERION_FUNDING], ==, 12.5);
  g_assert_cmpfloat (w.w[MP_CRITERION_FACULTY], ==, 90);

  /* A bad spec changes nothing, even when its first items were good. */
  before = w;
  g_assert_false (mp_weights_parse (&w, "faculty=1,nope=2", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_UNKNOWN_KEY);
  g_assert_true (mp_weights_equal (&w, &before));
  g_clear_error (&error);
  g_assert_false (mp_weights_parse (&w, "faculty=-1", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (mp_weights_parse (&w, "faculty=nan", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (mp_weights_parse (&w, "faculty=", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_NOT_A_NUMBER);
  g_clear_error (&error);
  g_assert_false (mp_weights_parse (&w, "", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_SYNTAX);
  g_clear_error (&error);
  g_assert_false (mp_weights_parse (&w, "brand=1,Brand=2", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_UNKNOWN_KEY);
  g_assert_true (mp_weights_equal (&w, &before));

  mp_weights_init_equal (&w);
  for (guint i = 0; i < MP_N_CRITERIA; i++)
    g_assert_cmpfloat (w.w[i], ==, 50);
  memset (&w, 0, sizeof w);
  g_assert_true (mp_weights_all_zero (&w));

  g_assert_true (mp_program_kind_is_alternative (MP_PROGRAM_KIND_FELLOWSHIP));
  g_assert_false (mp_program_kind_is_alternative (MP_PROGRAM_KIND_MASTERS));
  g_assert_cmpstr (mp_program_kind_get_key (MP_PROGRAM_KIND_FACULTY_DEVELOPMENT), ==,
                   "faculty-development");
  g_assert_cmpstr (mp_program_format_get_key (MP_PROGRAM_FORMAT_IN_PERSON), ==, "in-person");
}

static void
test_program_notify (void)
{
  g_autoptr(MpProgram) program = mp_program_new ("p", "P");
  g_autoptr(MpProgram) copy = NULL;
  guint notified = 0;
  double rating;

  g_signal_connect (program, "notify", G_CALLBACK (on_notify), &notified);
  mp_program_set_name (program, "P");
  mp_program_set_tuition (program, 0);
  g_assert_cmpuint (notified, ==, 0);
  mp_program_set_name (program, "Q");
  mp_program_set_rating (program, MP_CRITERION_FUNDING, 7.5);
  mp_program_set_rating (program, MP_CRITERION_FUNDING, 7.5);
  g_object_set (program, "rating-brand", 2.0, NULL);
  g_assert_cmpuint (notified, ==, 3);
  g_object_get (program, "rating-funding", &rating, NULL);
  g_assert_cmpfloat (rating, ==, 7.5);
  g_assert_cmpfloat (mp_program_get_rating (program, MP_CRITERION_BRAND), ==, 2);

  copy = mp_program_copy (program);
  g_assert_true (mp_program_equal (program, copy));
  mp_program_set_thesis (copy, TRUE);
  g_assert_false (mp_program_equal (program, copy));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorer/criteria", test_criteria);
  g_test_add_func ("/scorer/program-notify", test_program_notify);
  g_test_add_func ("/scorer/hand-computed", test_hand_computed);
  g_test_add_func ("/scorer/contributions-sum", test_contributions_sum);
  g_test_add_func ("/scorer/ties-by-name", test_ties_by_name);
  g_test_add_func ("/scorer/zero-weights", test_zero_weights);
  g_test_add_func ("/scorer/single-weight", test_single_weight);
  g_test_add_func ("/scorer/samples-article", test_samples_article);
  g_test_add_func ("/scorer/filters", test_filters);
  g_test_add_func ("/scorer/previous-rank", test_previous_rank);
  g_test_add_func ("/scorer/radix-order", test_radix_order);
  g_test_add_func ("/scorer/store-splice", test_store_splice);
  g_test_add_func ("/scorer/close-scores", test_close_scores);
  g_test_add_func ("/scorer/sensitivity/samples", test_sensitivity_samples);
  g_test_add_func ("/scorer/sensitivity/random", test_sensitivity_random);

  return g_test_run ();
}
