/* bench-mermaid.c: parsing generated Mermaid flowcharts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-walk.h"
#include "mp-mermaid-parser.h"

#define RUNS 9

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* A 500-node chart shaped like a real one: questions with Yes/No answers,
 * steps, subgraphs, classes and a few links. */
static char *
generate_chart (guint n_nodes)
{
  GString *text = g_string_new ("flowchart TD\n");

  for (guint i = 0; i < n_nodes; i++)
    {
      if (i % 50 == 0)
        g_string_append_printf (text, "  subgraph part%u [Part %u]\n", i / 50, i / 50);
      if (i % 3 == 0)
        g_string_append_printf (text, "    N%u{Is question %u true for you?}\n", i, i);
      else
        g_string_append_printf (text, "    N%u[\"Step %u: do the #quot;thing#quot;<br>then go on\"]:::step\n", i, i);
      if (i % 50 == 49 || i + 1 == n_nodes)
        g_string_append (text, "  end\n");
    }
  for (guint i = 0; i + 1 < n_nodes; i++)
    {
      if (i % 3 == 0)
        g_string_append_printf (text, "  N%u -->|Yes| N%u\n  N%u -- No --> N%u\n", i, i + 1, i,
                                MIN (i + 2, n_nodes - 1));
      else
        g_string_append_printf (text, "  N%u --> N%u\n", i, i + 1);
    }
  g_string_append (text, "  classDef step fill:#eef,stroke:#336,stroke-width:1px\n");
  g_string_append (text, "  click N0 \"https://example.org\" \"Start here\"\n");
  return g_string_free (text, FALSE);
}

static char *
generate_chain (guint n_nodes)
{
  GString *text = g_string_new ("flowchart LR\n");

  for (guint i = 1; i <= n_nodes; i++)
    g_string_append_printf (text, i > 1 ? "-->A%u" : "A%u", i);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static void
measure (const char *what,
         const char *text)
{
  double times[RUNS];
  guint n_nodes = 0;

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(MpFlowchart) chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, &error);
      g_autoptr(MpFlowWalk) walk = NULL;

      g_assert_no_error (error);
      walk = mp_flow_walk_new (chart);
      times[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_nodes = mp_flowchart_get_n_nodes (chart);
    }
  qsort (times, RUNS, sizeof times[0], compare_doubles);
  g_print ("%s (%u nodes, %zu bytes): parse + walk start, median of %d: %.3f ms (min %.3f, max %.3f)\n",
           what, n_nodes, strlen (text), RUNS, times[RUNS / 2], times[0], times[RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *chart = generate_chart (500);
  g_autofree char *chain = generate_chain (10000);

  measure ("500-node chart", chart);
  measure ("10000-node chain", chain);
  return 0;
}
