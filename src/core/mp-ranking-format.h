/* mp-ranking-format.h: a ranking written as CSV, TSV or JSON (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-scorer.h"

G_BEGIN_DECLS

/* The ranked programs as CSV (RFC 4180, CRLF): rank, score, then the columns
 * that mp_program_store_import() reads, then "faculty_points" … the
 * contributions; scores rounded to 2 decimals. The file imports again.
 * Without scores, the programs that pass the filter, by name, unranked. */
char *mp_ranking_to_csv  (MpScorer *scorer);
/* `masterplan --rank`'s tables: one row per ranked program, tab-separated
 * (rank, score, id, name, kind, contributions), and the same as JSON with
 * the weights; scores rounded to 0.1, contributions to 0.01. */
char *mp_ranking_to_tsv  (MpScorer *scorer);
char *mp_ranking_to_json (MpScorer *scorer);

typedef enum {
  MP_RANKING_COLUMN_NUMBER,
  MP_RANKING_COLUMN_WHOLE,
  MP_RANKING_COLUMN_BOOLEAN,  /* "true" / "false" */
} MpRankingColumnType;

/* A column added after the contributions: one value per ranked program, in
 * rank order; NAN for none (an empty TSV field, JSON null). */
typedef struct {
  const char          *name;
  MpRankingColumnType  type;
  int                  decimals;  /* of a NUMBER */
  const double        *values;
} MpRankingColumn;

char *mp_ranking_to_tsv_with_columns  (MpScorer              *scorer,
                                       const MpRankingColumn *columns,
                                       guint                  n_columns);
char *mp_ranking_to_json_with_columns (MpScorer              *scorer,
                                       const MpRankingColumn *columns,
                                       guint                  n_columns);

/* The same tables a row at a time, for writers that do not hold a scorer
 * (the headless ranking of large files streams its rows). @row->rank
 * (from 0) also indexes the columns' values. */
typedef struct {
  guint          rank;
  double         score;
  const char    *id;
  const char    *name;
  MpProgramKind  kind;
  double         contributions[MP_N_CRITERIA];
} MpRankingRow;

void  mp_ranking_append_tsv_header (GString               *out,
                                    const MpRankingColumn *columns,
                                    guint                  n_columns);
void  mp_ranking_append_tsv_row    (GString               *out,
                                    const MpRankingRow    *row,
                                    const MpRankingColumn *columns,
                                    guint                  n_columns);
void  mp_ranking_append_json_head  (GString               *out,
                                    const MpWeights       *weights);
/* @last: no comma after it. */
void  mp_ranking_append_json_row   (GString               *out,
                                    const MpRankingRow    *row,
                                    gboolean               last,
                                    const MpRankingColumn *columns,
                                    guint                  n_columns);
void  mp_ranking_append_json_tail  (GString               *out);

G_END_DECLS
