/* mp-value-plot.c: the value-for-money chart's content and geometry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-value-plot.h"

#include <glib/gi18n.h>
#include <math.h>

#include "mp-program.h"
#include "mp-utils.h"

#define MAX_TICKS 6

struct _MpValuePlot {
  GArray *points;    /* MpValuePoint, in rank order */
  GArray *frontier;  /* guint point indices, cheapest first */
  GArray *order;     /* guint point indices in keyboard order */
  GPtrArray *names;  /* program names, or empty */
  double  cost_max;
  double  cost_step;
  double  score_min;
  double  score_step;
};

/* Cheapest first; at one cost, best first; then rank order. */
static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  GArray *points = data;
  const MpValuePoint *p = &g_array_index (points, MpValuePoint, *(const guint *) a);
  const MpValuePoint *q = &g_array_index (points, MpValuePoint, *(const guint *) b);

  if (p->cost != q->cost)
    return p->cost < q->cost ? -1 : 1;
  if (p->score != q->score)
    return p->score > q->score ? -1 : 1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/* 1, 2, 2.5 or 5 times a power of ten, giving at most MAX_TICKS ticks. */
static double
nice_step (double span)
{
  static const double factors[] = { 1, 2, 2.5, 5, 10 };
  double magnitude = pow (10, floor (log10 (MAX (span, 1) / MAX_TICKS)));

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (span / (factors[i] * magnitude) <= MAX_TICKS)
      return factors[i] * magnitude;
  return 10 * magnitude;
}

static void
compute_axes (MpValuePlot *plot)
{
  /* The band and a little of "or more" always show. */
  double cost_top = MP_VALUE_BAND_HIGH_USD * 1.1;
  double score_low = 100;

  for (guint i = 0; i < plot->points->len; i++)
    {
      const MpValuePoint *p = &g_array_index (plot->points, MpValuePoint, i);

      cost_top = MAX (cost_top, p->cost);
      score_low = MIN (score_low, p->score);
    }
  plot->cost_step = nice_step (cost_top);
  plot->cost_max = ceil (cost_top / plot->cost_step) * plot->cost_step;
  /* Scores start at a round ten below the lowest, at most 60 points of
   * span so the programs do not crowd at the top. */
  plot->score_min = CLAMP (floor ((score_low - 5) / 10) * 10, 0, 60);
  plot->score_step = nice_step (100 - plot->score_min);
}

static void
compute_frontier (MpValuePlot *plot)
{
  guint n = plot->points->len;
  g_autofree double *score = g_new (double, MAX (n, 1));
  g_autofree double *cost = g_new (double, MAX (n, 1));
  g_autofree gboolean *on = g_new (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      score[i] = g_array_index (plot->points, MpValuePoint, i).score;
      cost[i] = g_array_index (plot->points, MpValuePoint, i).cost;
    }
  mp_costs_pareto_frontier (score, cost, n, on);
  for (guint k = 0; k < n; k++)
    {
      guint i = g_array_index (plot->order, guint, k);

      g_array_index (plot->points, MpValuePoint, i).on_frontier = on[i];
      if (on[i])
        g_array_append_val (plot->frontier, i);
    }
}

static MpValuePlot *
plot_new_empty (void)
{
  MpValuePlot *plot = g_new0 (MpValuePlot, 1);

  plot->points = g_array_new (FALSE, FALSE, sizeof (MpValuePoint));
  plot->frontier = g_array_new (FALSE, FALSE, sizeof (guint));
  plot->order = g_array_new (FALSE, FALSE, sizeof (guint));
  plot->names = g_ptr_array_new_with_free_func (g_free);
  return plot;
}

static void
plot_finish (MpValuePlot *plot)
{
  g_array_set_size (plot->order, plot->points->len);
  for (guint i = 0; i < plot->points->len; i++)
    g_array_index (plot->order, guint, i) = i;
  g_array_sort_with_data (plot->order, compare_order, plot->points);
  compute_frontier (plot);
  compute_axes (plot);
}

MpValuePlot *
mp_value_plot_new (const MpValuePoint *points,
                   guint               n_points)
{
  MpValuePlot *plot = plot_new_empty ();

  g_return_val_if_fail (n_points == 0 || points != NULL, plot);

  g_array_append_vals (plot->points, points, n_points);
  plot_finish (plot);
  return plot;
}

MpValuePlot *
mp_value_plot_new_from_scorer (MpScorer              *scorer,
                               const MpCircumstances *circumstances)
{
  MpValuePlot *plot = plot_new_empty ();
  MpProgramStore *store;
  guint n;

  g_return_val_if_fail (MP_IS_SCORER (scorer), plot);
  g_return_val_if_fail (circumstances != NULL, plot);

  store = mp_scorer_get_store (scorer);
  n = mp_scorer_has_scores (scorer) ? mp_scorer_get_n_ranked (scorer) : 0;
  g_array_set_size (plot->points, n);
  for (guint r = 0; r < n; r++)
    {
      MpValuePoint *p = &g_array_index (plot->points, MpValuePoint, r);
      MpProgram *program;
      MpProgramCosts costs;

      p->program = mp_scorer_get_ranked (scorer, r);
      program = mp_program_store_peek (store, p->program);
      mp_costs_compute_for (circumstances, program, &costs);
      g_ptr_array_add (plot->names, g_strdup (mp_program_get_name (program)));
      p->score = mp_scorer_get_score (scorer, p->program);
      p->cost = costs.out_of_pocket_usd;
      p->alternative = mp_program_get_kind (program) != MP_PROGRAM_KIND_MASTERS;
      p->on_frontier = FALSE;
    }
  plot_finish (plot);
  return plot;
}

void
mp_value_plot_free (MpValuePlot *plot)
{
  if (plot == NULL)
    return;
  g_array_unref (plot->points);
  g_array_unref (plot->frontier);
  g_array_unref (plot->order);
  g_ptr_array_unref (plot->names);
  g_free (plot);
}

guint
mp_value_plot_get_n_points (MpValuePlot *plot)
{
  g_return_val_if_fail (plot != NULL, 0);
  return plot->points->len;
}

const MpValuePoint *
mp_value_plot_get_point (MpValuePlot *plot,
                         guint        i)
{
  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (i < plot->points->len, NULL);
  return &g_array_index (plot->points, MpValuePoint, i);
}

const char *
mp_value_plot_get_name (MpValuePlot *plot,
                        guint        i)
{
  g_return_val_if_fail (plot != NULL, "");
  return i < plot->names->len ? g_ptr_array_index (plot->names, i) : "";
}

int
mp_value_plot_find_program (MpValuePlot *plot,
                            guint        program)
{
  g_return_val_if_fail (plot != NULL, -1);

  for (guint i = 0; i < plot->points->len; i++)
    if (g_array_index (plot->points, MpValuePoint, i).program == program)
      return (int) i;
  return -1;
}

guint
mp_value_plot_get_n_frontier (MpValuePlot *plot)
{
  g_return_val_if_fail (plot != NULL, 0);
  return plot->frontier->len;
}

guint
mp_value_plot_get_frontier (MpValuePlot *plot,
                            guint        k)
{
  g_return_val_if_fail (plot != NULL, 0);
  g_return_val_if_fail (k < plot->frontier->len, 0);
  return g_array_index (plot->frontier, guint, k);
}

void
mp_value_plot_get_cost_axis (MpValuePlot *plot,
                             double      *max,
                             double      *step)
{
  g_return_if_fail (plot != NULL);
  *max = plot->cost_max;
  *step = plot->cost_step;
}

void
mp_value_plot_get_score_axis (MpValuePlot *plot,
                              double      *min,
                              double      *step)
{
  g_return_if_fail (plot != NULL);
  *min = plot->score_min;
  *step = plot->score_step;
}

void
mp_value_plot_get_area (double       width,
                        double       height,
                        double       font_size,
                        MpValueRect *area)
{
  /* Left: "100" and the vertical title; bottom: "$100k" and the title;
   * top: the band's label. */
  double left = font_size * 4.2, bottom = font_size * 3.6, top = font_size * 2.2;
  double right = font_size * 1.5;

  area->x = left;
  area->y = top;
  area->width = MAX (width - left - right, 1);
  area->height = MAX (height - top - bottom, 1);
}

double
mp_value_plot_x (MpValuePlot       *plot,
                 const MpValueRect *area,
                 double             cost)
{
  return area->x + area->width * CLAMP (cost, 0, plot->cost_max) / plot->cost_max;
}

double
mp_value_plot_y (MpValuePlot       *plot,
                 const MpValueRect *area,
                 double             score)
{
  double span = 100 - plot->score_min;

  return area->y + area->height * (100 - CLAMP (score, plot->score_min, 100)) / span;
}

int
mp_value_plot_hit (MpValuePlot       *plot,
                   const MpValueRect *area,
                   double             x,
                   double             y,
                   double             radius)
{
  double best = radius * radius;
  int found = -1;

  g_return_val_if_fail (plot != NULL, -1);

  /* Rank order: on a tie in distance the better ranked wins. */
  for (guint i = 0; i < plot->points->len; i++)
    {
      const MpValuePoint *p = &g_array_index (plot->points, MpValuePoint, i);
      double dx = mp_value_plot_x (plot, area, p->cost) - x;
      double dy = mp_value_plot_y (plot, area, p->score) - y;
      double d = dx * dx + dy * dy;

      if (d <= best && (found < 0 || d < best))
        {
          best = d;
          found = (int) i;
        }
    }
  return found;
}

int
mp_value_plot_step (MpValuePlot *plot,
                    int          point,
                    int          delta)
{
  int n, at = -1;

  g_return_val_if_fail (plot != NULL, -1);

  n = (int) plot->order->len;
  if (n == 0)
    return -1;
  for (int k = 0; point >= 0 && k < n; k++)
    if (g_array_index (plot->order, guint, k) == (guint) point)
      at = k;
  if (at < 0)
    return (int) g_array_index (plot->order, guint, delta >= 0 ? 0 : n - 1);
  return (int) g_array_index (plot->order, guint, CLAMP (at + delta, 0, n - 1));
}

char *
mp_value_plot_describe_point (MpValuePlot *plot,
                              guint        i,
                              const char  *name)
{
  const MpValuePoint *p;
  g_autofree char *cost = NULL;

  g_return_val_if_fail (plot != NULL, NULL);
  g_return_val_if_fail (i < plot->points->len, NULL);

  p = &g_array_index (plot->points, MpValuePoint, i);
  cost = mp_utils_format_usd (p->cost);
  if (p->on_frontier)
    /* Translators: a point of the value chart: name, score, cost, kind;
     * the frontier holds the programs no other beats on both score and cost */
    return g_strdup_printf (_("%s: score %.1f, %s out of pocket, %s, on the best-value frontier"),
                            name, p->score, cost,
                            p->alternative ? _("alternative") : _("master’s"));
  /* Translators: a point of the value chart: name, score, cost, kind */
  return g_strdup_printf (_("%s: score %.1f, %s out of pocket, %s"),
                          name, p->score, cost, p->alternative ? _("alternative") : _("master’s"));
}
