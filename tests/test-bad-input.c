/* test-bad-input.c: every entry point of a file or an argument, fed bad input
 *
 * Each call must end with a clear GError (or a clear message and exit
 * status), must not crash, and must not take over 2 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "mp-criteria.h"
#include "mp-document.h"
#include "mp-flow-layout.h"
#include "mp-flow-walk.h"
#include "mp-flowchart.h"
#include "mp-mermaid-parser.h"
#include "mp-program-store.h"
#include "mp-test-utils.h"

/* Under AddressSanitizer (full stack unwinding on every malloc) code that
 * allocates a lot runs up to 30 times slower: the 2 s limit holds for plain
 * builds; sanitized runs only catch real hangs. */
#if defined(__SANITIZE_ADDRESS__)
#define TIME_SCALE 50
#else
#define TIME_SCALE 1
#endif
#define MAX_USEC (2 * G_USEC_PER_SEC * TIME_SCALE)
#define BIG_SIZE (50 * 1024 * 1024)

static char *tmp_dir;

/* Runs @stmt, asserts it took under 2 s and logs how long it took. */
#define TIMED(what, stmt)                                                   \
  G_STMT_START {                                                            \
    gint64 timed_start_ = g_get_monotonic_time ();                          \
    gint64 timed_usec_;                                                     \
    stmt;                                                                   \
    timed_usec_ = g_get_monotonic_time () - timed_start_;                   \
    g_test_message ("time: %-40s %8.1f ms", what, timed_usec_ / 1000.0);    \
    g_assert_cmpint (timed_usec_, <, MAX_USEC);                             \
  } G_STMT_END

static char *
temp_file (const char *name,
           const char *data,
           gssize      length)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
random_bytes (gsize   length,
              guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (length);

  for (gsize i = 0; i < length; i++)
    data[i] = g_rand_int_range (rand, 0, 256);
  return g_bytes_new_take (data, length);
}

/* A real PNG: one white pixel. */
static const guint8 png_bytes[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00,
  0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xff, 0xff, 0x3f,
  0x00, 0x05, 0xfe, 0x02, 0xfe, 0xdc, 0xcc, 0x59, 0xe7, 0x00, 0x00, 0x00,
  0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static const char invalid_utf8[] = "# Title\n\nSome text \xff\xfe more\n";

/* 50 MB of plausible text, written once. */
static const char *
big_file (void)
{
  static char *path;

  if (path == NULL)
    {
      GString *text = g_string_sized_new (BIG_SIZE + 64);

      while (text->len < BIG_SIZE)
        g_string_append (text, "- a list item, with some words in it\n");
      path = temp_file ("big.md", text->str, text->len);
      g_string_free (text, TRUE);
    }
  return path;
}

static char *
repeat (const char *prefix,
        const char *unit,
        guint       n,
        const char *suffix)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  g_string_append (text, suffix);
  return g_string_free (text, FALSE);
}

/* Asserts @error's domain and code, and that its message starts with @name,
 * followed by ":LINE:COLUMN: " when @position. */
static void
assert_error (const GError *error,
              GQuark        domain,
              int           code,
              const char   *name,
              gboolean      position)
{
  g_autofree char *pattern = NULL;

  g_assert_error (error, domain, code);
  g_test_message ("message: %s", error->message);
  pattern = position ? g_strdup_printf ("^\\Q%s\\E:[1-9][0-9]*:[1-9][0-9]*: ", name)
                     : g_strdup_printf ("^\\Q%s\\E: ", name);
  if (!g_regex_match_simple (pattern, error->message, 0, 0))
    g_error ("“%s” does not match “%s”", error->message, pattern);
}

/* -- Markdown -------------------------------------------------------- */

static MpDocument *
document_from_path (const char  *path,
                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  MpDocument *document;

  TIMED (name,
         document = mp_document_new_from_file (file, NULL, error));
  return document;
}

static void
assert_document_error (const char *name,
                       const char *data,
                       gssize      length,
                       int         code,
                       gboolean    position)
{
  g_autofree char *path = temp_file (name, data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = document_from_path (path, &error);
  g_autoptr(GFile) base = g_file_new_for_path (path);
  g_autoptr(MpDocument) from_data = NULL;
  g_autoptr(GError) data_error = NULL;

  g_assert_null (document);
  assert_error (error, MP_MARKDOWN_ERROR, code, name, position);
  TIMED ("from_data",
         from_data = mp_document_new_from_data (data, length < 0 ? (gssize) strlen (data) : length,
                                                base, &data_error));
  g_assert_null (from_data);
  g_assert_cmpstr (data_error->message, ==, error->message);
}

static void
test_markdown_empty (void)
{
  assert_document_error ("empty.md", "", 0, MP_MARKDOWN_ERROR_EMPTY, FALSE);
  assert_document_error ("blank.md", " \n\t\n  \n", -1, MP_MARKDOWN_ERROR_EMPTY, FALSE);
}

static void
test_markdown_binary (void)
{
  g_autoptr(GBytes) noise = random_bytes (4096, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = temp_file ("picture.png.md", (const char *) png_bytes, sizeof png_bytes);
  g_autoptr(MpDocument) document = document_from_path (png, &error);

  assert_document_error ("noise.md", g_bytes_get_data (noise, NULL), 4096,
                         MP_MARKDOWN_ERROR_ENCODING, TRUE);
  /* The PNG signature's 0x89 is the first bad byte. */
  g_assert_null (document);
  assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_ENCODING, "picture.png.md", TRUE);
  g_assert_true (g_str_has_prefix (error->message, "picture.png.md:1:1: "));
}

static void
test_markdown_invalid_utf8 (void)
{
  g_autofree char *path = temp_file ("latin1.md", invalid_utf8, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = document_from_path (path, &error);

  g_assert_null (document);
  assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_ENCODING, "latin1.md", TRUE);
  g_assert_true (g_str_has_prefix (error->message, "latin1.md:3:11: "));
  /* NUL in the middle of text. */
  assert_document_error ("nul.md", "# A\n\nab\0cd\n", 11, MP_MARKDOWN_ERROR_ENCODING, TRUE);
}

static void
test_markdown_huge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = document_from_path (big_file (), &error);

  g_assert_null (document);
  assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_TOO_LARGE, "big.md", FALSE);
}

static void
test_markdown_missing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dir_error = NULL;
  g_autoptr(MpDocument) document = document_from_path (path, &error);
  g_autoptr(MpDocument) dir = document_from_path (tmp_dir, &dir_error);
  g_autofree char *dir_name = g_path_get_basename (tmp_dir);

  g_assert_null (document);
  assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO, "no-such.md", FALSE);
  g_assert_null (dir);
  assert_error (dir_error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO, dir_name, FALSE);
}

/* Whether some block's text holds @needle, and how deep blocks nest. */
static gboolean
find_text (MpDocument *document,
           const char *needle,
           guint      *max_depth)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean found = FALSE;

  *max_depth = 0;
  for (guint i = 0; i < mp_document_get_n_blocks (document); i++)
    {
      guint one = 1;

      g_ptr_array_add (stack, (gpointer) mp_document_get_block (document, i));
      g_array_append_val (depths, one);
    }
  while (stack->len > 0)
    {
      const MpBlock *block = g_ptr_array_steal_index (stack, stack->len - 1);
      guint depth = g_array_index (depths, guint, depths->len - 1);

      g_array_set_size (depths, depths->len - 1);
      *max_depth = MAX (*max_depth, depth);
      if (block->inline_ != NULL && strstr (block->inline_->text->str, needle) != NULL)
        found = TRUE;
      for (guint i = 0; block->children != NULL && i < block->children->len; i++)
        {
          guint next = depth + 1;

          g_ptr_array_add (stack, g_ptr_array_index (block->children, i));
          g_array_append_val (depths, next);
        }
    }
  return found;
}

/* Deep nesting is valid Markdown: it must load, quickly, without blowing the
 * stack. */
static void
assert_document_loads (const char *name,
                       const char *text)
{
  g_autofree char *path = temp_file (name, text, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = document_from_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (mp_document_get_n_blocks (document), >=, 1);
}

static void
probe_depth (guint levels)
{
  g_autofree char *text = repeat ("# Deep\n\n", "- ", levels, "needle\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = mp_document_new_from_data (text, -1, NULL, &error);
  guint depth;
  gboolean found = find_text (document, "needle", &depth);

  g_test_message ("%u levels of \"- \": text %s, blocks nest %u deep", levels, found ? "kept" : "LOST", depth);
}

static void
test_markdown_deep_lists (void)
{
  g_autofree char *list = repeat ("# Deep\n\n", "- ", 10000, "item\n");
  g_autofree char *quote = repeat ("# Deep\n\n", "> ", 10000, "quoted\n");
  g_autofree char *mixed = repeat ("", "> - ", 5000, "x\n");
  g_autofree char *ordered = repeat ("", "1. ", 10000, "x\n");

  assert_document_loads ("deep-list.md", list);
  assert_document_loads ("deep-quote.md", quote);
  assert_document_loads ("deep-mixed.md", mixed);
  assert_document_loads ("deep-ordered.md", ordered);
  probe_depth (10);
  probe_depth (20);
  probe_depth (40);
  probe_depth (100);
  probe_depth (1000);
  probe_depth (10000);
}

static void
test_markdown_broken_mermaid (void)
{
  /* A bad diagram is the flowchart's business: the article still opens and
   * keeps the block's line for the flowchart's message. */
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = NULL;
  g_autofree char *path = temp_file ("broken-chart.md",
                                     "# A\n\n```mermaid\nflowchart TD\n  A -->|Yes B\n```\n"
                                     "```mermaid\n```\n", -1);

  document = document_from_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp_document_get_n_mermaid_blocks (document), ==, 2);
  g_assert_cmpuint (mp_document_get_mermaid_block (document, 0)->line, ==, 4);
}

/* The first ```chart block's error, or NULL. */
static const char *
chart_error (MpDocument *document)
{
  for (guint i = 0; i < mp_document_get_n_blocks (document); i++)
    {
      const MpBlock *block = mp_document_get_block (document, i);

      if (block->chart != NULL)
        return block->chart->error;
    }
  g_assert_not_reached ();
}

static void
test_markdown_chart_numbers (void)
{
  const char *cases[][2] = {
    { "A: 1e400\n", "chart.md:4: " },
    { "A: NaN\n", "chart.md:4: " },
    { "A: -1\n", "chart.md:4: " },
    { "A: -0\n", NULL },
    { "A: 1e308\nB: 1e-308\n", NULL },
    { "max: 1e400\nA: 1\n", "chart.md:4: " },
    { "max: -5\nA: 1\n", "chart.md:4: " },
    { "max: 0\nA: 1\n", "chart.md:4: " },
    { "title: only\n", "chart.md:" },
    { "A: 0x10\n", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("# C\n\n```chart\n%s```\n", cases[i][0]);
      g_autofree char *path = temp_file ("chart.md", text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(MpDocument) document = document_from_path (path, &error);
      const char *message;

      g_assert_no_error (error);
      message = chart_error (document);
      g_test_message ("chart %s → %s", cases[i][0], message ? message : "(drawn)");
      if (cases[i][1] == NULL)
        g_assert_null (message);
      else
        {
          g_assert_nonnull (message);
          g_assert_true (g_str_has_prefix (message, cases[i][1]));
        }
    }
}

/* -- Mermaid --------------------------------------------------------- */

static MpFlowchart *
parse_timed (const char  *what,
             const char  *source,
             guint        first_line,
             GError     **error)
{
  MpFlowchart *chart;
  guint line = 0, column = 0;

  TIMED (what, chart = mp_flowchart_parse (source, -1, first_line, &line, &column, error));
  if (chart == NULL)
    g_test_message ("message: %s", (*error)->message);
  if (chart == NULL && g_error_matches (*error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX))
    {
      g_autofree char *prefix = g_strdup_printf ("%u:%u: ", line + first_line - 1, column);

      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (column, >=, 1);
      g_assert_true (g_str_has_prefix ((*error)->message, prefix));
    }
  return chart;
}

static void
assert_mermaid_error (const char *source,
                      int         code,
                      guint       line,
                      guint       column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("mermaid", source, 1, &error);
  g_autofree char *prefix = g_strdup_printf ("%u:%u: ", line, column);

  g_assert_null (chart);
  g_assert_error (error, MP_MERMAID_ERROR, code);
  if (line != 0 && !g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
}

static void
test_mermaid_empty_and_binary (void)
{
  g_autoptr(GBytes) noise = random_bytes (4096, 11);
  g_autofree char *noise_text = g_strndup (g_bytes_get_data (noise, NULL), 4096);
  g_autofree char *png = g_strndup ((const char *) png_bytes, sizeof png_bytes);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;

  assert_mermaid_error ("", MP_MERMAID_ERROR_EMPTY, 0, 0);
  assert_mermaid_error ("  \n\n%% only a comment\n", MP_MERMAID_ERROR_EMPTY, 0, 0);
  /* A header alone is a chart without nodes; its walk goes nowhere. */
  chart = parse_timed ("header only", "flowchart TD\n", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 0);
  {
    g_autoptr(MpFlowWalk) walk = mp_flow_walk_new (chart);
    g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);

    g_assert_cmpuint (mp_flow_walk_get_start (walk), ==, G_MAXUINT);
    g_assert_cmpuint (choices->len, ==, 0);
    g_assert_false (mp_flow_walk_back (walk));
    g_assert_false (mp_flow_walk_choose (walk, 0));
    g_assert_false (mp_flow_walk_restore (walk, "0"));
  }
  g_clear_object (&chart);
  assert_mermaid_error ("sequenceDiagram\n  A->>B: hi\n", MP_MERMAID_ERROR_SYNTAX, 1, 1);
  /* Random bytes (NUL-terminated at the first 0) and a PNG. */
  chart = parse_timed ("mermaid noise", noise_text, 1, &error);
  g_assert_null (chart);
  g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "1:1: "));
  g_clear_error (&error);
  chart = parse_timed ("mermaid png", png, 1, &error);
  g_assert_null (chart);
  g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
}

static void
test_mermaid_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("mermaid latin1",
                                              "flowchart TD\n  A[Caf\xe9] --> B\n", 5, &error);

  /* Either refused with a position, or the label is repaired: never
   * invalid UTF-8 in a label that Pango would draw. */
  if (chart == NULL)
    {
      g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "6:8: "));
    }
  else
    for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
      g_assert_true (g_utf8_validate (mp_flowchart_get_node (chart, i)->label, -1, NULL));
}

static char *
chain_source (guint    n,
              gboolean one_line)
{
  GString *text = g_string_new ("flowchart TD\n");

  g_string_append (text, "A1");
  for (guint i = 2; i <= n; i++)
    {
      if (!one_line)
        g_string_append_printf (text, "\nA%u", i - 1);
      g_string_append_printf (text, "-->A%u", i);
    }
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

static void
assert_chain (MpFlowchart *chart,
              guint        n)
{
  g_autoptr(MpFlowWalk) walk = mp_flow_walk_new (chart);
  g_autoptr(GArray) choices = NULL;

  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, n);
  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, n - 1);
  g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flow_walk_get_start (walk))->id, ==, "A1");
  TIMED ("walk 10 000-node chain", {
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(GArray) step = mp_flow_walk_get_choices (walk);

        g_assert_cmpuint (step->len, ==, 1);
        g_assert_true (mp_flow_walk_choose (walk, g_array_index (step, guint, 0)));
      }
  });
  g_assert_true (mp_flow_walk_is_at_outcome (walk));
  choices = mp_flow_walk_get_choices (walk);
  g_assert_cmpuint (choices->len, ==, 0);
  TIMED ("back 10 000 steps", {
    for (guint i = 1; i < n; i++)
      g_assert_true (mp_flow_walk_back (walk));
  });
  g_assert_false (mp_flow_walk_back (walk));
}

static void
test_mermaid_long_chain (void)
{
  g_autofree char *one_line = chain_source (10000, TRUE);
  g_autofree char *lines = chain_source (10000, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("chain 10 000 on one line", one_line, 1, &error);
  g_autoptr(MpFlowchart) chart2 = NULL;

  g_assert_no_error (error);
  assert_chain (chart, 10000);
  chart2 = parse_timed ("chain 10 000 lines", lines, 1, &error);
  g_assert_no_error (error);
  assert_chain (chart2, 10000);
}

static void
test_mermaid_deep_subgraphs (void)
{
  GString *text = g_string_new ("flowchart TD\n");
  g_autofree char *source = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "subgraph S%u\n", i);
  g_string_append (text, "A --> B\n");
  for (guint i = 0; i < 1000; i++)
    g_string_append (text, "end\n");
  source = g_string_free (text, FALSE);
  /* The 65th subgraph line is past the limit of 64. */
  assert_mermaid_error (source, MP_MERMAID_ERROR_SYNTAX, 66, 1);
}

static void
test_mermaid_unbalanced (void)
{
  g_autofree char *opens = repeat ("flowchart TD\nA", "[", 10000, "\n");
  g_autofree char *parens = repeat ("flowchart TD\nA", "((", 5000, "x\n");
  g_autofree char *ends = repeat ("flowchart TD\nA-->B\n", "end\n", 1000, "");
  g_autofree char *label = repeat ("flowchart TD\nA-->|", "x", 100000, "\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;

  /* Mermaid refuses the next opener inside the label text. */
  assert_mermaid_error (opens, MP_MERMAID_ERROR_SYNTAX, 2, 4);
  assert_mermaid_error (parens, MP_MERMAID_ERROR_SYNTAX, 2, 5);
  assert_mermaid_error (ends, MP_MERMAID_ERROR_SYNTAX, 3, 1);
  assert_mermaid_error (label, MP_MERMAID_ERROR_SYNTAX, 2, 5);
  assert_mermaid_error ("flowchart TD\n  A --> B\n  B -->|Yes C[Go]\n", MP_MERMAID_ERROR_SYNTAX, 3, 8);
  chart = parse_timed ("subgraph never closed", "flowchart TD\nsubgraph X\nA-->B\n", 1, &error);
  if (chart == NULL)
    g_assert_error (error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX);
}

static void
test_mermaid_duplicate_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("duplicate ids",
                                              "flowchart TD\n  A[One] --> B\n  A[Two] --> C\n"
                                              "  A e1@--> B\n  B e1@--> C\n", 1, &error);
  g_autoptr(MpFlowchart) both = NULL;
  g_autoptr(MpFlowWalk) walk = NULL;
  g_autoptr(MpFlowLayout) layout = NULL;

  /* Mermaid redefines a node's label; a second edge id is kept as given. */
  g_assert_no_error (error);
  g_assert_cmpuint (mp_flowchart_get_n_nodes (chart), ==, 3);
  g_assert_cmpstr (mp_flowchart_get_node (chart, mp_flowchart_find_node (chart, "A"))->label, ==, "Two");

  /* A subgraph named like a node: the chart still walks and lays out. */
  both = parse_timed ("subgraph named like a node",
                      "flowchart TD\n  A --> B\n  subgraph A\n  X --> A\n  end\n  B --> A\n", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mp_flowchart_find_subgraph (both, "A"), >=, 0);
  walk = mp_flow_walk_new (both);
  for (guint i = 0; i < 100 && !mp_flow_walk_is_at_outcome (walk); i++)
    {
      g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);

      g_assert_cmpuint (choices->len, >=, 1);
      g_assert_true (mp_flow_walk_choose (walk, g_array_index (choices, guint, 0)));
    }
  while (mp_flow_walk_back (walk))
    ;
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (walk)->len, ==, 1);
  TIMED ("layout", layout = mp_flow_layout_new (both, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error));
  g_assert_no_error (error);
}

/* The walk goes round a cycle as long as the reader likes, and back again
 * all the way. */
static void
walk_cycle (const char *source,
            guint       steps)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("cycle", source, 1, &error);
  g_autoptr(MpFlowWalk) walk = NULL;
  guint start;

  g_assert_no_error (error);
  walk = mp_flow_walk_new (chart);
  start = mp_flow_walk_get_start (walk);
  g_assert_cmpuint (start, <, mp_flowchart_get_n_nodes (chart));
  TIMED ("walk cycle", {
    for (guint i = 0; i < steps; i++)
      {
        g_autoptr(GArray) choices = mp_flow_walk_get_choices (walk);

        g_assert_cmpuint (choices->len, >=, 1);
        g_assert_false (mp_flow_walk_is_at_outcome (walk));
        /* Always the last answer: on "A -->|No| A" it is the loop. */
        g_assert_true (mp_flow_walk_choose (walk, g_array_index (choices, guint, choices->len - 1)));
      }
  });
  g_assert_cmpuint (mp_flow_walk_get_path_edges (walk)->len, ==, steps);
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (walk)->len, ==, steps + 1);
  TIMED ("walk back", {
    for (guint i = 0; i < steps; i++)
      g_assert_true (mp_flow_walk_back (walk));
  });
  g_assert_false (mp_flow_walk_back (walk));
  g_assert_cmpuint (mp_flow_walk_get_current (walk), ==, start);
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (walk)->len, ==, 1);
}

static void
test_walk_cycles (void)
{
  walk_cycle ("flowchart TD\n  A --> B --> C --> A\n", 1000);
  walk_cycle ("flowchart TD\n  A --> A\n", 1000);
  walk_cycle ("flowchart TD\n  Q{Again?} -->|Yes| Done\n  Q -->|No| Q\n", 1000);
  walk_cycle ("flowchart TD\n  S --> A\n  A -->|x| B\n  B -->|y| A\n  A -->|z| A\n", 1000);
  /* Every node has an incoming edge: the walk still has a start. */
  walk_cycle ("flowchart LR\n  A --> B\n  B --> A\n  B --> B\n", 1000);
}

static void
test_walk_serialized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("cycle", "flowchart TD\nA --> B --> A\n", 1, &error);
  g_autoptr(MpFlowWalk) walk = mp_flow_walk_new (chart);
  const char *bad[] = { "", "garbage", "99999999999999999999", "-1", "0,0,0,0,999",
                        "\xff\xfe", ",,,,", "1;2;3", "0 1 2" };
  g_autofree char *long_text = repeat ("", "0,", 100000, "0");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gboolean ok;

      TIMED ("restore", ok = mp_flow_walk_restore (walk, bad[i]));
      if (!ok)
        g_assert_cmpuint (mp_flow_walk_get_current (walk), ==, mp_flow_walk_get_start (walk));
      g_assert_cmpuint (mp_flow_walk_get_current (walk), <, 2);
    }
  TIMED ("restore 100 000 steps", mp_flow_walk_restore (walk, long_text));
  g_assert_cmpuint (mp_flow_walk_get_current (walk), <, 2);
  /* Choosing an edge that does not exist changes nothing. */
  mp_flow_walk_restart (walk);
  g_assert_false (mp_flow_walk_choose (walk, 12345));
  g_assert_false (mp_flow_walk_choose_node (walk, 12345));
  g_assert_cmpuint (mp_flow_walk_get_path_nodes (walk)->len, ==, 1);
}

/* -- Layout ---------------------------------------------------------- */

static void
assert_layout (const char *what,
               const char *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed (what, source, 1, &error);
  g_autoptr(MpFlowLayout) layout = NULL;

  g_assert_no_error (error);
  TIMED (what, layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error));
  if (layout == NULL)
    {
      g_assert_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED);
      g_test_message ("message: %s", error->message);
      return;
    }
  g_assert_cmpfloat (mp_flow_layout_get_width (layout), >, 0);
  g_assert_cmpfloat (mp_flow_layout_get_height (layout), >, 0);
}

static void
test_layout_odd_graphs (void)
{
  g_autofree char *long_label = repeat ("flowchart TD\nA[", "word ", 20000, "] --> B\n");
  g_autofree char *fan = NULL;
  GString *text = g_string_new ("flowchart TD\n");

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "H --> N%u\n", i);
  fan = g_string_free (text, FALSE);
  assert_layout ("self-loops", "flowchart TD\nA --> A\nA -->|again| A\nB((B)) --> B\n");
  assert_layout ("cycle", "flowchart LR\nA --> B --> C --> A\nC --> C\n");
  assert_layout ("edges into subgraph cycle",
                 "flowchart TD\nsubgraph S\nA --> B\nend\nS --> S\nB --> S\nS --> A\n");
  assert_layout ("empty subgraph", "flowchart TD\nsubgraph S\nend\nA --> S\n");
  assert_layout ("long label", long_label);
  assert_layout ("fan of 500", fan);
  assert_layout ("markup-like labels",
                 "flowchart TD\nA[\"<b>x</b> & <i\"] --> B[\"&#0; &#xD800; &bogus;\"]\n");
}

static void
test_layout_huge_numbers (void)
{
  g_autofree char *long_edge = repeat ("flowchart TD\nA ", "-", 10000, "> B\n");
  g_autofree char *long_dotted = repeat ("flowchart LR\nA -", ".", 10000, "-> B\n");

  assert_layout ("edge 10 000 ranks long", long_edge);
  assert_layout ("dotted edge 10 000 long", long_dotted);
  assert_layout ("huge style numbers",
                 "flowchart TD\nA --> B\nstyle A stroke-width:1e400px,fill:#fff\n"
                 "style B stroke-width:-5px\nlinkStyle 0 stroke-width:99999999999999999999px\n"
                 "classDef big stroke-width:1e308px\nclass A big\n");
  assert_mermaid_error ("flowchart TD\nA --> B\nlinkStyle 99999999999999999999 stroke:red\n",
                        MP_MERMAID_ERROR_SYNTAX, 3, 11);
}

static void
test_layout_long_chain (void)
{
  g_autofree char *source = chain_source (1000, FALSE);

  /* The longest chain MP_FLOW_LAYOUT_MAX_NODES lets dot lay out. */
  assert_layout ("chain of 1 000", source);
}

static void
test_layout_labelled_chain (void)
{
  GString *text = g_string_new ("flowchart TD\n");
  g_autofree char *source = NULL;

  for (guint i = 1; i < 1000; i++)
    g_string_append_printf (text, "A%u -->|answer %u| A%u\n", i, i, i + 1);
  source = g_string_free (text, FALSE);
  assert_layout ("1 000 nodes, labelled edges", source);
}

/* 33 nodes, each linked to every other (1 056 edges): under the node limit,
 * yet dot takes seconds. */
static void
test_layout_dense (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "robust-dense-33.mmd", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = NULL;
  gint64 start, usec;

  g_assert_true (g_file_get_contents (path, &source, NULL, NULL));
  chart = parse_timed ("33 nodes, 1 056 edges", source, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp_flowchart_get_n_edges (chart), ==, 1056);
  start = g_get_monotonic_time ();
  layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error);
  usec = g_get_monotonic_time () - start;
  g_test_message ("time: layout of 33 nodes, 1 056 edges refused in %.1f ms", usec / 1000.0);
  g_assert_null (layout);
  g_assert_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==, "This flowchart has 1056 links between 33 nodes, "
                   "too dense to draw: the limit is 258 links");
  g_assert_cmpint (usec, <, MAX_USEC);
}

static void
test_layout_huge_chain (void)
{
  g_autofree char *source = chain_source (10000, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = parse_timed ("chain 10 000", source, 1, &error);
  g_autoptr(MpFlowLayout) layout = NULL;
  gint64 start, usec;

  /* Past MP_FLOW_LAYOUT_MAX_NODES the layout is refused at once, with a
   * message, instead of running dot for seconds. */
  g_assert_nonnull (chart);
  start = g_get_monotonic_time ();
  layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_EXTERNAL, &error);
  usec = g_get_monotonic_time () - start;
  g_test_message ("time: layout of 10 000 nodes refused in %.1f ms", usec / 1000.0);
  g_assert_null (layout);
  g_assert_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED);
  g_assert_cmpstr (error->message, ==,
                   "This flowchart has 10000 nodes, too many to draw: the limit is 1000");
  g_assert_cmpint (usec, <, 100000);
}

/* -- Programs -------------------------------------------------------- */

static const char valid_user_json[] =
  "{\n  \"schema_version\": 1,\n  \"programs\": [\n    {\n      \"id\": \"mine-1\",\n"
  "      \"name\": \"My own MHPE\",\n      \"kind\": \"masters\",\n      \"format\": \"online\",\n"
  "      \"duration_years\": 2,\n      \"hours_per_week\": 10,\n      \"tuition_usd\": 20000,\n"
  "      \"ratings\": { \"faculty\": 8, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, "
  "\"brand\": 6 }\n    }\n  ]\n}\n";

/* A program object with @field set to @value (or left out when @value is NULL). */
static char *
program_json (const char *field,
              const char *value)
{
  const char *fields[][2] = {
    { "id", "\"p1\"" }, { "name", "\"P\"" }, { "kind", "\"masters\"" },
    { "format", "\"online\"" }, { "duration_years", "2" }, { "hours_per_week", "10" },
    { "tuition_usd", "1000" },
    { "ratings", "{ \"faculty\": 8, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, \"brand\": 6 }" },
  };
  GString *text = g_string_new ("{\"schema_version\": 1, \"programs\": [{");
  gboolean first = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = g_str_equal (fields[i][0], field) ? value : fields[i][1];

      if (v == NULL)
        continue;
      g_string_append_printf (text, "%s\"%s\": %s", first ? "" : ", ", fields[i][0], v);
      first = FALSE;
    }
  g_string_append (text, "}]}\n");
  return g_string_free (text, FALSE);
}

static MpProgramStore *
sample_store (void)
{
  MpProgramStore *store = mp_program_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_program_store_load_samples (store, &error));
  g_assert_no_error (error);
  return store;
}

/* Load and import of @data both fail with @code and a FILE:LINE:COLUMN
 * message (when @position), and leave the store as it was. */
static void
assert_programs_error (const char *name,
                       const char *data,
                       gssize      length,
                       int         code,
                       gboolean    position)
{
  g_autofree char *path = temp_file (name, data, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autofree char *before = mp_program_store_to_json (store, FALSE);
  g_autofree char *after_load = NULL;
  g_autofree char *after_import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  gboolean loaded;
  int imported;

  TIMED (name, loaded = mp_program_store_load_file (store, file, &error));
  g_assert_false (loaded);
  assert_error (error, MP_PROGRAM_STORE_ERROR, code, path, position);
  after_load = mp_program_store_to_json (store, FALSE);
  g_assert_cmpstr (after_load, ==, before);

  TIMED (name, imported = mp_program_store_import (store, file, &import_error));
  g_assert_cmpint (imported, ==, -1);
  g_assert_nonnull (import_error);
  g_assert_true (import_error->domain == MP_PROGRAM_STORE_ERROR);
  g_test_message ("import: %s", import_error->message);
  g_assert_true (g_str_has_prefix (import_error->message, path));
  after_import = mp_program_store_to_json (store, FALSE);
  g_assert_cmpstr (after_import, ==, before);
}

static void
test_programs_empty_binary (void)
{
  g_autoptr(GBytes) noise = random_bytes (4096, 3);

  assert_programs_error ("empty.json", "", 0, MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
  assert_programs_error ("blank.json", "\n  \n", -1, MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
  assert_programs_error ("noise.json", g_bytes_get_data (noise, NULL), 4096,
                         MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
  assert_programs_error ("picture.png", (const char *) png_bytes, sizeof png_bytes,
                         MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
  assert_programs_error ("latin1.json", "{\"schema_version\": 1, \"programs\": [{\"name\": \"Caf\xe9\"}]}",
                         -1, MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
}

static void
test_programs_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dir_error = NULL;

  g_assert_false (mp_program_store_load_file (store, file, &error));
  assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO, path, FALSE);
  g_assert_cmpint (mp_program_store_import (store, dir, &dir_error), ==, -1);
  assert_error (dir_error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO, tmp_dir, FALSE);
}

static void
test_programs_huge (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (big_file ());
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) import_error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean loaded;
  int imported;
  gint64 start, usec;

  TIMED ("load 50 MB", loaded = mp_program_store_load_file (store, file, &error));
  g_assert_false (loaded);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  start = g_get_monotonic_time ();
  imported = mp_program_store_import (store, file, &import_error);
  usec = g_get_monotonic_time () - start;
  g_test_message ("time: import 50 MB %.1f ms", usec / 1000.0);
  g_assert_cmpint (imported, ==, -1);
  g_test_message ("import: %s", import_error->message);
  assert_error (import_error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID, big_file (), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
  if (usec >= MAX_USEC)
    g_test_incomplete ("importing 50 MB that is not CSV takes over 2 s: the CSV reader splits the "
                       "whole file into cells before it checks the header row "
                       "(read_rows() in mp-program-csv.c)");
}

static void
test_programs_deep_json (void)
{
  g_autofree char *arrays = repeat ("", "[", 100000, "");
  g_autofree char *objects = repeat ("{\"schema_version\": 1, \"programs\": [", "{\"a\":", 10000, "1");

  assert_programs_error ("deep-arrays.json", arrays, -1, MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
  assert_programs_error ("deep-objects.json", objects, -1, MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
}

static void
test_programs_fields (void)
{
  /* field, value (NULL: left out) */
  const char *cases[][2] = {
    { "name", NULL }, { "ratings", NULL }, { "kind", NULL },
    { "kind", "\"phd\"" }, { "kind", "42" }, { "format", "\"by pigeon\"" },
    { "tuition_usd", "1e308" }, { "tuition_usd", "-1" }, { "tuition_usd", "\"NaN\"" },
    { "tuition_usd", "NaN" }, { "tuition_usd", "Infinity" }, { "tuition_usd", "1e400" },
    { "hours_per_week", "169" }, { "duration_years", "-0.5" }, { "name", "\"\"" },
    { "name", "123" }, { "id", "7" },
    { "ratings", "{ \"faculty\": -1, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, \"brand\": 6 }" },
    { "ratings", "{ \"faculty\": 11, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, \"brand\": 6 }" },
    { "ratings", "{ \"faculty\": 1e400, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, \"brand\": 6 }" },
    { "ratings", "{ \"faculty\": [8] }" },
    { "ratings", "{ \"faculty\": [9, 6] }" },
    { "ratings", "[8, 5, 4, 9, 6]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = program_json (cases[i][0], cases[i][1]);
      g_autofree char *name = g_strdup_printf ("field-%u.json", i);
      g_autofree char *path = temp_file (name, json, -1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MpProgramStore) store = sample_store ();
      g_autoptr(GError) error = NULL;
      gboolean loaded;

      g_test_message ("case: %s = %s", cases[i][0], cases[i][1] ? cases[i][1] : "(left out)");
      TIMED (name, loaded = mp_program_store_load_file (store, file, &error));
      g_assert_false (loaded);
      g_assert_nonnull (error);
      assert_error (error, MP_PROGRAM_STORE_ERROR, error->code, path, TRUE);
      g_assert_true (error->code == MP_PROGRAM_STORE_ERROR_INVALID ||
                     error->code == MP_PROGRAM_STORE_ERROR_SYNTAX);
    }
}

/* json-glib turns a broken \\u escape into bytes that are not UTF-8; the
 * loader refuses them at the value, so nothing loads that cannot be saved. */
static void
test_programs_broken_escape (void)
{
  const char *values[] = { "\"pr\\udAoject\"", "\"\\ud800\"", "\"a\\u12\"" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *json = program_json ("name", values[i]);
      g_autofree char *path = temp_file ("escape.json", json, -1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MpProgramStore) store = sample_store ();
      g_autoptr(GError) error = NULL;

      g_test_message ("name = %s", values[i]);
      g_assert_false (mp_program_store_load_file (store, file, &error));
      assert_error (error, MP_PROGRAM_STORE_ERROR, error->code, path, TRUE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_test_message ("%s", error->message);
      g_assert_true (strstr (error->message, "escape") != NULL ||
                     error->code == MP_PROGRAM_STORE_ERROR_SYNTAX);
    }
}

static void
test_programs_unknown_fields (void)
{
  /* Unknown keys are tolerated (files from a newer version), and ignored. */
  g_autofree char *json = program_json ("ratings", "{ \"fame\": 8, \"faculty\": 8, \"scholarship\": 5, "
                                        "\"funding\": 4, \"flexibility\": 9, \"brand\": 6 }");
  g_autofree char *path = temp_file ("unknown-rating.json", json, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_program_store_load_file (store, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
}

static void
test_programs_duplicates_and_version (void)
{
  const char *two = "{\"schema_version\": 1, \"programs\": [%s, %s]}";
  g_autofree char *one = program_json ("x", NULL);
  g_autofree char *object = g_strndup (strstr (one, "[{") + 1, strlen (strstr (one, "[{") + 1) - 3);
  g_autofree char *dup = g_strdup_printf (two, object, object);

  assert_programs_error ("duplicate-ids.json", dup, -1, MP_PROGRAM_STORE_ERROR_INVALID, TRUE);
  /* A key given twice: the last one counts, and a bad one is still caught. */
  assert_programs_error ("duplicate-key.json",
                         "{\"schema_version\": 1, \"programs\": [{\"id\": \"a\", \"name\": \"P\", "
                         "\"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, "
                         "\"hours_per_week\": 10, \"tuition_usd\": 1, \"ratings\": {\"faculty\": 8, "
                         "\"faculty\": -3, \"scholarship\": 5, \"funding\": 4, \"flexibility\": 9, "
                         "\"brand\": 6}}]}", -1, MP_PROGRAM_STORE_ERROR_INVALID, TRUE);
  assert_programs_error ("version-99.json", "{\"schema_version\": 99, \"programs\": []}", -1,
                         MP_PROGRAM_STORE_ERROR_VERSION, TRUE);
  assert_programs_error ("version-big.json", "{\"schema_version\": 1e400, \"programs\": []}", -1,
                         MP_PROGRAM_STORE_ERROR_INVALID, TRUE);
  assert_programs_error ("no-version.json", "{\"programs\": []}", -1,
                         MP_PROGRAM_STORE_ERROR_INVALID, TRUE);
  assert_programs_error ("not-object.json", "[1, 2, 3]", -1, MP_PROGRAM_STORE_ERROR_INVALID, TRUE);
  assert_programs_error ("truncated.json", "{\"schema_version\": 1, \"programs\": [{\"name\":", -1,
                         MP_PROGRAM_STORE_ERROR_SYNTAX, TRUE);
}

static void
test_programs_csv (void)
{
  const char *header = "name,kind,format,duration_years,hours_per_week,tuition_usd,"
                       "faculty,scholarship,funding,flexibility,brand\n";
  const char *rows[] = {
    "P,masters,online,2,10,1e308,8,5,4,9,6\n",
    "P,masters,online,2,10,1e400,8,5,4,9,6\n",
    "P,masters,online,2,10,NaN,8,5,4,9,6\n",
    "P,masters,online,2,10,-0,-1,5,4,9,6\n",
    "P,phd,online,2,10,100,8,5,4,9,6\n",
    "P,masters,online,2,10,100,8,5,4\n",
    "P,masters,online,2,10,100,8,5,4,9,6,extra,cells,here\n",
    "\"P,masters,online,2,10,100,8,5,4,9,6\n",
    ",masters,online,2,10,100,8,5,4,9,6\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *csv = g_strconcat (header, rows[i], NULL);
      g_autofree char *name = g_strdup_printf ("row-%u.csv", i);
      g_autofree char *path = temp_file (name, csv, -1);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(MpProgramStore) store = sample_store ();
      g_autoptr(GError) error = NULL;
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      int imported;

      g_test_message ("row: %s", rows[i]);
      TIMED (name, imported = mp_program_store_import (store, file, &error));
      g_assert_cmpint (imported, ==, -1);
      assert_error (error, MP_PROGRAM_STORE_ERROR, error->code, path, TRUE);
      g_assert_true (g_str_has_prefix (error->message + strlen (path), ":2:"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n);
    }
  {
    g_autofree char *header_path = temp_file ("header-only.csv", header, -1);
    g_autoptr(GFile) header_file = g_file_new_for_path (header_path);
    g_autoptr(MpProgramStore) header_store = sample_store ();
    guint n = g_list_model_get_n_items (G_LIST_MODEL (header_store));
    const char *files[][2] = {
      { "no-header.csv", "a,b,c\n1,2,3\n" },
      { "one-column.csv", "name\nP\n" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = temp_file (files[i][0], files[i][1], -1);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(MpProgramStore) store = sample_store ();
        g_autoptr(GError) error = NULL;
        int imported;

        TIMED (files[i][0], imported = mp_program_store_import (store, file, &error));
        g_assert_cmpint (imported, ==, -1);
        assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID, path, TRUE);
      }
    /* Ids used twice in the file, or already taken by a program in the store. */
    {
      const char *id_header = "id,name,kind,format,duration_years,hours_per_week,tuition_usd,"
                              "faculty,scholarship,funding,flexibility,brand\n";
      g_autofree char *twice = g_strconcat (id_header, "x,P,masters,online,2,10,1,8,5,4,9,6\n",
                                            "x,Q,masters,online,2,10,1,8,5,4,9,6\n", NULL);
      g_autofree char *taken = g_strconcat (id_header, "ridgeway-mhpe,P,masters,online,2,10,1,8,5,4,9,6\n",
                                            NULL);
      g_autofree char *twice_path = temp_file ("id-twice.csv", twice, -1);
      g_autofree char *taken_path = temp_file ("id-taken.csv", taken, -1);
      g_autoptr(GFile) twice_file = g_file_new_for_path (twice_path);
      g_autoptr(GFile) taken_file = g_file_new_for_path (taken_path);
      g_autoptr(MpProgramStore) store = sample_store ();
      g_autoptr(GError) twice_error = NULL;
      g_autoptr(GError) taken_error = NULL;
      g_autofree char *before = mp_program_store_to_json (store, FALSE);
      g_autofree char *after = NULL;

      g_assert_nonnull (mp_program_store_find (store, "ridgeway-mhpe"));
      g_assert_cmpint (mp_program_store_import (store, twice_file, &twice_error), ==, -1);
      assert_error (twice_error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID, twice_path, TRUE);
      g_assert_true (g_str_has_prefix (twice_error->message + strlen (twice_path), ":3:1: "));
      g_assert_cmpint (mp_program_store_import (store, taken_file, &taken_error), ==, -1);
      assert_error (taken_error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID, taken_path, TRUE);
      after = mp_program_store_to_json (store, FALSE);
      g_assert_cmpstr (after, ==, before);
    }
    /* A header alone is a file with no programs: nothing to import. */
    g_assert_cmpint (mp_program_store_import (header_store, header_file, NULL), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (header_store)), ==, n);
  }
}

/* -- The user's own data --------------------------------------------- */

static char *
user_file_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "masterplan", "programs.json", NULL);
}

static char *
write_user_file (const char *data,
                 gssize      length)
{
  char *path = user_file_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_file_is (const char *path,
                const char *data,
                gsize       length)
{
  g_autofree char *contents = NULL;
  gsize contents_length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &contents_length, NULL));
  g_assert_cmpmem (contents, contents_length, data, length);
}

static void
test_user_data_survives_failures (void)
{
  g_autofree char *path = write_user_file (valid_user_json, -1);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) noise = random_bytes (2048, 5);
  const char *bad[][2] = {
    { "bad.json", "{\"schema_version\": 1, \"programs\": [{]}" },
    { "bad.csv", "name,kind\nP,phd\n" },
    { "bad-version.json", "{\"schema_version\": 2, \"programs\": []}" },
  };

  g_assert_true (mp_program_store_load_user (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mp_program_store_find (store, "mine-1"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *bad_path = temp_file (bad[i][0], bad[i][1], -1);
      g_autoptr(GFile) file = g_file_new_for_path (bad_path);
      g_autoptr(GError) import_error = NULL;
      g_autoptr(GError) load_error = NULL;

      g_assert_cmpint (mp_program_store_import (store, file, &import_error), ==, -1);
      g_assert_nonnull (import_error);
      g_assert_false (mp_program_store_load_file (store, file, &load_error));
      g_assert_nonnull (load_error);
      assert_file_is (path, valid_user_json, strlen (valid_user_json));
      g_assert_nonnull (mp_program_store_find (store, "mine-1"));
    }
  /* Saving after the failures writes what the store holds: still mine-1. */
  g_assert_true (mp_program_store_save_user (store, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(MpProgramStore) again = mp_program_store_new ();

    g_assert_true (mp_program_store_load_user (again, NULL, &error));
    g_assert_nonnull (mp_program_store_find (again, "mine-1"));
  }
}

/* Finds the one FILE.broken-* beside @path. */
static char *
find_broken (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".broken-", NULL);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_assert_null (found);
        found = g_build_filename (dir, name, NULL);
      }
  return found;
}

static void
assert_broken_user_file (const char *data,
                         gsize       length)
{
  g_autofree char *path = write_user_file (data, length);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autofree char *before = mp_program_store_to_json (store, FALSE);
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  TIMED ("load broken user file", loaded = mp_program_store_load_user (store, NULL, &error));
  g_assert_false (loaded);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  aside = find_broken (path);
  g_assert_nonnull (aside);
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_file_is (aside, data, length);
  after = mp_program_store_to_json (store, FALSE);
  g_assert_cmpstr (after, ==, before);

  /* A later save writes a new file and leaves the broken one alone. */
  g_clear_error (&error);
  g_assert_true (mp_program_store_save_user (store, NULL, &error));
  g_assert_no_error (error);
  assert_file_is (aside, data, length);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_remove (aside);
  g_remove (path);
}

static void
test_user_file_broken (void)
{
  g_autoptr(GBytes) noise = random_bytes (2048, 9);
  gsize noise_length;
  const char *noise_data = g_bytes_get_data (noise, &noise_length);
  g_autofree char *truncated = g_strndup (valid_user_json, strlen (valid_user_json) / 2);

  assert_broken_user_file (truncated, strlen (truncated));
  assert_broken_user_file (noise_data, noise_length);
  assert_broken_user_file ((const char *) png_bytes, sizeof png_bytes);
  assert_broken_user_file ("{\"schema_version\": 1, \"programs\": [{\"name\": \"Caf\xe9\"}]}", 49);
  assert_broken_user_file ("{\"schema_version\": 7, \"programs\": []}", 37);
  assert_broken_user_file ("", 0);
}

static void
test_user_file_unreadable (void)
{
  /* A folder where the file should be: it cannot be read; it must not be
   * saved over either. */
  g_autofree char *path = user_file_path ();
  g_autofree char *inner = g_build_filename (path, "keep.txt", NULL);
  g_autoptr(MpProgramStore) store = sample_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  gboolean loaded;

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inner, "precious", -1, NULL));
  TIMED ("load folder as user file", loaded = mp_program_store_load_user (store, NULL, &error));
  g_assert_false (loaded);
  g_assert_nonnull (error);
  g_test_message ("message: %s", error->message);
  g_assert_false (mp_program_store_save_user (store, NULL, &save_error));
  g_assert_nonnull (save_error);
  g_test_message ("save: %s", save_error->message);
  assert_file_is (inner, "precious", 8);
}

/* -- Weights --------------------------------------------------------- */

static void
test_weights_specs (void)
{
  const struct {
    const char *spec;
    int         code;
  } cases[] = {
    { "faculty=1e308", MP_WEIGHTS_ERROR_OUT_OF_RANGE },
    { "faculty=1e400", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=-1", MP_WEIGHTS_ERROR_OUT_OF_RANGE },
    { "faculty=NaN", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=nan", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=inf", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=50%", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "faculty=5 0", MP_WEIGHTS_ERROR_NOT_A_NUMBER },
    { "=50", MP_WEIGHTS_ERROR_UNKNOWN_KEY },
    { "faculty", MP_WEIGHTS_ERROR_SYNTAX },
    { ",,,", MP_WEIGHTS_ERROR_SYNTAX },
    { "fame=50", MP_WEIGHTS_ERROR_UNKNOWN_KEY },
    { "brand=1,brand=2", MP_WEIGHTS_ERROR_DUPLICATE },
  };
  g_autofree char *long_spec = repeat ("", "faculty=1,", 100000, "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MpWeights weights, before;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      mp_weights_init_article (&weights);
      before = weights;
      TIMED (cases[i].spec, ok = mp_weights_parse (&weights, cases[i].spec, &error));
      g_test_message ("%s → %s", cases[i].spec, error ? error->message : "(accepted)");
      g_assert_false (ok);
      g_assert_error (error, MP_WEIGHTS_ERROR, cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (mp_weights_equal (&weights, &before));
    }
  {
    MpWeights weights;
    g_autoptr(GError) error = NULL;
    gboolean ok;

    mp_weights_init_article (&weights);
    TIMED ("100 000 entries", ok = mp_weights_parse (&weights, long_spec, &error));
    g_assert_false (ok);
    g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_DUPLICATE);
    /* -0 is zero, a valid weight. */
    g_clear_error (&error);
    g_assert_true (mp_weights_parse (&weights, "faculty=-0", &error));
    g_assert_no_error (error);
    g_assert_cmpfloat (weights.w[MP_CRITERION_FACULTY], ==, 0.0);
  }
}

static void
test_weights_invalid_utf8 (void)
{
  MpWeights weights;
  g_autoptr(GError) error = NULL;

  mp_weights_init_article (&weights);
  g_assert_false (mp_weights_parse (&weights, "facult\xc3y=50", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, ==,
                   "The weights are not valid UTF-8 text; write e.g. faculty=90,brand=50");
}

static void
test_weights_hex (void)
{
  MpWeights weights;
  g_autoptr(GError) error = NULL;

  mp_weights_init_article (&weights);
  /* g_ascii_strtod() reads C hex floats; the CSV and JSON readers do not. */
  g_assert_false (mp_weights_parse (&weights, "faculty=0x10", &error));
  g_assert_error (error, MP_WEIGHTS_ERROR, MP_WEIGHTS_ERROR_NOT_A_NUMBER);
}

/* -- The command line ------------------------------------------------ */

typedef struct {
  int      status;
  char    *out;
  char    *err;
  gboolean timed_out;
  gboolean allow_slow; /* the caller checks usec itself */
  gint64   usec;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
communicated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  if (error != NULL)
    run->err = g_strdup (error->message);
  run->status = -2;
}

static gboolean
timed_out (gpointer user_data)
{
  ((Run *) user_data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the real masterplan with @args (NULL-terminated) and kills it after
 * 10 s; the run must end in under 2 s. */
static void
run_masterplan (Run        *run,
                const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  guint timeout;
  gint64 start = g_get_monotonic_time ();
  gint64 usec;

  g_ptr_array_add (argv, g_test_build_filename (G_TEST_BUILT, "..", "src", "masterplan", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  {
    g_autofree char *joined = g_strjoinv (" ", (char **) args);

    /* TAP output must stay UTF-8. */
    line = g_utf8_make_valid (joined, -1);
  }
  if (strlen (line) > 100)
    strcpy (line + 90, "…");

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  run->status = -1;
  timeout = g_timeout_add_seconds (TIME_SCALE > 1 ? 120 : 10, timed_out, run);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicated, run);
  while (run->status == -1 && !run->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (run->timed_out)
    {
      g_subprocess_force_exit (process);
      g_error ("masterplan %s did not end in time", line);
    }
  g_source_remove (timeout);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  usec = g_get_monotonic_time () - start;
  g_test_message ("time: masterplan %-40s %8.1f ms", line, usec / 1000.0);
  {
    g_autofree char *valid = g_utf8_make_valid (run->err, -1);
    g_autofree char *head = g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 300));

    g_test_message ("stderr: %s", head);
  }
  if (!g_subprocess_get_if_exited (process))
    g_error ("masterplan %s died of signal %d; stderr: %s", line,
             g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);
  run->usec = usec;
  if (!run->allow_slow)
    g_assert_cmpint (usec, <, MAX_USEC);
}

/* The run fails with @status, prints nothing on stdout, and its message
 * holds @needle; usage errors (2) start with "masterplan: ", file errors
 * with the file's name. */
static void
assert_cli_fails (const char *const *args,
                  int                 status,
                  const char         *needle)
{
  g_auto(Run) run = { 0, };

  run_masterplan (&run, args);
  g_assert_cmpint (run.status, ==, status);
  g_assert_cmpstr (run.out, ==, "");
  if (status == 2)
    g_assert_true (g_str_has_prefix (run.err, "masterplan: "));
  if (strstr (run.err, needle) == NULL)
    g_error ("stderr “%.300s” lacks “%s”", run.err, needle);
}

static void
test_cli_rank (void)
{
  g_autofree char *empty = temp_file ("empty-programs.json", "", 0);
  g_autofree char *png = temp_file ("programs.png", (const char *) png_bytes, sizeof png_bytes);
  g_autofree char *missing = g_build_filename (tmp_dir, "nowhere.json", NULL);
  g_autofree char *bad_kind = temp_file ("bad-kind.csv",
                                         "name,kind,format,duration_years,hours_per_week,tuition_usd,"
                                         "faculty,scholarship,funding,flexibility,brand\n"
                                         "P,phd,online,2,10,1,8,5,4,9,6\n", -1);
  g_autofree char *long_weights = repeat ("", "x", 100000, "=1");

  assert_cli_fails ((const char *[]) { "--rank", "--weights", "faculty=1e400", NULL }, 2, "faculty");
  assert_cli_fails ((const char *[]) { "--rank", "--weights", "faculty=NaN", NULL }, 2, "faculty");
  assert_cli_fails ((const char *[]) { "--rank", "--weights", "", NULL }, 2, "--weights");
  /* GOption's own message, which does not name the option. */
  assert_cli_fails ((const char *[]) { "--rank", "--weights", "\xff\xfe=1", NULL }, 2, "Invalid byte sequence");
  assert_cli_fails ((const char *[]) { "--rank", "--weights", long_weights, NULL }, 2, "--weights");
  assert_cli_fails ((const char *[]) { "--rank", "--format", "xml", NULL }, 2, "--format");
  assert_cli_fails ((const char *[]) { "--rank", "--format", "", NULL }, 2, "--format");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", missing, NULL }, 1, "nowhere.json");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", empty, NULL }, 1, "empty-programs.json");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", png, NULL }, 1, "programs.png:3:1: the file contains a NUL byte");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", bad_kind, NULL }, 1, "bad-kind.csv:2:");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", tmp_dir, NULL }, 1, "cannot read the file");
  assert_cli_fails ((const char *[]) { "--rank", "--programs", NULL }, 2, "--programs");
}

static void
test_cli_rank_huge (void)
{
  g_auto(Run) run = { .allow_slow = TRUE, };

  run_masterplan (&run, (const char *[]) { "--rank", "--programs", big_file (), NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, big_file ()));
  g_assert_nonnull (strstr (run.err, ":1:1: unknown column"));
  if (run.usec >= MAX_USEC)
    g_test_incomplete ("masterplan --rank --programs 50MB-FILE takes over 2 s: the CSV reader splits "
                       "the whole file into cells before it checks the header row "
                       "(read_rows() in mp-program-csv.c)");
}

static void
test_cli_export (void)
{
  g_autofree char *out_svg = g_build_filename (tmp_dir, "out.svg", NULL);
  g_autofree char *out_odd = g_build_filename (tmp_dir, "out.docx", NULL);
  g_autofree char *out_none = g_build_filename (tmp_dir, "out", NULL);
  g_autofree char *out_in_missing = g_build_filename (tmp_dir, "no", "such", "dir", "out.svg", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "nowhere.mmd", NULL);
  g_autofree char *empty = temp_file ("empty.mmd", "", 0);
  g_autofree char *png = temp_file ("chart.png", (const char *) png_bytes, sizeof png_bytes);
  g_autofree char *latin1 = temp_file ("latin1-chart.md", invalid_utf8, -1);
  g_autofree char *broken = g_build_filename (TEST_DATA_DIR, "flow-broken.mmd", NULL);
  g_autofree char *good = g_build_filename (TEST_DATA_DIR, "flow-decision.mmd", NULL);
  g_autofree char *article = g_build_filename (TEST_DATA_DIR, "flow-article.md", NULL);
  g_autofree char *no_blocks = temp_file ("no-blocks.md", "# Just text\n\nNo chart here.\n", -1);
  g_autofree char *deep = NULL;
  g_autofree char *deep_path = NULL;

  {
    GString *text = g_string_new ("flowchart TD\n");

    for (guint i = 0; i < 1000; i++)
      g_string_append_printf (text, "subgraph S%u\n", i);
    g_string_append (text, "A --> B\n");
    deep = g_string_free (text, FALSE);
    deep_path = temp_file ("deep-subgraphs.mmd", deep, -1);
  }

  assert_cli_fails ((const char *[]) { "--export-flowchart", missing, "-o", out_svg, NULL }, 1, "nowhere.mmd");
  assert_cli_fails ((const char *[]) { "--export-flowchart", empty, "-o", out_svg, NULL }, 1, "empty.mmd:");
  assert_cli_fails ((const char *[]) { "--export-flowchart", png, "-o", out_svg, NULL }, 1, "chart.png");
  assert_cli_fails ((const char *[]) { "--export-flowchart", latin1, "-o", out_svg, NULL }, 1, "latin1-chart.md:3:");
  assert_cli_fails ((const char *[]) { "--export-flowchart", big_file (), "-o", out_svg, NULL }, 1, "big.md");
  {
    /* The folder is named first, as FILE: in every other message. */
    g_autofree char *folder_message = g_strdup_printf ("%s: this is a folder", tmp_dir);

    assert_cli_fails ((const char *[]) { "--export-flowchart", tmp_dir, "-o", out_svg, NULL }, 1, folder_message);
  }
  assert_cli_fails ((const char *[]) { "--export-flowchart", broken, "-o", out_svg, NULL }, 1, "flow-broken.mmd:3:");
  assert_cli_fails ((const char *[]) { "--export-flowchart", deep_path, "-o", out_svg, NULL }, 1,
                    "deep-subgraphs.mmd:66:1:");
  assert_cli_fails ((const char *[]) { "--export-flowchart", no_blocks, "-o", out_svg, NULL }, 1, "no-blocks.md");
  g_assert_false (g_file_test (out_svg, G_FILE_TEST_EXISTS));

  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", out_odd, NULL }, 2, "must end in .svg, .png or .pdf");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", out_none, NULL }, 2, "must end in .svg, .png or .pdf");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", out_in_missing, NULL }, 1, "out.svg");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", tmp_dir, NULL }, 2, "masterplan: ");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, NULL }, 2, "-o");
  assert_cli_fails ((const char *[]) { "--export-flowchart", NULL }, 2, "--export-flowchart");
  assert_cli_fails ((const char *[]) { "--export-flowchart", article, "-o", out_svg, "--block", "0", NULL },
                    2, "--block");
  assert_cli_fails ((const char *[]) { "--export-flowchart", article, "-o", out_svg, "--block", "99", NULL },
                    2, "no block 99; give a block from 1 to 2");
  assert_cli_fails ((const char *[]) { "--export-flowchart", article, "-o", out_svg, "--block", "abc", NULL },
                    2, "abc");
  assert_cli_fails ((const char *[]) { "--export-flowchart", article, "-o", out_svg, "--block", "-1", NULL },
                    2, "--block");
  assert_cli_fails ((const char *[]) { "--export-flowchart", article, "-o", out_svg,
                                       "--block", "99999999999999999999", NULL }, 2, "99999999999999999999");
  g_assert_false (g_file_test (out_svg, G_FILE_TEST_EXISTS));
}

static void
test_cli_export_empty_message (void)
{
  g_autofree char *out_svg = g_build_filename (tmp_dir, "empty-out.svg", NULL);
  g_autofree char *empty = temp_file ("blank.mmd", "\n", -1);
  g_autofree char *big = NULL;
  g_auto(Run) run = { 0, };
  g_auto(Run) big_run = { 0, };

  {
    GString *text = g_string_new ("flowchart TD\n");

    while (text->len < BIG_SIZE)
      g_string_append (text, "%% a comment line, repeated to make the file big\n");
    big = temp_file ("big.mmd", text->str, text->len);
    g_string_free (text, TRUE);
  }
  /* 50 MB of comments under a header is a chart without nodes: .mmd files
   * have no size limit, and this one exports (an empty drawing) in time. */
  run_masterplan (&big_run, (const char *[]) { "--export-flowchart", big, "-o", out_svg, NULL });
  g_assert_cmpint (big_run.status, ==, 0);
  g_remove (out_svg);

  run_masterplan (&run, (const char *[]) { "--export-flowchart", empty, "-o", out_svg, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, empty));
  g_assert_nonnull (strstr (run.err, "blank.mmd:2:1: The flowchart is empty"));
}

static void
test_cli_export_too_many_nodes (void)
{
  g_autofree char *source = chain_source (10000, TRUE);
  g_autofree char *path = temp_file ("chain-10000.mmd", source, -1);
  g_autofree char *out_svg = g_build_filename (tmp_dir, "chain.svg", NULL);
  g_auto(Run) run = { 0, };

  run_masterplan (&run, (const char *[]) { "--export-flowchart", path, "-o", out_svg, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "too many to draw"));
  g_assert_false (g_file_test (out_svg, G_FILE_TEST_EXISTS));
  g_assert_true (g_str_has_prefix (run.err, path));
}

static void
test_cli_options (void)
{
  g_autofree char *good = g_build_filename (TEST_DATA_DIR, "flow-decision.mmd", NULL);
  g_autofree char *out_svg = g_build_filename (tmp_dir, "never.svg", NULL);

  assert_cli_fails ((const char *[]) { "--rank", "--bogus", NULL }, 2, "--bogus");
  assert_cli_fails ((const char *[]) { "--rank", "stray", NULL }, 2, "unexpected argument");
  assert_cli_fails ((const char *[]) { "--rank", "--export-flowchart", good, "-o", out_svg, NULL },
                    2, "cannot be combined");
  assert_cli_fails ((const char *[]) { "--rank", "-o", out_svg, NULL }, 2, "--output");
  assert_cli_fails ((const char *[]) { "--rank", "--block", "2", NULL }, 2, "--block");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", out_svg, "--weights", "brand=1", NULL },
                    2, "--weights");
  assert_cli_fails ((const char *[]) { "--export-flowchart", good, "-o", out_svg, "--format", "json", NULL },
                    2, "--format");
  assert_cli_fails ((const char *[]) { "--rank", "--weights", NULL }, 2, "--weights");
  g_assert_false (g_file_test (out_svg, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  tmp_dir = g_dir_make_tmp ("mp-bad-input-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/bad-input/markdown/empty", test_markdown_empty);
  g_test_add_func ("/bad-input/markdown/binary", test_markdown_binary);
  g_test_add_func ("/bad-input/markdown/invalid-utf8", test_markdown_invalid_utf8);
  g_test_add_func ("/bad-input/markdown/50-mb", test_markdown_huge);
  g_test_add_func ("/bad-input/markdown/missing", test_markdown_missing);
  g_test_add_func ("/bad-input/markdown/deep-lists", test_markdown_deep_lists);
  g_test_add_func ("/bad-input/markdown/broken-mermaid", test_markdown_broken_mermaid);
  g_test_add_func ("/bad-input/markdown/chart-numbers", test_markdown_chart_numbers);
  g_test_add_func ("/bad-input/mermaid/empty-binary", test_mermaid_empty_and_binary);
  g_test_add_func ("/bad-input/mermaid/invalid-utf8", test_mermaid_invalid_utf8);
  g_test_add_func ("/bad-input/mermaid/long-chain", test_mermaid_long_chain);
  g_test_add_func ("/bad-input/mermaid/deep-subgraphs", test_mermaid_deep_subgraphs);
  g_test_add_func ("/bad-input/mermaid/unbalanced", test_mermaid_unbalanced);
  g_test_add_func ("/bad-input/mermaid/duplicate-ids", test_mermaid_duplicate_ids);
  g_test_add_func ("/bad-input/walk/cycles", test_walk_cycles);
  g_test_add_func ("/bad-input/walk/serialized", test_walk_serialized);
  g_test_add_func ("/bad-input/layout/odd-graphs", test_layout_odd_graphs);
  g_test_add_func ("/bad-input/layout/huge-numbers", test_layout_huge_numbers);
  g_test_add_func ("/bad-input/layout/long-chain", test_layout_long_chain);
  g_test_add_func ("/bad-input/layout/labelled-chain", test_layout_labelled_chain);
  g_test_add_func ("/bad-input/layout/dense", test_layout_dense);
  g_test_add_func ("/bad-input/layout/huge-chain", test_layout_huge_chain);
  g_test_add_func ("/bad-input/programs/empty-binary", test_programs_empty_binary);
  g_test_add_func ("/bad-input/programs/missing", test_programs_missing_file);
  g_test_add_func ("/bad-input/programs/50-mb", test_programs_huge);
  g_test_add_func ("/bad-input/programs/deep-json", test_programs_deep_json);
  g_test_add_func ("/bad-input/programs/fields", test_programs_fields);
  g_test_add_func ("/bad-input/programs/broken-escape", test_programs_broken_escape);
  g_test_add_func ("/bad-input/programs/unknown-fields", test_programs_unknown_fields);
  g_test_add_func ("/bad-input/programs/duplicates-version", test_programs_duplicates_and_version);
  g_test_add_func ("/bad-input/programs/csv", test_programs_csv);
  g_test_add_func ("/bad-input/user-data/survives-failures", test_user_data_survives_failures);
  g_test_add_func ("/bad-input/user-data/broken-moved-aside", test_user_file_broken);
  g_test_add_func ("/bad-input/user-data/unreadable", test_user_file_unreadable);
  g_test_add_func ("/bad-input/weights/specs", test_weights_specs);
  g_test_add_func ("/bad-input/weights/hex", test_weights_hex);
  g_test_add_func ("/bad-input/weights/invalid-utf8", test_weights_invalid_utf8);
  g_test_add_func ("/bad-input/cli/rank", test_cli_rank);
  g_test_add_func ("/bad-input/cli/rank-50-mb", test_cli_rank_huge);
  g_test_add_func ("/bad-input/cli/export", test_cli_export);
  g_test_add_func ("/bad-input/cli/export-empty-message", test_cli_export_empty_message);
  g_test_add_func ("/bad-input/cli/export-too-many-nodes", test_cli_export_too_many_nodes);
  g_test_add_func ("/bad-input/cli/options", test_cli_options);

  status = g_test_run ();
  mp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
