/* test-markdown.c: the Markdown block model, edge cases and bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-test-utils.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mp-document.h"

static void
assert_span (const MpInline *inline_,
             guint           index,
             MpSpanType      type,
             guint           start,
             guint           end,
             const char     *target)
{
  const MpSpan *s = mp_test_span (inline_, index);

  g_assert_cmpint (s->type, ==, type);
  g_assert_cmpuint (s->start, ==, start);
  g_assert_cmpuint (s->end, ==, end);
  g_assert_cmpstr (s->target, ==, target);
}

static void
test_nested_lists (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("3. three\n"
                                     "4. four\n"
                                     "   1. inner one\n"
                                     "   2. inner two\n"
                                     "      - deep\n"
                                     "5. five\n");
  const MpBlock *list, *inner, *deep;

  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 1);
  list = mp_document_get_block (doc, 0);
  g_assert_cmpint (list->type, ==, MP_BLOCK_LIST);
  g_assert_true (list->ordered);
  g_assert_true (list->tight);
  g_assert_cmpuint (list->start, ==, 3);
  g_assert_cmpuint (list->children->len, ==, 3);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 0), 0)->inline_->text->str, ==, "three");
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 2), 0)->inline_->text->str, ==, "five");

  /* The second item: its text, then the nested list. */
  g_assert_cmpuint (mp_test_block_child (list, 1)->children->len, ==, 2);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 1), 0)->inline_->text->str, ==, "four");
  inner = mp_test_block_child (mp_test_block_child (list, 1), 1);
  g_assert_cmpint (inner->type, ==, MP_BLOCK_LIST);
  g_assert_true (inner->ordered);
  g_assert_cmpuint (inner->start, ==, 1);
  g_assert_cmpuint (inner->children->len, ==, 2);
  deep = mp_test_block_child (mp_test_block_child (inner, 1), 1);
  g_assert_cmpint (deep->type, ==, MP_BLOCK_LIST);
  g_assert_false (deep->ordered);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (deep, 0), 0)->inline_->text->str, ==, "deep");
}

static void
test_loose_list (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("- one\n\n  more of one\n- two\n");
  const MpBlock *list = mp_document_get_block (doc, 0);

  g_assert_false (list->tight);
  g_assert_cmpuint (mp_test_block_child (list, 0)->children->len, ==, 2);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 0), 1)->inline_->text->str, ==, "more of one");
}

static void
test_emphasis_in_links (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("See [the *big* **plan**](https://example.org/a?b=1&amp;c=2) now.");
  const MpBlock *p = mp_document_get_block (doc, 0);

  g_assert_cmpint (p->type, ==, MP_BLOCK_PARAGRAPH);
  g_assert_cmpstr (p->inline_->text->str, ==, "See the big plan now.");
  g_assert_cmpuint (p->inline_->spans->len, ==, 3);
  assert_span (p->inline_, 0, MP_SPAN_LINK, 4, 16, "https://example.org/a?b=1&c=2");
  assert_span (p->inline_, 1, MP_SPAN_ITALIC, 8, 11, NULL);
  assert_span (p->inline_, 2, MP_SPAN_BOLD, 12, 16, NULL);
}

static void
test_strikethrough_and_code (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("~~old~~ and `a|b` and `` x`y ``");
  const MpInline *in = mp_document_get_block (doc, 0)->inline_;

  g_assert_cmpstr (in->text->str, ==, "old and a|b and x`y");
  assert_span (in, 0, MP_SPAN_STRIKE, 0, 3, NULL);
  assert_span (in, 1, MP_SPAN_CODE, 8, 11, NULL);
  assert_span (in, 2, MP_SPAN_CODE, 16, 19, NULL);
}

static void
test_table_alignment (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("| Left | Centre | Right | None |\n"
                                     "| :--- | :----: | ----: | ---- |\n"
                                     "| a \\| b | **c** | 1 |\n"
                                     "| x | y | z | w |\n");
  const MpBlock *block = mp_document_get_block (doc, 0);
  const MpTable *table;
  const MpInline *cell;

  g_assert_cmpint (block->type, ==, MP_BLOCK_TABLE);
  table = block->table;
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpint (table->aligns[0], ==, MP_ALIGN_LEFT);
  g_assert_cmpint (table->aligns[1], ==, MP_ALIGN_CENTER);
  g_assert_cmpint (table->aligns[2], ==, MP_ALIGN_RIGHT);
  g_assert_cmpint (table->aligns[3], ==, MP_ALIGN_DEFAULT);
  /* Header row and two body rows; the short row is padded. */
  g_assert_cmpuint (table->cells->len, ==, 12);
  g_assert_cmpstr (((MpInline *) g_ptr_array_index (table->cells, 0))->text->str, ==, "Left");
  g_assert_cmpstr (((MpInline *) g_ptr_array_index (table->cells, 4))->text->str, ==, "a | b");
  cell = g_ptr_array_index (table->cells, 5);
  g_assert_cmpstr (cell->text->str, ==, "c");
  assert_span (cell, 0, MP_SPAN_BOLD, 0, 1, NULL);
  g_assert_cmpstr (((MpInline *) g_ptr_array_index (table->cells, 7))->text->str, ==, "");
  g_assert_cmpstr (((MpInline *) g_ptr_array_index (table->cells, 11))->text->str, ==, "w");
}

static void
test_autolinks (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Go to www.example.com, https://gnome.org/x or mail me@example.com "
                                     "or <https://a.org>.");
  const MpInline *in = mp_document_get_block (doc, 0)->inline_;

  g_assert_cmpuint (in->spans->len, ==, 4);
  g_assert_cmpstr (mp_test_span (in, 0)->target, ==, "http://www.example.com");
  g_assert_cmpstr (mp_test_span (in, 1)->target, ==, "https://gnome.org/x");
  g_assert_cmpstr (mp_test_span (in, 2)->target, ==, "mailto:me@example.com");
  g_assert_cmpstr (mp_test_span (in, 3)->target, ==, "https://a.org");
  g_assert_cmpint (mp_test_span (in, 3)->type, ==, MP_SPAN_LINK);
}

static void
test_duplicate_headings (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("# Plan\n## Costs\n## Costs\n### Costs\n# Plan\n## Who *not*?\n");
  const char *ids[] = { "plan", "costs", "costs-1", "costs-2", "plan-1", "who-not" };

  g_assert_cmpuint (mp_document_get_n_headings (doc), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (mp_document_get_heading (doc, i)->id, ==, ids[i]);
      g_assert_true (mp_document_has_heading (doc, ids[i]));
    }
  g_assert_cmpuint (mp_document_get_heading (doc, 3)->level, ==, 3);
  g_assert_cmpstr (mp_document_get_heading_text (mp_document_get_heading (doc, 5)), ==, "Who not?");
  g_assert_false (mp_document_has_heading (doc, "costs-3"));
  g_assert_cmpstr (mp_document_get_title (doc), ==, "Plan");
}

static void
test_title_without_h1 (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("## Only a subheading\n\ntext\n");

  g_assert_cmpstr (mp_document_get_title (doc), ==, "/nonexistent/notes.md");
  g_assert_cmpstr (mp_document_get_display_name (doc), ==, "/nonexistent/notes.md");
}

static void
test_html_is_text (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("a <b>bold?</b> &copy; &#x263A; &bogus;\n\n<div>\nraw\n</div>\n");
  const MpBlock *p = mp_document_get_block (doc, 0);
  const MpBlock *html = mp_document_get_block (doc, 1);

  g_assert_cmpstr (p->inline_->text->str, ==, "a <b>bold?</b> © ☺ &bogus;");
  g_assert_cmpuint (p->inline_->spans->len, ==, 0);
  g_assert_cmpint (html->type, ==, MP_BLOCK_CODE);
  g_assert_cmpstr (html->code, ==, "<div>\nraw\n</div>");
}

static void
test_blocks (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("> quoted **text**\n> > nested\n\n---\n\n"
                                     "```c\nint x;\n```\n\n    indented\n");
  const MpBlock *quote = mp_document_get_block (doc, 0);

  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 4);
  g_assert_cmpint (quote->type, ==, MP_BLOCK_QUOTE);
  g_assert_cmpstr (mp_test_block_child (quote, 0)->inline_->text->str, ==, "quoted text");
  g_assert_cmpint (mp_test_block_child (quote, 1)->type, ==, MP_BLOCK_QUOTE);
  g_assert_cmpint (mp_document_get_block (doc, 1)->type, ==, MP_BLOCK_RULE);
  g_assert_cmpstr (mp_document_get_block (doc, 2)->code, ==, "int x;");
  g_assert_cmpstr (mp_document_get_block (doc, 2)->lang, ==, "c");
  g_assert_cmpuint (mp_document_get_block (doc, 2)->line, ==, 7);
  g_assert_cmpstr (mp_document_get_block (doc, 3)->code, ==, "indented");
  g_assert_null (mp_document_get_block (doc, 3)->lang);
}

static void
test_images (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Before ![A *small* chart](fig/a.svg \"title\") after.");
  const MpInline *in = mp_document_get_block (doc, 0)->inline_;

  g_assert_cmpstr (in->text->str, ==, "Before  after.");
  g_assert_cmpuint (in->spans->len, ==, 1);
  assert_span (in, 0, MP_SPAN_IMAGE, 7, 7, "fig/a.svg");
  g_assert_cmpstr (mp_test_span (in, 0)->alt, ==, "A small chart");
}

static void
test_mermaid_blocks (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("# Top\n\n## Decide\n\ntext\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\n"
                                     "```mermaid\ngraph LR\n```\n");
  const MpMermaidBlock *first, *second;

  g_assert_cmpuint (mp_document_get_n_mermaid_blocks (doc), ==, 2);
  first = mp_document_get_mermaid_block (doc, 0);
  g_assert_cmpstr (first->source, ==, "flowchart TD\n  A --> B");
  g_assert_cmpuint (first->line, ==, 8);
  g_assert_cmpstr (first->section_id, ==, "decide");
  g_assert_cmpstr (first->section_title, ==, "Decide");
  second = mp_document_get_mermaid_block (doc, 1);
  g_assert_cmpuint (second->line, ==, 13);
  g_assert_cmpint (mp_document_get_block (doc, 3)->type, ==, MP_BLOCK_MERMAID);
  g_assert_cmpuint (mp_document_get_block (doc, 4)->mermaid_index, ==, 1);
}

static guint
depth (const MpBlock *block)
{
  guint deepest = 0;

  for (guint i = 0; block->children != NULL && i < block->children->len; i++)
    {
      guint d = depth (g_ptr_array_index (block->children, i));
      deepest = MAX (deepest, d);
    }
  return deepest + 1;
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MpDocument) quotes = NULL;
  g_autoptr(MpDocument) lists = NULL;
  const MpBlock *block;

  for (guint i = 0; i < 20000; i++)
    g_string_append_c (text, '>');
  g_string_append (text, " deep\n");
  quotes = mp_test_parse_document (text->str);
  block = mp_document_get_block (quotes, 0);
  g_assert_cmpint (block->type, ==, MP_BLOCK_QUOTE);
  g_assert_cmpuint (depth (block), ==, 32 + 1);
  /* Said once, where the text kept flat starts. */
  g_assert_cmpuint (mp_document_get_n_warnings (quotes), ==, 1);
  g_assert_cmpstr (mp_document_get_warning (quotes, 0), ==,
                   "notes.md:1:20002: quotes and lists are nested more than 32 levels deep here; "
                   "the deeper levels are shown at level 32");

  g_string_truncate (text, 0);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (text, "%*s- item %u\n", i * 2, "", i);
  lists = mp_test_parse_document (text->str);
  block = mp_document_get_block (lists, 0);
  g_assert_cmpint (block->type, ==, MP_BLOCK_LIST);
  /* List and item alternate down to the limit; deeper items stay flat. */
  g_assert_cmpuint (depth (block), <=, 32 + 2);
  g_assert_cmpuint (mp_document_get_n_warnings (lists), ==, 1);
  g_assert_cmpstr (mp_document_get_warning (lists, 0), ==,
                   "notes.md:17:35: quotes and lists are nested more than 32 levels deep here; "
                   "the deeper levels are shown at level 32");
}

static guint
longest_line (const char *text)
{
  guint longest = 0, run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      run = *p == '\n' ? 0 : run + 1;
      longest = MAX (longest, run);
    }
  return longest;
}

/* A paragraph longer than the limit is broken at its spaces: the text keeps
 * every character, two spaces become line breaks. */
static void
test_long_line_broken_at_spaces (void)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new ("# Long\n\n");
  g_autoptr(MpDocument) doc = NULL;
  g_autofree char *shown = NULL;
  const MpInline *inline_;

  for (guint i = 0; i < 4000; i++)
    g_string_append (words, "word ");
  g_string_append (text, words->str);
  g_string_append (text, "*end*");
  g_string_append (words, "end");
  doc = mp_test_parse_document (text->str);
  inline_ = mp_document_get_block (doc, 1)->inline_;
  g_assert_cmpuint (mp_document_get_n_warnings (doc), ==, 1);
  g_assert_cmpstr (mp_document_get_warning (doc, 0), ==,
                   "notes.md:3:1: this paragraph runs 20003 characters without a line break; "
                   "it is shown in lines of at most 10000 characters. "
                   "Break it into shorter paragraphs to choose where lines end.");
  g_assert_cmpuint (inline_->text->len, ==, 20003);
  g_assert_cmpint (inline_->text->str[9999], ==, '\n');
  g_assert_cmpint (inline_->text->str[19999], ==, '\n');
  /* "word word … word" up to the space before the 10 001st character. */
  g_assert_cmpuint (longest_line (inline_->text->str), ==, 9999);
  shown = g_strdelimit (g_strdup (inline_->text->str), "\n", ' ');
  g_assert_cmpstr (shown, ==, words->str);
  assert_span (inline_, 0, MP_SPAN_ITALIC, 20000, 20003, NULL);
}

/* Without a space, a newline is put in, and the spans after it move on. */
static void
test_long_word_broken (void)
{
  g_autoptr(GString) text = g_string_new ("[a](https://example.org) ");
  g_autoptr(MpDocument) doc = NULL;
  const MpInline *inline_;
  const MpSpan *span;

  for (guint i = 0; i < 25000; i++)
    g_string_append (text, "é");
  g_string_append (text, " **end**\n\nNext.\n");
  doc = mp_test_parse_document (text->str);
  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 2);
  inline_ = mp_document_get_block (doc, 0)->inline_;
  g_assert_cmpuint (mp_document_get_n_warnings (doc), ==, 1);
  g_assert_cmpstr (mp_document_get_warning (doc, 0), ==,
                   "notes.md:1:2: this paragraph runs 25006 characters without a line break; "
                   "it is shown in lines of at most 10000 characters. "
                   "Break it into shorter paragraphs to choose where lines end.");
  /* "a é…": the space after "a" is the first line's last, so it breaks
   * there; then 10 000 "é" twice, each ended by a newline put in. */
  g_assert_cmpuint (longest_line (inline_->text->str), ==, 10000);
  g_assert_cmpuint (g_utf8_strlen (inline_->text->str, -1), ==, 25006 + 2);
  g_assert_true (g_str_has_prefix (inline_->text->str, "a\n\xC3\xA9"));
  assert_span (inline_, 0, MP_SPAN_LINK, 0, 1, "https://example.org");
  span = mp_test_span (inline_, 1);
  g_assert_cmpint (span->type, ==, MP_SPAN_BOLD);
  g_assert_cmpuint (span->end - span->start, ==, 3);
  g_assert_cmpint (strncmp (inline_->text->str + span->start, "end", 3), ==, 0);
  g_assert_cmpuint (span->end, ==, inline_->text->len);
  g_assert_cmpstr (mp_document_get_block (doc, 1)->inline_->text->str, ==, "Next.");
}

static char *
bare_urls (guint n)
{
  GString *text = g_string_new ("# Addresses\n\nWritten as a link: <https://example.org/kept>.\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%shttps://example.org/%u", i > 0 ? " " : "", i);
  g_string_append (text, "\n");
  return g_string_free (text, FALSE);
}

static guint
n_links (const MpInline *inline_)
{
  guint n = 0;

  for (guint i = 0; i < inline_->spans->len; i++)
    n += mp_test_span (inline_, i)->type == MP_SPAN_LINK;
  return n;
}

/* Up to the limit, bare addresses are links; past it none are (finding them
 * takes md4c time that grows with their number squared), and it is said. */
static void
test_many_bare_urls (void)
{
  g_autofree char *at_limit = bare_urls (2000);
  g_autofree char *over = bare_urls (2001);
  g_autoptr(MpDocument) kept = mp_test_parse_document (at_limit);
  g_autoptr(MpDocument) plain = mp_test_parse_document (over);

  /* Such a paragraph is also too long a line (said second). */
  g_assert_cmpuint (mp_document_get_n_warnings (kept), ==, 1);
  g_assert_true (g_str_has_prefix (mp_document_get_warning (kept, 0), "notes.md:5:1: this paragraph runs "));
  g_assert_cmpuint (n_links (mp_document_get_block (kept, 2)->inline_), ==, 2000);
  g_assert_cmpuint (mp_document_get_n_warnings (plain), ==, 2);
  g_assert_true (g_str_has_prefix (mp_document_get_warning (plain, 1), "notes.md:5:1: this paragraph runs "));
  g_assert_cmpstr (mp_document_get_warning (plain, 0), ==,
                   "notes.md:5:1: this paragraph has 2001 web addresses; in this file, addresses "
                   "are links only when written as <…> or […](…)");
  g_assert_cmpuint (n_links (mp_document_get_block (plain, 2)->inline_), ==, 0);
  g_assert_true (g_str_has_prefix (mp_document_get_block (plain, 2)->inline_->text->str,
                                   "https://example.org/0 https://example.org/1 "));
  assert_span (mp_document_get_block (plain, 1)->inline_, 0, MP_SPAN_LINK, 19, 43, "https://example.org/kept");
}

/* The bundled article and ordinary text pass every limit unchanged. */
static void
test_no_warnings_for_real_text (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) bundled = mp_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mp_document_get_n_warnings (bundled), ==, 0);
}

static void
test_many_duplicate_headings (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MpDocument) doc = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "## Same\n");
  doc = mp_test_parse_document (text->str);
  g_assert_cmpuint (mp_document_get_n_headings (doc), ==, 20000);
  g_assert_cmpstr (mp_document_get_heading (doc, 19999)->id, ==, "same-19999");
}

static void
test_chart (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("Intro\n\n```chart\ntitle: Priorities\ncaption: Higher is more\n"
                                     "unit: points\nmax: 100\n\nFaculty: quality: 90\nFunding: 75.5\n```\n");
  const MpBlock *block = mp_document_get_block (doc, 1);
  const MpChart *chart = block->chart;

  g_assert_cmpint (block->type, ==, MP_BLOCK_CHART);
  g_assert_null (chart->error);
  g_assert_cmpstr (chart->title, ==, "Priorities");
  g_assert_cmpstr (chart->caption, ==, "Higher is more");
  g_assert_cmpstr (chart->unit, ==, "points");
  g_assert_cmpfloat (chart->max, ==, 100);
  g_assert_cmpuint (chart->bars->len, ==, 2);
  g_assert_cmpstr (g_array_index (chart->bars, MpChartBar, 0).label, ==, "Faculty: quality");
  g_assert_cmpfloat (g_array_index (chart->bars, MpChartBar, 0).value, ==, 90);
  g_assert_cmpfloat (g_array_index (chart->bars, MpChartBar, 1).value, ==, 75.5);
}

static void
test_chart_errors (void)
{
  struct { const char *text; const char *error; } cases[] = {
    { "A: 1\nB: lots\n", "notes.md:5: “B: lots” is not a bar (“Label: number”)" },
    { "title: T\nA: 1\nno colon here\n", "notes.md:6: “no colon here” is not a bar (“Label: number”)" },
    { "max: none\nA: 1\n", "notes.md:4: “max:” needs a positive number, not “none”" },
    { "A: -3\n", "notes.md:4: “A: -3”: a bar cannot be negative" },
    { "title: Nothing\n\n", "notes.md:4: the chart has no bars (“Label: number” lines)" },
    { "A: 1\ntitle: late\n", "notes.md:5: “title: late” is not a bar (“Label: number”)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("# Chart\n\n```chart\n", cases[i].text, "```\n", NULL);
      g_autoptr(MpDocument) doc = mp_test_parse_document (text);
      const MpBlock *block = mp_document_get_block (doc, 1);

      g_assert_cmpint (block->type, ==, MP_BLOCK_CHART);
      g_assert_cmpstr (block->chart->error, ==, cases[i].error);
    }
}

static void
assert_load_error (const char *text,
                   gssize      length,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = g_file_new_for_path ("/nonexistent/notes.md");
  g_autoptr(MpDocument) doc = mp_document_new_from_data (text, length, base, &error);

  g_assert_null (doc);
  g_assert_error (error, MP_MARKDOWN_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_empty (void)
{
  assert_load_error ("", 0, MP_MARKDOWN_ERROR_EMPTY, "notes.md: the file is empty");
  assert_load_error (" \n\t\n", -1, MP_MARKDOWN_ERROR_EMPTY, "notes.md: the file is empty");
}

static void
test_invalid_utf8 (void)
{
  assert_load_error ("# Title\nab\xC3\xA9z\xFF rest\n", -1, MP_MARKDOWN_ERROR_ENCODING,
                     "notes.md:2:5: the file is not UTF-8 text (byte 0xFF); save it as UTF-8");
  assert_load_error ("ok\n\nx\0y", 7, MP_MARKDOWN_ERROR_ENCODING,
                     "notes.md:3:2: the file contains a NUL byte; it is not a text file");
  /* Latin-1 "é" on the first line. */
  assert_load_error ("caf\xE9\n", -1, MP_MARKDOWN_ERROR_ENCODING,
                     "notes.md:1:4: the file is not UTF-8 text (byte 0xE9); save it as UTF-8");
}

static void
test_byte_order_mark (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("\xEF\xBB\xBF# Title\n");

  g_assert_cmpstr (mp_document_get_title (doc), ==, "Title");
}

static void
test_too_large (void)
{
  gsize size = MP_DOCUMENT_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (size);
  g_autofree char *dir = g_dir_make_tmp ("mp-markdown-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;
  int fd;

  memset (text, 'a', size);
  assert_load_error (text, size, MP_MARKDOWN_ERROR_TOO_LARGE,
                     "notes.md: the file is too large (16.0\u00a0MiB); the reader opens files up to 16 MiB");

  /* A file over the limit is refused before it is read (a sparse file). */
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 40 * 1024 * 1024), ==, 0);
  close (fd);
  doc = mp_document_new_from_file (file, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.md: the file is too large (40.0\u00a0MiB); the reader opens files up to 16 MiB");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/folder/missing.md");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = mp_document_new_from_file (file, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, MP_MARKDOWN_ERROR, MP_MARKDOWN_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "missing.md: no such file");
}

static void
test_file_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-markdown-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) doc = NULL;

  g_assert_true (g_file_set_contents (path, "# Notes\n\nHello *there*.\n", -1, NULL));
  doc = mp_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mp_document_get_file (doc) == file);
  g_assert_cmpstr (mp_document_get_title (doc), ==, "Notes");
  g_assert_cmpstr (mp_document_get_display_name (doc), ==, path);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_task_list (void)
{
  g_autoptr(MpDocument) doc = mp_test_parse_document ("- [ ] write the plan\n- [x] read the article\n- [X] ask\n- plain\n"
                                     "- [y] not a task\n");
  const MpBlock *list = mp_document_get_block (doc, 0);
  const MpBlock *item;

  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 1);
  g_assert_cmpint (list->type, ==, MP_BLOCK_LIST);
  g_assert_cmpuint (list->children->len, ==, 5);
  item = mp_test_block_child (list, 0);
  g_assert_true (item->task);
  g_assert_false (item->checked);
  /* The box is not part of the text. */
  g_assert_cmpstr (mp_test_block_child (item, 0)->inline_->text->str, ==, "write the plan");
  g_assert_true (mp_test_block_child (list, 1)->task);
  g_assert_true (mp_test_block_child (list, 1)->checked);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 1), 0)->inline_->text->str, ==, "read the article");
  g_assert_true (mp_test_block_child (list, 2)->checked);
  g_assert_false (mp_test_block_child (list, 3)->task);
  g_assert_false (mp_test_block_child (list, 4)->task);
  g_assert_cmpstr (mp_test_block_child (mp_test_block_child (list, 4), 0)->inline_->text->str, ==, "[y] not a task");
}

/* A heading of thousands of characters is listed by its first 200. */
static void
test_long_heading_label (void)
{
  g_autoptr(GString) text = g_string_new ("Intro.\n\n## ");
  g_autoptr(MpDocument) doc = NULL;
  const MpBlock *heading;
  const char *label;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "wörd ");
  g_string_append (text, "\n\n# Short\n");
  doc = mp_test_parse_document (text->str);
  heading = mp_document_get_heading (doc, 0);
  label = mp_document_get_heading_text (heading);
  /* 40 words and "…", without the space after the last one. */
  g_assert_cmpuint (g_utf8_strlen (label, -1), ==, MP_MARKDOWN_MAX_LABEL_CHARS);
  g_assert_true (g_str_has_suffix (label, "wörd wörd…"));
  /* The text itself is all there. */
  g_assert_cmpuint (g_utf8_strlen (heading->inline_->text->str, -1), ==, 5 * 300 - 1);
  g_assert_cmpstr (mp_document_get_heading_text (mp_document_get_heading (doc, 1)), ==, "Short");
  g_assert_cmpuint (mp_document_get_n_warnings (doc), ==, 1);
  g_assert_true (g_str_has_suffix (mp_document_get_warning (doc, 0),
                                   ":3:4: this heading is 1499 characters long; the outline and the "
                                   "window title show its first 200"));
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* Progress goes forward; a cancelled parse stops with G_IO_ERROR_CANCELLED. */
static void
test_progress_and_cancel (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  MpMarkdownTree tree = { NULL, };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "## Heading %u\n\nText *%u*.\n\n", i, i);
  g_assert_true (mp_markdown_parse_full (text->str, text->len, "t.md", &tree, NULL,
                                         on_progress, fractions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tree.headings->len, ==, 20000);
  mp_markdown_tree_clear (&tree);
  g_assert_cmpuint (fractions->len, >, 5);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), >, 0.8);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <=, 1.0);

  g_cancellable_cancel (cancellable);
  g_assert_false (mp_markdown_parse_full (text->str, text->len, "t.md", &tree, cancellable,
                                          NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (tree.blocks);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/nested-lists", test_nested_lists);
  g_test_add_func ("/markdown/loose-list", test_loose_list);
  g_test_add_func ("/markdown/emphasis-in-links", test_emphasis_in_links);
  g_test_add_func ("/markdown/strikethrough-and-code", test_strikethrough_and_code);
  g_test_add_func ("/markdown/table-alignment", test_table_alignment);
  g_test_add_func ("/markdown/autolinks", test_autolinks);
  g_test_add_func ("/markdown/duplicate-headings", test_duplicate_headings);
  g_test_add_func ("/markdown/title-without-h1", test_title_without_h1);
  g_test_add_func ("/markdown/html-is-text", test_html_is_text);
  g_test_add_func ("/markdown/blocks", test_blocks);
  g_test_add_func ("/markdown/images", test_images);
  g_test_add_func ("/markdown/mermaid-blocks", test_mermaid_blocks);
  g_test_add_func ("/markdown/deep-nesting", test_deep_nesting);
  g_test_add_func ("/markdown/many-duplicate-headings", test_many_duplicate_headings);
  g_test_add_func ("/markdown/long-line-broken-at-spaces", test_long_line_broken_at_spaces);
  g_test_add_func ("/markdown/long-word-broken", test_long_word_broken);
  g_test_add_func ("/markdown/many-bare-urls", test_many_bare_urls);
  g_test_add_func ("/markdown/no-warnings-for-real-text", test_no_warnings_for_real_text);
  g_test_add_func ("/markdown/chart", test_chart);
  g_test_add_func ("/markdown/chart-errors", test_chart_errors);
  g_test_add_func ("/markdown/empty", test_empty);
  g_test_add_func ("/markdown/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/markdown/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/markdown/too-large", test_too_large);
  g_test_add_func ("/markdown/missing-file", test_missing_file);
  g_test_add_func ("/markdown/file-round-trip", test_file_round_trip);
  g_test_add_func ("/markdown/task-list", test_task_list);
  g_test_add_func ("/markdown/long-heading-label", test_long_heading_label);
  g_test_add_func ("/markdown/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
