/* mp-scorer.c: scores and ranks the programs of a store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-scorer.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>


#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)
#define RADIX_MASK (RADIX_SIZE - 1)

struct _MpScorer
{
  GObject          parent_instance;

  MpProgramStore  *store;
  MpWeights        weights;
  MpProgramFilter  filter;
  MpCircumstances  circumstances;
  gboolean         has_scores;
  gboolean         hold_previous;

  /* Snapshot of the store, read on items-changed: flat arrays so that a
   * re-rank touches no GObject. */
  guint            n;
  float           *ratings[MP_N_CRITERIA];
  double          *tuition;     /* exact: the frontier compares costs as the chart does */
  float           *hours;
  guint8          *kind;
  guint8          *format;
  guint           *name_rank;   /* program → position in name order */
  guint           *name_order;  /* name order → program */

  guint           *pool;        /* programs passing the filter, in name order */
  guint            n_pool;
  double          *num;         /* Σ wᵢ·rᵢ per program; score = num · scale */
  double           scale;
  guint           *ranked;
  guint            n_ranked;
  double          *cost;        /* out of pocket, for the best-value filter */
  int             *rank_of;
  int             *prev_rank_of;

  guint32         *keys;
  guint32         *keys_tmp;
  guint           *idx_tmp;

  gboolean         sensitivity_valid;
  MpSensitivity    sensitivity[MP_N_CRITERIA];
};

G_DEFINE_FINAL_TYPE (MpScorer, mp_scorer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_HAS_SCORES,
  N_PROPS
};

enum {
  RANKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
free_snapshot (MpScorer *self)
{
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_clear_pointer (&self->ratings[c], g_free);
  g_clear_pointer (&self->tuition, g_free);
  g_clear_pointer (&self->hours, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->name_rank, g_free);
  g_clear_pointer (&self->name_order, g_free);
  g_clear_pointer (&self->pool, g_free);
  g_clear_pointer (&self->num, g_free);
  g_clear_pointer (&self->cost, g_free);
  g_clear_pointer (&self->ranked, g_free);
  g_clear_pointer (&self->rank_of, g_free);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->keys_tmp, g_free);
  g_clear_pointer (&self->idx_tmp, g_free);
}

typedef struct {
  char       *folded;
  const char *name;
  const char *id;
  guint       index;
} NameKey;

static void
name_key_init (NameKey   *key,
               MpProgram *program,
               guint      index)
{
  key->name = mp_program_get_name (program);
  key->folded = g_utf8_casefold (key->name, -1);
  key->id = mp_program_get_id (program);
  key->index = index;
}

static int
compare_name_keys (gconstpointer a,
                   gconstpointer b)
{
  const NameKey *ka = a, *kb = b;
  int cmp = strcmp (ka->folded, kb->folded);

  if (cmp == 0)
    cmp = strcmp (ka->name, kb->name);
  if (cmp == 0)
    cmp = strcmp (ka->id, kb->id);
  return cmp;
}

static void
update_name_rank (MpScorer *self)
{
  for (guint k = 0; k < self->n; k++)
    self->name_rank[self->name_order[k]] = k;
}

/* Ties break by name, case-insensitively, then by exact name, then by id:
 * a total order that does not depend on the locale. */
static void
compute_name_order (MpScorer *self)
{
  NameKey *keys = g_new (NameKey, MAX (self->n, 1));

  for (guint i = 0; i < self->n; i++)
    name_key_init (&keys[i], mp_program_store_peek (self->store, i), i);
  qsort (keys, self->n, sizeof (NameKey), compare_name_keys);
  for (guint k = 0; k < self->n; k++)
    {
      self->name_order[k] = keys[k].index;
      g_free (keys[k].folded);
    }
  g_free (keys);
  update_name_rank (self);
}

/* Copies program facts [from, to) of the store into the flat arrays. */
static void
read_programs (MpScorer *self,
               guint     from,
               guint     to)
{
  for (guint i = from; i < to; i++)
    {
      MpProgram *p = mp_program_store_peek (self->store, i);

      for (guint c = 0; c < MP_N_CRITERIA; c++)
        self->ratings[c][i] = mp_program_get_rating (p, c);
      self->tuition[i] = mp_program_get_tuition (p);
      self->hours[i] = mp_program_get_hours_per_week (p);
      self->kind[i] = mp_program_get_kind (p);
      self->format[i] = mp_program_get_format (p);
    }
}

/* Per-program arrays: resized by splicing so that a small store change costs
 * O(n) copies, not a new snapshot and name sort. */
static void
splice_array (gpointer *array,
              gsize     size,
              guint     old_n,
              guint     position,
              guint     removed,
              guint     added)
{
  guint new_n = old_n - removed + added;
  char *old = *array;
  char *fresh = g_malloc (MAX (new_n, 1) * size);

  memcpy (fresh, old, position * size);
  memcpy (fresh + (position + added) * size, old + (position + removed) * size,
          (old_n - position - removed) * size);
  g_free (old);
  *array = fresh;
}

static void
resize_work_arrays (MpScorer *self)
{
  guint n = MAX (self->n, 1);

  g_free (self->pool);
  g_free (self->num);
  g_free (self->cost);
  g_free (self->ranked);
  g_free (self->rank_of);
  g_free (self->keys);
  g_free (self->keys_tmp);
  g_free (self->idx_tmp);
  self->pool = g_new (guint, n);
  self->num = g_new0 (double, n);
  self->cost = g_new (double, n);
  self->ranked = g_new (guint, n);
  self->rank_of = g_new (int, n);
  self->keys = g_new (guint32, n);
  self->keys_tmp = g_new (guint32, n);
  self->idx_tmp = g_new (guint, n);
  memset (self->rank_of, 0xff, self->n * sizeof (int));
}

static void
read_snapshot (MpScorer *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  free_snapshot (self);
  self->n = n;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    self->ratings[c] = g_new (float, MAX (n, 1));
  self->tuition = g_new (double, MAX (n, 1));
  self->hours = g_new (float, MAX (n, 1));
  self->kind = g_new (guint8, MAX (n, 1));
  self->format = g_new (guint8, MAX (n, 1));
  self->name_rank = g_new (guint, MAX (n, 1));
  self->name_order = g_new (guint, MAX (n, 1));
  resize_work_arrays (self);
  read_programs (self, 0, n);
  compute_name_order (self);
}

/* Binary search in the name order for where program @index belongs. */
static guint
name_order_position (MpScorer *self,
                     guint     count,
                     guint     index)
{
  NameKey key, other;
  guint lo = 0, hi = count;

  name_key_init (&key, mp_program_store_peek (self->store, index), index);
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp;

      name_key_init (&other, mp_program_store_peek (self->store, self->name_order[mid]), 0);
      cmp = compare_name_keys (&key, &other);
      g_free (other.folded);
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  g_free (key.folded);
  return lo;
}

static void
splice_name_order (MpScorer *self,
                   guint     old_n,
                   guint     position,
                   guint     removed,
                   guint     added)
{
  guint *order = g_new (guint, MAX (self->n, 1));
  guint count = 0;

  for (guint k = 0; k < old_n; k++)
    {
      guint i = self->name_order[k];

      if (i >= position && i < position + removed)
        continue;
      order[count++] = i < position ? i : i - removed + added;
    }
  g_free (self->name_order);
  self->name_order = order;
  for (guint i = position; i < position + added; i++)
    {
      guint at = name_order_position (self, count, i);

      memmove (order + at + 1, order + at, (count - at) * sizeof (guint));
      order[at] = i;
      count++;
    }
  g_assert (count == self->n);
  g_free (self->name_rank);
  self->name_rank = g_new (guint, MAX (self->n, 1));
  update_name_rank (self);
}

static void
splice_snapshot (MpScorer *self,
                 guint     position,
                 guint     removed,
                 guint     added)
{
  guint old_n = self->n;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    splice_array ((gpointer *) &self->ratings[c], sizeof (float), old_n, position, removed, added);
  splice_array ((gpointer *) &self->tuition, sizeof (double), old_n, position, removed, added);
  splice_array ((gpointer *) &self->hours, sizeof (float), old_n, position, removed, added);
  splice_array ((gpointer *) &self->kind, sizeof (guint8), old_n, position, removed, added);
  splice_array ((gpointer *) &self->format, sizeof (guint8), old_n, position, removed, added);
  self->n = old_n - removed + added;
  read_programs (self, position, position + added);
  splice_name_order (self, old_n, position, removed, added);
  resize_work_arrays (self);
}

static gboolean
passes_filter (MpScorer *self,
               guint     i)
{
  const MpProgramFilter *f = &self->filter;

  if (f->kind == MP_KIND_FILTER_MASTERS && self->kind[i] != MP_PROGRAM_KIND_MASTERS)
    return FALSE;
  if (f->kind == MP_KIND_FILTER_ALTERNATIVES && self->kind[i] == MP_PROGRAM_KIND_MASTERS)
    return FALSE;
  if (f->max_tuition >= 0 && self->tuition[i] > f->max_tuition)
    return FALSE;
  if (f->max_hours_per_week >= 0 && self->hours[i] > f->max_hours_per_week)
    return FALSE;
  return f->format < 0 || self->format[i] == f->format;
}

static void
compute_pool (MpScorer *self)
{
  self->n_pool = 0;
  for (guint k = 0; k < self->n; k++)
    {
      guint i = self->name_order[k];

      if (passes_filter (self, i))
        self->pool[self->n_pool++] = i;
    }
}

static void
compute_numerators (MpScorer *self)
{
  double total = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    total += self->weights.w[c];
  self->scale = 10.0 / total;
  memset (self->num, 0, self->n * sizeof (double));
  /* One criterion at a time: five sequential streams, no gather. */
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      const float *r = self->ratings[c];
      double w = self->weights.w[c];

      if (w == 0)
        continue;
      for (guint i = 0; i < self->n; i++)
        self->num[i] += w * r[i];
    }
}

/* Stable LSD radix sort of @idx by @keys, ascending. */
static void
radix_sort (MpScorer *self,
            guint     n)
{
  guint counts[3][RADIX_SIZE] = { { 0, } };
  guint32 *keys = self->keys, *keys_tmp = self->keys_tmp;
  guint *idx = self->ranked, *idx_tmp = self->idx_tmp;

  for (guint i = 0; i < n; i++)
    {
      guint32 k = keys[i];

      counts[0][k & RADIX_MASK]++;
      counts[1][(k >> RADIX_BITS) & RADIX_MASK]++;
      counts[2][k >> (2 * RADIX_BITS)]++;
    }
  for (guint pass = 0; pass < 3; pass++)
    {
      guint shift = pass * RADIX_BITS;
      guint *count = counts[pass];
      guint sum = 0;

      if (count[(keys[0] >> shift) & RADIX_MASK] == n)
        continue;
      for (guint b = 0; b < RADIX_SIZE; b++)
        {
          guint c = count[b];
          count[b] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        {
          guint dst = count[(keys[i] >> shift) & RADIX_MASK]++;
          keys_tmp[dst] = keys[i];
          idx_tmp[dst] = idx[i];
        }
      { guint32 *t = keys; keys = keys_tmp; keys_tmp = t; }
      { guint *t = idx; idx = idx_tmp; idx_tmp = t; }
    }
  self->keys = keys;
  self->keys_tmp = keys_tmp;
  self->ranked = idx;
  self->idx_tmp = idx_tmp;
}

/* TRUE when program a ranks before program b. */
static inline gboolean
ranks_before (MpScorer *self,
              guint     a,
              guint     b)
{
  /* By the score itself, not the numerator: two numerators that round to
   * the same score are a tie, broken by name, as the user sees it. */
  double sa = self->num[a] * self->scale, sb = self->num[b] * self->scale;

  if (sa != sb)
    return sa > sb;
  return self->name_rank[a] < self->name_rank[b];
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  MpScorer *self = user_data;
  guint pa = *(const guint *) a, pb = *(const guint *) b;

  if (pa == pb)
    return 0;
  return ranks_before (self, pa, pb) ? -1 : 1;
}

static void
insertion_sort (MpScorer *self,
                guint    *r,
                guint     n)
{
  for (guint i = 1; i < n; i++)
    {
      guint item = r[i];
      guint j = i;

      while (j > 0 && ranks_before (self, item, r[j - 1]))
        {
          r[j] = r[j - 1];
          j--;
        }
      r[j] = item;
    }
}

/* The radix keys are the scores rounded to float; within a run of equal
 * keys, order by the exact score. Runs are nearly always exact ties, which
 * the stable sort left in name order already. */
static void
refine_runs (MpScorer *self)
{
  guint *r = self->ranked;
  guint n = self->n_pool;

  for (guint start = 0; start < n;)
    {
      guint end = start + 1;
      gboolean sorted = TRUE;

      while (end < n && self->keys[end] == self->keys[start])
        {
          sorted = sorted && ranks_before (self, r[end - 1], r[end]);
          end++;
        }
      if (!sorted && end - start <= 32)
        insertion_sort (self, r + start, end - start);
      else if (!sorted)
        g_qsort_with_data (r + start, end - start, sizeof (guint), compare_ranked, self);
      start = end;
    }
}

static void
sort_pool (MpScorer *self)
{
  guint n = self->n_pool;

  for (guint i = 0; i < n; i++)
    {
      float f = (float) (self->num[self->pool[i]] * self->scale);
      guint32 bits;

      memcpy (&bits, &f, sizeof bits);
      /* Scores are ≥ 0, so the float bits order like the values; invert
       * for best first. */
      self->keys[i] = ~bits;
      self->ranked[i] = self->pool[i];
    }
  if (n > 1)
    radix_sort (self, n);
  refine_runs (self);
}

/* Keeps, in rank order, the programs on the value-for-money frontier of
 * the ranked ones. The ranking is by exact score, best first, so one pass
 * decides: within a run of equal scores only the cheapest can be on it, and
 * only when cheaper than everything that scores higher. */
static void
keep_frontier (MpScorer *self)
{
  guint *r = self->ranked;
  guint n = self->n_ranked, kept = 0;
  double cheapest_above = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    self->cost[r[i]] = mp_costs_out_of_pocket (&self->circumstances, self->tuition[r[i]]);
  for (guint start = 0; start < n;)
    {
      double score = self->num[r[start]] * self->scale;
      double cheapest = self->cost[r[start]];
      guint end = start + 1;

      for (; end < n && self->num[r[end]] * self->scale == score; end++)
        cheapest = MIN (cheapest, self->cost[r[end]]);
      for (guint i = start; i < end && cheapest < cheapest_above; i++)
        if (self->cost[r[i]] == cheapest)
          r[kept++] = r[i];
      cheapest_above = MIN (cheapest_above, cheapest);
      start = end;
    }
  self->n_ranked = kept;
}

static void
rerank (MpScorer *self,
        gboolean  shift_previous)
{
  gboolean had_scores = self->has_scores;

  if (shift_previous && !self->hold_previous)
    {
      int *t = self->prev_rank_of;
      self->prev_rank_of = self->rank_of;
      self->rank_of = t;
    }
  memset (self->rank_of, 0xff, self->n * sizeof (int));
  self->has_scores = !mp_weights_all_zero (&self->weights);
  self->n_ranked = 0;
  if (self->has_scores)
    {
      compute_numerators (self);
      sort_pool (self);
      self->n_ranked = self->n_pool;
      if (self->filter.best_value)
        keep_frontier (self);
      for (guint k = 0; k < self->n_ranked; k++)
        self->rank_of[self->ranked[k]] = k;
    }
  self->sensitivity_valid = FALSE;
  if (had_scores != self->has_scores)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SCORES]);
  g_signal_emit (self, signals[RANKED], 0);
}

/* The previous ranks follow the programs through the splice; then the
 * ranks as they were become the previous ones. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  MpScorer   *self)
{
  g_autofree int *old_rank_of = g_steal_pointer (&self->rank_of);
  const int *source = self->hold_previous ? self->prev_rank_of : old_rank_of;
  guint old_n = self->n;
  int *prev;

  /* Edits, adds and deletes touch a few programs: splice. Loads and imports
   * of many: read everything again. */
  if (removed + added <= 64 && removed + added <= self->n / 4)
    splice_snapshot (self, position, removed, added);
  else
    read_snapshot (self);
  prev = g_new (int, MAX (self->n, 1));
  memcpy (prev, source, position * sizeof (int));
  memset (prev + position, 0xff, added * sizeof (int));
  memcpy (prev + position + added, source + position + removed,
          (old_n - position - removed) * sizeof (int));
  g_free (self->prev_rank_of);
  self->prev_rank_of = prev;
  compute_pool (self);
  rerank (self, FALSE);
}

static void
mp_scorer_dispose (GObject *object)
{
  MpScorer *self = MP_SCORER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, on_items_changed, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (mp_scorer_parent_class)->dispose (object);
}

static void
mp_scorer_finalize (GObject *object)
{
  MpScorer *self = MP_SCORER (object);

  free_snapshot (self);
  g_clear_pointer (&self->prev_rank_of, g_free);

  G_OBJECT_CLASS (mp_scorer_parent_class)->finalize (object);
}

static void
mp_scorer_constructed (GObject *object)
{
  MpScorer *self = MP_SCORER (object);

  G_OBJECT_CLASS (mp_scorer_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_signal_connect (self->store, "items-changed", G_CALLBACK (on_items_changed), self);
  read_snapshot (self);
  self->prev_rank_of = g_new (int, MAX (self->n, 1));
  memset (self->prev_rank_of, 0xff, self->n * sizeof (int));
  compute_pool (self);
  rerank (self, FALSE);
}

static void
mp_scorer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpScorer *self = MP_SCORER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HAS_SCORES:
      g_value_set_boolean (value, self->has_scores);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_scorer_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MpScorer *self = MP_SCORER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_scorer_class_init (MpScorerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mp_scorer_constructed;
  object_class->dispose = mp_scorer_dispose;
  object_class->finalize = mp_scorer_finalize;
  object_class->get_property = mp_scorer_get_property;
  object_class->set_property = mp_scorer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MP_TYPE_PROGRAM_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_SCORES] =
    g_param_spec_boolean ("has-scores", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RANKED] = g_signal_new ("ranked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mp_scorer_init (MpScorer *self)
{
  mp_weights_init_article (&self->weights);
  mp_program_filter_init (&self->filter);
  mp_circumstances_init (&self->circumstances);
}

MpScorer *
mp_scorer_new (MpProgramStore *store)
{
  g_return_val_if_fail (MP_IS_PROGRAM_STORE (store), NULL);

  return g_object_new (MP_TYPE_SCORER, "store", store, NULL);
}

void
mp_program_filter_init (MpProgramFilter *filter)
{
  g_return_if_fail (filter != NULL);

  filter->kind = MP_KIND_FILTER_ALL;
  filter->max_tuition = -1;
  filter->max_hours_per_week = -1;
  filter->format = -1;
  filter->best_value = FALSE;
}

void
mp_scorer_set_weights (MpScorer        *self,
                       const MpWeights *weights)
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (weights != NULL);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_return_if_fail (weights->w[c] >= 0 && weights->w[c] <= 100);

  if (mp_weights_equal (&self->weights, weights))
    return;
  self->weights = *weights;
  rerank (self, TRUE);
}

void
mp_scorer_get_weights (MpScorer  *self,
                       MpWeights *weights)
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (weights != NULL);

  *weights = self->weights;
}

void
mp_scorer_set_filter (MpScorer              *self,
                      const MpProgramFilter *filter)
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (filter->format < MP_N_PROGRAM_FORMATS);

  if (self->filter.kind == filter->kind && self->filter.max_tuition == filter->max_tuition
      && self->filter.max_hours_per_week == filter->max_hours_per_week
      && self->filter.format == filter->format && self->filter.best_value == !!filter->best_value)
    return;
  self->filter = *filter;
  self->filter.best_value = !!filter->best_value;
  compute_pool (self);
  rerank (self, TRUE);
}

void
mp_scorer_get_filter (MpScorer        *self,
                      MpProgramFilter *filter)
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (filter != NULL);

  *filter = self->filter;
}

void
mp_scorer_set_circumstances (MpScorer              *self,
                             const MpCircumstances *circumstances)
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (circumstances != NULL);

  /* Only the funding changes an out-of-pocket cost. */
  if (self->circumstances.funding == circumstances->funding
      && self->circumstances.funding_usd == circumstances->funding_usd)
    return;
  self->circumstances = *circumstances;
  if (self->filter.best_value)
    rerank (self, TRUE);
}

void
mp_scorer_hold_previous (MpScorer *self,
                         gboolean  hold)
{
  g_return_if_fail (MP_IS_SCORER (self));

  hold = !!hold;
  /* The ranks when the hold starts are what the movement is measured from. */
  if (hold && !self->hold_previous)
    memcpy (self->prev_rank_of, self->rank_of, self->n * sizeof (int));
  self->hold_previous = hold;
}

gboolean
mp_scorer_has_scores (MpScorer *self)
{
  g_return_val_if_fail (MP_IS_SCORER (self), FALSE);
  return self->has_scores;
}

guint
mp_scorer_get_n_ranked (MpScorer *self)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  return self->n_ranked;
}

guint
mp_scorer_get_ranked (MpScorer *self,
                      guint     rank)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  g_return_val_if_fail (rank < self->n_ranked, 0);
  return self->ranked[rank];
}

int
mp_scorer_get_rank_of (MpScorer *self,
                       guint     program)
{
  g_return_val_if_fail (MP_IS_SCORER (self), -1);
  g_return_val_if_fail (program < self->n, -1);
  return self->rank_of[program];
}

int
mp_scorer_get_previous_rank_of (MpScorer *self,
                                guint     program)
{
  g_return_val_if_fail (MP_IS_SCORER (self), -1);
  g_return_val_if_fail (program < self->n, -1);
  return self->prev_rank_of[program];
}

double
mp_scorer_get_score (MpScorer *self,
                     guint     program)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  g_return_val_if_fail (program < self->n, 0);

  if (!self->has_scores)
    return 0;
  return self->num[program] * self->scale;
}

void
mp_scorer_get_contributions (MpScorer *self,
                             guint     program,
                             double    contributions[MP_N_CRITERIA])
{
  g_return_if_fail (MP_IS_SCORER (self));
  g_return_if_fail (program < self->n);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      contributions[c] = self->has_scores
        ? self->weights.w[c] * self->ratings[c][program] * self->scale
        : 0;
    }
}

guint
mp_scorer_get_name_rank (MpScorer *self,
                         guint     program)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  g_return_val_if_fail (program < self->n, 0);
  return self->name_rank[program];
}

guint
mp_scorer_get_n_programs (MpScorer *self)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  return self->n;
}

guint
mp_scorer_get_n_passing (MpScorer *self)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  return self->n_pool;
}

guint
mp_scorer_get_passing (MpScorer *self,
                       guint     k)
{
  g_return_val_if_fail (MP_IS_SCORER (self), 0);
  g_return_val_if_fail (k < self->n_pool, 0);
  return self->pool[k];
}

MpProgramStore *
mp_scorer_get_store (MpScorer *self)
{
  g_return_val_if_fail (MP_IS_SCORER (self), NULL);
  return self->store;
}

/* One end of a sensitivity range while competitors are scanned. */
typedef struct {
  double   bound;
  gboolean open;
  int      by_tie;     /* open end: on top at the bound itself (least name rank) */
  int      by_slope;   /* closed end: on top just past it (steepest, then name) */
  double   slope;
} RangeEnd;

static void
range_end_init (RangeEnd *end,
                double    bound,
                gboolean  open)
{
  end->bound = bound;
  end->open = open;
  end->by_tie = -1;
  end->by_slope = -1;
  end->slope = 0;
}

/* Program p crosses the top program t at weight @x; @upper: p wins above x.
 * At x itself they tie and the name decides (@open: p wins the tie). */
static void
range_end_offer (MpScorer *self,
                 RangeEnd *end,
                 gboolean  upper,
                 double    x,
                 gboolean  open,
                 double    slope,
                 guint     p)
{
  gboolean tighter = upper ? x < end->bound : x > end->bound;

  if (tighter)
    range_end_init (end, x, FALSE);
  else if (x != end->bound)
    return;
  if (open)
    {
      end->open = TRUE;
      if (end->by_tie < 0 || self->name_rank[p] < self->name_rank[end->by_tie])
        end->by_tie = p;
    }
  if (end->by_slope < 0 || slope > end->slope ||
      (slope == end->slope && self->name_rank[p] < self->name_rank[end->by_slope]))
    {
      end->by_slope = p;
      end->slope = slope;
    }
}

/* Program p crosses the top program t where a + b·x = 0, x being the
 * weight of criterion c: p − t at that weight, over the same denominator. */
static void
offer_crossing (MpScorer *self,
                RangeEnd *low,
                RangeEnd *high,
                gboolean  others_zero,
                double    a,
                double    b,
                guint     t,
                guint     p)
{
  gboolean p_wins_tie = self->name_rank[p] < self->name_rank[t];
  double x = -a / b;

  if (b > 0 && (x < 100 || (x == 100 && p_wins_tie)))
    range_end_offer (self, high, TRUE, x, p_wins_tie, b, p);
  else if (b < 0 && (x > 0 || (x == 0 && p_wins_tie && !others_zero)))
    range_end_offer (self, low, FALSE, x, p_wins_tie, -b, p);
}

/* One pass over the ranked programs for criterion c. A multiplication
 * screens out crossings beyond the bounds found so far; only the few that
 * may matter pay the exact division. */
static void
scan_criterion (MpScorer *self,
                RangeEnd *low,
                RangeEnd *high,
                gboolean  others_zero,
                guint     c,
                guint     t)
{
  const float *r = self->ratings[c];
  double r_t = r[t], num_t = self->num[t], w = self->weights.w[c];

  for (guint p = 0; p < self->n; p++)
    {
      double b, a;

      if (self->rank_of[p] <= 0)
        continue;
      b = (double) r[p] - r_t;
      if (b == 0)
        continue;
      a = (self->num[p] - num_t) - w * b;
      /* x = −a/b; keep when x ≤ high (b > 0) or x ≥ low (b < 0), with slack. */
      if (b > 0 && -a > high->bound * b * (1 + 1e-9) + 1e-9)
        continue;
      if (b < 0 && a < low->bound * -b * (1 - 1e-9) - 1e-9)
        continue;
      offer_crossing (self, low, high, others_zero, a, b, t, p);
    }
}

static void
finish_end (RangeEnd *end,
            double   *bound,
            int      *takes_over,
            gboolean *open)
{
  *bound = end->bound;
  *open = end->open;
  *takes_over = end->open ? end->by_tie : end->by_slope;
}

static void
compute_sensitivity (MpScorer *self)
{
  RangeEnd low[MP_N_CRITERIA], high[MP_N_CRITERIA];
  gboolean others_zero[MP_N_CRITERIA];
  guint t = self->ranked[0];
  double total = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    total += self->weights.w[c];
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      /* With every other weight zero, w = 0 is the state without scores. */
      others_zero[c] = total - self->weights.w[c] == 0;
      range_end_init (&low[c], 0, others_zero[c]);
      range_end_init (&high[c], 100, FALSE);
    }
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    scan_criterion (self, &low[c], &high[c], others_zero[c], c, t);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      MpSensitivity *s = &self->sensitivity[c];

      finish_end (&low[c], &s->low, &s->below, &s->low_open);
      finish_end (&high[c], &s->high, &s->above, &s->high_open);
      /* Rounding must not leave the current weight outside its own range. */
      s->low = MIN (s->low, self->weights.w[c]);
      s->high = MAX (s->high, self->weights.w[c]);
    }
  self->sensitivity_valid = TRUE;
}

gboolean
mp_scorer_get_sensitivity (MpScorer      *self,
                           MpCriterion    criterion,
                           MpSensitivity *sensitivity)
{
  g_return_val_if_fail (MP_IS_SCORER (self), FALSE);
  g_return_val_if_fail (criterion < MP_N_CRITERIA, FALSE);
  g_return_val_if_fail (sensitivity != NULL, FALSE);

  if (self->n_ranked == 0)
    return FALSE;
  if (!self->sensitivity_valid)
    compute_sensitivity (self);
  *sensitivity = self->sensitivity[criterion];
  return TRUE;
}
