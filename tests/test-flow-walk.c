/* test-flow-walk.c: walking through a flowchart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-walk.h"
#include "mp-mermaid-parser.h"

typedef struct {
  MpFlowchart *chart;
  MpFlowWalk  *walk;
  guint        changes;
} Fixture;

static void
on_changed (MpFlowWalk *walk,
            Fixture    *fixture)
{
  fixture->changes++;
}

static void
fixture_set_chart (Fixture    *fixture,
                   const char *text)
{
  g_autoptr(GError) error = NULL;

  fixture->chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->walk = mp_flow_walk_new (fixture->chart);
  g_signal_connect (fixture->walk, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_set_up_bundled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "mermaid-bundled.mmd", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  fixture_set_chart (fixture, text);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->walk);
  g_assert_finalize_object (fixture->chart);
}

static guint
node_index (Fixture    *fixture,
            const char *id)
{
  int index = mp_flowchart_find_node (fixture->chart, id);

  g_assert_cmpint (index, >=, 0);
  return index;
}

static const char *
current_id (Fixture *fixture)
{
  return mp_flowchart_get_node (fixture->chart, mp_flow_walk_get_current (fixture->walk))->id;
}

/* Chooses the answer labelled @label at the current node. */
static void
answer (Fixture    *fixture,
        const char *label)
{
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (fixture->walk);

  /* "-" stands for an edge without a label. */
  if (g_strcmp0 (label, "-") == 0)
    label = NULL;
  for (guint i = 0; i < choices->len; i++)
    {
      guint edge = g_array_index (choices, guint, i);

      if (g_strcmp0 (mp_flowchart_get_edge (fixture->chart, edge)->label, label) == 0)
        {
          g_assert_true (mp_flow_walk_choose (fixture->walk, edge));
          return;
        }
    }
  g_assert_not_reached ();
}

static char *
path_text (Fixture *fixture)
{
  const GArray *nodes = mp_flow_walk_get_path_nodes (fixture->walk);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "",
                            mp_flowchart_get_node (fixture->chart, g_array_index (nodes, guint, i))->id);
  return g_string_free (text, FALSE);
}

static void
walk_answers (Fixture    *fixture,
              const char *answers,
              const char *expected_path)
{
  g_auto(GStrv) list = g_strsplit (answers, " ", -1);
  g_autofree char *path = NULL;

  mp_flow_walk_restart (fixture->walk);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
      answer (fixture, list[i]);
    }
  path = path_text (fixture);
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (mp_flow_walk_is_at_outcome (fixture->walk));
}

static void
test_bundled_start (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) choices = mp_flow_walk_get_choices (fixture->walk);

  g_assert_true (mp_flow_walk_get_chart (fixture->walk) == fixture->chart);
  g_assert_cmpuint (mp_flow_walk_get_start (fixture->walk), ==, node_index (fixture, "S1"));
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_cmpuint (choices->len, ==, 2);
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (fixture->walk)->len, ==, 1);
  g_assert_cmpuint (mp_flow_walk_get_path_edges (fixture->walk)->len, ==, 0);
  g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
  g_assert_cmpuint (fixture->changes, ==, 0);
}

static void
test_bundled_every_path (Fixture       *fixture,
                         gconstpointer  data)
{
  /* The three outcomes; S7 directly and through the S6 step. */
  walk_answers (fixture, "No", "S1 S2");
  walk_answers (fixture, "Yes No", "S1 S3 S4");
  walk_answers (fixture, "Yes Yes Yes", "S1 S3 S5 S7");
  walk_answers (fixture, "Yes Yes No -", "S1 S3 S5 S6 S7");
}

static void
test_bundled_back_and_restart (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_false (mp_flow_walk_back (fixture->walk));
  mp_flow_walk_restart (fixture->walk);
  g_assert_cmpuint (fixture->changes, ==, 0);

  answer (fixture, "Yes");
  answer (fixture, "Yes");
  answer (fixture, "No");
  g_assert_cmpuint (fixture->changes, ==, 3);
  g_assert_cmpstr (current_id (fixture), ==, "S6");
  g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
  g_assert_true (mp_flow_walk_node_on_path (fixture->walk, node_index (fixture, "S5")));
  g_assert_false (mp_flow_walk_node_on_path (fixture->walk, node_index (fixture, "S2")));

  g_assert_true (mp_flow_walk_back (fixture->walk));
  g_assert_cmpstr (current_id (fixture), ==, "S5");
  g_assert_false (mp_flow_walk_node_on_path (fixture->walk, node_index (fixture, "S6")));
  g_assert_cmpuint (fixture->changes, ==, 4);

  answer (fixture, "Yes");
  g_assert_cmpstr (current_id (fixture), ==, "S7");
  g_assert_true (mp_flow_walk_is_at_outcome (fixture->walk));

  mp_flow_walk_restart (fixture->walk);
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_cmpuint (mp_flow_walk_get_path_edges (fixture->walk)->len, ==, 0);
  g_assert_cmpuint (fixture->changes, ==, 6);
  g_assert_false (mp_flow_walk_back (fixture->walk));
}

static void
test_bundled_refuses (Fixture       *fixture,
                      gconstpointer  data)
{
  /* Edge 2 leaves S3, not the current S1. */
  g_assert_cmpuint (mp_flowchart_get_edge (fixture->chart, 2)->from.index, ==, node_index (fixture, "S3"));
  g_assert_false (mp_flow_walk_choose (fixture->walk, 2));
  g_assert_false (mp_flow_walk_choose (fixture->walk, 9999));
  g_assert_false (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "S7")));
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_cmpuint (fixture->changes, ==, 0);

  g_assert_true (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "S3")));
  g_assert_cmpstr (current_id (fixture), ==, "S3");
  g_assert_true (mp_flow_walk_edge_on_path (fixture->walk, 1));
  g_assert_false (mp_flow_walk_edge_on_path (fixture->walk, 0));
}

static void
test_bundled_serialize (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *empty = mp_flow_walk_serialize (fixture->walk);
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;

  g_assert_cmpstr (empty, ==, "");
  answer (fixture, "Yes");
  answer (fixture, "Yes");
  answer (fixture, "No");
  saved = mp_flow_walk_serialize (fixture->walk);
  g_assert_cmpstr (saved, ==, "1:S1>S3,3:S3>S5,5:S5>S6");

  mp_flow_walk_restart (fixture->walk);
  fixture->changes = 0;
  g_assert_true (mp_flow_walk_restore (fixture->walk, saved));
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpstr (current_id (fixture), ==, "S6");
  again = mp_flow_walk_serialize (fixture->walk);
  g_assert_cmpstr (again, ==, saved);

  g_assert_true (mp_flow_walk_restore (fixture->walk, ""));
  g_assert_cmpstr (current_id (fixture), ==, "S1");
  g_assert_true (mp_flow_walk_restore (fixture->walk, NULL));
}

static void
test_bundled_restore_stale (Fixture       *fixture,
                            gconstpointer  data)
{
  static const char *stale[] = {
    "1:S1>S3,3:S3>S9",       /* a node that was renamed */
    "1:S1>S3,2:S1>S4",       /* an edge that does not leave the current node */
    "1:S1>S3,77:S3>S5",      /* an edge that no longer exists */
    "0:S1>S3",               /* edge 0 now leads elsewhere */
    "garbage",
    "1:S1>S3,,",
    "-1:S1>S3",
  };

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      guint changes;

      answer (fixture, "No");
      changes = fixture->changes;
      g_assert_false (mp_flow_walk_restore (fixture->walk, stale[i]));
      /* Back at the start: one "changed". */
      g_assert_cmpuint (fixture->changes, ==, changes + 1);
      g_assert_cmpstr (current_id (fixture), ==, "S1");
      g_assert_cmpuint (mp_flow_walk_get_path_edges (fixture->walk)->len, ==, 0);
    }
}

static void
test_cycles (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture_set_chart (fixture, "flowchart TD\n"
                              "  A{Again?} -->|Yes| A\n"
                              "  A -->|No| B{Loop?}\n"
                              "  B -->|Back| A\n"
                              "  B -->|Stop| C\n");
  g_assert_cmpstr (current_id (fixture), ==, "A");
  answer (fixture, "Yes");
  answer (fixture, "Yes");
  answer (fixture, "No");
  answer (fixture, "Back");
  answer (fixture, "No");
  answer (fixture, "Stop");
  path = path_text (fixture);
  g_assert_cmpstr (path, ==, "A A A B A B C");
  g_assert_true (mp_flow_walk_is_at_outcome (fixture->walk));
  for (guint i = 0; i < 6; i++)
    g_assert_true (mp_flow_walk_back (fixture->walk));
  g_assert_false (mp_flow_walk_back (fixture->walk));
  g_assert_cmpstr (current_id (fixture), ==, "A");
}

static void
test_all_entered (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Every node has an incoming edge: the walk starts at node 0. */
  fixture_set_chart (fixture, "flowchart LR\n  X --> Y --> X\n");
  g_assert_cmpstr (current_id (fixture), ==, "X");
}

static void
test_subgraphs (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_chart (fixture, "flowchart TD\n"
                              "  start[Start] ~~~ hidden\n"
                              "  hidden --> start\n"
                              "  start --> group\n"
                              "  subgraph group\n"
                              "    subgraph deeper\n"
                              "      first --> second\n"
                              "    end\n"
                              "  end\n"
                              "  group --> done\n");
  /* start is entered from hidden; invisible edges neither enter nor offer. */
  g_assert_cmpstr (current_id (fixture), ==, "hidden");
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "start")));
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "first")));
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "second")));
  /* second has no edge of its own: the edges leaving its subgraph are offered. */
  g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, node_index (fixture, "done")));
  g_assert_true (mp_flow_walk_is_at_outcome (fixture->walk));
}

static void
test_self_loop_only (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture_set_chart (fixture, "flowchart TD\n  A --> A\n");
  g_assert_cmpstr (current_id (fixture), ==, "A");
  for (guint i = 0; i < 100; i++)
    g_assert_true (mp_flow_walk_choose_node (fixture->walk, 0));
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (fixture->walk)->len, ==, 101);
  g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
}

static void
test_empty_chart (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) choices = NULL;
  g_autofree char *saved = NULL;

  fixture_set_chart (fixture, "flowchart LR\n");
  choices = mp_flow_walk_get_choices (fixture->walk);
  g_assert_cmpuint (mp_flow_walk_get_start (fixture->walk), ==, G_MAXUINT);
  g_assert_cmpuint (mp_flow_walk_get_current (fixture->walk), ==, G_MAXUINT);
  g_assert_cmpuint (choices->len, ==, 0);
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (fixture->walk)->len, ==, 0);
  g_assert_false (mp_flow_walk_is_at_outcome (fixture->walk));
  g_assert_false (mp_flow_walk_choose (fixture->walk, 0));
  g_assert_false (mp_flow_walk_choose_node (fixture->walk, 0));
  g_assert_false (mp_flow_walk_back (fixture->walk));
  saved = mp_flow_walk_serialize (fixture->walk);
  g_assert_cmpstr (saved, ==, "");
  g_assert_false (mp_flow_walk_restore (fixture->walk, "0:A>B"));
  g_assert_cmpuint (fixture->changes, ==, 0);
}

static void
fixture_set_up_none (Fixture       *fixture,
                     gconstpointer  data)
{
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/flow-walk/bundled/start", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_start, fixture_tear_down);
  g_test_add ("/flow-walk/bundled/every-path", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_every_path, fixture_tear_down);
  g_test_add ("/flow-walk/bundled/back-and-restart", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_back_and_restart, fixture_tear_down);
  g_test_add ("/flow-walk/bundled/refuses", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_refuses, fixture_tear_down);
  g_test_add ("/flow-walk/bundled/serialize", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_serialize, fixture_tear_down);
  g_test_add ("/flow-walk/bundled/restore-stale", Fixture, NULL, fixture_set_up_bundled,
              test_bundled_restore_stale, fixture_tear_down);
  g_test_add ("/flow-walk/cycles", Fixture, NULL, fixture_set_up_none, test_cycles, fixture_tear_down);
  g_test_add ("/flow-walk/all-entered", Fixture, NULL, fixture_set_up_none, test_all_entered,
              fixture_tear_down);
  g_test_add ("/flow-walk/subgraphs", Fixture, NULL, fixture_set_up_none, test_subgraphs,
              fixture_tear_down);
  g_test_add ("/flow-walk/empty-chart", Fixture, NULL, fixture_set_up_none, test_empty_chart,
              fixture_tear_down);
  g_test_add ("/flow-walk/self-loop", Fixture, NULL, fixture_set_up_none, test_self_loop_only,
              fixture_tear_down);

  return g_test_run ();
}
