/* test-document.c: the document model on the bundled article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document.h"

#define BUNDLED_URI "resource:///io/github/masterplan/MasterPlan/article/master-plan.md"

static MpDocument *
load_bundled (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri (BUNDLED_URI);
  g_autoptr(GError) error = NULL;
  MpDocument *document = mp_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Every block of a kind, depth first, in document order. */
static void
collect (GPtrArray     *found,
         const MpBlock *block,
         MpBlockType    type)
{
  if (block->type == type)
    g_ptr_array_add (found, (gpointer) block);
  for (guint i = 0; block->children != NULL && i < block->children->len; i++)
    collect (found, g_ptr_array_index (block->children, i), type);
}

static GPtrArray *
find_blocks (MpDocument  *document,
             MpBlockType  type)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < mp_document_get_n_blocks (document); i++)
    collect (found, mp_document_get_block (document, i), type);
  return found;
}

static const char *
cell_text (const MpTable *table,
           guint          row,
           guint          column)
{
  const MpInline *cell = g_ptr_array_index (table->cells, row * table->n_columns + column);
  return cell->text->str;
}

static void
test_headings (void)
{
  g_autoptr(MpDocument) doc = load_bundled ();
  static const struct { guint level; const char *text; const char *id; } expected[] = {
    { 1, "Is a Master’s in Medical Education Worth It?", "is-a-masters-in-medical-education-worth-it" },
    { 2, "The myth: “every serious educator needs one”", "the-myth-every-serious-educator-needs-one" },
    { 2, "What actually gets people education roles", "what-actually-gets-people-education-roles" },
    { 2, "What a good program teaches you", "what-a-good-program-teaches-you" },
    { 2, "Necessary for what?", "necessary-for-what" },
    { 3, "If you want to teach well", "if-you-want-to-teach-well" },
    { 3, "If you want a leadership role", "if-you-want-a-leadership-role" },
    { 2, "What the data shows", "what-the-data-shows" },
    { 2, "What it really costs", "what-it-really-costs" },
    { 2, "Who should not do one", "who-should-not-do-one" },
    { 2, "When a master’s is the smart move", "when-a-masters-is-the-smart-move" },
    { 2, "How to choose a program", "how-to-choose-a-program" },
    { 2, "Alternatives: 60–80% of the value for 5–10% of the effort",
      "alternatives-6080-of-the-value-for-510-of-the-effort" },
    { 2, "A three-question decision framework", "a-three-question-decision-framework" },
    { 2, "The bottom line", "the-bottom-line" },
  };

  g_assert_cmpstr (mp_document_get_title (doc), ==, "Is a Master’s in Medical Education Worth It?");
  g_assert_cmpstr (mp_document_get_display_name (doc), ==, "master-plan.md");
  g_assert_cmpuint (mp_document_get_n_headings (doc), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MpBlock *heading = mp_document_get_heading (doc, i);

      g_assert_cmpuint (heading->level, ==, expected[i].level);
      g_assert_cmpstr (mp_document_get_heading_text (heading), ==, expected[i].text);
      g_assert_cmpstr (heading->id, ==, expected[i].id);
    }
}

static void
test_tables (void)
{
  g_autoptr(MpDocument) doc = load_bundled ();
  g_autoptr(GPtrArray) tables = find_blocks (doc, MP_BLOCK_TABLE);
  const MpTable *roles, *direction;

  g_assert_cmpuint (tables->len, ==, 2);
  roles = ((MpBlock *) g_ptr_array_index (tables, 0))->table;
  g_assert_cmpuint (roles->n_columns, ==, 3);
  g_assert_cmpuint (roles->cells->len, ==, 3 * 6);
  g_assert_cmpstr (cell_text (roles, 0, 0), ==, "Factor");
  g_assert_cmpstr (cell_text (roles, 0, 1), ==, "Real impact on getting roles");
  g_assert_cmpstr (cell_text (roles, 0, 2), ==, "Often hyped as critical");
  g_assert_cmpstr (cell_text (roles, 1, 0), ==, "Showing up consistently");
  g_assert_cmpstr (cell_text (roles, 2, 2), ==, "Almost never mentioned");
  g_assert_cmpstr (cell_text (roles, 5, 0), ==, "Formal med ed degree");
  g_assert_cmpstr (cell_text (roles, 5, 1), ==, "Moderate");
  g_assert_cmpstr (cell_text (roles, 5, 2), ==, "Overstated");
  g_assert_cmpint (roles->aligns[0], ==, MP_ALIGN_LEFT);
  g_assert_cmpint (roles->aligns[1], ==, MP_ALIGN_CENTER);
  g_assert_cmpint (roles->aligns[2], ==, MP_ALIGN_CENTER);

  direction = ((MpBlock *) g_ptr_array_index (tables, 1))->table;
  g_assert_cmpuint (direction->n_columns, ==, 2);
  g_assert_cmpuint (direction->cells->len, ==, 2 * 7);
  g_assert_cmpstr (cell_text (direction, 0, 0), ==, "Career direction");
  g_assert_cmpstr (cell_text (direction, 0, 1), ==, "Degree value");
  g_assert_cmpstr (cell_text (direction, 1, 0), ==, "Occasional bedside teaching only");
  g_assert_cmpstr (cell_text (direction, 1, 1), ==, "Low");
  g_assert_cmpstr (cell_text (direction, 4, 1), ==, "Moderate–High");
  g_assert_cmpstr (cell_text (direction, 6, 0), ==, "Education research career");
  g_assert_cmpstr (cell_text (direction, 6, 1), ==, "High");
}

static void
test_chart (void)
{
  g_autoptr(MpDocument) doc = load_bundled ();
  g_autoptr(GPtrArray) charts = find_blocks (doc, MP_BLOCK_CHART);
  static const struct { const char *label; double value; } expected[] = {
    { "Faculty quality", 90 }, { "Scholarship support", 80 }, { "Funding", 75 },
    { "Schedule flexibility", 70 }, { "Brand name", 50 },
  };
  const MpChart *chart;

  g_assert_cmpuint (charts->len, ==, 1);
  chart = ((MpBlock *) g_ptr_array_index (charts, 0))->chart;
  g_assert_null (chart->error);
  g_assert_cmpstr (chart->title, ==, "What matters most when choosing a program");
  g_assert_cmpfloat (chart->max, ==, 100);
  g_assert_cmpuint (chart->bars->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const MpChartBar *bar = &g_array_index (chart->bars, MpChartBar, i);

      g_assert_cmpstr (bar->label, ==, expected[i].label);
      g_assert_cmpfloat (bar->value, ==, expected[i].value);
    }
}

static void
test_mermaid (void)
{
  g_autoptr(MpDocument) doc = load_bundled ();
  const MpMermaidBlock *mermaid;

  g_assert_cmpuint (mp_document_get_n_mermaid_blocks (doc), ==, 1);
  mermaid = mp_document_get_mermaid_block (doc, 0);
  g_assert_cmpuint (mermaid->line, ==, 326);
  g_assert_true (g_str_has_prefix (mermaid->source, "flowchart TD\n"));
  g_assert_cmpstr (mermaid->section_id, ==, "a-three-question-decision-framework");
  g_assert_cmpstr (mermaid->section_title, ==, "A three-question decision framework");
  /* The outcomes link to sections that exist. */
  g_assert_true (mp_document_has_heading (doc, "if-you-want-to-teach-well"));
  g_assert_true (mp_document_has_heading (doc, "alternatives-6080-of-the-value-for-510-of-the-effort"));
  g_assert_true (mp_document_has_heading (doc, "what-it-really-costs"));
  g_assert_true (mp_document_has_heading (doc, "when-a-masters-is-the-smart-move"));
}

static void
test_images (void)
{
  g_autoptr(MpDocument) doc = load_bundled ();
  g_autoptr(GPtrArray) paragraphs = find_blocks (doc, MP_BLOCK_PARAGRAPH);
  GPtrArray *sources = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const MpInline *in = ((MpBlock *) g_ptr_array_index (paragraphs, i))->inline_;

      for (guint j = 0; j < in->spans->len; j++)
        {
          const MpSpan *span = &g_array_index (in->spans, MpSpan, j);
          if (span->type == MP_SPAN_IMAGE)
            {
              g_assert_cmpstr (span->alt, !=, "");
              g_ptr_array_add (sources, g_strdup (span->target));
            }
        }
    }
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (sources, 0), ==, "figures/value-vs-effort.svg");
  g_assert_cmpstr (g_ptr_array_index (sources, 1), ==, "figures/where-the-time-goes.svg");
  g_ptr_array_unref (sources);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/headings", test_headings);
  g_test_add_func ("/document/tables", test_tables);
  g_test_add_func ("/document/chart", test_chart);
  g_test_add_func ("/document/mermaid", test_mermaid);
  g_test_add_func ("/document/images", test_images);

  return g_test_run ();
}
