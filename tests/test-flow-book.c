/* test-flow-book.c: a document's flowcharts, the tree check, and --check-flowchart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-flow-book.h"
#include "mp-flow-check.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define MP_SOURCE_ARTICLE TEST_DATA_DIR "/../../data/article/master-plan.md"

static MpFlowBook *
book_for (const char *source)
{
  MpFlowBook *book = mp_flow_book_new ();

  mp_flow_book_load_source (book, source, "tree.mmd");
  g_assert_cmpuint (mp_flow_book_get_n_charts (book), ==, 1);
  return book;
}

/* The warnings of the only chart, one per line. */
static char *
warnings_of (MpFlowBook *book)
{
  GString *all = g_string_new (NULL);

  for (guint k = 0; k < mp_flow_book_get_n_warnings (book, 0); k++)
    g_string_append_printf (all, "%s\n", mp_flow_book_get_warning (book, 0, k)->message);
  return g_string_free (all, FALSE);
}

static void
test_error_prefix (void)
{
  g_autoptr(MpFlowBook) book = book_for ("flowchart TD\n  A[one] --> B(two\n");
  const MpFlowNote *error = mp_flow_book_get_error (book, 0);

  g_assert_null (mp_flow_book_get_chart (book, 0));
  g_assert_null (mp_flow_book_get_walk (book, 0));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "tree.mmd:2:15: "));
  g_assert_cmpuint (error->line, ==, 2);
  g_assert_cmpuint (error->column, ==, 15);
  g_assert_cmpstr (error->source_line, ==, "  A[one] --> B(two");
}

static void
test_document_blocks (void)
{
  const char *text = "# Plan\n\nText.\n\n```mermaid\nflowchart TD\n  A{Go?} -->|yes| B\n  A -->|no| C\n"
                     "  click B \"#plan\" \"Why B\"\n  click C \"#plan\" \"Why C\"\n```\n\n"
                     "## Other\n\n```mermaid\nflowchart TD\n  X --> Y@{ shape: nope }\n```\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = mp_document_new_from_data (text, -1, NULL, &error);
  g_autoptr(MpFlowBook) book = mp_flow_book_new ();
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  mp_flow_book_load_document (book, document, "plan.md");
  g_assert_cmpuint (mp_flow_book_get_n_charts (book), ==, 2);
  g_assert_cmpstr (mp_flow_book_get_section_id (book, 0), ==, "plan");
  g_assert_cmpuint (mp_flow_book_get_n_warnings (book, 0), ==, 0);
  g_assert_nonnull (mp_flow_book_get_walk (book, 1));
  /* Lines count in the Markdown file; the source line comes with the note. */
  g_assert_cmpuint (mp_flow_book_get_n_warnings (book, 1), ==, 2);
  g_assert_cmpstr (mp_flow_book_get_warning (book, 1, 1)->message, ==,
                   "plan.md:17:20: Mermaid has no shape named “nope” and would refuse the chart; it is drawn as a rectangle");
  g_assert_cmpstr (mp_flow_book_get_warning (book, 1, 1)->source_line, ==, "  X --> Y@{ shape: nope }");
  second = g_strdup (mp_flow_book_get_warning (book, 1, 0)->message);
  g_assert_true (g_str_has_prefix (second, "plan.md:17:9: outcome “Y” has no “click” line"));
}

static void
test_check_findings (void)
{
  g_autoptr(MpFlowBook) book = book_for ("flowchart TD\n"
                                         "  Q1{Start?} -->|yes| Q2{Two?}\n"
                                         "  Q1 --> X[Plain answer]\n"
                                         "  Q2 -->|yes| L1 --> L2 --> L1\n"
                                         "  Q2 -->|no| D{Dead end}\n"
                                         "  click X \"#x\" \"Why X\"\n"
                                         "  Z[Alone]\n");
  g_autofree char *all = warnings_of (book);

  g_assert_cmpstr (all, ==,
                   "tree.mmd:3:6: an answer of decision “Q1” has no label\n"
                   "tree.mmd:4:15: the walk can loop forever through “L1”, “L2”: no answer there leads to an outcome\n"
                   "tree.mmd:5:14: decision “D” has no answer leading out of it\n"
                   "tree.mmd:7:3: no path from the start “Q1” reaches “Z”\n");
}

static void
test_check_clean_and_long (void)
{
  g_autoptr(GString) text = g_string_new ("flowchart TD\n");
  g_autoptr(MpFlowBook) clean = book_for ("flowchart TD\n  A{Go?} -->|yes| B\n  A -->|no| C\n"
                                          "  B -->|back| A\n"
                                          "  click B \"#b\" \"Why\"\n  click C \"#c\" \"Why\"\n");
  g_autoptr(MpFlowBook) book = NULL;
  g_autofree char *all = NULL;

  /* A loop with a way out is fine: the reader can always leave it. */
  g_assert_cmpuint (mp_flow_book_get_n_warnings (clean, 0), ==, 0);

  /* Eight decisions in a row: one too many, for both ends of the last. */
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (text, "  Q%u{Q%u?} -->|yes| Q%u\n  Q%u -->|no| N%u\n  click N%u \"#n\" \"Why\"\n",
                            i, i, i + 1, i, i, i);
  g_string_append (text, "  click Q8 \"#end\" \"Why\"\n");
  book = book_for (text->str);
  all = warnings_of (book);
  g_assert_cmpstr (all, ==,
                   "tree.mmd:23:20: the path to “Q8” asks 8 decisions; clinical-pathway guidance keeps a path to 7 or fewer\n"
                   "tree.mmd:24:14: the path to “N7” asks 8 decisions; clinical-pathway guidance keeps a path to 7 or fewer\n");
}

static void
test_walk_back_to_and_reload (void)
{
  const char *one = "# T\n\n```mermaid\nflowchart TD\n  A -->|a| B -->|b| C -->|c| D\n```\n";
  const char *two = "# T\n\n```mermaid\nflowchart TD\n  A -->|a| B -->|b| C -->|c| E\n```\n";
  g_autoptr(MpDocument) first = mp_document_new_from_data (one, -1, NULL, NULL);
  g_autoptr(MpDocument) second = mp_document_new_from_data (two, -1, NULL, NULL);
  g_autoptr(MpFlowBook) book = mp_flow_book_new ();
  MpFlowWalk *walk;
  MpFlowchart *chart;

  mp_flow_book_load_document (book, first, "t.md");
  walk = mp_flow_book_get_walk (book, 0);
  chart = mp_flow_book_get_chart (book, 0);
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "B")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "C")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "D")));
  g_assert_true (mp_flow_walk_back_to (walk, mp_flowchart_find_node (chart, "B")));
  g_assert_cmpuint (mp_flow_walk_get_current (walk), ==, (guint) mp_flowchart_find_node (chart, "B"));
  g_assert_cmpuint (mp_flow_walk_get_path_edges (walk)->len, ==, 1);
  g_assert_false (mp_flow_walk_back_to (walk, mp_flowchart_find_node (chart, "B")));
  g_assert_false (mp_flow_walk_back_to (walk, mp_flowchart_find_node (chart, "D")));
  g_assert_true (mp_flow_walk_choose_node (walk, mp_flowchart_find_node (chart, "C")));

  /* The file changes: the walk keeps A → B → C, whose nodes are still there. */
  mp_flow_book_reload_document (book, second);
  walk = mp_flow_book_get_walk (book, 0);
  chart = mp_flow_book_get_chart (book, 0);
  g_assert_cmpuint (mp_flow_walk_get_current (walk), ==, (guint) mp_flowchart_find_node (chart, "C"));
  g_assert_cmpstr (mp_flow_book_get_display_name (book), ==, "t.md");
}

static void
test_check_cli (void)
{
  g_autofree char *article = g_build_filename (MP_SOURCE_ARTICLE, NULL);
  g_autofree char *bad = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { MASTERPLAN_PROGRAM, "--check-flowchart", NULL, NULL };

  argv[2] = article;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  g_assert_true (g_file_open_tmp ("mp-check-XXXXXX.mmd", &bad, &error));
  g_assert_true (g_file_set_contents (bad, "flowchart TD\n  A --> B\n  C\n", -1, &error));
  argv[2] = bad;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_true (strstr (out, ":3:3: no path from the start “A” reaches “C”\n") != NULL);
  g_assert_true (strstr (out, ":2:9: outcome “B” has no “click” line explaining it\n") != NULL);
  g_unlink (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flow-book/error-prefix", test_error_prefix);
  g_test_add_func ("/flow-book/document-blocks", test_document_blocks);
  g_test_add_func ("/flow-book/check-findings", test_check_findings);
  g_test_add_func ("/flow-book/check-clean-and-long", test_check_clean_and_long);
  g_test_add_func ("/flow-book/walk-back-to-and-reload", test_walk_back_to_and_reload);
  g_test_add_func ("/flow-book/check-cli", test_check_cli);
  return g_test_run ();
}
