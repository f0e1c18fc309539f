/* mp-walk-filter.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

/* The program kind a flowchart's outcome put in force, so that it can be
 * withdrawn when the walk leaves that outcome. */
typedef struct {
  gboolean     active;  /* the walk's kind is in force */
  MpKindFilter set;     /* the kind the walk put in force */
  MpKindFilter before;  /* the kind it replaced */
} MpWalkFilter;

void         mp_walk_filter_init   (MpWalkFilter *self);
MpKindFilter mp_walk_filter_follow (MpWalkFilter *self,
                                    MpKindFilter  current,
                                    gboolean      at_outcome,
                                    MpKindFilter  suggested);
gboolean     mp_walk_filter_is_active (const MpWalkFilter *self,
                                       MpKindFilter        current);

G_END_DECLS
