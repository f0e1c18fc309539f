/* test-flow-layout.c: Graphviz layout of flowcharts (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "mp-flow-layout.h"
#include "mp-mermaid-parser.h"

/* How far (pixels) an edge's end may sit from its node's outline. */
#define ON_OUTLINE 3.0

static char *
bundled_flowchart (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("MP_SOURCE_ROOT"), "data", "article", "master-plan.md", NULL);
  g_autofree char *text = NULL;
  const char *start, *end;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  start = strstr (text, "```mermaid\n");
  g_assert_nonnull (start);
  start += strlen ("```mermaid\n");
  end = strstr (start, "\n```");
  g_assert_nonnull (end);
  return g_strndup (start, end - start + 1);
}

static MpFlowLayout *
lay_out (const char  *source,
         MpFlowchart **chart_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (source, -1, 1, NULL, NULL, &error);
  MpFlowLayout *layout;

  g_assert_no_error (error);
  layout = mp_flow_layout_new (chart, "Sans 11", MP_FLOW_EDGE_LABELS_INLINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  if (chart_out != NULL)
    *chart_out = g_steal_pointer (&chart);
  return layout;
}

/* A deterministic chart: @n questions, each with a Yes and a No edge to later nodes. */
static char *
generated_chart (const char *direction,
                 guint       n,
                 guint32     seed)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  g_string_append_printf (text, "flowchart %s\n", direction);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "  q%u{Question number %u?}\n", i, i);
  for (guint i = 0; i < 4; i++)
    g_string_append_printf (text, "  o%u([Outcome %u])\n", i, i);
  for (guint i = 0; i < n; i++)
    {
      guint yes = i + 1 + g_rand_int_range (rand, 0, 3);
      guint no = i + 1 + g_rand_int_range (rand, 0, 4);

      if (yes < n)
        g_string_append_printf (text, "  q%u -->|Yes| q%u\n", i, yes);
      else
        g_string_append_printf (text, "  q%u -->|Yes| o%u\n", i, yes % 4);
      if (no < n && no != yes)
        g_string_append_printf (text, "  q%u -->|No| q%u\n", i, no);
      else
        g_string_append_printf (text, "  q%u -->|No| o%u\n", i, (yes + 1) % 4);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
boxes_overlap (const MpFlowRect *a,
               const MpFlowRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlap (MpFlowchart  *chart,
                   MpFlowLayout *layout)
{
  guint n = mp_flowchart_get_n_nodes (chart);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (boxes_overlap (&mp_flow_layout_get_node (layout, i)->box,
                         &mp_flow_layout_get_node (layout, j)->box))
        g_error ("nodes %s and %s overlap", mp_flowchart_get_node (chart, i)->id,
                 mp_flowchart_get_node (chart, j)->id);
}

/* Distance from @p to the outline of node @index's shape. */
static double
outline_distance (MpFlowchart  *chart,
                  MpFlowLayout *layout,
                  guint         index,
                  MpFlowPoint   p)
{
  const MpFlowLayoutNode *node = mp_flow_layout_get_node (layout, index);
  double dx = fabs (p.x - node->x), dy = fabs (p.y - node->y);
  double hw = node->box.width / 2, hh = node->box.height / 2;

  switch (mp_flowchart_get_node (chart, index)->shape)
    {
    case MP_NODE_SHAPE_DIAMOND:
      /* |dx|/hw + |dy|/hh = 1 on the outline; scale the error back to pixels. */
      return fabs (dx / hw + dy / hh - 1) * MIN (hw, hh);
    case MP_NODE_SHAPE_CIRCLE:
      return fabs (hypot (dx, dy) - MIN (hw, hh));
    default:
      if (dx <= hw && dy <= hh)
        return MIN (hw - dx, hh - dy);
      return hypot (MAX (dx - hw, 0), MAX (dy - hh, 0));
    }
}

static void
assert_edges_touch_nodes (MpFlowchart  *chart,
                          MpFlowLayout *layout)
{
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);
      const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (layout, i);
      double from, to;

      if (edge->from.is_subgraph || edge->to.is_subgraph)
        continue;
      g_assert_cmpuint (laid->n_points, >=, 4);
      g_assert_cmpuint ((laid->n_points - 1) % 3, ==, 0);
      from = outline_distance (chart, layout, edge->from.index, laid->start);
      to = outline_distance (chart, layout, edge->to.index, laid->end);
      if (from > ON_OUTLINE || to > ON_OUTLINE)
        g_error ("edge %s→%s ends %.1f / %.1f px off its nodes",
                 mp_flowchart_get_node (chart, edge->from.index)->id,
                 mp_flowchart_get_node (chart, edge->to.index)->id, from, to);
    }
}

static void
assert_answers_follow_direction (MpFlowchart  *chart,
                                 MpFlowLayout *layout,
                                 gboolean      horizontal)
{
  guint checked = 0;

  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);
      const MpFlowLayoutNode *from, *to;

      if (edge->label == NULL || edge->from.is_subgraph || edge->to.is_subgraph)
        continue;
      from = mp_flow_layout_get_node (layout, edge->from.index);
      to = mp_flow_layout_get_node (layout, edge->to.index);
      if (horizontal)
        g_assert_cmpfloat (to->box.x, >=, from->box.x + from->box.width);
      else
        g_assert_cmpfloat (to->box.y, >=, from->box.y + from->box.height);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_bundled (void)
{
  g_autofree char *source = bundled_flowchart ();
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = lay_out (source, &chart);
  const MpFlowLayoutNode *s1, *s2;

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 7);
  assert_no_overlap (chart, layout);
  assert_edges_touch_nodes (chart, layout);
  assert_answers_follow_direction (chart, layout, FALSE);

  /* Every node lies inside the drawing, margin included. */
  for (guint i = 0; i < 7; i++)
    {
      const MpFlowRect *box = &mp_flow_layout_get_node (layout, i)->box;

      g_assert_cmpfloat (box->x, >=, MP_FLOW_LAYOUT_MARGIN - 0.5);
      g_assert_cmpfloat (box->y, >=, MP_FLOW_LAYOUT_MARGIN - 0.5);
      g_assert_cmpfloat (box->x + box->width, <=, mp_flow_layout_get_width (layout) - MP_FLOW_LAYOUT_MARGIN + 0.5);
      g_assert_cmpfloat (box->y + box->height, <=, mp_flow_layout_get_height (layout) - MP_FLOW_LAYOUT_MARGIN + 0.5);
    }
  /* The first question is on top; a diamond is wider than its text. */
  s1 = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "S1"));
  s2 = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "S2"));
  g_assert_cmpfloat (s1->y, <, s2->y);
  g_assert_cmpfloat (s1->box.width, >=, 2 * s1->text_width);
  g_assert_cmpfloat (s1->text_width, >, 0);
  g_assert_cmpfloat (s1->text_width, <=, mp_flow_layout_wrap_width (MP_NODE_SHAPE_DIAMOND));
  /* Labelled edges have a label box dot placed between their ends. */
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);
      const MpFlowLayoutEdge *laid = mp_flow_layout_get_edge (layout, i);
      double cy = laid->label.y + laid->label.height / 2;

      g_assert_cmpint (laid->has_label, ==, edge->label != NULL);
      if (!laid->has_label)
        continue;
      g_assert_cmpfloat (laid->label.width, >, 10);
      g_assert_cmpfloat (cy, >, MIN (laid->start.y, laid->end.y) - 1);
      g_assert_cmpfloat (cy, <, MAX (laid->start.y, laid->end.y) + 1);
    }
}

static void
test_generated_td (void)
{
  g_autofree char *source = generated_chart ("TD", 40, 7);
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = lay_out (source, &chart);

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 44);
  assert_no_overlap (chart, layout);
  assert_edges_touch_nodes (chart, layout);
  assert_answers_follow_direction (chart, layout, FALSE);
}

static void
test_generated_lr (void)
{
  g_autofree char *source = generated_chart ("LR", 30, 11);
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = lay_out (source, &chart);

  assert_no_overlap (chart, layout);
  assert_edges_touch_nodes (chart, layout);
  assert_answers_follow_direction (chart, layout, TRUE);
}

static void
test_external_labels (void)
{
  g_autofree char *source = generated_chart ("TD", 20, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (source, -1, 1, NULL, NULL, &error);
  g_autoptr(MpFlowLayout) layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_EXTERNAL, &error);

  g_assert_no_error (error);
  assert_no_overlap (chart, layout);
  assert_edges_touch_nodes (chart, layout);
  assert_answers_follow_direction (chart, layout, FALSE);
}

static gboolean
rect_contains (const MpFlowRect *outer,
               const MpFlowRect *inner)
{
  return inner->x >= outer->x - 0.5 && inner->y >= outer->y - 0.5 &&
         inner->x + inner->width <= outer->x + outer->width + 0.5 &&
         inner->y + inner->height <= outer->y + outer->height + 0.5;
}

static void
test_clusters (void)
{
  const char *source =
    "flowchart TB\n"
    "  subgraph one [First part]\n"
    "    a1[Start] --> a2{Ready?}\n"
    "  end\n"
    "  subgraph two [Second part]\n"
    "    b1[Plan] --> b2[/Do it/]\n"
    "    subgraph inner [Inner]\n"
    "      c1((Done))\n"
    "    end\n"
    "  end\n"
    "  a2 -->|Yes| b1\n"
    "  a2 -->|No| c1\n"
    "  one --> two\n";
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = lay_out (source, &chart);

  g_assert_cmpuint (mp_flowchart_get_n_subgraphs (chart), ==, 3);
  assert_no_overlap (chart, layout);
  assert_edges_touch_nodes (chart, layout);
  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    {
      const MpFlowNode *node = mp_flowchart_get_node (chart, i);

      for (int s = node->subgraph; s >= 0; s = mp_flowchart_get_subgraph (chart, s)->parent)
        g_assert_true (rect_contains (&mp_flow_layout_get_cluster (layout, s)->box,
                                      &mp_flow_layout_get_node (layout, i)->box));
    }
  for (guint s = 0; s < 3; s++)
    {
      const MpFlowSubgraph *sub = mp_flowchart_get_subgraph (chart, s);
      const MpFlowLayoutCluster *cluster = mp_flow_layout_get_cluster (layout, s);

      g_assert_cmpfloat (cluster->box.width, >, 0);
      g_assert_cmpfloat (cluster->title.width, >, 0);
      g_assert_true (rect_contains (&cluster->box, &cluster->title));
      if (sub->parent >= 0)
        g_assert_true (rect_contains (&mp_flow_layout_get_cluster (layout, sub->parent)->box,
                                      &cluster->box));
    }
  /* The edge between the two subgraphs stops at the second one's border. */
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (chart, i);

      if (edge->to.is_subgraph)
        {
          const MpFlowRect *box = &mp_flow_layout_get_cluster (layout, edge->to.index)->box;
          MpFlowPoint end = mp_flow_layout_get_edge (layout, i)->end;

          g_assert_cmpfloat (fabs (end.y - box->y), <=, ON_OUTLINE);
        }
    }
}

static void
test_subgraph_direction (void)
{
  const char *source =
    "flowchart TB\n"
    "  start[Start] --> s1\n"
    "  subgraph row [Side by side]\n"
    "    direction LR\n"
    "    s1[One] --> s2[Two] --> s3[Three]\n"
    "  end\n"
    "  s3 --> finish[End]\n";
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = lay_out (source, &chart);
  const MpFlowLayoutNode *s1, *s2, *s3, *start, *finish;

  s1 = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "s1"));
  s2 = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "s2"));
  s3 = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "s3"));
  start = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "start"));
  finish = mp_flow_layout_get_node (layout, mp_flowchart_find_node (chart, "finish"));
  /* Inside the subgraph left to right, around it top to bottom. */
  g_assert_cmpfloat (s1->y, ==, s2->y);
  g_assert_cmpfloat (s2->y, ==, s3->y);
  g_assert_cmpfloat (s2->box.x, >=, s1->box.x + s1->box.width);
  g_assert_cmpfloat (s3->box.x, >=, s2->box.x + s2->box.width);
  g_assert_cmpfloat (start->box.y + start->box.height, <=, s1->box.y);
  g_assert_cmpfloat (finish->box.y, >=, s3->box.y + s3->box.height);
  g_assert_true (rect_contains (&mp_flow_layout_get_cluster (layout, 0)->box, &s3->box));
  assert_edges_touch_nodes (chart, layout);
}

static void
on_layout_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  MpFlowLayout **out = data;
  g_autoptr(GError) error = NULL;

  *out = mp_flow_layout_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *source = bundled_flowchart ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (source, -1, 1, NULL, NULL, &error);
  g_autoptr(MpFlowLayout) layout = NULL;
  g_autoptr(MpFlowLayout) sync_layout = NULL;

  mp_flow_layout_new_async (chart, "Sans 11", NULL, on_layout_ready, &layout);
  while (layout == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (mp_flow_layout_get_chart (layout) == chart);
  sync_layout = mp_flow_layout_new (chart, "Sans 11", MP_FLOW_EDGE_LABELS_INLINE, &error);
  g_assert_cmpfloat (mp_flow_layout_get_width (layout), ==, mp_flow_layout_get_width (sync_layout));
  g_assert_cmpfloat (mp_flow_layout_get_height (layout), ==, mp_flow_layout_get_height (sync_layout));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/flow-layout/bundled", test_bundled);
  g_test_add_func ("/flow-layout/generated-td", test_generated_td);
  g_test_add_func ("/flow-layout/generated-lr", test_generated_lr);
  g_test_add_func ("/flow-layout/external-labels", test_external_labels);
  g_test_add_func ("/flow-layout/clusters", test_clusters);
  g_test_add_func ("/flow-layout/subgraph-direction", test_subgraph_direction);
  g_test_add_func ("/flow-layout/async", test_async);

  return g_test_run ();
}
