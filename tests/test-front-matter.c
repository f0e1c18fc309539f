/* test-front-matter.c: YAML and TOML front matter, and what the document
 * makes of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mp-document.h"

static MpDocument *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) base = g_file_new_for_path ("/nonexistent/notes.md");
  MpDocument *document = mp_document_new_from_data (text, -1, base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_entry (const MpFrontMatter *fm,
              guint                index,
              const char          *key,
              const char          *value)
{
  g_assert_cmpuint (index, <, fm->keys->len);
  g_assert_cmpstr (g_ptr_array_index (fm->keys, index), ==, key);
  g_assert_cmpstr (g_ptr_array_index (fm->values, index), ==, value);
}

static void
test_yaml (void)
{
  const char *text = "---\ntitle: \"Widget Factory\"\nauthor: Ana Pérez\ntags:\n  - gtk\n  - c\n"
                     "date: 2026-12-01\n---\n# Heading\n\nText.\n";
  g_autoptr(MpFrontMatter) fm = mp_front_matter_parse (text, strlen (text));
  g_autoptr(MpDocument) doc = parse (text);
  const MpBlock *block;

  g_assert_nonnull (fm);
  g_assert_cmpstr (fm->title, ==, "Widget Factory");
  g_assert_cmpuint (fm->keys->len, ==, 3);
  assert_entry (fm, 0, "author", "Ana Pérez");
  /* A nested list is kept out of the article, not shown as an entry. */
  assert_entry (fm, 1, "tags", "");
  assert_entry (fm, 2, "date", "2026-12-01");
  g_assert_cmpuint (fm->n_lines, ==, 8);

  /* The title names the document; no heading is made of the block. */
  g_assert_cmpstr (mp_document_get_title (doc), ==, "Widget Factory");
  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 2);
  block = mp_document_get_block (doc, 0);
  g_assert_cmpint (block->type, ==, MP_BLOCK_HEADING);
  g_assert_cmpuint (block->level, ==, 1);
  g_assert_cmpstr (block->inline_->text->str, ==, "Heading");
  g_assert_cmpint (mp_document_get_block (doc, 1)->type, ==, MP_BLOCK_PARAGRAPH);
  g_assert_cmpuint (mp_document_get_front_matter (doc)->keys->len, ==, 3);
}

static void
test_toml (void)
{
  const char *text = "+++\ntitle = 'Release notes'\nweight = 10\n[extra]\nkey = \"x\"\n+++\n\n```c\nint x;\n```\n";
  g_autoptr(MpDocument) doc = parse (text);
  const MpFrontMatter *fm = mp_document_get_front_matter (doc);
  const MpBlock *code;

  g_assert_nonnull (fm);
  g_assert_cmpstr (fm->title, ==, "Release notes");
  g_assert_cmpuint (fm->keys->len, ==, 2);
  assert_entry (fm, 0, "weight", "10");
  assert_entry (fm, 1, "key", "x");
  g_assert_cmpstr (mp_document_get_title (doc), ==, "Release notes");
  g_assert_cmpuint (mp_document_get_n_blocks (doc), ==, 1);
  code = mp_document_get_block (doc, 0);
  g_assert_cmpint (code->type, ==, MP_BLOCK_CODE);
  g_assert_cmpstr (code->code, ==, "int x;");
  /* Lines keep their numbers in the file. */
  g_assert_cmpuint (code->line, ==, 9);
}

static void
test_not_front_matter (void)
{
  g_autoptr(MpDocument) unclosed = parse ("---\ntitle: x\n\nNo end.\n");
  g_autoptr(MpDocument) later = parse ("# Title\n\n---\ntitle: x\n---\n");
  g_autoptr(MpDocument) rule = parse ("Text\n\n---\n\nMore\n");

  /* Unclosed: CommonMark's reading (a rule, then a setext heading). */
  g_assert_null (mp_document_get_front_matter (unclosed));
  g_assert_cmpint (mp_document_get_block (unclosed, 0)->type, ==, MP_BLOCK_RULE);
  /* Only at the very top. */
  g_assert_null (mp_document_get_front_matter (later));
  g_assert_cmpstr (mp_document_get_title (later), ==, "Title");
  g_assert_null (mp_document_get_front_matter (rule));
  g_assert_cmpuint (mp_document_get_n_blocks (rule), ==, 3);
  /* Without a title entry, the first heading names the document. */
  {
    g_autoptr(MpDocument) doc = parse ("---\nauthor: me\n---\n# Heading\n");
    g_assert_cmpstr (mp_document_get_title (doc), ==, "Heading");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/front-matter/yaml", test_yaml);
  g_test_add_func ("/front-matter/toml", test_toml);
  g_test_add_func ("/front-matter/not-front-matter", test_not_front_matter);
  return g_test_run ();
}
