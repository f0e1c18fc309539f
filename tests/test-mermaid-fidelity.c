/* test-mermaid-fidelity.c: inputs read as Mermaid 11 reads them
 *
 * Cases written from Mermaid's grammar, in groups. Each is accepted with a
 * given structure, accepted with a warning that Mermaid would refuse it, or
 * refused at a given LINE:COLUMN. The test reports how many cases of each
 * group agree, then fails on the first group that does not fully agree.
 *
 * Structure is summed up as "id:shape:label …; from ARROW to|label| …" where
 * ARROW is an optional start head (<, o, x), the stroke (- . = ~), an
 * optional end head (>, o, x) and the length.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flowchart.h"
#include "mp-mermaid-parser.h"
#include "mp-flow-shape.h"
#include "mp-mermaid-parser.h"

#include <string.h>

typedef struct {
  const char *group;
  const char *body;     /* after "flowchart TD\n" */
  char        verdict;  /* 'a' accepted, 'w' accepted with a warning, 'r' refused */
  const char *expect;   /* structure, or "LINE:COLUMN" of the error or warning; NULL: not checked */
} Case;

static const Case cases[] = {
  /* Mermaid accepts punctuation in and as node ids */
  { "ids", "# --> A", 'a', "#:rect:# A:rect:A; # ->1 A||" },
  { "ids", "#node --> A", 'a', "#node:rect:#node A:rect:A; #node ->1 A||" },
  { "ids", "node# --> A", 'a', "node#:rect:node# A:rect:A; node# ->1 A||" },
  { "ids", ": --> A", 'a', "::rect:: A:rect:A; : ->1 A||" },
  { "ids", ", --> A", 'a', ",:rect:, A:rect:A; , ->1 A||" },
  { "ids", "& --> A", 'a', "&:rect:& A:rect:A; & ->1 A||" },
  { "ids", ".node --> A", 'a', ".node:rect:.node A:rect:A; .node ->1 A||" },
  { "ids", "- --> A", 'a', "-:rect:- A:rect:A; - ->1 A||" },
  { "ids", "A&B --> C", 'a', "A&B:rect:A&B C:rect:C; A&B ->1 C||" },
  { "ids", "a:b,c --> d", 'a', "a:b,c:rect:a:b,c d:rect:d; a:b,c ->1 d||" },
  { "ids", "%x --> node.", 'a', "%x:rect:%x node.:rect:node.; %x ->1 node.||" },

  /* Mermaid reads <.-> and its relatives as dotted edges */
  { "dotted", "A <.-> B", 'a', "A:rect:A B:rect:B; A <.>1 B||" },
  { "dotted", "A<-.->B", 'a', "A:rect:A B:rect:B; A <.>1 B||" },
  { "dotted", "A <..-> B", 'a', "A:rect:A B:rect:B; A <.>2 B||" },
  { "dotted", "A o.-o B", 'a', "A:rect:A B:rect:B; A o.o1 B||" },
  { "dotted", "A x-.-x B", 'a', "A:rect:A B:rect:B; A x.x1 B||" },
  { "dotted", "A <-. text .-> B", 'a', "A:rect:A B:rect:B; A <.>1 B|text|" },
  { "dotted", "A <-.- B", 'a', "A:rect:A B:rect:B; A .1 B||" },

  /* A line that starts with an arrow continues from the node before it */
  { "arrow-lines", "A\n--> B", 'a', "A:rect:A B:rect:B; A ->1 B||" },
  { "arrow-lines", "A[Start]\n  --> B", 'a', "A:rect:Start B:rect:B; A ->1 B||" },
  { "arrow-lines", "A --> B\n--> C", 'a', "A:rect:A B:rect:B C:rect:C; A ->1 B||, B ->1 C||" },
  { "arrow-lines", "A\n-.-> B", 'a', "A:rect:A B:rect:B; A .>1 B||" },
  { "arrow-lines", "A\n==> B", 'a', "A:rect:A B:rect:B; A =>1 B||" },
  { "arrow-lines", "A\n-- yes --> B", 'a', "A:rect:A B:rect:B; A ->1 B|yes|" },
  { "arrow-lines", "A -->\nB", 'a', "A:rect:A B:rect:B; A ->1 B||" },
  { "arrow-lines", "A\n%% a note\n--> B", 'a', "A:rect:A B:rect:B; A ->1 B||" },

  /* Mermaid refuses a keyword joined to ".", "-" or "/" at the start of an id */
  { "keyword-ids", "graph.node", 'r', "2:1" },
  { "keyword-ids", "style.node --> A", 'r', "2:1" },
  { "keyword-ids", "end.node", 'r', "2:1" },
  { "keyword-ids", "A --> class-node", 'r', "2:7" },
  { "keyword-ids", "subgraph/node", 'r', "2:1" },
  { "keyword-ids", "linkStyle.x", 'r', "2:1" },
  { "keyword-ids", "classDef-x", 'r', "2:1" },
  { "keyword-ids", "_self.x", 'r', "2:1" },
  { "keyword-ids", "1style", 'r', "2:2" },
  { "keyword-ids", "default.node", 'a', "default.node:rect:default.node; " },
  { "keyword-ids", "href.node", 'a', "href.node:rect:href.node; " },
  { "keyword-ids", "style_node --> endpoint", 'a', "style_node:rect:style_node endpoint:rect:endpoint; style_node ->1 endpoint||" },
  { "keyword-ids", "a.style.node", 'a', "a.style.node:rect:a.style.node; " },

  /* Mermaid refuses shape names that are not in its registry */
  { "shape-names", "A@{ shape: blob }", 'w', "2:12" },
  { "shape-names", "A@{ shape: Rect }", 'w', "2:12" },
  { "shape-names", "A@{ shape: lean_right }", 'w', "2:12" },
  { "shape-names", "A@{ shape: squareRect }", 'w', "2:12" },
  { "shape-names", "A@{ shape: nope, label: \"x\" }", 'w', "2:12" },
  { "shape-names", "A@{ shape: doc }", 'a', "A:doc:A; " },
  { "shape-names", "A@{ shape: lean-r }", 'a', "A:lean-r:A; " },

  /* Mermaid refuses brackets, pipes and quotes in unquoted label text */
  { "label-brackets", "A[This is a () in text]", 'r', "2:13" },
  { "label-brackets", "node[hello ) world]", 'r', "2:12" },
  { "label-brackets", "A[a \"b\" c]", 'r', "2:5" },
  { "label-brackets", "A(a(b)c)", 'r', "2:4" },
  { "label-brackets", "A{x [y]}", 'r', "2:5" },
  { "label-brackets", "A[a|b]", 'r', "2:4" },
  { "label-brackets", "A -->|a (b)| B", 'r', "2:9" },
  { "label-brackets", "A[\"a (b)\"]", 'a', "A:rect:a (b); " },

  /* Mermaid 11's newer shapes keep their own outline */
  { "shapes", "A(-ellipse-)", 'a', "A:ellipse:ellipse; " },
  { "shapes", "A@{ shape: doc, label: \"D\" }", 'a', "A:doc:D; " },
  { "shapes", "A@{ shape: tri }", 'a', "A:tri:A; " },
  { "shapes", "A@{ shape: fork }", 'a', "A:fork:A; " },
  { "shapes", "A@{ shape: disk }", 'a', "A:lin-cyl:A; " },
  { "shapes", "A@{ shape: notch-rect }", 'a', "A:notch-rect:A; " },
  { "shapes", "A@{ shape: sm-circ }", 'a', "A:sm-circ:A; " },

  /* New lines inside quoted labels stay line breaks */
  { "newlines", "A[\"line one\nline two\"]", 'a', "A:rect:line one\\nline two; " },
  { "newlines", "A[\"`a\n\nb`\"]", 'a', "A:rect:a\\n\\nb; " },
  { "newlines", "A[\"one\n   two\"]", 'a', "A:rect:one\\ntwo; " },
  { "newlines", "A -->|\"x\ny\"| B", 'a', "A:rect:A B:rect:B; A ->1 B|x\\ny|" },
  { "newlines", "A[\"`**bold**\n\nnext`\"]", 'a', "A:rect:bold\\n\\nnext; " },

  /* An icon or image without a label shows no text */
  { "icons", "A@{ icon: \"fa:user\" }", 'a', "A:rect:; " },
  { "icons", "A@{ icon: \"fa:user\", form: \"circle\" }", 'a', "A:rect:; " },
  { "icons", "A@{ img: \"https://example.org/a.png\" }", 'a', "A:rect:; " },
  { "icons", "A@{ icon: \"fa:user\", label: \"User\" }", 'a', "A:rect:User; " },
  { "icons", "A[Text]@{ icon: \"fa:user\" }", 'a', "A:rect:Text; " },

  /* Metadata may address an edge by its automatic id */
  { "edge-ids", "A --> B\nL_A_B_0@{ animate: true }", 'a', "A:rect:A B:rect:B; A ->1 B||" },
  { "edge-ids", "B --> D\nL_B_D_0@{ curve: linear }", 'a', "B:rect:B D:rect:D; B ->1 D||" },
  { "edge-ids", "A --> B\nA --> B\nL_A_B_2@{ animate: true }", 'a', "A:rect:A B:rect:B; A ->1 B||, A ->1 B||" },
  { "edge-ids", "A & B --> C\nL_B_C_0@{ animate: true }", 'a', "A:rect:A B:rect:B C:rect:C; A ->1 C||, B ->1 C||" },
  { "edge-ids", "A --> B\nL_A_B_1@{ shape: circle }", 'a', "A:rect:A B:rect:B L_A_B_1:circle:L_A_B_1; A ->1 B||" },

  /* Mermaid reads "#word;" as an entity: a colour's ";" no longer ends the
   * statement, and the rest of the line joins the style (or is refused) */
  { "entity-semicolon", "A\nstyle A fill:#fff;style A stroke:red", 'w', "3:14" },
  { "entity-semicolon", "A;style A color:#abc123;B", 'w', "2:17" },
  { "entity-semicolon", "classDef hot fill:#f00;class A hot", 'w', "2:19" },
  { "entity-semicolon", "A --> B\nlinkStyle 0 stroke:#333;A --> C", 'w', "3:20" },
  { "entity-semicolon", "A\nstyle A fill:#fff;", 'a', "A:rect:A; " },
  { "entity-semicolon", "A\nstyle A fill:#fff\nB", 'a', "A:rect:A B:rect:B; " },
  { "entity-semicolon", "A\nstyle A fill:red;B", 'a', "A:rect:A B:rect:B; " },

  /* Other inputs Mermaid refuses that we read, always with a warning */
  { "other", "A --> B %% trailing comment", 'w', "2:9" },
  { "other", "A[/path]", 'w', "2:2" },
  { "other", "A(-text)", 'w', "2:2" },
  { "other", "A[a]\n%% full-line comment\nB", 'a', "A:rect:a B:rect:B; " },
  { "other", "A -- text --> B", 'a', "A:rect:A B:rect:B; A ->1 B|text|" },
};

static char
end_char (MpEdgeEnd end)
{
  switch (end)
    {
    case MP_EDGE_END_ARROW: return '>';
    case MP_EDGE_END_CIRCLE: return 'o';
    case MP_EDGE_END_CROSS: return 'x';
    case MP_EDGE_END_NONE: default: return 0;
    }
}

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p; p++)
    if (*p == '\n')
      g_string_append (out, "\\n");
    else
      g_string_append_c (out, *p);
}

static void
append_edge (GString          *out,
             MpFlowchart      *chart,
             const MpFlowEdge *edge)
{
  static const char strokes[] = { '-', '.', '=', '~' };
  char start = edge->start_end == MP_EDGE_END_ARROW ? '<' : end_char (edge->start_end);
  char end = end_char (edge->end_end);

  g_string_append_printf (out, "%s ", edge->from.is_subgraph ? mp_flowchart_get_subgraph (chart, edge->from.index)->id
                                                             : mp_flowchart_get_node (chart, edge->from.index)->id);
  if (start)
    g_string_append_c (out, start);
  g_string_append_c (out, strokes[edge->stroke]);
  if (end)
    g_string_append_c (out, end);
  g_string_append_printf (out, "%u %s|", edge->length,
                          edge->to.is_subgraph ? mp_flowchart_get_subgraph (chart, edge->to.index)->id
                                               : mp_flowchart_get_node (chart, edge->to.index)->id);
  append_escaped (out, edge->label);
  g_string_append_c (out, '|');
}

static char *
summarize (MpFlowchart *chart)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    {
      const MpFlowNode *node = mp_flowchart_get_node (chart, i);

      g_string_append_printf (out, "%s%s:%s:", i > 0 ? " " : "", node->id, mp_flow_shape_get_name (node->shape));
      append_escaped (out, node->label);
    }
  g_string_append (out, "; ");
  for (guint i = 0; i < mp_flowchart_get_n_edges (chart); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_edge (out, chart, mp_flowchart_get_edge (chart, i));
    }
  return g_string_free (out, FALSE);
}

/* Whether the parser's verdict on @c is the expected one; @why says how not. */
static gboolean
case_agrees (const Case  *c,
             char       **why)
{
  g_autofree char *text = g_strconcat ("flowchart TD\n", c->body, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, &error);
  g_autofree char *summary = NULL;
  g_autofree char *position = NULL;

  if (c->verdict == 'r')
    {
      if (chart != NULL)
        return (*why = g_strdup ("accepted"), FALSE);
      if (c->expect != NULL && !g_str_has_prefix (error->message, c->expect))
        return (*why = g_strdup (error->message), FALSE);
      if (c->expect != NULL && error->message[strlen (c->expect)] != ':')
        return (*why = g_strdup (error->message), FALSE);
      /* A keyword in an id is named as such. */
      if (g_str_equal (c->group, "keyword-ids") && strstr (error->message, "as a keyword") == NULL)
        return (*why = g_strdup (error->message), FALSE);
      return TRUE;
    }
  if (chart == NULL)
    return (*why = g_strdup (error->message), FALSE);
  if (c->verdict == 'w')
    {
      const MpFlowWarning *warning;

      if (mp_flowchart_get_n_warnings (chart) == 0)
        return (*why = g_strdup ("no warning"), FALSE);
      warning = mp_flowchart_get_warning (chart, 0);
      position = g_strdup_printf ("%u:%u", warning->line, warning->column);
      if (c->expect != NULL && !g_str_equal (position, c->expect))
        return (*why = g_strdup_printf ("%s: %s", position, warning->message), FALSE);
      return TRUE;
    }
  if (mp_flowchart_get_n_warnings (chart) > 0)
    return (*why = g_strdup (mp_flowchart_get_warning (chart, 0)->message), FALSE);
  summary = summarize (chart);
  if (c->expect != NULL && !g_str_equal (summary, c->expect))
    return (*why = g_steal_pointer (&summary), FALSE);
  return TRUE;
}

static void
test_group (gconstpointer data)
{
  const char *group = data;
  guint n = 0, agreed = 0;
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *why = NULL;

      if (!g_str_equal (cases[i].group, group))
        continue;
      n++;
      if (case_agrees (&cases[i], &why))
        agreed++;
      else
        g_string_append_printf (failures, "\n  %s  →  %s", cases[i].body, why);
    }
  g_test_message ("agreement %s: %u/%u%s", group, agreed, n, failures->str);
  g_assert_cmpuint (n, >=, 5);
  g_assert_cmpuint (agreed, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (!g_ptr_array_find_with_equal_func (groups, cases[i].group, g_str_equal, NULL))
      {
        g_autofree char *path = g_strconcat ("/mermaid-fidelity/", cases[i].group, NULL);

        g_ptr_array_add (groups, (gpointer) cases[i].group);
        g_test_add_data_func (path, cases[i].group, test_group);
      }
  return g_test_run ();
}
