/* bench-flow.c: parse, lay out and draw a 500-node flowchart; redraw while panning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "mp-flow-canvas.h"
#include "mp-flow-layout.h"
#include "mp-mermaid-parser.h"

#define N_NODES 500
#define N_EXTRA_EDGES 190
#define RUNS 7
#define VIEW_WIDTH 1200
#define VIEW_HEIGHT 800

static char *
generate_chart (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart TD\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (500);
  guint n_edges = 0;

  for (guint i = 0; i < N_NODES; i++)
    g_string_append_printf (text, i % 3 == 0 ? "  n%u{Is step %u done?}\n" : "  n%u[Step number %u]\n", i, i);
  for (guint i = 1; i < N_NODES; i++, n_edges++)
    {
      guint from = (guint) g_rand_int_range (rand, MAX ((int) i - 20, 0), (int) i);

      if (n_edges % 2 == 0)
        g_string_append_printf (text, "  n%u -->|%s| n%u\n", from, n_edges % 4 ? "Yes" : "No", i);
      else
        g_string_append_printf (text, "  n%u --> n%u\n", from, i);
    }
  for (guint e = 0; e < N_EXTRA_EDGES; e++, n_edges++)
    {
      guint from = (guint) g_rand_int_range (rand, 0, N_NODES - 31);
      guint to = from + (guint) g_rand_int_range (rand, 2, 30);

      if (n_edges % 2 == 0)
        g_string_append_printf (text, "  n%u -->|maybe| n%u\n", from, to);
      else
        g_string_append_printf (text, "  n%u -.-> n%u\n", from, to);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The canvas's own snapshot, rendered to a surface the size of the view. */
static double
draw_canvas (GtkWidget       *canvas,
             cairo_surface_t *surface)
{
  double start = now_ms ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  gsk_render_node_unref (node);
  return now_ms () - start;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *source = generate_chart ();
  double parse[RUNS], layout_inline[RUNS], layout_external[RUNS], first[RUNS], total[RUNS];
  double pan_fit[RUNS], pan_one[RUNS], hit[RUNS], fit_draw[RUNS];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  GtkWidget *window, *canvas;
  guint n_edges = 0, n_labels = 0;

  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  window = gtk_window_new ();
  canvas = mp_flow_canvas_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_WIDTH, VIEW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), canvas);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpFlowchart) chart = NULL;
      g_autoptr(MpFlowLayout) layout = NULL;
      g_autoptr(MpFlowLayout) external = NULL;
      g_autoptr(MpFlowWalk) walk = NULL;
      double start = now_ms ();

      chart = mp_flowchart_parse (source, -1, 1, NULL, NULL, &error);
      g_assert_no_error (error);
      parse[run] = now_ms () - start;
      start = now_ms ();
      layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error);
      g_assert_no_error (error);
      layout_inline[run] = now_ms () - start;
      start = now_ms ();
      external = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_EXTERNAL, &error);
      g_assert_no_error (error);
      layout_external[run] = now_ms () - start;

      walk = mp_flow_walk_new (chart);
      mp_flow_canvas_set_chart (MP_FLOW_CANVAS (canvas), layout, walk);
      first[run] = draw_canvas (canvas, surface);
      total[run] = parse[run] + layout_inline[run] + first[run];

      /* Panning with the whole chart in view (fit), then at zoom 1. */
      mp_flow_canvas_zoom (MP_FLOW_CANVAS (canvas), 0);
      fit_draw[run] = draw_canvas (canvas, surface);
      mp_flow_canvas_pan (MP_FLOW_CANVAS (canvas), 5, 3);
      pan_fit[run] = draw_canvas (canvas, surface);
      mp_flow_canvas_zoom_at (MP_FLOW_CANVAS (canvas), 1.0 / mp_flow_canvas_get_zoom (MP_FLOW_CANVAS (canvas)), 0, 0);
      /* The canvas draws afresh at the new zoom once zooming pauses. */
      draw_canvas (canvas, surface);
      g_usleep (200 * G_TIME_SPAN_MILLISECOND);
      iterate ();
      draw_canvas (canvas, surface);
      mp_flow_canvas_pan (MP_FLOW_CANVAS (canvas), -40, -25);
      pan_one[run] = draw_canvas (canvas, surface);

      /* What the pointer costs: 100 hit tests over the view. */
      start = now_ms ();
      for (guint i = 0; i < 100; i++)
        mp_flow_canvas_click (MP_FLOW_CANVAS (canvas), (i * 37) % VIEW_WIDTH, (i * 53) % VIEW_HEIGHT);
      hit[run] = (now_ms () - start) / 100;

      if (run == 0)
        for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++, n_edges++)
          n_labels += mp_flowchart_get_edge (chart, i)->label != NULL;
    }

  g_print ("bench-flow: %u nodes, %u edges (%u labelled), view %d×%d, medians of %d runs\n",
           N_NODES, n_edges, n_labels, VIEW_WIDTH, VIEW_HEIGHT, RUNS);
  g_print ("  parse                               %7.1f ms\n", median (parse, RUNS));
  g_print ("  layout, edge labels as dot label    %7.1f ms\n", median (layout_inline, RUNS));
  g_print ("  layout, edge labels as dot xlabel   %7.1f ms  (not used)\n", median (layout_external, RUNS));
  g_print ("  first draw as opened (snapshot+render) %5.1f ms\n", median (first, RUNS));
  g_print ("  draw of the whole chart (fit)       %7.1f ms\n", median (fit_draw, RUNS));
  g_print ("  parse + layout + first draw         %7.1f ms  (target ≤ 350)\n", median (total, RUNS));
  g_print ("  pan redraw, whole chart in view     %7.2f ms  (target ≤ 8)\n", median (pan_fit, RUNS));
  g_print ("  pan redraw, zoom 1                  %7.2f ms  (target ≤ 8)\n", median (pan_one, RUNS));
  g_print ("  hit test under the pointer          %7.3f ms\n", median (hit, RUNS));

  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
