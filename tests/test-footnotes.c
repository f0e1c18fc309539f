/* test-footnotes.c: footnotes as GitHub renders them, in the block model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-test-utils.h"

#include <string.h>

#include "mp-document.h"
#include "mp-footnotes.h"

/* A reference: a link to the note with its own id, superscript inside. */
static void
assert_reference (const MpInline *inline_,
                  guint           index,
                  guint           start,
                  const char     *number,
                  const char     *target,
                  const char     *id,
                  const char     *note)
{
  const MpSpan *link = mp_test_span (inline_, index), *sup = mp_test_span (inline_, index + 1);

  g_assert_cmpint (link->type, ==, MP_SPAN_LINK);
  g_assert_cmpuint (link->start, ==, start);
  g_assert_cmpuint (link->end, ==, start + strlen (number));
  g_assert_cmpstr (link->target, ==, target);
  g_assert_cmpstr (link->id, ==, id);
  g_assert_cmpstr (link->alt, ==, note);
  g_assert_cmpint (sup->type, ==, MP_SPAN_SUPERSCRIPT);
  g_assert_cmpuint (sup->start, ==, start);
  g_assert_cmpuint (sup->end, ==, link->end);
}

/* GitHub's example: numbered in order of reference, whatever the labels
 * and the order of the definitions; a multi-paragraph note. */
static void
test_github_example (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Here is a simple footnote[^1]. With some additional text after it.\n\n"
                                     "A footnote can also have multiple lines[^2].\n\n"
                                     "[^2]: To add line breaks within a footnote, indent.\n"
                                     "    This is a second line.\n\n"
                                     "[^1]: My reference.\n");
  const MpBlock *p1 = mp_document_get_block (doc, 0), *p2 = mp_document_get_block (doc, 1);
  const MpBlock *list, *note;

  /* Two paragraphs, the rule and the notes: the definitions are gone. */
  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 4);
  g_assert_cmpstr (p1->inline_->text->str, ==, "Here is a simple footnote1. With some additional text after it.");
  assert_reference (p1->inline_, 0, 25, "1", "#fn-1", "fnref-1", "My reference.");
  g_assert_cmpstr (p2->inline_->text->str, ==, "A footnote can also have multiple lines2.");
  assert_reference (p2->inline_, 0, 39, "2", "#fn-2", "fnref-2",
                    "To add line breaks within a footnote, indent. This is a second line.");
  g_assert_cmpint (mp_document_get_block (doc, 2)->type, ==, MP_BLOCK_RULE);
  list = mp_document_get_block (doc, 3);
  g_assert_cmpint (list->type, ==, MP_BLOCK_LIST);
  g_assert_true (list->ordered);
  g_assert_cmpuint (list->children->len, ==, 2);
  note = mp_test_block_child (list, 0);
  g_assert_cmpstr (note->id, ==, "fn-1");
  g_assert_cmpstr (mp_test_block_child (note, 0)->inline_->text->str, ==, "My reference. ↩");
  g_assert_cmpstr (mp_test_span (mp_test_block_child (note, 0)->inline_, 0)->target, ==, "#fnref-1");
  note = mp_test_block_child (list, 1);
  g_assert_cmpstr (note->id, ==, "fn-2");
  g_assert_cmpstr (mp_test_block_child (note, 0)->inline_->text->str, ==,
                   "To add line breaks within a footnote, indent. This is a second line. ↩");
}

/* An unused definition is dropped; a reference to a label with no
 * definition stays as written; labels ignore case; references in code
 * are code. */
static void
test_unused_and_missing (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Known[^Known], missing[^missing], `code[^known]`.\n\n"
                                     "[^known]: The known note.\n"
                                     "[^unused]: Never referenced.\n");
  const MpBlock *p = mp_document_get_block (doc, 0);
  const MpBlock *list;

  g_assert_cmpstr (p->inline_->text->str, ==, "Known1, missing[^missing], code[^known].");
  assert_reference (p->inline_, 0, 5, "1", "#fn-1", "fnref-1", "The known note.");
  g_assert_cmpint (mp_test_span (p->inline_, 2)->type, ==, MP_SPAN_CODE);
  g_assert_cmpuint (mp_test_span (p->inline_, 2)->start, ==, 27);
  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 3);
  list = mp_document_get_block (doc, 2);
  g_assert_cmpuint (list->children->len, ==, 1);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 0), 0)->inline_->text->str, ==, "The known note. ↩");
}

/* A note referenced twice has one number and a link back to each. */
static void
test_repeated (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("First[^a] and *again[^a]* and [^b].\n\n[^a]: Note A.\n[^b]: Note B.\n");
  const MpBlock *p = mp_document_get_block (doc, 0);
  const MpBlock *note;

  g_assert_cmpstr (p->inline_->text->str, ==, "First1 and again1 and 2.");
  assert_reference (p->inline_, 0, 5, "1", "#fn-1", "fnref-1", "Note A.");
  /* Inside the emphasis, which grows and shrinks around it. */
  g_assert_cmpint (mp_test_span (p->inline_, 2)->type, ==, MP_SPAN_ITALIC);
  g_assert_cmpuint (mp_test_span (p->inline_, 2)->start, ==, 11);
  g_assert_cmpuint (mp_test_span (p->inline_, 2)->end, ==, 17);
  assert_reference (p->inline_, 3, 16, "1", "#fn-1", "fnref-1-2", "Note A.");
  assert_reference (p->inline_, 5, 22, "2", "#fn-2", "fnref-2", "Note B.");
  note = mp_test_block_child (mp_document_get_block (doc, 2), 0);
  g_assert_cmpstr (mp_test_block_child (note, 0)->inline_->text->str, ==, "Note A. ↩ ↩2");
  g_assert_cmpstr (mp_test_span (mp_test_block_child (note, 0)->inline_, 0)->target, ==, "#fnref-1");
  g_assert_cmpstr (mp_test_span (mp_test_block_child (note, 0)->inline_, 1)->target, ==, "#fnref-1-2");
}

/* Definitions inside fenced code are code; lines keep their numbers. */
static void
test_in_code_and_lines (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Text[^x].\n\n```\n[^x]: not a definition\n```\n\n[^x]: The note.\n\n"
                                     "```mermaid\nflowchart TD\n  A --> B\n```\n");
  const MpBlock *code = mp_document_get_block (doc, 1);

  g_assert_cmpint (code->type, ==, MP_BLOCK_CODE);
  g_assert_cmpstr (code->code, ==, "[^x]: not a definition");
  g_assert_cmpuint (mp_document_get_n_mermaid_blocks (doc), ==, 1);
  g_assert_cmpuint (mp_document_get_mermaid_block (doc, 0)->line, ==, 10);
  g_assert_cmpstr (mp_document_get_block (doc, 0)->inline_->text->str, ==, "Text1.");
}

/* A tab is one byte but four columns: a tab-indented continuation loses the
 * tab, not four bytes (a short line once made the copy read past its end). */
static void
test_tab_continuation (void)
{
  static const char text[] = "Text[^t].\n\n[^t]: First line\n\tsecond\n\tx\n  \tthird\n";
  g_autofree char *copy = g_memdup2 (text, sizeof text - 1);
  g_autofree char *body = NULL;
  MpFootnotes *notes = mp_footnotes_extract (copy, sizeof text - 1, &body);
  g_autoptr(MpDocument) doc = mp_test_parse_document (text);
  const MpBlock *note;

  g_assert_nonnull (notes);
  mp_footnotes_free (notes);
  note = mp_test_block_child (mp_document_get_block (doc, 2), 0);
  g_assert_cmpstr (mp_test_block_child (note, 0)->inline_->text->str, ==,
                   "First line second x third ↩");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/footnotes/github-example", test_github_example);
  g_test_add_func ("/footnotes/unused-and-missing", test_unused_and_missing);
  g_test_add_func ("/footnotes/repeated", test_repeated);
  g_test_add_func ("/footnotes/in-code-and-lines", test_in_code_and_lines);
  g_test_add_func ("/footnotes/tab-continuation", test_tab_continuation);
  return g_test_run ();
}
