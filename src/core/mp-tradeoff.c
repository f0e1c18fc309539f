/* mp-tradeoff.c: weights from trade-off questions between two imagined
 * programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-tradeoff.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* The cloud of weight vectors (each weight 0–1) that agree with the answers:
 * large enough that a question's split is judged within a few percent, small
 * enough that choosing one takes a few milliseconds. */
#define N_POINTS        1500
#define WALK_STEPS      3
/* The better rating of a question's criterion; the worse one is lower by
 * 1–9 points. */
#define TOP_RATING      9
/* "About the same": the two sides within ±10 % of each other. */
#define SAME_TOLERANCE  0.1
/* A question whose answer the cloud predicts this surely is not asked. */
#define PREDICTABLE     0.05
#define CLOUD_SEED      0x7ade0ff
/* Strict preferences, in the logarithm of a weight ratio. */
#define STRICT_MARGIN   1e-9

/* g · w ≥ 0 with two non-zero coefficients, from answer @answer. */
typedef struct {
  double g[MP_N_CRITERIA];
  guint  answer;
  gboolean strict;
} Bound;

typedef double Point[MP_N_CRITERIA];

struct _MpTradeoff
{
  GObject             parent_instance;

  GArray             *questions;  /* MpTradeoffQuestion */
  GArray             *answers;    /* MpTradeoffAnswer */
  gboolean            has_pending;
  MpTradeoffQuestion  pending;
  GArray             *bounds;     /* Bound */
  gboolean            contradictory;
  Point              *points;
  guint               n_points;
  GRand              *rand;
};

G_DEFINE_FINAL_TYPE (MpTradeoff, mp_tradeoff, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* -- the cloud of weights ------------------------------------------------- */

static double
gaussian (GRand *rand)
{
  double u = g_rand_double (rand), v = g_rand_double (rand);

  return sqrt (-2 * log (1 - u)) * cos (2 * G_PI * v);
}

static gboolean
satisfies (const Bound *bound,
           const double *w)
{
  double sum = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    sum += bound->g[c] * w[c];
  return sum >= 0;
}

/* Narrows [*lo, *hi] to the t for which g · (w + t d) ≥ 0. */
static void
clip_to_bound (const double *g,
               const double *w,
               const double *d,
               double       *lo,
               double       *hi)
{
  double gw = 0, gd = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      gw += g[c] * w[c];
      gd += g[c] * d[c];
    }
  if (gd > 0)
    *lo = MAX (*lo, -gw / gd);
  else if (gd < 0)
    *hi = MIN (*hi, -gw / gd);
}

/* One hit-and-run step: a random line through @w, a uniform point on its
 * part inside the box [0, 1]⁵ and every bound. Keeps the cloud uniform. */
static void
walk (MpTradeoff *self,
      double     *w)
{
  double d[MP_N_CRITERIA], lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      d[c] = gaussian (self->rand);
      if (d[c] > 0)
        lo = MAX (lo, -w[c] / d[c]), hi = MIN (hi, (1 - w[c]) / d[c]);
      else if (d[c] < 0)
        lo = MAX (lo, (1 - w[c]) / d[c]), hi = MIN (hi, -w[c] / d[c]);
    }
  for (guint b = 0; b < self->bounds->len; b++)
    clip_to_bound (g_array_index (self->bounds, Bound, b).g, w, d, &lo, &hi);
  if (lo > hi)
    return;
  {
    double t = lo + (hi - lo) * g_rand_double (self->rand);

    for (guint c = 0; c < MP_N_CRITERIA; c++)
      w[c] = CLAMP (w[c] + t * d[c], 0, 1);
  }
}

/* Refills the cloud to N_POINTS from its @n_kept points by walking from
 * copies of them. */
static void
refill (MpTradeoff *self,
        guint       n_kept)
{
  for (guint k = n_kept; k < N_POINTS; k++)
    {
      guint from = g_rand_int_range (self->rand, 0, n_kept);

      memcpy (self->points[k], self->points[from], sizeof (Point));
      for (guint s = 0; s < WALK_STEPS; s++)
        walk (self, self->points[k]);
    }
  self->n_points = N_POINTS;
}

static void
seed_from (MpTradeoff   *self,
           const double *w)
{
  memcpy (self->points[0], w, sizeof (Point));
  /* Walk away from the seed before copying it around. */
  for (guint s = 0; s < 50; s++)
    walk (self, self->points[0]);
  refill (self, 1);
}

static gboolean feasible_point (MpTradeoff *self,
                                double     *w);

/* Keeps the points that agree with @bound, then refills the cloud. */
static void
apply_bound (MpTradeoff  *self,
             const Bound *bound)
{
  guint kept = 0;

  for (guint k = 0; k < self->n_points; k++)
    if (satisfies (bound, self->points[k]))
      memmove (self->points[kept++], self->points[k], sizeof (Point));
  if (kept > 0)
    {
      refill (self, kept);
      return;
    }
  /* The agreeing region is too small for any point to have landed in it. */
  {
    Point w;

    if (feasible_point (self, w))
      seed_from (self, w);
  }
}

static void
reset_cloud (MpTradeoff *self)
{
  g_rand_set_seed (self->rand, CLOUD_SEED);
  for (guint k = 0; k < N_POINTS; k++)
    for (guint c = 0; c < MP_N_CRITERIA; c++)
      self->points[k][c] = g_rand_double (self->rand);
  self->n_points = N_POINTS;
}

/* -- answers as bounds, and their contradictions -------------------------- */

static void
question_deltas (const MpTradeoffQuestion *q,
                 double                   *d_first,
                 double                   *d_second)
{
  *d_first = q->a_first - q->b_first;
  *d_second = q->b_second - q->a_second;
}

static void
add_bound (MpTradeoff *self,
           guint       answer,
           MpCriterion i,
           double      gi,
           MpCriterion j,
           double      gj,
           gboolean    strict)
{
  Bound bound = { { 0, }, answer, strict };

  bound.g[i] = gi;
  bound.g[j] = gj;
  g_array_append_val (self->bounds, bound);
}

/* A: Δf·w_f ≥ Δs·w_s; B: the reverse; about the same: each side within
 * SAME_TOLERANCE of the other. */
static void
add_answer_bounds (MpTradeoff *self,
                   guint       index)
{
  const MpTradeoffQuestion *q = &g_array_index (self->questions, MpTradeoffQuestion, index);
  MpTradeoffAnswer answer = g_array_index (self->answers, MpTradeoffAnswer, index);
  double df, ds, e = SAME_TOLERANCE;

  question_deltas (q, &df, &ds);
  if (answer == MP_TRADEOFF_ANSWER_A)
    add_bound (self, index, q->first, df, q->second, -ds, TRUE);
  else if (answer == MP_TRADEOFF_ANSWER_B)
    add_bound (self, index, q->first, -df, q->second, ds, TRUE);
  else
    {
      add_bound (self, index, q->first, (e - 1) * df, q->second, (1 + e) * ds, FALSE);
      add_bound (self, index, q->first, (1 + e) * df, q->second, (e - 1) * ds, FALSE);
    }
}

/* In logarithms x = log w, a bound gi·wi + gj·wj ≥ 0 with gi > 0 > gj reads
 * x_j − x_i ≤ log (gi / −gj): a difference constraint, an edge i → j. The
 * answers contradict each other exactly when these edges form a cycle of
 * negative length (Bellman–Ford). */
typedef struct {
  guint  from;
  guint  to;
  double length;
  guint  bound;
} Edge;

static guint
bounds_to_edges (MpTradeoff *self,
                 Edge       *edges)
{
  guint n = 0;

  for (guint b = 0; b < self->bounds->len; b++)
    {
      const Bound *bound = &g_array_index (self->bounds, Bound, b);
      int pos = -1, neg = -1;

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          if (bound->g[c] > 0)
            pos = c;
          else if (bound->g[c] < 0)
            neg = c;
        }
      g_assert (pos >= 0 && neg >= 0);
      edges[n++] = (Edge) { pos, neg,
                            log (bound->g[pos] / -bound->g[neg]) -
                              (bound->strict ? STRICT_MARGIN : 0),
                            b };
    }
  return n;
}

/* Distances from a virtual source joined to every criterion at length 0;
 * returns a criterion on a negative cycle, or -1. */
static int
relax_all (const Edge *edges,
           guint       n_edges,
           double      dist[MP_N_CRITERIA],
           int         via[MP_N_CRITERIA])
{
  int changed = -1;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    dist[c] = 0, via[c] = -1;
  for (guint round = 0; round <= MP_N_CRITERIA; round++)
    {
      changed = -1;
      for (guint e = 0; e < n_edges; e++)
        if (dist[edges[e].from] + edges[e].length < dist[edges[e].to] - 1e-12)
          {
            dist[edges[e].to] = dist[edges[e].from] + edges[e].length;
            via[edges[e].to] = e;
            changed = edges[e].to;
          }
      if (changed < 0)
        return -1;
    }
  return changed;
}

/* The edges of the negative cycle through (or behind) @start. */
static GArray *
cycle_edges (const Edge *edges,
             const int   via[MP_N_CRITERIA],
             int         start)
{
  GArray *cycle = g_array_new (FALSE, FALSE, sizeof (guint));
  int c = start;

  /* Step back far enough to be on the cycle itself. */
  for (guint k = 0; k < MP_N_CRITERIA && via[c] >= 0; k++)
    c = edges[via[c]].from;
  start = c;
  do
    {
      guint e;

      if (via[c] < 0 || cycle->len > MP_N_CRITERIA)
        break;
      e = via[c];
      g_array_prepend_val (cycle, e);
      c = edges[e].from;
    }
  while (c != start);
  return cycle;
}

/* NULL when the answers agree; else the edges of one contradiction. */
static GArray *
find_contradiction (MpTradeoff *self,
                    Edge       *edges,
                    double      dist[MP_N_CRITERIA])
{
  guint n_edges = bounds_to_edges (self, edges);
  int via[MP_N_CRITERIA];
  int on_cycle = relax_all (edges, n_edges, dist, via);

  return on_cycle < 0 ? NULL : cycle_edges (edges, via, on_cycle);
}

static gboolean
feasible_point (MpTradeoff *self,
                double     *w)
{
  g_autofree Edge *edges = g_new (Edge, self->bounds->len + 1);
  double dist[MP_N_CRITERIA], top = -G_MAXDOUBLE;
  GArray *cycle = find_contradiction (self, edges, dist);

  if (cycle != NULL)
    {
      g_array_unref (cycle);
      return FALSE;
    }
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    top = MAX (top, dist[c]);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    w[c] = exp (dist[c] - top);
  return TRUE;
}

static void
rebuild (MpTradeoff *self)
{
  g_array_set_size (self->bounds, 0);
  for (guint k = 0; k < self->answers->len; k++)
    add_answer_bounds (self, k);
  {
    g_autofree Edge *edges = g_new (Edge, self->bounds->len + 1);
    double dist[MP_N_CRITERIA];
    GArray *cycle = find_contradiction (self, edges, dist);

    self->contradictory = cycle != NULL;
    g_clear_pointer (&cycle, g_array_unref);
  }
  reset_cloud (self);
  if (self->contradictory)
    return;
  /* Bounds one at a time, as they were answered: the cloud refills between. */
  {
    g_autoptr(GArray) all = g_array_copy (self->bounds);

    g_array_set_size (self->bounds, 0);
    for (guint b = 0; b < all->len; b++)
      {
        g_array_append_val (self->bounds, g_array_index (all, Bound, b));
        apply_bound (self, &g_array_index (all, Bound, b));
      }
  }
}

/* -- choosing the next question ------------------------------------------- */

static void
make_question (MpTradeoffQuestion *q,
               MpCriterion         first,
               MpCriterion         second,
               int                 d_first,
               int                 d_second)
{
  q->first = first;
  q->second = second;
  q->a_first = TOP_RATING;
  q->b_first = TOP_RATING - d_first;
  q->b_second = TOP_RATING;
  q->a_second = TOP_RATING - d_second;
}

static gboolean
was_asked (MpTradeoff               *self,
           const MpTradeoffQuestion *q)
{
  for (guint k = 0; k < self->questions->len; k++)
    if (memcmp (&g_array_index (self->questions, MpTradeoffQuestion, k), q, sizeof *q) == 0)
      return TRUE;
  return FALSE;
}

/* Share of the cloud for which w_i / w_j > ratio, from the sorted ratios. */
static double
share_above (const double *sorted,
             guint         n,
             double        ratio)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (sorted[mid] > ratio)
        hi = mid;
      else
        lo = mid + 1;
    }
  return (double) (n - lo) / n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
pair_ratios (MpTradeoff *self,
             guint       i,
             guint       j,
             double     *ratios)
{
  for (guint k = 0; k < self->n_points; k++)
    {
      double wj = self->points[k][j];

      ratios[k] = wj > 0 ? self->points[k][i] / wj : G_MAXDOUBLE;
    }
  qsort (ratios, self->n_points, sizeof (double), compare_doubles);
}

typedef struct {
  MpTradeoffQuestion question;
  double             distance;  /* |share answering A − ½| */
  gboolean           found;
} Choice;

static void
consider (MpTradeoff         *self,
          Choice             *best,
          const double       *ratios,
          MpCriterion         i,
          MpCriterion         j,
          int                 di,
          int                 dj)
{
  MpTradeoffQuestion q;
  double distance = fabs (share_above (ratios, self->n_points, (double) dj / di) - 0.5);

  if (best->found && distance >= best->distance)
    return;
  make_question (&q, i, j, di, dj);
  if (was_asked (self, &q))
    return;
  best->question = q;
  best->distance = distance;
  best->found = TRUE;
}

/* While two criteria's order is open: "which matters more?", the pair the
 * cloud is most divided on. Then: the trade of points it is most divided on. */
static gboolean
choose_question (MpTradeoff         *self,
                 MpTradeoffQuestion *question)
{
  g_autofree double *ratios = g_new (double, N_POINTS);
  Choice order = { .found = FALSE }, amount = { .found = FALSE };

  for (guint i = 0; i < MP_N_CRITERIA; i++)
    for (guint j = i + 1; j < MP_N_CRITERIA; j++)
      {
        pair_ratios (self, i, j, ratios);
        consider (self, &order, ratios, i, j, 5, 5);
        for (int di = 9; di >= 1; di--)
          for (int dj = 9; dj >= 1; dj--)
            consider (self, &amount, ratios, i, j, di, dj);
      }
  if (order.found && order.distance < 0.5 - PREDICTABLE)
    *question = order.question;
  else if (amount.found && amount.distance < 0.5 - PREDICTABLE)
    *question = amount.question;
  else
    return FALSE;
  return TRUE;
}

/* -- public API ------------------------------------------------------------- */

gboolean
mp_tradeoff_next_question (MpTradeoff         *self,
                           MpTradeoffQuestion *question)
{
  g_return_val_if_fail (MP_IS_TRADEOFF (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!self->has_pending)
    {
      if (self->contradictory || self->answers->len >= MP_TRADEOFF_MAX_QUESTIONS)
        return FALSE;
      if (!choose_question (self, &self->pending))
        return FALSE;
      self->has_pending = TRUE;
    }
  *question = self->pending;
  return TRUE;
}

static gboolean
question_is_valid (const MpTradeoffQuestion *q)
{
  return q->first < MP_N_CRITERIA && q->second < MP_N_CRITERIA && q->first != q->second &&
         q->a_first > q->b_first && q->b_second > q->a_second &&
         q->b_first >= 0 && q->a_second >= 0 && q->a_first <= 10 && q->b_second <= 10;
}

static void
append_answer (MpTradeoff               *self,
               const MpTradeoffQuestion *question,
               MpTradeoffAnswer          answer)
{
  guint index = self->answers->len;

  g_array_append_val (self->questions, *question);
  g_array_append_val (self->answers, answer);
  self->has_pending = FALSE;
  {
    guint first_new = self->bounds->len;
    g_autofree Edge *edges = NULL;
    double dist[MP_N_CRITERIA];
    GArray *cycle;

    add_answer_bounds (self, index);
    edges = g_new (Edge, self->bounds->len + 1);
    cycle = find_contradiction (self, edges, dist);
    self->contradictory = cycle != NULL;
    g_clear_pointer (&cycle, g_array_unref);
    for (guint b = first_new; b < self->bounds->len && !self->contradictory; b++)
      apply_bound (self, &g_array_index (self->bounds, Bound, b));
  }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mp_tradeoff_answer (MpTradeoff       *self,
                    MpTradeoffAnswer  answer)
{
  g_return_if_fail (MP_IS_TRADEOFF (self));
  g_return_if_fail (self->has_pending);
  g_return_if_fail (answer <= MP_TRADEOFF_ANSWER_SAME);

  append_answer (self, &self->pending, answer);
}

gboolean
mp_tradeoff_add_answer (MpTradeoff               *self,
                        const MpTradeoffQuestion *question,
                        MpTradeoffAnswer          answer)
{
  g_return_val_if_fail (MP_IS_TRADEOFF (self), FALSE);
  g_return_val_if_fail (question != NULL, FALSE);

  if (!question_is_valid (question) || answer > MP_TRADEOFF_ANSWER_SAME)
    return FALSE;
  append_answer (self, question, answer);
  return TRUE;
}

guint
mp_tradeoff_get_n_answers (MpTradeoff *self)
{
  g_return_val_if_fail (MP_IS_TRADEOFF (self), 0);

  return self->answers->len;
}

void
mp_tradeoff_get_answer (MpTradeoff         *self,
                        guint               index,
                        MpTradeoffQuestion *question,
                        MpTradeoffAnswer   *answer)
{
  g_return_if_fail (MP_IS_TRADEOFF (self));
  g_return_if_fail (index < self->answers->len);

  if (question != NULL)
    *question = g_array_index (self->questions, MpTradeoffQuestion, index);
  if (answer != NULL)
    *answer = g_array_index (self->answers, MpTradeoffAnswer, index);
}

void
mp_tradeoff_change_answer (MpTradeoff       *self,
                           guint             index,
                           MpTradeoffAnswer  answer)
{
  g_return_if_fail (MP_IS_TRADEOFF (self));
  g_return_if_fail (index < self->answers->len);
  g_return_if_fail (answer <= MP_TRADEOFF_ANSWER_SAME);

  g_array_index (self->answers, MpTradeoffAnswer, index) = answer;
  self->has_pending = FALSE;
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
mp_tradeoff_reset (MpTradeoff *self)
{
  g_return_if_fail (MP_IS_TRADEOFF (self));

  g_array_set_size (self->questions, 0);
  g_array_set_size (self->answers, 0);
  self->has_pending = FALSE;
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
mp_tradeoff_estimate (MpTradeoff *self,
                      MpWeights  *weights)
{
  double sum[MP_N_CRITERIA] = { 0, }, top = 0;

  g_return_val_if_fail (MP_IS_TRADEOFF (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (self->answers->len == 0 || self->contradictory)
    return FALSE;
  /* The mean of the cloud, each point scaled so its largest weight is 1. */
  for (guint k = 0; k < self->n_points; k++)
    {
      double m = 0;

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        m = MAX (m, self->points[k][c]);
      for (guint c = 0; c < MP_N_CRITERIA && m > 0; c++)
        sum[c] += self->points[k][c] / m;
    }
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    top = MAX (top, sum[c]);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    weights->w[c] = top > 0 ? 100 * sum[c] / top : 100;
  return TRUE;
}

/* "once", "twice", "3 times" */
static char *
count_in_words (guint n)
{
  if (n == 1)
    return g_strdup (_("once"));
  if (n == 2)
    return g_strdup (_("twice"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time", "%u times", n), n);
}

static char *
lower_label (MpCriterion c)
{
  return g_utf8_strdown (mp_criterion_get_label (c), -1);
}

static gboolean
is_about (const MpTradeoffQuestion *q,
          MpCriterion               i,
          MpCriterion               j)
{
  return (q->first == i && q->second == j) || (q->first == j && q->second == i);
}

/* Answers about the pair {i, j}: how often each was preferred. */
static void
count_pair (MpTradeoff *self,
            MpCriterion i,
            MpCriterion j,
            guint      *for_i,
            guint      *for_j)
{
  *for_i = *for_j = 0;
  for (guint k = 0; k < self->answers->len; k++)
    {
      const MpTradeoffQuestion *q = &g_array_index (self->questions, MpTradeoffQuestion, k);
      MpTradeoffAnswer a = g_array_index (self->answers, MpTradeoffAnswer, k);
      MpCriterion chosen;

      if (a == MP_TRADEOFF_ANSWER_SAME || !is_about (q, i, j))
        continue;
      chosen = a == MP_TRADEOFF_ANSWER_A ? q->first : q->second;
      if (chosen == i)
        (*for_i)++;
      else
        (*for_j)++;
    }
}

static char *
describe_pair (MpTradeoff *self,
               MpCriterion i,
               MpCriterion j)
{
  g_autofree char *li = lower_label (i);
  g_autofree char *lj = lower_label (j);
  g_autofree char *ni = NULL;
  g_autofree char *nj = NULL;
  guint for_i, for_j;

  count_pair (self, i, j, &for_i, &for_j);
  /* The more frequent preference first. */
  if (for_j > for_i)
    return describe_pair (self, j, i);
  if (for_i == 0 || for_j == 0)
    return g_strdup_printf (_("Your answers about %s and %s cannot all hold together"), li, lj);
  ni = count_in_words (for_i);
  nj = count_in_words (for_j);
  /* TRANSLATORS: e.g. "You preferred faculty quality over funding twice and
   * funding over faculty quality once" */
  return g_strdup_printf (_("You preferred %s over %s %s and %s over %s %s"),
                          li, lj, ni, lj, li, nj);
}

static char *
describe_cycle (const Edge *edges,
                GArray     *cycle)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint k = 0; k < cycle->len; k++)
    {
      g_autofree char *label = lower_label (edges[g_array_index (cycle, guint, k)].from);

      if (k > 0)
        g_string_append (names, k + 1 == cycle->len ? _(" and ") : ", ");
      g_string_append (names, label);
    }
  /* TRANSLATORS: %s lists three or more criteria */
  return g_strdup_printf (_("Your answers about %s cannot all hold together"), names->str);
}

/* The answers behind the cycle's edges; for two criteria, every answer
 * about them, as the sentence counts them all. */
static GArray *
involved_answers (MpTradeoff *self,
                  const Edge *edges,
                  GArray     *cycle)
{
  GArray *answers = g_array_new (FALSE, FALSE, sizeof (guint));

  if (cycle->len == 2)
    {
      const Edge *e = &edges[g_array_index (cycle, guint, 0)];

      for (guint k = 0; k < self->questions->len; k++)
        if (is_about (&g_array_index (self->questions, MpTradeoffQuestion, k), e->from, e->to))
          g_array_append_val (answers, k);
      return answers;
    }
  for (guint k = 0; k < cycle->len; k++)
    {
      const Bound *b = &g_array_index (self->bounds, Bound,
                                       edges[g_array_index (cycle, guint, k)].bound);
      g_array_append_val (answers, b->answer);
    }
  return answers;
}

char *
mp_tradeoff_describe_contradiction (MpTradeoff  *self,
                                    GArray     **answers)
{
  g_autofree Edge *edges = NULL;
  g_autoptr(GArray) cycle = NULL;
  double dist[MP_N_CRITERIA];
  char *text;

  g_return_val_if_fail (MP_IS_TRADEOFF (self), NULL);

  edges = g_new (Edge, self->bounds->len + 1);
  cycle = find_contradiction (self, edges, dist);
  if (cycle == NULL)
    return NULL;
  if (cycle->len == 0)
    text = g_strdup (_("Your answers cannot all hold together"));
  else if (cycle->len == 2)
    text = describe_pair (self, edges[g_array_index (cycle, guint, 0)].from,
                          edges[g_array_index (cycle, guint, 0)].to);
  else
    text = describe_cycle (edges, cycle);
  if (answers != NULL)
    *answers = involved_answers (self, edges, cycle);
  return text;
}

char *
mp_tradeoff_question_describe_option (const MpTradeoffQuestion *question,
                                      gboolean                  option_b)
{
  g_autofree char *second = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  second = lower_label (question->second);
  /* TRANSLATORS: one imagined program: "Faculty quality 9, funding 4" */
  return g_strdup_printf (_("%s %d, %s %d"),
                          mp_criterion_get_label (question->first),
                          option_b ? question->b_first : question->a_first,
                          second,
                          option_b ? question->b_second : question->a_second);
}

void
mp_tradeoff_scale_like (const MpWeights *estimate,
                        const MpWeights *current,
                        MpWeights       *scaled)
{
  double top_estimate = 0, top_current = 0;

  g_return_if_fail (estimate != NULL && current != NULL && scaled != NULL);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      top_estimate = MAX (top_estimate, estimate->w[c]);
      top_current = MAX (top_current, current->w[c]);
    }
  if (top_current <= 0)
    top_current = 100;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    scaled->w[c] = top_estimate > 0 ? round (estimate->w[c] * top_current / top_estimate) : 0;
}

char *
mp_tradeoff_describe_disagreement (const MpWeights *estimate,
                                   const MpWeights *current)
{
  MpWeights scaled;
  g_autofree char *label = NULL;
  int worst = -1;

  g_return_val_if_fail (estimate != NULL && current != NULL, NULL);

  mp_tradeoff_scale_like (estimate, current, &scaled);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    if (fabs (scaled.w[c] - current->w[c]) >= 5 &&
        (worst < 0 || fabs (scaled.w[c] - current->w[c]) >
                      fabs (scaled.w[worst] - current->w[worst])))
      worst = c;
  if (worst < 0)
    return NULL;
  label = lower_label (worst);
  /* TRANSLATORS: "Your answers put brand name at 15; the slider says 50" */
  return g_strdup_printf (_("Your answers put %s at %.0f; the slider says %.0f"),
                          label, scaled.w[worst], current->w[worst]);
}

static const char * const answer_keys[] = { "a", "b", "same" };

char *
mp_tradeoff_to_string (MpTradeoff *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MP_IS_TRADEOFF (self), NULL);

  for (guint k = 0; k < self->answers->len; k++)
    {
      const MpTradeoffQuestion *q = &g_array_index (self->questions, MpTradeoffQuestion, k);

      g_string_append_printf (out, "%s%s,%s,%d,%d,%d,%d,%s", k > 0 ? ";" : "",
                              mp_criterion_get_key (q->first), mp_criterion_get_key (q->second),
                              q->a_first, q->a_second, q->b_first, q->b_second,
                              answer_keys[g_array_index (self->answers, MpTradeoffAnswer, k)]);
    }
  return g_string_free (out, FALSE);
}

static gboolean
parse_item (const char         *item,
            MpTradeoffQuestion *q,
            MpTradeoffAnswer   *answer)
{
  g_auto(GStrv) parts = g_strsplit (item, ",", -1);
  int *ratings[] = { &q->a_first, &q->a_second, &q->b_first, &q->b_second };

  if (g_strv_length (parts) != 7 ||
      !mp_criterion_from_key (parts[0], &q->first) ||
      !mp_criterion_from_key (parts[1], &q->second))
    return FALSE;
  for (guint k = 0; k < 4; k++)
    {
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[2 + k], 10, 0, 10, &value, NULL))
        return FALSE;
      *ratings[k] = value;
    }
  for (guint a = 0; a < G_N_ELEMENTS (answer_keys); a++)
    if (g_str_equal (parts[6], answer_keys[a]))
      {
        *answer = a;
        return question_is_valid (q);
      }
  return FALSE;
}

gboolean
mp_tradeoff_restore (MpTradeoff *self,
                     const char *text)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (MpTradeoffQuestion));
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (MpTradeoffAnswer));

  g_return_val_if_fail (MP_IS_TRADEOFF (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  items = text[0] != '\0' ? g_strsplit (text, ";", -1) : g_new0 (char *, 1);
  for (guint k = 0; items[k] != NULL; k++)
    {
      MpTradeoffQuestion q;
      MpTradeoffAnswer a;

      if (!parse_item (items[k], &q, &a))
        return FALSE;
      g_array_append_val (questions, q);
      g_array_append_val (answers, a);
    }
  g_array_set_size (self->questions, 0);
  g_array_append_vals (self->questions, questions->data, questions->len);
  g_array_set_size (self->answers, 0);
  g_array_append_vals (self->answers, answers->data, answers->len);
  self->has_pending = FALSE;
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static void
mp_tradeoff_finalize (GObject *object)
{
  MpTradeoff *self = MP_TRADEOFF (object);

  g_array_unref (self->questions);
  g_array_unref (self->answers);
  g_array_unref (self->bounds);
  g_free (self->points);
  g_rand_free (self->rand);
  G_OBJECT_CLASS (mp_tradeoff_parent_class)->finalize (object);
}

static void
mp_tradeoff_class_init (MpTradeoffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_tradeoff_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_tradeoff_init (MpTradeoff *self)
{
  self->questions = g_array_new (FALSE, FALSE, sizeof (MpTradeoffQuestion));
  self->answers = g_array_new (FALSE, FALSE, sizeof (MpTradeoffAnswer));
  self->bounds = g_array_new (FALSE, FALSE, sizeof (Bound));
  self->points = g_new (Point, N_POINTS);
  self->rand = g_rand_new ();
  reset_cloud (self);
}

MpTradeoff *
mp_tradeoff_new (void)
{
  return g_object_new (MP_TYPE_TRADEOFF, NULL);
}
