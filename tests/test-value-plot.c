/* test-value-plot.c: the value chart's content and geometry, without a
 * display: frontier, axes, mapping, hit testing and keyboard order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "mp-value-plot.h"

static gboolean
dominated (const MpValuePoint *points,
           guint               n,
           guint               i)
{
  for (guint j = 0; j < n; j++)
    if (j != i && points[j].score >= points[i].score && points[j].cost <= points[i].cost &&
        (points[j].score > points[i].score || points[j].cost < points[i].cost))
      return TRUE;
  return FALSE;
}

/* 1 000 random programs, coarse values so ties happen: the plot's
 * frontier is the brute-force one, listed cheapest first. */
static void
test_frontier (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 20; round++)
    {
      g_autofree MpValuePoint *points = g_new0 (MpValuePoint, 1000);
      g_autoptr(MpValuePlot) plot = NULL;
      guint expected = 0;

      for (guint i = 0; i < 1000; i++)
        points[i] = (MpValuePoint) { i, g_rand_int_range (rand, 0, 40) * 2.5,
                                     g_rand_int_range (rand, 0, 60) * 1000.0, i % 3 == 0, FALSE };
      plot = mp_value_plot_new (points, 1000);
      for (guint i = 0; i < 1000; i++)
        {
          gboolean on = !dominated (points, 1000, i);

          g_assert_cmpint (mp_value_plot_get_point (plot, i)->on_frontier, ==, on);
          expected += on;
        }
      g_assert_cmpuint (mp_value_plot_get_n_frontier (plot), ==, expected);
      for (guint k = 1; k < expected; k++)
        g_assert_cmpfloat (mp_value_plot_get_point (plot, mp_value_plot_get_frontier (plot, k - 1))->cost,
                           <=,
                           mp_value_plot_get_point (plot, mp_value_plot_get_frontier (plot, k))->cost);
    }
}

static const MpValuePoint sample[] = {
  { 10, 80, 20000, FALSE, FALSE },
  { 11, 60, 2000, TRUE, FALSE },
  { 12, 70, 30000, FALSE, FALSE },  /* beaten by 10 */
  { 13, 90, 72000, FALSE, FALSE },
};

static void
test_axes_and_mapping (void)
{
  g_autoptr(MpValuePlot) plot = mp_value_plot_new (sample, G_N_ELEMENTS (sample));
  MpValueRect area = { 40, 20, 400, 200 };
  double max, step, min;

  mp_value_plot_get_cost_axis (plot, &max, &step);
  g_assert_cmpfloat (max, >=, 72000);
  g_assert_cmpfloat (max, <=, 6 * step + 0.5);
  g_assert_cmpfloat (fmod (max, step), ==, 0);
  mp_value_plot_get_score_axis (plot, &min, &step);
  g_assert_cmpfloat (min, ==, 50);
  g_assert_cmpfloat (mp_value_plot_x (plot, &area, 0), ==, 40);
  g_assert_cmpfloat (mp_value_plot_x (plot, &area, max), ==, 440);
  g_assert_cmpfloat (mp_value_plot_y (plot, &area, 100), ==, 20);
  g_assert_cmpfloat (mp_value_plot_y (plot, &area, min), ==, 220);
  g_assert_false (mp_value_plot_get_point (plot, 2)->on_frontier);
  g_assert_cmpuint (mp_value_plot_get_n_frontier (plot), ==, 3);

  /* The band always shows, with no program near it. */
  {
    MpValuePoint cheap = { 0, 50, 100, FALSE, FALSE };
    g_autoptr(MpValuePlot) small = mp_value_plot_new (&cheap, 1);

    mp_value_plot_get_cost_axis (small, &max, &step);
    g_assert_cmpfloat (max, >, MP_VALUE_BAND_HIGH_USD);
  }
}

static void
test_hit_and_keys (void)
{
  g_autoptr(MpValuePlot) plot = mp_value_plot_new (sample, G_N_ELEMENTS (sample));
  MpValueRect area = { 40, 20, 400, 200 };
  double x = mp_value_plot_x (plot, &area, 20000), y = mp_value_plot_y (plot, &area, 80);

  g_assert_cmpint (mp_value_plot_hit (plot, &area, x + 3, y - 3, 10), ==, 0);
  g_assert_cmpint (mp_value_plot_hit (plot, &area, x + 30, y, 10), ==, -1);
  g_assert_cmpint (mp_value_plot_find_program (plot, 12), ==, 2);
  g_assert_cmpint (mp_value_plot_find_program (plot, 99), ==, -1);
  /* Cheapest first: 11, 10, 12, 13. */
  g_assert_cmpint (mp_value_plot_step (plot, -1, 0), ==, 1);
  g_assert_cmpint (mp_value_plot_step (plot, 1, 1), ==, 0);
  g_assert_cmpint (mp_value_plot_step (plot, 0, 1), ==, 2);
  g_assert_cmpint (mp_value_plot_step (plot, 3, 1), ==, 3);
  g_assert_cmpint (mp_value_plot_step (plot, 1, -1), ==, 1);
  g_assert_cmpint (mp_value_plot_step (plot, -1, -1), ==, 3);
}

static void
test_empty (void)
{
  g_autoptr(MpValuePlot) plot = mp_value_plot_new (NULL, 0);
  MpValueRect area = { 0, 0, 100, 100 };

  g_assert_cmpuint (mp_value_plot_get_n_points (plot), ==, 0);
  g_assert_cmpuint (mp_value_plot_get_n_frontier (plot), ==, 0);
  g_assert_cmpint (mp_value_plot_step (plot, -1, 1), ==, -1);
  g_assert_cmpint (mp_value_plot_hit (plot, &area, 0, 0, 10), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/value-plot/frontier", test_frontier);
  g_test_add_func ("/value-plot/axes-and-mapping", test_axes_and_mapping);
  g_test_add_func ("/value-plot/hit-and-keys", test_hit_and_keys);
  g_test_add_func ("/value-plot/empty", test_empty);
  return g_test_run ();
}
