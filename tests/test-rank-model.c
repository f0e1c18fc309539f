/* test-rank-model.c: the rank-slot list model behind the ranked list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "mp-rank-model.h"

typedef struct {
  MpProgramStore *store;
  MpScorer       *scorer;
  MpRankModel    *model;
  guint           n_items_changed;
  guint           last_position, last_removed, last_added;
} Fixture;

/* name, kind, faculty, scholarship, funding, flexibility, brand */
static const struct {
  const char    *name;
  MpProgramKind  kind;
  double         ratings[MP_N_CRITERIA];
} programs[] = {
  { "Alpha", MP_PROGRAM_KIND_MASTERS, { 10, 0, 0, 0, 0 } },
  { "Bravo", MP_PROGRAM_KIND_MASTERS, { 0, 10, 0, 0, 0 } },
  { "Charlie", MP_PROGRAM_KIND_CERTIFICATE, { 5, 5, 5, 5, 5 } },
  { "Delta", MP_PROGRAM_KIND_FELLOWSHIP, { 2, 2, 2, 2, 9 } },
};

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->n_items_changed++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static void
set_weights (Fixture *fixture,
             double   faculty,
             double   scholarship)
{
  MpWeights weights = { { faculty, scholarship, 0, 0, 0 } };

  mp_scorer_set_weights (fixture->scorer, &weights);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *id = g_ascii_strdown (programs[i].name, -1);
      MpProgram *program = mp_program_new (id, programs[i].name);

      mp_program_set_kind (program, programs[i].kind);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        mp_program_set_rating (program, c, programs[i].ratings[c]);
      g_ptr_array_add (list, program);
    }
  fixture->store = mp_program_store_new ();
  mp_program_store_splice (fixture->store, (MpProgram **) list->pdata, list->len);
  fixture->scorer = mp_scorer_new (fixture->store);
  set_weights (fixture, 100, 50);
  fixture->model = mp_rank_model_new (fixture->scorer, G_LIST_MODEL (fixture->store));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->model);
  g_object_unref (fixture->scorer);
  g_object_unref (fixture->store);
}

static const char *
slot_name (MpRankSlot *slot)
{
  return mp_program_get_name (mp_rank_slot_get_program (slot));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_rerank_changes_slots (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(MpRankSlot) first = g_list_model_get_item (model, 0);
  g_autoptr(MpRankSlot) second = g_list_model_get_item (model, 1);
  guint changed = 0, notified = 0;

  /* 100·faculty + 50·scholarship: Alpha 66.7, Charlie 50, Bravo 33.3, Delta 20. */
  g_assert_cmpuint (g_list_model_get_item_type (model), ==, MP_TYPE_RANK_SLOT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_cmpstr (slot_name (first), ==, "Alpha");
  g_assert_cmpstr (slot_name (second), ==, "Charlie");
  g_assert_cmpfloat_with_epsilon (mp_rank_slot_get_score (first), 200.0 / 3, 1e-9);
  g_assert_cmpuint (mp_rank_model_get_n_live (fixture->model), ==, 2);
  g_assert_true (g_list_model_get_item (model, 4) == NULL);

  g_signal_connect_swapped (first, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect_swapped (first, "notify::program", G_CALLBACK (count_signal), &notified);
  /* 50·faculty + 100·scholarship: Bravo 66.7, Charlie 50, Alpha 33.3. */
  set_weights (fixture, 50, 100);
  g_assert_cmpuint (fixture->n_items_changed, ==, 0);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (slot_name (first), ==, "Bravo");
  g_assert_cmpint (mp_rank_slot_get_movement (first), ==, 2);
  g_assert_false (mp_rank_slot_get_is_new (first));
  g_assert_cmpstr (slot_name (second), ==, "Charlie");
  g_assert_cmpint (mp_rank_slot_get_movement (second), ==, 0);
  g_assert_cmpint (mp_rank_slot_get_program_index (first), ==, 1);
}

static void
test_count_change_is_tail_only (Fixture       *fixture,
                                gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(MpRankSlot) first = g_list_model_get_item (model, 0);
  MpProgramFilter filter;

  mp_program_filter_init (&filter);
  filter.kind = MP_KIND_FILTER_MASTERS;
  mp_scorer_set_filter (fixture->scorer, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (fixture->n_items_changed, ==, 1);
  g_assert_cmpuint (fixture->last_position, ==, 2);
  g_assert_cmpuint (fixture->last_removed, ==, 2);
  g_assert_cmpuint (fixture->last_added, ==, 0);
  g_assert_cmpstr (slot_name (first), ==, "Alpha");

  set_weights (fixture, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (fixture->last_position, ==, 0);
  g_assert_cmpuint (fixture->last_removed, ==, 2);
}

static void
test_slots_are_weak (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  MpRankSlot *slot = g_list_model_get_item (model, 3);
  MpRankSlot *again = g_list_model_get_item (model, 3);

  g_assert_true (slot == again);
  g_assert_cmpuint (mp_rank_model_get_n_live (fixture->model), ==, 1);
  g_object_unref (again);
  g_assert_finalize_object (slot);
  g_assert_cmpuint (mp_rank_model_get_n_live (fixture->model), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rank-model/rerank-changes-slots", Fixture, NULL,
              fixture_set_up, test_rerank_changes_slots, fixture_tear_down);
  g_test_add ("/rank-model/count-change-is-tail-only", Fixture, NULL,
              fixture_set_up, test_count_change_is_tail_only, fixture_tear_down);
  g_test_add ("/rank-model/slots-are-weak", Fixture, NULL,
              fixture_set_up, test_slots_are_weak, fixture_tear_down);

  return g_test_run ();
}
