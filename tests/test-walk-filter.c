/* test-walk-filter.c: a flowchart's kind filter follows the walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-walk-filter.h"

static void
test_withdrawn (void)
{
  MpWalkFilter filter;
  MpKindFilter kind;

  mp_walk_filter_init (&filter);
  kind = mp_walk_filter_follow (&filter, MP_KIND_FILTER_ALL, TRUE, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_true (mp_walk_filter_is_active (&filter, kind));
  kind = mp_walk_filter_follow (&filter, kind, FALSE, kind);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_ALL);
  g_assert_false (mp_walk_filter_is_active (&filter, kind));
}

/* Another outcome replaces the first one's kind, and leaving it restores
 * what the user had before either. */
static void
test_another_outcome (void)
{
  MpWalkFilter filter;
  MpKindFilter kind;

  mp_walk_filter_init (&filter);
  kind = mp_walk_filter_follow (&filter, MP_KIND_FILTER_MASTERS, TRUE, MP_KIND_FILTER_ALTERNATIVES);
  kind = mp_walk_filter_follow (&filter, kind, FALSE, kind);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_MASTERS);
  kind = mp_walk_filter_follow (&filter, MP_KIND_FILTER_ALL, TRUE, MP_KIND_FILTER_ALTERNATIVES);
  kind = mp_walk_filter_follow (&filter, kind, TRUE, MP_KIND_FILTER_MASTERS);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_MASTERS);
  kind = mp_walk_filter_follow (&filter, kind, FALSE, kind);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_ALL);
}

/* A filter the user chose after the outcome is the user's: it stays. */
static void
test_user_changed (void)
{
  MpWalkFilter filter;
  MpKindFilter kind;

  mp_walk_filter_init (&filter);
  mp_walk_filter_follow (&filter, MP_KIND_FILTER_ALL, TRUE, MP_KIND_FILTER_ALTERNATIVES);
  g_assert_false (mp_walk_filter_is_active (&filter, MP_KIND_FILTER_MASTERS));
  kind = mp_walk_filter_follow (&filter, MP_KIND_FILTER_MASTERS, FALSE, MP_KIND_FILTER_ALL);
  g_assert_cmpint (kind, ==, MP_KIND_FILTER_MASTERS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/walk-filter/withdrawn", test_withdrawn);
  g_test_add_func ("/walk-filter/another-outcome", test_another_outcome);
  g_test_add_func ("/walk-filter/user-changed", test_user_changed);
  return g_test_run ();
}
