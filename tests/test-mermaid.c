/* test-mermaid.c: the Mermaid flowchart parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flowchart.h"
#include "mp-flow-shape.h"
#include "mp-mermaid-parser.h"

#include <string.h>

static MpFlowchart *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  MpFlowchart *chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

static const MpFlowNode *
node (MpFlowchart *chart,
      const char  *id)
{
  int index = mp_flowchart_find_node (chart, id);

  g_assert_cmpint (index, >=, 0);
  return mp_flowchart_get_node (chart, index);
}

static const MpFlowEdge *
edge (MpFlowchart *chart,
      guint        index)
{
  g_assert_cmpuint (index, <, mp_flowchart_get_n_edges (chart));
  return mp_flowchart_get_edge (chart, index);
}

static void
assert_edge_ends (MpFlowchart *chart,
                  guint        index,
                  const char  *from,
                  const char  *to)
{
  const MpFlowEdge *e = edge (chart, index);

  g_assert_false (e->from.is_subgraph);
  g_assert_false (e->to.is_subgraph);
  g_assert_cmpstr (mp_flowchart_get_node (chart, e->from.index)->id, ==, from);
  g_assert_cmpstr (mp_flowchart_get_node (chart, e->to.index)->id, ==, to);
}

/* ---- header -------------------------------------------------------------- */

static void
test_header_directions (void)
{
  static const struct {
    const char      *text;
    MpFlowDirection  direction;
  } cases[] = {
    { "flowchart\nA", MP_FLOW_DIRECTION_TB },
    { "graph\nA", MP_FLOW_DIRECTION_TB },
    { "flowchart TB\nA", MP_FLOW_DIRECTION_TB },
    { "flowchart TD\nA", MP_FLOW_DIRECTION_TB },
    { "graph BT\nA", MP_FLOW_DIRECTION_BT },
    { "flowchart LR\nA", MP_FLOW_DIRECTION_LR },
    { "flowchart RL;A", MP_FLOW_DIRECTION_RL },
    { "graph TD;A-->B;", MP_FLOW_DIRECTION_TB },
    { "  \n\n%% comment\nflowchart LR\n", MP_FLOW_DIRECTION_LR },
    { "flowchart-elk RL\nA", MP_FLOW_DIRECTION_RL },
    { "graph >\nA", MP_FLOW_DIRECTION_LR },
    { "graph <\nA", MP_FLOW_DIRECTION_RL },
    { "graph ^\nA", MP_FLOW_DIRECTION_BT },
    { "graph v\nA", MP_FLOW_DIRECTION_TB },
    { "flowchart TD %% comment\nA", MP_FLOW_DIRECTION_TB },
    { "flowchart TD\ndirection BT\nA", MP_FLOW_DIRECTION_BT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpFlowchart) chart = parse_ok (cases[i].text);

      g_assert_cmpint (mp_flowchart_get_direction (chart), ==, cases[i].direction);
    }
}

static void
test_header_front_matter (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("---\n"
                                           "title: \"Is it worth it?\"\n"
                                           "config:\n"
                                           "  theme: forest\n"
                                           "---\n"
                                           "%%{init: {\"flowchart\": {\"curve\": \"basis\"}}}%%\n"
                                           "flowchart LR\n"
                                           "  A --> B\n");

  g_assert_cmpstr (mp_flowchart_get_title (chart), ==, "Is it worth it?");
  g_assert_cmpint (mp_flowchart_get_direction (chart), ==, MP_FLOW_DIRECTION_LR);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 2);
  g_assert_cmpstr (node (chart, "A")->label, ==, "A");
  g_assert_cmpuint (node (chart, "A")->line, ==, 8);
  g_assert_cmpuint (node (chart, "B")->column, ==, 9);
}

static void
test_header_crlf (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("---\r\ntitle: Windows\r\n---\r\n"
                                           "flowchart LR\r\n"
                                           "  A[Start] -->|Yes| B{Q}\r\n"
                                           "  subgraph s1 [Box]\r\n"
                                           "    C -- lbl --> D\r\n"
                                           "  end\r\n"
                                           "  E[two\r\n  lines]\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) broken = NULL;

  g_assert_cmpstr (mp_flowchart_get_title (chart), ==, "Windows");
  g_assert_cmpstr (edge (chart, 0)->label, ==, "Yes");
  g_assert_cmpstr (edge (chart, 1)->label, ==, "lbl");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 0)->title, ==, "Box");
  g_assert_cmpstr (node (chart, "E")->label, ==, "two lines");
  g_assert_cmpuint (node (chart, "B")->line, ==, 5);

  broken = mp_flowchart_parse ("flowchart LR\r\n  A[oops\r\n", -1, 1, NULL, NULL, &error);
  g_assert_null (broken);
  g_assert_cmpstr (error->message, ==, "2:4: “[” is never closed: expected “]” (near “[oops”)");
}

static void
test_header_accessibility (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  accTitle: Decision flow\n"
                                           "  accDescr {\n"
                                           "    From the first question\n"
                                           "    to an outcome.\n"
                                           "  }\n"
                                           "  A --> B\n");

  g_assert_cmpstr (mp_flowchart_get_acc_title (chart), ==, "Decision flow");
  g_assert_cmpstr (mp_flowchart_get_acc_description (chart), ==,
                   "From the first question\nto an outcome.");
  g_clear_object (&chart);

  chart = parse_ok ("graph\naccDescr: One line\nA");
  g_assert_cmpstr (mp_flowchart_get_acc_description (chart), ==, "One line");
  g_assert_null (mp_flowchart_get_acc_title (chart));
}

/* ---- shapes -------------------------------------------------------------- */

static void
test_shapes_brackets (void)
{
  static const struct {
    const char  *text;
    MpNodeShape  shape;
    const char  *label;
  } cases[] = {
    { "A[rect]", MP_NODE_SHAPE_RECT, "rect" },
    { "A(round)", MP_NODE_SHAPE_ROUND, "round" },
    { "A([stadium])", MP_NODE_SHAPE_STADIUM, "stadium" },
    { "A[[subroutine]]", MP_NODE_SHAPE_SUBROUTINE, "subroutine" },
    { "A[(cylinder)]", MP_NODE_SHAPE_CYLINDER, "cylinder" },
    { "A((circle))", MP_NODE_SHAPE_CIRCLE, "circle" },
    { "A(((double circle)))", MP_NODE_SHAPE_DOUBLE_CIRCLE, "double circle" },
    { "A{diamond}", MP_NODE_SHAPE_DIAMOND, "diamond" },
    { "A{{hexagon}}", MP_NODE_SHAPE_HEXAGON, "hexagon" },
    { "A>asymmetric]", MP_NODE_SHAPE_ASYMMETRIC, "asymmetric" },
    { "A[/parallelogram/]", MP_NODE_SHAPE_PARALLELOGRAM, "parallelogram" },
    { "A[\\alt\\]", MP_NODE_SHAPE_PARALLELOGRAM_ALT, "alt" },
    { "A[/trapezoid\\]", MP_NODE_SHAPE_TRAPEZOID, "trapezoid" },
    { "A[\\inverted/]", MP_NODE_SHAPE_TRAPEZOID_ALT, "inverted" },
    { "A[ spaced  ]", MP_NODE_SHAPE_RECT, "spaced" },
    { "A[/path]", MP_NODE_SHAPE_RECT, "/path" },
    { "A(-ellipse-)", MP_NODE_SHAPE_ELLIPSE, "ellipse" },
    { "A(-minus)", MP_NODE_SHAPE_ROUND, "-minus" },
    { "A[\"[/quoted/]\"]", MP_NODE_SHAPE_RECT, "[/quoted/]" },
    { "A[/\"quoted\"\\]", MP_NODE_SHAPE_TRAPEZOID, "quoted" },
    { "A[\"text (with) parens\"]", MP_NODE_SHAPE_RECT, "text (with) parens" },
    { "A[|borders:lt|with props]", MP_NODE_SHAPE_RECT, "with props" },
    { "A[Label over\n     two lines]", MP_NODE_SHAPE_RECT, "Label over two lines" },
    { "A[\"Quoted over\n   two lines\"]", MP_NODE_SHAPE_RECT, "Quoted over\ntwo lines" },
    { "A", MP_NODE_SHAPE_RECT, "A" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("flowchart TD\n  ", cases[i].text, "\n", NULL);
      g_autoptr(MpFlowchart) chart = parse_ok (text);

      g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 1);
      g_assert_cmpint (node (chart, "A")->shape, ==, cases[i].shape);
      g_assert_cmpstr (node (chart, "A")->label, ==, cases[i].label);
    }
}

static void
test_shapes_named (void)
{
  static const struct {
    const char  *name;
    MpNodeShape  shape;
  } cases[] = {
    { "rect", MP_NODE_SHAPE_RECT }, { "rounded", MP_NODE_SHAPE_ROUND },
    { "stadium", MP_NODE_SHAPE_STADIUM }, { "fr-rect", MP_NODE_SHAPE_SUBROUTINE },
    { "subroutine", MP_NODE_SHAPE_SUBROUTINE }, { "cyl", MP_NODE_SHAPE_CYLINDER },
    { "db", MP_NODE_SHAPE_CYLINDER }, { "circle", MP_NODE_SHAPE_CIRCLE },
    { "circ", MP_NODE_SHAPE_CIRCLE }, { "dbl-circ", MP_NODE_SHAPE_DOUBLE_CIRCLE },
    { "diamond", MP_NODE_SHAPE_DIAMOND }, { "decision", MP_NODE_SHAPE_DIAMOND },
    { "question", MP_NODE_SHAPE_DIAMOND }, { "hex", MP_NODE_SHAPE_HEXAGON },
    { "lean-r", MP_NODE_SHAPE_PARALLELOGRAM }, { "lean-l", MP_NODE_SHAPE_PARALLELOGRAM_ALT },
    { "trap-b", MP_NODE_SHAPE_TRAPEZOID }, { "trap-t", MP_NODE_SHAPE_TRAPEZOID_ALT },
    { "odd", MP_NODE_SHAPE_ASYMMETRIC }, { "cloud", MP_NODE_SHAPE_CLOUD },
    { "doc", MP_NODE_SHAPE_DOCUMENT }, { "disk", MP_NODE_SHAPE_LINED_CYLINDER },
    { "no-such-shape", MP_NODE_SHAPE_RECT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("flowchart TD\n  A@{ shape: %s, label: \"Text, with comma\" }\n",
                                               cases[i].name);
      g_autoptr(MpFlowchart) chart = parse_ok (text);

      g_assert_cmpint (node (chart, "A")->shape, ==, cases[i].shape);
      g_assert_cmpstr (node (chart, "A")->label, ==, "Text, with comma");
    }
}

/* Every name of Mermaid's registry parses without a warning, to a shape
 * whose own name is one of the names; every shape but the ellipse has one. */
static void
test_shapes_registry (void)
{
  const char **names = mp_flow_shape_list_names ();
  gboolean seen[MP_N_NODE_SHAPES] = { FALSE };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("flowchart TD\n  A@{ shape: %s }\n", names[i]);
      g_autoptr(MpFlowchart) chart = parse_ok (text);
      MpNodeShape shape = node (chart, "A")->shape;
      MpNodeShape again;
      g_autofree char *lower = g_ascii_strdown (names[i], -1);
      /* Mermaid's internal spellings: not lower case, or with "_" */
      gboolean internal = strchr (names[i], '_') != NULL || !g_str_equal (lower, names[i]);

      g_assert_cmpuint (mp_flowchart_get_n_warnings (chart), ==, internal ? 1 : 0);
      g_assert_cmpint (mp_flow_shape_lookup (mp_flow_shape_get_name (shape), &again), ==, MP_SHAPE_NAME_VALID);
      g_assert_cmpint (again, ==, shape);
      seen[shape] = TRUE;
    }
  for (guint s = 0; s < MP_N_NODE_SHAPES; s++)
    g_assert_true (seen[s] || s == MP_NODE_SHAPE_ELLIPSE);
}

static void
test_shapes_named_multiline (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A@{\n"
                                           "    shape: diam\n"
                                           "    label: Ready?\n"
                                           "  } --> B@{ shape: \"stadium\" }\n");

  g_assert_cmpint (node (chart, "A")->shape, ==, MP_NODE_SHAPE_DIAMOND);
  g_assert_cmpstr (node (chart, "A")->label, ==, "Ready?");
  g_assert_cmpint (node (chart, "B")->shape, ==, MP_NODE_SHAPE_STADIUM);
  g_assert_cmpstr (node (chart, "B")->label, ==, "B");
  assert_edge_ends (chart, 0, "A", "B");
}

static void
test_shapes_data_forms (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TB\n"
                                           "  A@{\n"
                                           "    label: |\n"
                                           "      This is a\n"
                                           "      multiline string\n"
                                           "    other: \"clock\"\n"
                                           "  }\n"
                                           "  C[Hello]@{\n"
                                           "    shape: circle\n"
                                           "  }\n"
                                           "  D@{ label: \"It's, fine\", shape: hex } --> E@{ label: It's plain }\n"
                                           "  F@{ label: >\n"
                                           "      folded\n"
                                           "      text\n"
                                           "  }\n"
                                           "  A_node-->odd->Vertex Text]\n");

  g_assert_cmpstr (node (chart, "A")->label, ==, "This is a\nmultiline string");
  g_assert_cmpint (node (chart, "C")->shape, ==, MP_NODE_SHAPE_CIRCLE);
  g_assert_cmpstr (node (chart, "C")->label, ==, "Hello");
  g_assert_cmpstr (node (chart, "D")->label, ==, "It's, fine");
  g_assert_cmpint (node (chart, "D")->shape, ==, MP_NODE_SHAPE_HEXAGON);
  g_assert_cmpstr (node (chart, "E")->label, ==, "It's plain");
  g_assert_cmpstr (node (chart, "F")->label, ==, "folded text");
  /* As in Mermaid, "odd->text]" is node "odd-" with an asymmetric shape. */
  g_assert_cmpint (node (chart, "odd-")->shape, ==, MP_NODE_SHAPE_ASYMMETRIC);
  g_assert_cmpstr (node (chart, "odd-")->label, ==, "Vertex Text");
}

static void
test_shapes_labels (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A[\"Quoted (with) [brackets]\"]\n"
                                           "  B[\"A #quot;quote#quot; and #35; and #amp;\"]\n"
                                           "  C[Line one<br>two<br/>three<br />four]\n"
                                           "  D[\"`**Bold** and _italic_ text`\"]\n"
                                           "  E[x < y & z]\n"
                                           "  F[<b>html</b> bold]\n"
                                           "  G[\"`snake_case_name`\"]\n"
                                           "  H[\"`two\nlines`\"]\n");

  g_assert_cmpstr (node (chart, "A")->label, ==, "Quoted (with) [brackets]");
  g_assert_cmpstr (node (chart, "B")->label, ==, "A \"quote\" and # and &");
  g_assert_cmpstr (node (chart, "B")->label_markup, ==, "A &quot;quote&quot; and # and &amp;");
  g_assert_cmpstr (node (chart, "C")->label, ==, "Line one\ntwo\nthree\nfour");
  g_assert_cmpstr (node (chart, "D")->label, ==, "Bold and italic text");
  g_assert_cmpstr (node (chart, "D")->label_markup, ==, "<b>Bold</b> and <i>italic</i> text");
  g_assert_cmpstr (node (chart, "E")->label, ==, "x < y & z");
  g_assert_cmpstr (node (chart, "E")->label_markup, ==, "x &lt; y &amp; z");
  g_assert_cmpstr (node (chart, "F")->label, ==, "html bold");
  g_assert_cmpstr (node (chart, "F")->label_markup, ==, "<b>html</b> bold");
  g_assert_cmpstr (node (chart, "G")->label, ==, "snake_case_name");
  g_assert_cmpstr (node (chart, "H")->label, ==, "two\nlines");
}

static void
test_shapes_markdown (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A[\"`The **cat**\n    in the _hat_`\"]\n"
                                           "  B@{ label: \"Data\n      label\" }\n"
                                           "  C[\"`**unclosed bold`\"]\n"
                                           "  D[\"`__under__ and *star* <b>x</b>`\"]\n"
                                           "  E[\"`a ** b`\"]\n");

  g_assert_cmpstr (node (chart, "A")->label, ==, "The cat\nin the hat");
  g_assert_cmpstr (node (chart, "A")->label_markup, ==, "The <b>cat</b>\nin the <i>hat</i>");
  g_assert_cmpstr (node (chart, "B")->label, ==, "Data\nlabel");
  g_assert_cmpstr (node (chart, "C")->label, ==, "**unclosed bold");
  g_assert_cmpstr (node (chart, "D")->label, ==, "under and star x");
  g_assert_cmpstr (node (chart, "D")->label_markup, ==, "<b>under</b> and <i>star</i> <b>x</b>");
  g_assert_cmpstr (node (chart, "E")->label, ==, "a ** b");
}

static void
test_shapes_html (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A[<span style='color:red'>red</span> text]\n"
                                           "  B[fa:fa-car Car and fab:fa-twitter bird]\n"
                                           "  C[x < y > z]\n"
                                           "  D[<b>bold <i>both</b> italic</i>]\n"
                                           "  E[\"a #9829; b #x; c #nosuchentity; d #0;\"]\n");

  g_assert_cmpstr (node (chart, "A")->label, ==, "red text");
  g_assert_cmpstr (node (chart, "B")->label, ==, "Car and bird");
  g_assert_cmpstr (node (chart, "C")->label, ==, "x < y > z");
  g_assert_cmpstr (node (chart, "C")->label_markup, ==, "x &lt; y &gt; z");
  /* Badly nested tags never make bad markup. */
  g_assert_cmpstr (node (chart, "D")->label, ==, "bold both italic");
  g_assert_cmpstr (node (chart, "D")->label_markup, ==, "<b>bold <i>both italic</i></b>");
  g_assert_cmpstr (node (chart, "E")->label, ==, "a \u2665 b #x; c #nosuchentity; d #0;");
}

static void
test_shapes_ids (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("graph LR\n"
                                           "  a-b --> c.d --> e=f\n"
                                           "  x!y --> z/w\n"
                                           "  1 --> 2\n"
                                           "  Ärger --> ünïcode\n");

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 9);
  assert_edge_ends (chart, 0, "a-b", "c.d");
  assert_edge_ends (chart, 1, "c.d", "e=f");
  assert_edge_ends (chart, 2, "x!y", "z/w");
  assert_edge_ends (chart, 3, "1", "2");
  assert_edge_ends (chart, 4, "Ärger", "ünïcode");
  g_assert_cmpuint (node (chart, "ünïcode")->column, ==, 13);
}

static void
test_shapes_merge (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A{First} --> B\n"
                                           "  A --> C\n"
                                           "  B[Second] --> A(Renamed)\n");

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 3);
  g_assert_cmpstr (node (chart, "A")->label, ==, "Renamed");
  g_assert_cmpint (node (chart, "A")->shape, ==, MP_NODE_SHAPE_ROUND);
  g_assert_cmpuint (node (chart, "A")->line, ==, 2);
  g_assert_cmpuint (node (chart, "A")->column, ==, 3);
  g_assert_cmpstr (node (chart, "B")->label, ==, "Second");
  g_assert_cmpuint (node (chart, "B")->index, ==, 1);
}

/* ---- edges --------------------------------------------------------------- */

static void
test_edges_kinds (void)
{
  static const struct {
    const char   *arrow;
    MpEdgeStroke  stroke;
    MpEdgeEnd     start;
    MpEdgeEnd     end;
    guint         length;
  } cases[] = {
    { "-->", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 1 },
    { "---", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_NONE, 1 },
    { "--->", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 2 },
    { "----", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_NONE, 2 },
    { "----->", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 4 },
    { "-.->", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 1 },
    { "-.-", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_NONE, MP_EDGE_END_NONE, 1 },
    { "-..->", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 2 },
    { "==>", MP_EDGE_STROKE_THICK, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 1 },
    { "===", MP_EDGE_STROKE_THICK, MP_EDGE_END_NONE, MP_EDGE_END_NONE, 1 },
    { "====>", MP_EDGE_STROKE_THICK, MP_EDGE_END_NONE, MP_EDGE_END_ARROW, 3 },
    { "~~~", MP_EDGE_STROKE_INVISIBLE, MP_EDGE_END_NONE, MP_EDGE_END_NONE, 1 },
    { "--o", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_CIRCLE, 1 },
    { "--x", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, MP_EDGE_END_CROSS, 1 },
    { "<-->", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, MP_EDGE_END_ARROW, 1 },
    { "o--o", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_CIRCLE, MP_EDGE_END_CIRCLE, 1 },
    { "x--x", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_CROSS, MP_EDGE_END_CROSS, 1 },
    { "<==>", MP_EDGE_STROKE_THICK, MP_EDGE_END_ARROW, MP_EDGE_END_ARROW, 1 },
    { "<-.->", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_ARROW, MP_EDGE_END_ARROW, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint spaced = 0; spaced < 2; spaced++)
      {
        g_autofree char *text = g_strdup_printf ("flowchart LR\n  A%s%s%sB\n", spaced ? " " : "",
                                                 cases[i].arrow, spaced ? " " : "");
        g_autoptr(MpFlowchart) chart = NULL;
        const MpFlowEdge *e;

        /* "Ao--oB" is node "Ao", as in Mermaid: o and x starts need a space. */
        if (!spaced && (cases[i].arrow[0] == 'o' || cases[i].arrow[0] == 'x'))
          continue;
        g_test_message ("%s", text);
        chart = parse_ok (text);
        g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 1);
        assert_edge_ends (chart, 0, "A", "B");
        e = edge (chart, 0);
        g_assert_cmpint (e->stroke, ==, cases[i].stroke);
        g_assert_cmpint (e->start_end, ==, cases[i].start);
        g_assert_cmpint (e->end_end, ==, cases[i].end);
        g_assert_cmpuint (e->length, ==, cases[i].length);
        g_assert_null (e->label);
        g_assert_null (e->id);
      }
}

static void
test_edges_labels (void)
{
  static const struct {
    const char   *text;
    const char   *label;
    MpEdgeStroke  stroke;
    MpEdgeEnd     end;
    guint         length;
  } cases[] = {
    { "A -->|Yes| B", "Yes", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 1 },
    { "A-->|Yes|B", "Yes", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 1 },
    { "A --> |\"Quoted | pipe\"| B", "Quoted | pipe", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 1 },
    { "A -- Yes --> B", "Yes", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 1 },
    { "A -- two words ---> B", "two words", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 2 },
    { "A -- open --- B", "open", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, 1 },
    { "A -. maybe .-> B", "maybe", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_ARROW, 1 },
    { "A -. far ..-> B", "far", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_ARROW, 2 },
    { "A == sure ==> B", "sure", MP_EDGE_STROKE_THICK, MP_EDGE_END_ARROW, 1 },
    { "A == \"well-known\" ==> B", "well-known", MP_EDGE_STROKE_THICK, MP_EDGE_END_ARROW, 1 },
    { "A -.->|dot| B", "dot", MP_EDGE_STROKE_DOTTED, MP_EDGE_END_ARROW, 1 },
    { "A ---|line| B", "line", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_NONE, 1 },
    { "A -->|a<br>b #35;1| B", "a\nb #1", MP_EDGE_STROKE_NORMAL, MP_EDGE_END_ARROW, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("flowchart LR\n  ", cases[i].text, "\n", NULL);
      g_autoptr(MpFlowchart) chart = parse_ok (text);
      const MpFlowEdge *e;

      g_test_message ("%s", text);
      g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 1);
      assert_edge_ends (chart, 0, "A", "B");
      e = edge (chart, 0);
      g_assert_cmpstr (e->label, ==, cases[i].label);
      g_assert_cmpint (e->stroke, ==, cases[i].stroke);
      g_assert_cmpint (e->end_end, ==, cases[i].end);
      g_assert_cmpuint (e->length, ==, cases[i].length);
    }
}

static void
test_edges_more_forms (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A .-> B\n"
                                           "  A ~~~|hidden| C\n"
                                           "  A -->|\"over\n   | two\"| D\n"
                                           "  A -- \"quoted -- text\" --> E\n"
                                           "  A --text with - dash--> F\n"
                                           "  A --> G %% a comment after a statement\n"
                                           "  %% a comment on its own line\n"
                                           "  A---oH\n");

  g_assert_cmpint (edge (chart, 0)->stroke, ==, MP_EDGE_STROKE_DOTTED);
  g_assert_cmpint (edge (chart, 1)->stroke, ==, MP_EDGE_STROKE_INVISIBLE);
  g_assert_cmpstr (edge (chart, 1)->label, ==, "hidden");
  g_assert_cmpstr (edge (chart, 2)->label, ==, "over\n| two");
  g_assert_cmpstr (edge (chart, 3)->label, ==, "quoted -- text");
  g_assert_cmpstr (edge (chart, 4)->label, ==, "text with - dash");
  assert_edge_ends (chart, 5, "A", "G");
  /* As in Mermaid, "---o" is a circle end with one extra dash. */
  assert_edge_ends (chart, 6, "A", "H");
  g_assert_cmpint (edge (chart, 6)->end_end, ==, MP_EDGE_END_CIRCLE);
  g_assert_cmpuint (edge (chart, 6)->length, ==, 2);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 8);
}

static void
test_edges_chains (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart LR\n"
                                           "  A --> B --> C\n"
                                           "  D & E --> F & G\n"
                                           "  H -->|x| I -- y --> J\n");

  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 8);
  assert_edge_ends (chart, 0, "A", "B");
  assert_edge_ends (chart, 1, "B", "C");
  assert_edge_ends (chart, 2, "D", "F");
  assert_edge_ends (chart, 3, "D", "G");
  assert_edge_ends (chart, 4, "E", "F");
  assert_edge_ends (chart, 5, "E", "G");
  assert_edge_ends (chart, 6, "H", "I");
  g_assert_cmpstr (edge (chart, 6)->label, ==, "x");
  assert_edge_ends (chart, 7, "I", "J");
  g_assert_cmpstr (edge (chart, 7)->label, ==, "y");
  g_assert_cmpuint (edge (chart, 7)->line, ==, 4);
  g_assert_cmpuint (edge (chart, 7)->column, ==, 14);
}

static void
test_edges_ids (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart LR\n"
                                           "  A e1@--> B e2@-.-> C\n"
                                           "  e1@{ animate: true }\n"
                                           "  C e3@o--o D\n");

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 4);
  g_assert_cmpstr (edge (chart, 0)->id, ==, "e1");
  g_assert_cmpstr (edge (chart, 1)->id, ==, "e2");
  g_assert_cmpint (edge (chart, 1)->stroke, ==, MP_EDGE_STROKE_DOTTED);
  assert_edge_ends (chart, 1, "B", "C");
  g_assert_cmpstr (edge (chart, 2)->id, ==, "e3");
  g_assert_cmpint (edge (chart, 2)->start_end, ==, MP_EDGE_END_CIRCLE);
}

static void
test_edges_cycles (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\nA --> A\nA --> B --> A\n");
  g_autoptr(GArray) out = mp_flowchart_get_out_edges (chart, 0);

  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 3);
  assert_edge_ends (chart, 0, "A", "A");
  g_assert_cmpuint (out->len, ==, 2);
  g_assert_cmpuint (g_array_index (out, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (out, guint, 1), ==, 1);
}

static void
test_edges_kinds_of_nodes (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  Q{Q} -->|Yes| S --> O\n"
                                           "  Q -->|No| O\n"
                                           "  O ~~~ Q\n"
                                           "  T -->|only one| O\n");

  g_assert_cmpint (node (chart, "Q")->kind, ==, MP_NODE_KIND_QUESTION);
  g_assert_cmpint (node (chart, "S")->kind, ==, MP_NODE_KIND_STEP);
  g_assert_cmpint (node (chart, "O")->kind, ==, MP_NODE_KIND_OUTCOME);
  g_assert_cmpint (node (chart, "T")->kind, ==, MP_NODE_KIND_STEP);
}

static void
test_edges_long_chain (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart LR\n");
  g_autoptr(MpFlowchart) chart = NULL;

  for (guint i = 1; i <= 10000; i++)
    g_string_append_printf (text, i > 1 ? "-->A%u" : "A%u", i);
  g_string_append_c (text, '\n');
  chart = parse_ok (text->str);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 10000);
  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 9999);
  assert_edge_ends (chart, 9998, "A9999", "A10000");
  /* The last node ends just before the final new line. */
  g_assert_cmpuint (node (chart, "A10000")->column, ==,
                    text->len - strlen ("flowchart LR\n") - strlen ("A10000\n") + 1);
}

/* ---- subgraphs ----------------------------------------------------------- */

static void
test_subgraph_forms (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TB\n"
                                           "  subgraph one [First one]\n"
                                           "    a1 --> a2\n"
                                           "  end\n"
                                           "  subgraph two[\"`**Second** #35;2`\"]\n"
                                           "    b1\n"
                                           "  end\n"
                                           "  subgraph \"Quoted title\"\n"
                                           "    c1\n"
                                           "  end\n"
                                           "  subgraph three with spaces\n"
                                           "    d1\n"
                                           "  end\n"
                                           "  subgraph four\n"
                                           "    e1\n"
                                           "  end\n"
                                           "  subgraph\n"
                                           "    f1\n"
                                           "  end\n");
  const MpFlowSubgraph *s;

  g_assert_cmpuint (mp_flowchart_get_n_subgraphs (chart), ==, 6);
  s = mp_flowchart_get_subgraph (chart, 0);
  g_assert_cmpstr (s->id, ==, "one");
  g_assert_cmpstr (s->title, ==, "First one");
  g_assert_cmpint (s->parent, ==, -1);
  g_assert_cmpuint (s->nodes->len, ==, 2);
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 1)->title, ==, "Second #2");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 1)->title_markup, ==, "<b>Second</b> #2");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 2)->title, ==, "Quoted title");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 3)->title, ==, "three with spaces");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 3)->id, ==, "subGraph1");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 4)->id, ==, "four");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 4)->title, ==, "four");
  g_assert_cmpint (node (chart, "d1")->subgraph, ==, 3);
  /* Mermaid accepts a subgraph with neither id nor title. */
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 5)->id, ==, "subGraph2");
  g_assert_cmpstr (mp_flowchart_get_subgraph (chart, 5)->title, ==, "");
  g_assert_cmpint (node (chart, "f1")->subgraph, ==, 5);
  g_assert_cmpint (mp_flowchart_find_subgraph (chart, "two"), ==, 1);
}

static void
test_subgraph_nested (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart LR\n"
                                           "  top --> outer\n"
                                           "  subgraph outer\n"
                                           "    direction TB\n"
                                           "    subgraph inner\n"
                                           "      direction RL\n"
                                           "      i1 --> i2\n"
                                           "    end\n"
                                           "    o1 --> inner\n"
                                           "  end\n"
                                           "  inner --> after\n");
  const MpFlowSubgraph *outer = mp_flowchart_get_subgraph (chart, 0);
  const MpFlowSubgraph *inner = mp_flowchart_get_subgraph (chart, 1);
  MpFlowEndpoint to_outer = { 0, TRUE };

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 5);
  g_assert_cmpint (mp_flowchart_find_node (chart, "outer"), ==, -1);
  g_assert_cmpint (inner->parent, ==, 0);
  g_assert_true (outer->has_direction);
  g_assert_cmpint (outer->direction, ==, MP_FLOW_DIRECTION_TB);
  g_assert_cmpint (inner->direction, ==, MP_FLOW_DIRECTION_RL);
  g_assert_cmpint (node (chart, "i1")->subgraph, ==, 1);
  g_assert_cmpint (node (chart, "o1")->subgraph, ==, 0);
  g_assert_cmpint (node (chart, "top")->subgraph, ==, -1);
  g_assert_true (edge (chart, 0)->to.is_subgraph);
  g_assert_cmpuint (edge (chart, 0)->to.index, ==, 0);
  g_assert_true (edge (chart, 2)->to.is_subgraph);
  g_assert_cmpuint (edge (chart, 2)->to.index, ==, 1);
  g_assert_true (edge (chart, 3)->from.is_subgraph);
  /* An edge into "outer" reaches its first declared node, nested ones included. */
  g_assert_cmpint (mp_flowchart_resolve_endpoint (chart, &to_outer), ==, mp_flowchart_find_node (chart, "i1"));
}

static void
test_subgraph_membership (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  top --> a\n"
                                           "  subgraph outer\n"
                                           "    a --> b\n"
                                           "    subgraph inner\n"
                                           "      a\n"
                                           "    end\n"
                                           "  end\n"
                                           "  subgraph later\n"
                                           "    b --> c\n"
                                           "  end\n");

  /* The innermost subgraph that names a node gets it; then the first one. */
  g_assert_cmpint (node (chart, "a")->subgraph, ==, 1);
  g_assert_cmpint (node (chart, "b")->subgraph, ==, 0);
  g_assert_cmpint (node (chart, "c")->subgraph, ==, 2);
  g_assert_cmpint (node (chart, "top")->subgraph, ==, -1);
  g_assert_cmpuint (mp_flowchart_get_subgraph (chart, 0)->nodes->len, ==, 1);
  g_assert_cmpuint (g_array_index (mp_flowchart_get_subgraph (chart, 0)->nodes, guint, 0), ==,
                    mp_flowchart_find_node (chart, "b"));
}

static void
test_subgraph_named_inside (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TB\n"
                                           "  subgraph A\n"
                                           "    b --> B\n"
                                           "    a\n"
                                           "  end\n"
                                           "  a --> c\n"
                                           "  subgraph B\n"
                                           "    c\n"
                                           "  end\n"
                                           "  subgraph X\n"
                                           "    Y\n"
                                           "  end\n"
                                           "  subgraph Y\n"
                                           "    X\n"
                                           "  end\n");

  /* As in Mermaid, naming subgraph B inside A nests B in A. */
  g_assert_cmpint (mp_flowchart_get_subgraph (chart, 1)->parent, ==, 0);
  g_assert_cmpint (mp_flowchart_get_subgraph (chart, 0)->parent, ==, -1);
  g_assert_cmpint (node (chart, "c")->subgraph, ==, 1);
  g_assert_true (edge (chart, 0)->to.is_subgraph);
  /* Naming each other never makes a cycle: X holds Y, not the reverse. */
  g_assert_cmpint (mp_flowchart_get_subgraph (chart, 3)->parent, ==, 2);
  g_assert_cmpint (mp_flowchart_get_subgraph (chart, 2)->parent, ==, -1);
}

/* ---- styles -------------------------------------------------------------- */

static void
test_style_classes (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A:::hot-->B & C\n"
                                           "  classDef hot fill:#f9f,stroke:#333,stroke-width:4px,color:#fff,stroke-dasharray: 5 5\n"
                                           "  classDef cold,calm fill:rgb(0, 0, 255),stroke:blue;\n"
                                           "  classDef default fill:#eee\n"
                                           "  class B,C cold\n"
                                           "  class C hot\n"
                                           "  style C fill:#000\n"
                                           "  style B red,stroke-dasharray:2,2\n"
                                           "  D\n");
  const MpFlowNode *a = node (chart, "A");
  const MpFlowNode *b = node (chart, "B");
  const MpFlowNode *c = node (chart, "C");
  const MpFlowNode *d = node (chart, "D");

  g_assert_cmpstr (a->classes[0], ==, "hot");
  g_assert_null (a->classes[1]);
  g_assert_cmpstr (a->style.fill, ==, "#f9f");
  g_assert_cmpstr (a->style.stroke, ==, "#333");
  g_assert_cmpstr (a->style.color, ==, "#fff");
  g_assert_cmpstr (a->style.stroke_dasharray, ==, "5 5");
  g_assert_cmpfloat (a->style.stroke_width, ==, 4);
  g_assert_cmpstr (b->style.fill, ==, "rgb(0, 0, 255)");
  g_assert_cmpstr (b->style.stroke, ==, "blue");
  /* Mermaid accepts a style part without a colon; a later one continues a value. */
  g_assert_cmpstr (b->style.stroke_dasharray, ==, "2,2");
  g_assert_cmpfloat (b->style.stroke_width, ==, -1);
  g_assert_cmpstr (c->classes[0], ==, "cold");
  g_assert_cmpstr (c->classes[1], ==, "hot");
  g_assert_cmpstr (c->style.fill, ==, "#000");
  g_assert_cmpstr (c->style.stroke, ==, "#333");
  g_assert_cmpstr (d->style.fill, ==, "#eee");
  g_assert_null (d->style.stroke);
  g_assert_nonnull (d->classes);
  g_assert_null (d->classes[0]);
}

static void
test_style_default_class (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A:::red --> B --> C:::nothing\n"
                                           "  classDef default fill:#111,stroke:#222\n"
                                           "  classDef red fill:#f00\n"
                                           "  style Z fill:#0f0\n"
                                           "  class nosuchnode red\n");

  /* "default" styles only the nodes that no defined class styles. */
  g_assert_cmpstr (node (chart, "A")->style.fill, ==, "#f00");
  g_assert_null (node (chart, "A")->style.stroke);
  g_assert_cmpstr (node (chart, "B")->style.fill, ==, "#111");
  g_assert_cmpstr (node (chart, "C")->style.stroke, ==, "#222");
  /* "style" declares the node it names, as in Mermaid. */
  g_assert_cmpstr (node (chart, "Z")->style.fill, ==, "#0f0");
  g_assert_cmpstr (node (chart, "Z")->style.stroke, ==, "#222");
  g_assert_cmpint (mp_flowchart_find_node (chart, "nosuchnode"), ==, -1);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 4);
}

static void
test_style_link_style (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A --> B --> C --> D\n"
                                           "  linkStyle default stroke:#999,stroke-width:1px\n"
                                           "  linkStyle 0,2 stroke:#f00,stroke-width:3\n"
                                           "  linkStyle 1 interpolate basis stroke-dasharray:3 3\n");

  g_assert_cmpstr (edge (chart, 0)->style.stroke, ==, "#f00");
  g_assert_cmpfloat (edge (chart, 0)->style.stroke_width, ==, 3);
  g_assert_cmpstr (edge (chart, 1)->style.stroke, ==, "#999");
  g_assert_cmpstr (edge (chart, 1)->style.stroke_dasharray, ==, "3 3");
  g_assert_cmpfloat (edge (chart, 1)->style.stroke_width, ==, 1);
  g_assert_cmpstr (edge (chart, 2)->style.stroke, ==, "#f00");
}

static void
test_style_edge_classes (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart LR\n"
                                           "  A e1@--> B e2@--> C\n"
                                           "  classDef animate stroke-dasharray: 9,5,stroke-dashoffset: 900,stroke:#f00\n"
                                           "  class e1 animate\n"
                                           "  linkStyle 0 stroke:#00f\n");

  g_assert_cmpstr (edge (chart, 0)->classes[0], ==, "animate");
  g_assert_cmpstr (edge (chart, 0)->style.stroke_dasharray, ==, "9,5");
  /* linkStyle comes after classes. */
  g_assert_cmpstr (edge (chart, 0)->style.stroke, ==, "#00f");
  g_assert_null (edge (chart, 1)->classes[0]);
  g_assert_null (edge (chart, 1)->style.stroke);
}

static void
test_style_subgraph (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  subgraph s1 [Box]\n    A\n  end\n"
                                           "  classDef boxed stroke:#00f\n"
                                           "  class s1 boxed\n"
                                           "  style s1 fill:#ffe\n");
  const MpFlowSubgraph *s = mp_flowchart_get_subgraph (chart, 0);

  g_assert_cmpstr (s->classes[0], ==, "boxed");
  g_assert_cmpstr (s->style.stroke, ==, "#00f");
  g_assert_cmpstr (s->style.fill, ==, "#ffe");
}

static void
test_style_click (void)
{
  g_autoptr(MpFlowchart) chart = parse_ok ("flowchart TD\n"
                                           "  A --> B --> C --> D --> E\n"
                                           "  click A \"https://example.org/a\"\n"
                                           "  click B href \"https://example.org/b\" \"Open B\" _blank\n"
                                           "  click C callback \"Call C\"\n"
                                           "  click D call doIt(1, 2) \"Call D\"\n"
                                           "  click E \"javascript:alert(1)\" \"Nope\"\n");

  g_assert_cmpstr (node (chart, "A")->link, ==, "https://example.org/a");
  g_assert_null (node (chart, "A")->tooltip);
  g_assert_cmpstr (node (chart, "B")->link, ==, "https://example.org/b");
  g_assert_cmpstr (node (chart, "B")->tooltip, ==, "Open B");
  g_assert_null (node (chart, "C")->link);
  g_assert_cmpstr (node (chart, "C")->tooltip, ==, "Call C");
  g_assert_cmpstr (node (chart, "D")->tooltip, ==, "Call D");
  g_assert_null (node (chart, "E")->link);
  g_assert_cmpstr (node (chart, "E")->tooltip, ==, "Nope");
}

/* ---- errors -------------------------------------------------------------- */

static void
test_errors_messages (void)
{
  static const struct {
    const char *text;
    const char *message;
    guint       line;
    guint       column;
  } cases[] = {
    { "flowchart TD\n  A[abc\n",
      "2:4: “[” is never closed: expected “]” (near “[abc”)", 2, 4 },
    { "flowchart TD\n  A --> B\n  B -> C\n",
      "3:5: expected an arrow such as “-->”, “---”, “-.->”, “==>” or “~~~” (near “-> C”)", 3, 5 },
    { "flowchart TD\n  subgraph one\n    A\n",
      "2:3: subgraph “one” is never closed: expected “end” (near “subgraph one”)", 2, 3 },
    { "flowchart TD\n  classDef foo\n",
      "2:15: expected styles such as “fill:#f9f,stroke:#333” (at the end of the line)", 2, 15 },
    { "flowchart TD\n  classDef ,foo fill:#f00\n",
      "2:12: expected a class name after “classDef” (near “,foo fill:#f00”)", 2, 12 },
    { "flowchart TD\n  A@{ shape: rect, label: \"open }\n",
      "2:27: the quoted text is never closed: expected “\"” (near “\"open }”)", 2, 27 },
    { "flowchart TD\n  A@{ shape: rect\n",
      "2:4: “@{” is never closed: expected “}” (near “@{ shape: rect”)", 2, 4 },
    { "flowchart TD\n  A B\n",
      "2:5: expected an arrow such as “-->”, “---”, “-.->”, “==>” or “~~~” (near “B”)", 2, 5 },
    { "flowchart TD\n  subgraph |x\n  end\n",
      "2:12: expected a subgraph id or title after “subgraph” (near “|x”)", 2, 12 },
    { "flowchart TD\n  subgraph one [Title\n  end\n",
      "2:16: “[” is never closed: expected “]” (near “[Title”)", 2, 16 },
    { "hello\n",
      "1:1: expected “flowchart” or “graph” to start the chart (near “hello”)", 1, 1 },
    { "flowchart XY\n",
      "1:11: expected a direction (TB, TD, BT, LR or RL) after “flowchart” (near “XY”)", 1, 11 },
    { "flowchart TD\n  end\n",
      "2:3: “end” without a subgraph to close (near “end”)", 2, 3 },
    { "flowchart TD\n  A -- text B\n",
      "2:5: the link text is never closed: expected an arrow such as “-->” (near “-- text B”)", 2, 5 },
    { "flowchart TD\n  A -->|lab B\n",
      "2:8: the link label is never closed: expected “|” (near “|lab B”)", 2, 8 },
    { "flowchart TD\n  A --> B\n  linkStyle 3 stroke:#f00\n",
      "3:13: there is no link number 3: the chart has 1 link so far, numbered from 0 (near “3 stroke:#f00”)", 3, 13 },
    { "flowchart TD\n  A[\"unterminated]\n",
      "2:5: the quoted text is never closed: expected “\"” (near “\"unterminated]”)", 2, 5 },
    { "flowchart TD\n  A -->",
      "2:8: expected a node after the arrow (at the end of the text)", 2, 8 },
    { "flowchart TD\n  A((x)\n",
      "2:4: “((” is never closed: expected “))” (near “((x)”)", 2, 4 },
    { "flowchart TD\n  click A\n",
      "2:10: expected a space after the node id (at the end of the line)", 2, 10 },
    { "flowchart TD\n  A:::\n",
      "2:7: expected a class name after “:::” (at the end of the line)", 2, 7 },
    { "flowchart TD\n  A(Do (this)) --> B\n",
      "2:8: Mermaid refuses “(” in a label without quotes: put the whole label in quotes, as in A[\"a ( b\"] (near “(this)) --> B”)", 2, 8 },
    { "flowchart TD\n  A[ok] trailing\n",
      "2:9: expected an arrow such as “-->”, “---”, “-.->”, “==>” or “~~~” (near “trailing”)", 2, 9 },
    { "---\ntitle: x\nflowchart TD\n",
      "1:1: the front matter is never closed: expected “---” (near “---”)", 1, 1 },
    { "flowchart TD\n  A@{ shape rect }\n",
      "2:7: expected “key: value” in the “@{ … }” block (near “shape rect }”)", 2, 7 },
    { "flowchart TD\n  style A\n",
      "2:10: expected a space after the node id (at the end of the line)", 2, 10 },
    { "flowchart TD\n  accTitle The title\n",
      "2:12: expected “:” after “accTitle” (near “The title”)", 2, 12 },
    { "flowchart TD\n  A --> B;; C{oops\n",
      "2:14: “{” is never closed: expected “}” (near “{oops”)", 2, 14 },
    { "flowchart TD\n  A[\"x\" y]\n",
      "2:9: expected “]” after the quoted label; write #quot; for a quote inside it (near “y]”)", 2, 9 },
    { "flowchart TD\n  direction up\n",
      "2:13: expected TB, TD, BT, LR or RL after “direction” (near “up”)", 2, 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint line = 0, column = 0;
      g_autoptr(MpFlowchart) chart = mp_flowchart_parse (cases[i].text, -1, 1, &line, &column, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_null (chart);
      g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

static void
test_errors_first_line (void)
{
  g_autoptr(GError) error = NULL;
  guint line = 0, column = 0;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse ("graph LR\nA --> B\nC -> D\n", -1, 41,
                                                     &line, &column, &error);

  g_assert_null (chart);
  g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "43:3: "));
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 3);
}

static void
test_errors_empty (void)
{
  static const char *texts[] = { "", "\n\n  \n", "%% only a comment\n", "%%{init: {}}%%\n;\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpFlowchart) chart = mp_flowchart_parse (texts[i], -1, 1, NULL, NULL, &error);

      g_assert_null (chart);
      g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_EMPTY);
    }
}

static void
test_errors_depth (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart TD\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;

  for (guint i = 0; i < 65; i++)
    g_string_append_printf (text, "subgraph s%u\n", i);
  chart = mp_flowchart_parse (text->str, -1, 1, NULL, NULL, &error);
  g_assert_null (chart);
  g_assert_cmpstr (error->message, ==, "66:1: subgraphs are nested more than 64 deep (near “subgraph s64”)");
}

static void
test_errors_too_many_links (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart LR\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;

  /* 500 × 500 nodes joined all to all would make 250 000 links. */
  for (guint side = 0; side < 2; side++)
    {
      for (guint i = 0; i < 500; i++)
        g_string_append_printf (text, "%s%c%u", i > 0 ? " & " : "", side ? 'B' : 'A', i);
      if (side == 0)
        g_string_append (text, " --> ");
    }
  chart = mp_flowchart_parse (text->str, -1, 1, NULL, NULL, &error);
  g_assert_null (chart);
  g_assert_true (g_str_has_suffix (error->message, ": too many links: a chart may have at most 200000 (near “--> B0 & B1 & B2 & B3 &”)"));
}

static void
test_errors_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse ("graph\nA[\xff\xfe]\n", -1, 1, NULL, NULL, &error);

  g_assert_null (chart);
  g_assert_cmpstr (error->message, ==, "2:3: the text is not valid UTF-8 (at the end of the line)");
}

/* ---- the bundled article's chart ---------------------------------------- */

/* The article's first mermaid block, and the line its text starts on. */
static char *
article_block (guint *first_line)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "..", "..", "data", "article",
                                            "master-plan.md", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *open, *body, *close;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  open = strstr (text, "```mermaid\n");
  g_assert_nonnull (open);
  body = open + strlen ("```mermaid\n");
  close = strstr (body, "\n```");
  g_assert_nonnull (close);
  *first_line = 1;
  for (const char *p = text; p < body; p++)
    *first_line += *p == '\n';
  return g_strndup (body, close + 1 - body);
}

static void
test_bundled_copy (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "mermaid-bundled.mmd", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *block = NULL;
  g_autoptr(GError) error = NULL;
  guint first_line;

  /* The walk tests use the copy: it must stay the article's chart. */
  g_file_get_contents (path, &copy, NULL, &error);
  g_assert_no_error (error);
  block = article_block (&first_line);
  g_assert_cmpstr (copy, ==, block);
}

static void
test_bundled (void)
{
  static const struct {
    const char *id;
    MpNodeKind  kind;
    MpNodeShape shape;
    const char *label;
    const char *class;
    const char *link;
  } nodes[] = {
    { "S1", MP_NODE_KIND_QUESTION, MP_NODE_SHAPE_DIAMOND, "Do you want a major education role?", NULL, NULL },
    { "S2", MP_NODE_KIND_OUTCOME, MP_NODE_SHAPE_STADIUM, "Skip the master's degree", "alternatives",
      "#if-you-want-to-teach-well" },
    { "S3", MP_NODE_KIND_QUESTION, MP_NODE_SHAPE_DIAMOND, "Is leadership or education research your focus?", NULL, NULL },
    { "S4", MP_NODE_KIND_OUTCOME, MP_NODE_SHAPE_STADIUM, "Use smaller, targeted programs", "alternatives",
      "#alternatives-6080-of-the-value-for-510-of-the-effort" },
    { "S5", MP_NODE_KIND_QUESTION, MP_NODE_SHAPE_DIAMOND, "Can you get funding or protected time?", "funding", NULL },
    { "S6", MP_NODE_KIND_STEP, MP_NODE_SHAPE_RECT, "Go ahead only with a clear payoff plan", NULL,
      "#what-it-really-costs" },
    { "S7", MP_NODE_KIND_OUTCOME, MP_NODE_SHAPE_STADIUM, "A master's is likely worthwhile", "masters",
      "#when-a-masters-is-the-smart-move" },
  };
  g_autoptr(MpFlowchart) chart = NULL;
  g_autofree char *block = NULL;
  guint first_line;

  block = article_block (&first_line);
  chart = parse_ok (block);

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, G_N_ELEMENTS (nodes));
  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 7);
  g_assert_cmpstr (mp_flowchart_get_acc_title (chart), ==, "Should you do a master's in medical education?");
  g_assert_true (g_str_has_prefix (mp_flowchart_get_acc_description (chart), "Three yes-or-no questions"));
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      const MpFlowNode *n = node (chart, nodes[i].id);

      g_assert_cmpuint (n->index, ==, i);
      g_assert_cmpint (n->kind, ==, nodes[i].kind);
      g_assert_cmpint (n->shape, ==, nodes[i].shape);
      g_assert_cmpstr (n->label, ==, nodes[i].label);
      g_assert_cmpstr (n->classes[0], ==, nodes[i].class);
      g_assert_cmpstr (n->link, ==, nodes[i].link);
      g_assert_true ((n->tooltip != NULL) == (n->link != NULL));
    }
  g_assert_cmpstr (node (chart, "S7")->style.fill, ==, "#d8f0e3");
  g_assert_cmpstr (node (chart, "S7")->style.color, ==, "#0f3d26");
  g_assert_cmpfloat (node (chart, "S2")->style.stroke_width, ==, 2);
  g_assert_cmpstr (node (chart, "S4")->style.stroke, ==, "#2d64b3");
  assert_edge_ends (chart, 6, "S6", "S7");
  g_assert_null (edge (chart, 6)->label);
  g_assert_cmpstr (edge (chart, 4)->label, ==, "Yes");
}

static void
test_bundled_error_lines (void)
{
  g_autofree char *block = NULL;
  g_autofree char *broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;
  g_autofree char *prefix = NULL;
  guint first_line, line = 0, column = 0;

  /* A mistake in the article's block is reported at its line in the file. */
  block = article_block (&first_line);
  broken = g_strconcat (block, "  S7 --> \n", NULL);
  chart = mp_flowchart_parse (broken, -1, first_line, &line, &column, &error);
  g_assert_null (chart);
  prefix = g_strdup_printf ("%u:10: expected a node after the arrow (at the end of the line)", first_line + line - 1);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (column, ==, 10);
}

/* A 2 000-character label is cut to the limit, plain, with a warning that
 * names the node and where it is. */
static void
test_long_label (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart TD\n  A[\"<b>");
  g_autoptr(MpFlowchart) chart = NULL;
  const MpFlowNode *a;
  const MpFlowWarning *warning;

  for (guint i = 0; i < 400; i++)
    g_string_append (text, "word ");
  g_string_append (text, "</b>\"] --> B[short]\n");
  chart = parse_ok (text->str);
  a = node (chart, "A");
  g_assert_cmpint (g_utf8_strlen (a->label, -1), ==, MP_MERMAID_MAX_LABEL_CHARS);
  g_assert_true (g_str_has_suffix (a->label, "…"));
  g_assert_null (strstr (a->label_markup, "<b>"));
  g_assert_cmpstr (node (chart, "B")->label, ==, "short");
  g_assert_cmpuint (mp_flowchart_get_n_warnings (chart), ==, 1);
  warning = mp_flowchart_get_warning (chart, 0);
  g_assert_cmpuint (warning->line, ==, 2);
  g_assert_nonnull (strstr (warning->message, "“A” is 2000 characters long"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mermaid/header/directions", test_header_directions);
  g_test_add_func ("/mermaid/header/front-matter", test_header_front_matter);
  g_test_add_func ("/mermaid/header/accessibility", test_header_accessibility);
  g_test_add_func ("/mermaid/header/crlf", test_header_crlf);
  g_test_add_func ("/mermaid/shapes/brackets", test_shapes_brackets);
  g_test_add_func ("/mermaid/shapes/named", test_shapes_named);
  g_test_add_func ("/mermaid/shapes/registry", test_shapes_registry);
  g_test_add_func ("/mermaid/shapes/named-multiline", test_shapes_named_multiline);
  g_test_add_func ("/mermaid/shapes/data-forms", test_shapes_data_forms);
  g_test_add_func ("/mermaid/shapes/labels", test_shapes_labels);
  g_test_add_func ("/mermaid/shapes/long-label", test_long_label);
  g_test_add_func ("/mermaid/shapes/merge", test_shapes_merge);
  g_test_add_func ("/mermaid/shapes/markdown", test_shapes_markdown);
  g_test_add_func ("/mermaid/shapes/html", test_shapes_html);
  g_test_add_func ("/mermaid/shapes/ids", test_shapes_ids);
  g_test_add_func ("/mermaid/edges/kinds", test_edges_kinds);
  g_test_add_func ("/mermaid/edges/labels", test_edges_labels);
  g_test_add_func ("/mermaid/edges/more-forms", test_edges_more_forms);
  g_test_add_func ("/mermaid/edges/chains", test_edges_chains);
  g_test_add_func ("/mermaid/edges/ids", test_edges_ids);
  g_test_add_func ("/mermaid/edges/cycles", test_edges_cycles);
  g_test_add_func ("/mermaid/edges/node-kinds", test_edges_kinds_of_nodes);
  g_test_add_func ("/mermaid/edges/long-chain", test_edges_long_chain);
  g_test_add_func ("/mermaid/subgraph/forms", test_subgraph_forms);
  g_test_add_func ("/mermaid/subgraph/nested", test_subgraph_nested);
  g_test_add_func ("/mermaid/subgraph/membership", test_subgraph_membership);
  g_test_add_func ("/mermaid/subgraph/named-inside", test_subgraph_named_inside);
  g_test_add_func ("/mermaid/style/classes", test_style_classes);
  g_test_add_func ("/mermaid/style/default-class", test_style_default_class);
  g_test_add_func ("/mermaid/style/link-style", test_style_link_style);
  g_test_add_func ("/mermaid/style/edge-classes", test_style_edge_classes);
  g_test_add_func ("/mermaid/style/subgraph", test_style_subgraph);
  g_test_add_func ("/mermaid/style/click", test_style_click);
  g_test_add_func ("/mermaid/errors/messages", test_errors_messages);
  g_test_add_func ("/mermaid/errors/first-line", test_errors_first_line);
  g_test_add_func ("/mermaid/errors/empty", test_errors_empty);
  g_test_add_func ("/mermaid/errors/depth", test_errors_depth);
  g_test_add_func ("/mermaid/errors/too-many-links", test_errors_too_many_links);
  g_test_add_func ("/mermaid/errors/invalid-utf8", test_errors_invalid_utf8);
  g_test_add_func ("/mermaid/bundled/copy", test_bundled_copy);
  g_test_add_func ("/mermaid/bundled/chart", test_bundled);
  g_test_add_func ("/mermaid/bundled/error-lines", test_bundled_error_lines);

  return g_test_run ();
}
