/* mp-table-ranking.c: the ranking of a program table, as MpScorer ranks a
 * store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-table-ranking.h"

#include <string.h>

struct _MpTableRanking
{
  MpProgramTable *table;
  MpWeights       weights;
  double          scale;
  guint           n;
  double         *num;     /* Σ wᵢ·rᵢ per row; score = num · scale */
  guint          *ranked;  /* rank → row */
};

/* The scorer's snapshot keeps ratings as floats; so does this. */
static inline double
rating (MpTableRanking *self,
        guint           row,
        MpCriterion     c)
{
  return (float) mp_program_table_get_rating (self->table, row, c);
}

static void
compute_numerators (MpTableRanking *self)
{
  double total = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    total += self->weights.w[c];
  self->scale = 10.0 / total;
  /* Criteria added in the scorer's order, so the sums match to the bit. */
  for (guint i = 0; i < self->n; i++)
    {
      double num = 0;

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          if (self->weights.w[c] != 0)
            num += self->weights.w[c] * rating (self, i, c);
        }
      self->num[i] = num;
    }
}

/* Stable LSD radix sort of @idx by @keys, ascending, two 16-bit passes. */
static void
radix_sort (guint32 *keys,
            guint   *idx,
            guint    n)
{
  g_autofree guint32 *keys_tmp = g_new (guint32, MAX (n, 1));
  g_autofree guint *idx_tmp = g_new (guint, MAX (n, 1));
  g_autofree guint *count = g_new (guint, 1u << 16);

  for (guint shift = 0; shift < 32; shift += 16)
    {
      guint sum = 0;

      memset (count, 0, sizeof (guint) << 16);
      for (guint i = 0; i < n; i++)
        count[(keys[i] >> shift) & 0xffff]++;
      for (guint b = 0; b < (1u << 16); b++)
        {
          guint c = count[b];

          count[b] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        {
          guint dst = count[(keys[i] >> shift) & 0xffff]++;

          keys_tmp[dst] = keys[i];
          idx_tmp[dst] = idx[i];
        }
      memcpy (keys, keys_tmp, n * sizeof (guint32));
      memcpy (idx, idx_tmp, n * sizeof (guint));
    }
}

static int
compare_names (MpProgramTable *table,
               guint           a,
               guint           b)
{
  int cmp = strcmp (mp_program_table_get_folded_name (table, a),
                    mp_program_table_get_folded_name (table, b));

  if (cmp == 0)
    cmp = strcmp (mp_program_table_get_name (table, a), mp_program_table_get_name (table, b));
  if (cmp == 0)
    cmp = strcmp (mp_program_table_get_id (table, a), mp_program_table_get_id (table, b));
  return cmp;
}

/* By the score itself, as the user sees it, then by name. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  MpTableRanking *self = user_data;
  guint ra = *(const guint *) a, rb = *(const guint *) b;
  double sa = self->num[ra] * self->scale, sb = self->num[rb] * self->scale;

  if (sa != sb)
    return sa > sb ? -1 : 1;
  return compare_names (self->table, ra, rb);
}

/* The radix keys are the scores rounded to float; each run of equal keys
 * is then put in the exact order (nearly always a tie broken by name). */
static void
sort_rows (MpTableRanking *self)
{
  g_autofree guint32 *keys = g_new (guint32, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    {
      float f = (float) (self->num[i] * self->scale);
      guint32 bits;

      memcpy (&bits, &f, sizeof bits);
      /* Scores are ≥ 0, so the float bits order like the values; invert
       * for best first. */
      keys[i] = ~bits;
      self->ranked[i] = i;
    }
  radix_sort (keys, self->ranked, self->n);
  for (guint start = 0; start < self->n;)
    {
      guint end = start + 1;

      while (end < self->n && keys[end] == keys[start])
        end++;
      if (end - start > 1)
        g_qsort_with_data (self->ranked + start, end - start, sizeof (guint), compare_ranked,
                           self);
      start = end;
    }
}

MpTableRanking *
mp_table_ranking_new (MpProgramTable  *table,
                      const MpWeights *weights)
{
  MpTableRanking *self;

  g_return_val_if_fail (table != NULL && weights != NULL, NULL);
  g_return_val_if_fail (!mp_weights_all_zero (weights), NULL);

  self = g_new0 (MpTableRanking, 1);
  self->table = table;
  self->weights = *weights;
  self->n = mp_program_table_get_n (table);
  self->num = g_new (double, MAX (self->n, 1));
  self->ranked = g_new (guint, MAX (self->n, 1));
  compute_numerators (self);
  sort_rows (self);
  return self;
}

void
mp_table_ranking_free (MpTableRanking *self)
{
  if (self == NULL)
    return;
  g_free (self->num);
  g_free (self->ranked);
  g_free (self);
}

guint
mp_table_ranking_get_n_ranked (MpTableRanking *self)
{
  return self->n;
}

guint
mp_table_ranking_get_ranked (MpTableRanking *self,
                             guint           k)
{
  g_return_val_if_fail (k < self->n, 0);
  return self->ranked[k];
}

void
mp_table_ranking_get_row (MpTableRanking *self,
                          guint           k,
                          MpRankingRow   *row)
{
  guint i = mp_table_ranking_get_ranked (self, k);

  row->rank = k;
  row->score = self->num[i] * self->scale;
  row->id = mp_program_table_get_id (self->table, i);
  row->name = mp_program_table_get_name (self->table, i);
  row->kind = mp_program_table_get_kind (self->table, i);
  /* As mp_scorer_get_contributions() computes them. */
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    row->contributions[c] = self->weights.w[c] * rating (self, i, c) * self->scale;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      table)
{
  return compare_names (table, *(const guint *) a, *(const guint *) b);
}

/* Row → place in name order, the scorer's tie rank. */
static guint *
name_ranks (MpTableRanking *self)
{
  g_autofree guint *order = g_new (guint, MAX (self->n, 1));
  guint *rank_of = g_new (guint, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    order[i] = i;
  g_qsort_with_data (order, self->n, sizeof (guint), compare_by_name, self->table);
  for (guint k = 0; k < self->n; k++)
    rank_of[order[k]] = k;
  return rank_of;
}

MpConfidenceInput *
mp_table_ranking_confidence_input (MpTableRanking *self,
                                   double          spread)
{
  MpConfidenceInput *input = mp_confidence_input_new (self->n);
  g_autofree guint *tie_rank = name_ranks (self);

  for (guint k = 0; k < self->n; k++)
    {
      guint i = self->ranked[k];

      mp_confidence_input_set_program (input, k, i, tie_rank[i]);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          double lo, hi;

          mp_program_table_get_rating_range (self->table, i, c, &lo, &hi);
          mp_confidence_input_set_rating (input, k, c, lo, hi);
        }
    }
  mp_confidence_input_set_weights (input, &self->weights, spread);
  return input;
}
