/* mp-find-model.h: find in an article's text and its tables (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A match: in the text (table == -1), or in a cell of a table. Matches
 * are kept in reading order: by offset, then cell, then start. */
typedef struct {
  int offset;   /* characters into the text: the match, or where its table stands */
  int table;    /* -1 in the text, else the key the table was added with */
  int cell;     /* the cell, in reading order */
  int start;    /* characters into the cell's text (in the text: = offset) */
} MpFindMatch;

/* No more matches than this are kept. */
#define MP_FIND_MODEL_MAX_MATCHES 100000

#define MP_TYPE_FIND_MODEL (mp_find_model_get_type ())

G_DECLARE_FINAL_TYPE (MpFindModel, mp_find_model, MP, FIND_MODEL, GObject)

MpFindModel       *mp_find_model_new               (void);
/* Forgets the text, the tables, the query and the matches. */
void               mp_find_model_clear             (MpFindModel  *self);
gboolean           mp_find_model_has_text          (MpFindModel  *self);
/* The text to search, valid UTF-8; copied. */
void               mp_find_model_set_text          (MpFindModel  *self,
                                                    const char   *text,
                                                    gssize        length);
/* A table that stands at character @offset of the text; @key names it in
 * matches (the view's own index). @cells in reading order; copied. */
void               mp_find_model_add_table         (MpFindModel  *self,
                                                    int           offset,
                                                    int           key,
                                                    const char * const *cells,
                                                    guint         n_cells);
/* Finds @query, case-insensitively; the empty query finds nothing. The
 * current match becomes -1. */
void               mp_find_model_set_query         (MpFindModel  *self,
                                                    const char   *query);
const char        *mp_find_model_get_query         (MpFindModel  *self);
guint              mp_find_model_get_n_matches     (MpFindModel  *self);
const MpFindMatch *mp_find_model_get_match         (MpFindModel  *self,
                                                    guint         index);
/* Characters in each match. */
int                mp_find_model_get_match_length  (MpFindModel  *self);
/* The current match's index, or -1. */
int                mp_find_model_get_current       (MpFindModel  *self);
void               mp_find_model_set_current       (MpFindModel  *self,
                                                    int           index);
/* The next (@direction 1) or previous (-1) match becomes current, round
 * the end; returns it, or -1 when there are none. */
int                mp_find_model_step              (MpFindModel  *self,
                                                    int           direction);
/* The first match at or after @offset, else the first; -1 when none. */
int                mp_find_model_first_from        (MpFindModel  *self,
                                                    int           offset);
/* The matches inside the table added at @offset with @key: their count,
 * the first's index in @first. */
guint              mp_find_model_get_table_matches (MpFindModel  *self,
                                                    int           offset,
                                                    int           key,
                                                    guint        *first);

G_END_DECLS
