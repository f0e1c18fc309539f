/* mp-walk-filter.c: a kind filter set by a flowchart's outcome follows the walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-walk-filter.h"

void
mp_walk_filter_init (MpWalkFilter *self)
{
  g_return_if_fail (self != NULL);

  self->active = FALSE;
  self->set = self->before = MP_KIND_FILTER_ALL;
}

/* Whether the kind in force (@current) is still the one the walk set: a
 * kind the user chose since is the user's, and the walk leaves it alone. */
gboolean
mp_walk_filter_is_active (const MpWalkFilter *self,
                          MpKindFilter        current)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->active && current == self->set;
}

/* The walk moved: to an outcome that suggests @suggested (@at_outcome), or
 * away from any outcome that suggests a kind. Returns the kind to put in
 * force: the walk's earlier kind is withdrawn first, unless the user has
 * changed the filter since. */
MpKindFilter
mp_walk_filter_follow (MpWalkFilter *self,
                       MpKindFilter  current,
                       gboolean      at_outcome,
                       MpKindFilter  suggested)
{
  MpKindFilter base;

  g_return_val_if_fail (self != NULL, current);

  base = mp_walk_filter_is_active (self, current) ? self->before : current;
  self->active = at_outcome;
  if (!at_outcome)
    return base;
  self->before = base;
  self->set = suggested;
  return suggested;
}
