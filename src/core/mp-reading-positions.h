/* mp-reading-positions.h: where the reader left each file (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Positions are kept as a GVariant "a(si)": a file's URI and the
 * character offset of the first line on screen, most recently read first
 * (the settings key "reading-positions" holds it). */
#define MP_READING_POSITIONS_TYPE "a(si)"
/* Files remembered; older ones are forgotten. */
#define MP_READING_POSITIONS_MAX  100

/* The offset remembered for @uri, or 0 (the top). */
int       mp_reading_positions_lookup (GVariant   *positions,
                                       const char *uri);
/* @positions with @uri at @offset, first; a new floating variant. An
 * offset of 0 forgets the file: it opens at its top anyway. */
GVariant *mp_reading_positions_update (GVariant   *positions,
                                       const char *uri,
                                       int         offset);

G_END_DECLS
