/* mp-front-matter.h: YAML (---) or TOML (+++) front matter (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The metadata block at the very top of a file. Only top-level
 * "key: value" (YAML) or "key = value" (TOML) lines become entries; the
 * rest (nested values, tables, comments) is kept out of the article but
 * not interpreted. */
typedef struct {
  char      *title;    /* the "title" entry, or NULL */
  GPtrArray *keys;     /* char*, in order, without "title" */
  GPtrArray *values;   /* char*, unquoted */
  gsize      length;   /* bytes of the block, closing line included */
  guint      n_lines;  /* lines of the block, closing line included */
} MpFrontMatter;

/* The front matter that @text starts with, or NULL when it starts with
 * none (or the block is not closed). */
MpFrontMatter *mp_front_matter_parse (const char    *text,
                                      gsize          length);
void           mp_front_matter_free  (MpFrontMatter *front_matter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpFrontMatter, mp_front_matter_free)

G_END_DECLS
