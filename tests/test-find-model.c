/* test-find-model.c: find in the text and the tables, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-find-model.h"

static void
assert_match (MpFindModel *find,
              guint        index,
              int          offset,
              int          table,
              int          cell,
              int          start)
{
  const MpFindMatch *m = mp_find_model_get_match (find, index);

  g_assert_cmpint (m->offset, ==, offset);
  g_assert_cmpint (m->table, ==, table);
  g_assert_cmpint (m->cell, ==, cell);
  g_assert_cmpint (m->start, ==, start);
}

static void
test_text (void)
{
  g_autoptr(MpFindModel) find = mp_find_model_new ();

  /* Offsets count characters, not bytes: "é" is two bytes. */
  mp_find_model_set_text (find, "Café plan, PLAN B, plans", -1);
  mp_find_model_set_query (find, "Plan");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 3);
  g_assert_cmpint (mp_find_model_get_match_length (find), ==, 4);
  assert_match (find, 0, 5, -1, 0, 5);
  assert_match (find, 1, 11, -1, 0, 11);
  assert_match (find, 2, 19, -1, 0, 19);
  g_assert_cmpint (mp_find_model_get_current (find), ==, -1);

  /* Matches do not overlap. */
  mp_find_model_set_text (find, "aaaa", -1);
  mp_find_model_set_query (find, "aa");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 2);
  assert_match (find, 1, 2, -1, 0, 2);

  mp_find_model_set_query (find, "");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 0);
  mp_find_model_set_query (find, "zzz");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 0);
  g_assert_cmpint (mp_find_model_step (find, 1), ==, -1);
}

static void
test_tables (void)
{
  g_autoptr(MpFindModel) find = mp_find_model_new ();
  const char *first[] = { "Name", "Cost", "Plan A", "plan b plan" };
  const char *second[] = { "x", "Plan" };
  guint start = 0;

  /* U+FFFC stands where each table is. */
  mp_find_model_set_text (find, "plan \xEF\xBF\xBC then \xEF\xBF\xBC plan", -1);
  mp_find_model_add_table (find, 5, 3, first, G_N_ELEMENTS (first));
  mp_find_model_add_table (find, 12, 7, second, G_N_ELEMENTS (second));
  mp_find_model_set_query (find, "PLAN");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 6);
  /* Reading order: the text before, the first table's cells, the second
   * table, the text after. */
  assert_match (find, 0, 0, -1, 0, 0);
  assert_match (find, 1, 5, 3, 2, 0);
  assert_match (find, 2, 5, 3, 3, 0);
  assert_match (find, 3, 5, 3, 3, 7);
  assert_match (find, 4, 12, 7, 1, 0);
  assert_match (find, 5, 14, -1, 0, 14);

  g_assert_cmpuint (mp_find_model_get_table_matches (find, 5, 3, &start), ==, 3);
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (mp_find_model_get_table_matches (find, 12, 7, &start), ==, 1);
  g_assert_cmpuint (start, ==, 4);

  mp_find_model_set_query (find, "cost");
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 1);
  assert_match (find, 0, 5, 3, 1, 0);
  g_assert_cmpuint (mp_find_model_get_table_matches (find, 12, 7, NULL), ==, 0);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_current (void)
{
  g_autoptr(MpFindModel) find = mp_find_model_new ();
  guint notified = 0;

  mp_find_model_set_text (find, "one two one two one", -1);
  mp_find_model_set_query (find, "one");
  g_signal_connect (find, "notify::current", G_CALLBACK (count_notify), &notified);

  /* From the top of the screen: the first match at or after it. */
  g_assert_cmpint (mp_find_model_first_from (find, 5), ==, 1);
  g_assert_cmpint (mp_find_model_first_from (find, 17), ==, 0);
  g_assert_cmpint (mp_find_model_step (find, 1), ==, 0);
  g_assert_cmpint (mp_find_model_step (find, 1), ==, 1);
  g_assert_cmpint (mp_find_model_step (find, 1), ==, 2);
  g_assert_cmpint (mp_find_model_step (find, 1), ==, 0);
  g_assert_cmpint (mp_find_model_step (find, -1), ==, 2);
  g_assert_cmpuint (notified, ==, 5);
  mp_find_model_set_current (find, 2);
  g_assert_cmpuint (notified, ==, 5);

  /* A new query starts again with no current match. */
  mp_find_model_set_query (find, "two");
  g_assert_cmpint (mp_find_model_get_current (find), ==, -1);
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 2);
  mp_find_model_clear (find);
  g_assert_false (mp_find_model_has_text (find));
  g_assert_cmpuint (mp_find_model_get_n_matches (find), ==, 0);
  g_assert_cmpstr (mp_find_model_get_query (find), ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/find-model/text", test_text);
  g_test_add_func ("/find-model/tables", test_tables);
  g_test_add_func ("/find-model/current", test_current);
  return g_test_run ();
}
