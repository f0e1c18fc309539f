/* mp-confidence.c: how sure the ranking is, under uncertain weights and
 * ratings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-confidence.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mp-program-store.h"
#include "mp-scorer.h"

/* Samples are drawn in chunks, each from its own random stream: the result
 * does not depend on how chunks are shared between threads, and a
 * cancellation is seen within one chunk. */
#define CHUNK_SAMPLES 1024
/* Up to this many programs, an insertion sort from the previous sample's
 * order beats the radix sort. */
#define SMALL_N 48
/* Each sample's ranks go to a buffer first, of about this many entries, and
 * from there into the histograms a few programs at a time: adding each
 * sample straight into n histogram rows touches n pages per sample. */
#define RANK_BUFFER 524288
#define FLUSH_BLOCK 32
/* Rank histogram bytes per worker: past this, lists of many thousands of
 * programs get fewer, wider bands (at 1024 bands each, a million programs
 * would need 4 GB a worker). */
#define HIST_BUDGET (64u << 20)
#define MIN_RANK_BINS 16
/* Program-samples above which a second thread helps more than it costs. */
#define PARALLEL_WORK 2000000

struct _MpConfidenceInput
{
  gatomicrefcount ref;
  guint           n;
  guint          *program;
  guint          *tie_rank;
  float          *lo[MP_N_CRITERIA];
  float          *hi[MP_N_CRITERIA];
  double          w_lo[MP_N_CRITERIA];
  double          w_hi[MP_N_CRITERIA];
  guint           n_samples;
  guint64         seed;
};

struct _MpConfidenceResult
{
  gatomicrefcount    ref;
  MpConfidenceInput *input;
  guint              n;
  guint              n_samples;
  guint32           *first;
  guint32           *top3;
  guint             *rank_p5;
  guint             *rank_p95;
  guint8            *unknown;
  GHashTable        *slot_of;  /* program → slot + 1, built at the first look-up */
};

G_DEFINE_QUARK (mp-confidence-error-quark, mp_confidence_error)
G_DEFINE_BOXED_TYPE (MpConfidenceInput, mp_confidence_input,
                     mp_confidence_input_ref, mp_confidence_input_unref)
G_DEFINE_BOXED_TYPE (MpConfidenceResult, mp_confidence_result,
                     mp_confidence_result_ref, mp_confidence_result_unref)

/* -- random numbers: xoshiro256**, seeded through splitmix64 ------------- */

typedef struct {
  guint64 s[4];
} Rng;

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed,
          guint64  stream)
{
  guint64 state = seed ^ (stream * G_GUINT64_CONSTANT (0xd1342543de82ef95));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* Uniform in [0, 1), 53 bits. */
static inline double
rng_uniform (Rng *rng)
{
  return (rng_next (rng) >> 11) * 0x1.0p-53;
}

/* -- input ---------------------------------------------------------------- */

MpConfidenceInput *
mp_confidence_input_new (guint n_programs)
{
  MpConfidenceInput *input = g_new0 (MpConfidenceInput, 1);
  guint n = MAX (n_programs, 1);

  g_atomic_ref_count_init (&input->ref);
  input->n = n_programs;
  input->program = g_new (guint, n);
  input->tie_rank = g_new (guint, n);
  for (guint i = 0; i < n_programs; i++)
    input->program[i] = input->tie_rank[i] = i;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      input->lo[c] = g_new0 (float, n);
      input->hi[c] = g_new0 (float, n);
    }
  input->n_samples = MP_CONFIDENCE_DEFAULT_SAMPLES;
  return input;
}

MpConfidenceInput *
mp_confidence_input_ref (MpConfidenceInput *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  g_atomic_ref_count_inc (&input->ref);
  return input;
}

void
mp_confidence_input_unref (MpConfidenceInput *input)
{
  g_return_if_fail (input != NULL);

  if (!g_atomic_ref_count_dec (&input->ref))
    return;
  g_free (input->program);
  g_free (input->tie_rank);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_free (input->lo[c]);
      g_free (input->hi[c]);
    }
  g_free (input);
}

guint
mp_confidence_input_get_n_programs (MpConfidenceInput *input)
{
  g_return_val_if_fail (input != NULL, 0);

  return input->n;
}

void
mp_confidence_input_set_program (MpConfidenceInput *input,
                                 guint              slot,
                                 guint              program,
                                 guint              tie_rank)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (slot < input->n);

  input->program[slot] = program;
  input->tie_rank[slot] = tie_rank;
}

void
mp_confidence_input_set_rating (MpConfidenceInput *input,
                                guint              slot,
                                MpCriterion        criterion,
                                double             lo,
                                double             hi)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (slot < input->n);
  g_return_if_fail (criterion < MP_N_CRITERIA);
  g_return_if_fail (0 <= lo && lo <= hi && hi <= 10);

  /* Floats, as the scorer keeps ratings: exact inputs rank as it ranks. */
  input->lo[criterion][slot] = lo;
  input->hi[criterion][slot] = hi;
}

void
mp_confidence_input_set_weight_range (MpConfidenceInput *input,
                                      MpCriterion        criterion,
                                      double             lo,
                                      double             hi)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (criterion < MP_N_CRITERIA);
  g_return_if_fail (0 <= lo && lo <= hi && hi <= 100);

  input->w_lo[criterion] = lo;
  input->w_hi[criterion] = hi;
}

void
mp_confidence_input_set_weights (MpConfidenceInput *input,
                                 const MpWeights   *weights,
                                 double             spread)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (weights != NULL);
  g_return_if_fail (spread >= 0);

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      double w = CLAMP (weights->w[c], 0, 100);

      mp_confidence_input_set_weight_range (input, c, MAX (w - spread, 0), MIN (w + spread, 100));
    }
}

void
mp_confidence_input_set_samples (MpConfidenceInput *input,
                                 guint              n_samples)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (n_samples > 0);

  input->n_samples = n_samples;
}

void
mp_confidence_input_set_seed (MpConfidenceInput *input,
                              guint64            seed)
{
  g_return_if_fail (input != NULL);

  input->seed = seed;
}

MpConfidenceInput *
mp_confidence_input_new_from_scorer (MpScorer       *scorer,
                                     MpProgramStore *store,
                                     double          spread)
{
  guint n = mp_scorer_get_n_ranked (scorer);
  MpConfidenceInput *input = mp_confidence_input_new (n);
  MpWeights weights;

  for (guint k = 0; k < n; k++)
    {
      guint index = mp_scorer_get_ranked (scorer, k);
      MpProgram *program = mp_program_store_peek (store, index);

      mp_confidence_input_set_program (input, k, index, mp_scorer_get_name_rank (scorer, index));
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          double lo, hi;

          mp_program_get_rating_range (program, c, &lo, &hi);
          mp_confidence_input_set_rating (input, k, c, lo, hi);
        }
    }
  mp_scorer_get_weights (scorer, &weights);
  mp_confidence_input_set_weights (input, &weights, spread);
  return input;
}

/* -- one computation -------------------------------------------------------- */

/* A rating that varies: its slot, criterion and the width of its range. */
typedef struct {
  guint  slot;
  guint  criterion;
  double width;
} Uncertain;

/* What every worker reads and none writes. */
typedef struct {
  MpConfidenceInput *input;
  GCancellable      *cancellable;
  guint              n;
  Uncertain         *uncertain;
  guint              n_uncertain;
  guint             *by_tie;     /* slots in tie order */
  guint              bins;       /* rank histogram bands per program */
  guint              stride;     /* histogram row length, ≥ bins */
  guint             *bin_of;     /* rank → band */
  guint              n_chunks;
} Plan;

typedef struct {
  const Plan *plan;
  guint       first_chunk;
  guint       chunk_step;
  gboolean    cancelled;
  guint32    *first;
  guint32    *top3;
  guint32    *hist;       /* n rows of plan->stride */
  guint16    *buffer;     /* buffer_rows × n bands, sample-major */
  guint       buffer_rows;
  guint       buffered;
  double     *num;
  double     *score;
  guint      *order;
  guint      *tmp;
  guint16    *keys;
  guint16    *keys_tmp;
} Worker;

static int
compare_tie (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const guint *tie = user_data;
  guint ta = tie[*(const guint *) a], tb = tie[*(const guint *) b];

  return (ta > tb) - (ta < tb);
}

/* Rows an odd number of cache lines long: rows a power of two apart would
 * all fall in the same cache sets, and every sample touches every row. */
static guint
hist_stride (guint bins)
{
  guint lines = (bins * sizeof (guint32) + 63) / 64;

  if (lines % 2 == 0)
    lines++;
  return lines * (64 / sizeof (guint32));
}

guint
mp_confidence_rank_bands (guint n_programs)
{
  guint fit = HIST_BUDGET / (sizeof (guint32) * MAX (n_programs, 1));

  return MIN (n_programs, MIN (MP_CONFIDENCE_MAX_RANK_BINS, MAX (fit, MIN_RANK_BINS)));
}

static void
plan_init (Plan              *plan,
           MpConfidenceInput *input,
           GCancellable      *cancellable)
{
  MpConfidenceInput *in = input;
  guint n = in->n;

  plan->input = in;
  plan->cancellable = cancellable;
  plan->n = n;
  plan->uncertain = g_new (Uncertain, (gsize) n * MP_N_CRITERIA + 1);
  plan->n_uncertain = 0;
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < MP_N_CRITERIA; c++)
      if (in->hi[c][i] > in->lo[c][i] && in->w_hi[c] > 0)
        plan->uncertain[plan->n_uncertain++] =
          (Uncertain) { i, c, (double) in->hi[c][i] - in->lo[c][i] };
  plan->by_tie = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    plan->by_tie[i] = i;
  g_qsort_with_data (plan->by_tie, n, sizeof (guint), compare_tie, in->tie_rank);
  plan->bins = mp_confidence_rank_bands (n);
  plan->stride = hist_stride (plan->bins);
  plan->bin_of = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    plan->bin_of[k] = (guint) ((guint64) k * plan->bins / n);
  plan->n_chunks = (in->n_samples + CHUNK_SAMPLES - 1) / CHUNK_SAMPLES;
}

static void
plan_clear (Plan *plan)
{
  g_free (plan->uncertain);
  g_free (plan->by_tie);
  g_free (plan->bin_of);
}

static void
worker_init (Worker     *w,
             const Plan *plan,
             guint       first_chunk,
             guint       chunk_step)
{
  guint n = MAX (plan->n, 1);

  memset (w, 0, sizeof *w);
  w->plan = plan;
  w->first_chunk = first_chunk;
  w->chunk_step = chunk_step;
  w->first = g_new0 (guint32, n);
  w->top3 = g_new0 (guint32, n);
  w->hist = g_new0 (guint32, (gsize) n * plan->stride);
  w->buffer_rows = CLAMP (RANK_BUFFER / n, 16, CHUNK_SAMPLES);
  w->buffer = g_new (guint16, (gsize) n * w->buffer_rows);
  w->num = g_new (double, n);
  w->score = g_new (double, n);
  w->order = g_new (guint, n);
  w->tmp = g_new (guint, n);
  w->keys = g_new (guint16, n);
  w->keys_tmp = g_new (guint16, n);
  memcpy (w->order, plan->by_tie, plan->n * sizeof (guint));
}

static void
worker_clear (Worker *w)
{
  g_free (w->first);
  g_free (w->top3);
  g_free (w->hist);
  g_free (w->buffer);
  g_free (w->num);
  g_free (w->score);
  g_free (w->order);
  g_free (w->tmp);
  g_free (w->keys);
  g_free (w->keys_tmp);
}

/* Returns Σ w; never 0 since some range reaches above 0 (checked before). */
static double
draw_weights (const MpConfidenceInput *in,
              Rng                     *rng,
              double                   w[MP_N_CRITERIA])
{
  double total;

  do
    {
      total = 0;
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          double width = in->w_hi[c] - in->w_lo[c];

          w[c] = width > 0 ? in->w_lo[c] + width * rng_uniform (rng) : in->w_lo[c];
          total += w[c];
        }
    }
  while (total <= 0);
  return total;
}

/* num[i] = Σ w[c]·lo[c][i], summed criterion by criterion in this order,
 * as the scorer sums: exact inputs give its scores to the bit. */
static void
sum_weighted (const MpConfidenceInput *in,
              const double             w[MP_N_CRITERIA],
              double *restrict         num)
{
  const float *restrict l0 = in->lo[0], *restrict l1 = in->lo[1], *restrict l2 = in->lo[2];
  const float *restrict l3 = in->lo[3], *restrict l4 = in->lo[4];
  double w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4];

  G_STATIC_ASSERT (MP_N_CRITERIA == 5);
  for (guint i = 0; i < in->n; i++)
    num[i] = w0 * l0[i] + w1 * l1[i] + w2 * l2[i] + w3 * l3[i] + w4 * l4[i];
}

static void
score_sample (Worker *wk,
              Rng    *rng)
{
  const Plan *plan = wk->plan;
  const MpConfidenceInput *in = plan->input;
  double w[MP_N_CRITERIA];
  double scale = 10.0 / draw_weights (in, rng, w);
  double *num = wk->num;

  sum_weighted (in, w, num);
  for (guint u = 0; u < plan->n_uncertain; u++)
    {
      const Uncertain *x = &plan->uncertain[u];

      num[x->slot] += w[x->criterion] * x->width * rng_uniform (rng);
    }
  for (guint i = 0; i < plan->n; i++)
    wk->score[i] = num[i] * scale;
}

static inline gboolean
ranks_before (const Worker *wk,
              guint         a,
              guint         b)
{
  double sa = wk->score[a], sb = wk->score[b];

  if (sa != sb)
    return sa > sb;
  return wk->plan->input->tie_rank[a] < wk->plan->input->tie_rank[b];
}

static void
insertion_sort (const Worker *wk,
                guint        *r,
                guint         n)
{
  for (guint i = 1; i < n; i++)
    {
      guint item = r[i];
      guint j = i;

      while (j > 0 && ranks_before (wk, item, r[j - 1]))
        {
          r[j] = r[j - 1];
          j--;
        }
      r[j] = item;
    }
}

/* One stable counting pass of 8 bits. */
static void
radix_pass (const guint16 *keys,
            const guint   *idx,
            guint16       *keys_out,
            guint         *idx_out,
            guint          n,
            guint          shift)
{
  guint count[256] = { 0, };
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    count[(keys[i] >> shift) & 0xff]++;
  for (guint b = 0; b < 256; b++)
    {
      guint c = count[b];
      count[b] = sum;
      sum += c;
    }
  for (guint i = 0; i < n; i++)
    {
      guint dst = count[(keys[i] >> shift) & 0xff]++;
      keys_out[dst] = keys[i];
      idx_out[dst] = idx[i];
    }
}

/* Keys are the scores in 1/655.35 steps, best first; fed in tie order, the
 * stable sort leaves equal keys in tie order, and runs of equal keys are
 * then put in exact score order. */
static void
radix_rank (Worker *wk)
{
  const Plan *plan = wk->plan;
  guint n = plan->n;

  for (guint k = 0; k < n; k++)
    {
      guint i = plan->by_tie[k];
      double q = wk->score[i] * 655.35;

      wk->keys[k] = 65535 - (guint16) CLAMP (q, 0, 65535);
    }
  radix_pass (wk->keys, plan->by_tie, wk->keys_tmp, wk->tmp, n, 0);
  radix_pass (wk->keys_tmp, wk->tmp, wk->keys, wk->order, n, 8);
  for (guint start = 0; start < n;)
    {
      guint end = start + 1;

      while (end < n && wk->keys[end] == wk->keys[start])
        end++;
      if (end - start > 1)
        insertion_sort (wk, wk->order + start, end - start);
      start = end;
    }
}

/* Adds the buffered samples' bands into the histograms, a block of programs
 * at a time so that their rows stay in cache. */
static void
flush_ranks (Worker *wk)
{
  const Plan *plan = wk->plan;
  guint n = plan->n;

  for (guint from = 0; from < n; from += FLUSH_BLOCK)
    {
      guint to = MIN (from + FLUSH_BLOCK, n);

      for (guint row = 0; row < wk->buffered; row++)
        {
          const guint16 *bands = wk->buffer + (gsize) row * n;

          for (guint i = from; i < to; i++)
            wk->hist[(gsize) i * plan->stride + bands[i]]++;
        }
    }
  wk->buffered = 0;
}

static void
tally_sample (Worker *wk)
{
  const Plan *plan = wk->plan;
  guint n = plan->n;
  guint16 *bands = wk->buffer + (gsize) wk->buffered * n;

  wk->first[wk->order[0]]++;
  for (guint k = 0; k < MIN (n, 3); k++)
    wk->top3[wk->order[k]]++;
  for (guint k = 0; k < n; k++)
    bands[wk->order[k]] = plan->bin_of[k];
  if (++wk->buffered == wk->buffer_rows)
    flush_ranks (wk);
}

static void
run_chunk (Worker *wk,
           guint   chunk)
{
  const Plan *plan = wk->plan;
  guint from = chunk * CHUNK_SAMPLES;
  guint to = MIN (from + CHUNK_SAMPLES, plan->input->n_samples);
  Rng rng;

  rng_init (&rng, plan->input->seed, chunk);
  for (guint s = from; s < to; s++)
    {
      score_sample (wk, &rng);
      /* A small list is nearly in order already from the sample before. */
      if (plan->n <= SMALL_N)
        insertion_sort (wk, wk->order, plan->n);
      else
        radix_rank (wk);
      tally_sample (wk);
    }
}

static gpointer
worker_run (gpointer data)
{
  Worker *wk = data;

  for (guint chunk = wk->first_chunk; chunk < wk->plan->n_chunks; chunk += wk->chunk_step)
    {
      if (g_cancellable_is_cancelled (wk->plan->cancellable))
        {
          wk->cancelled = TRUE;
          break;
        }
      run_chunk (wk, chunk);
    }
  flush_ranks (wk);
  return NULL;
}

/* Nearest-rank percentile: the first rank whose cumulative count reaches
 * ⌈share · samples⌉; with bands, the band's outer end toward @low_end. */
static guint
percentile_rank (const Plan    *plan,
                 const guint32 *hist,
                 guint          n_samples,
                 double         share,
                 gboolean       low_end)
{
  guint64 target = (guint64) ceil (share * n_samples);
  guint64 cum = 0;
  guint band = plan->bins - 1;

  for (guint b = 0; b < plan->bins; b++)
    {
      cum += hist[b];
      if (cum >= MAX (target, 1))
        {
          band = b;
          break;
        }
    }
  if (plan->bins == plan->n)
    return band + 1;
  /* First rank in the band, or last. */
  if (low_end)
    return (guint) (((guint64) band * plan->n + plan->bins - 1) / plan->bins) + 1;
  return (guint) (((guint64) (band + 1) * plan->n + plan->bins - 1) / plan->bins);
}

static gboolean
has_unknown (MpConfidenceInput *in,
             guint              slot)
{
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    if (in->w_hi[c] > 0 && in->lo[c][slot] == 0 && in->hi[c][slot] == 10)
      return TRUE;
  return FALSE;
}

static MpConfidenceResult *
result_new (const Plan *plan,
            Worker     *wk)
{
  MpConfidenceResult *r = g_new0 (MpConfidenceResult, 1);
  guint n = MAX (plan->n, 1);

  g_atomic_ref_count_init (&r->ref);
  r->input = mp_confidence_input_ref (plan->input);
  r->n = plan->n;
  r->n_samples = plan->input->n_samples;
  r->first = g_steal_pointer (&wk->first);
  r->top3 = g_steal_pointer (&wk->top3);
  r->rank_p5 = g_new (guint, n);
  r->rank_p95 = g_new (guint, n);
  r->unknown = g_new (guint8, n);
  for (guint i = 0; i < plan->n; i++)
    {
      const guint32 *hist = wk->hist + (gsize) i * plan->stride;

      r->rank_p5[i] = percentile_rank (plan, hist, r->n_samples, 0.05, TRUE);
      r->rank_p95[i] = percentile_rank (plan, hist, r->n_samples, 0.95, FALSE);
      r->unknown[i] = has_unknown (plan->input, i);
    }
  return r;
}

static void
worker_merge (Worker       *into,
              const Worker *from)
{
  const Plan *plan = into->plan;
  gsize cells = (gsize) plan->n * plan->stride;

  for (guint i = 0; i < plan->n; i++)
    {
      into->first[i] += from->first[i];
      into->top3[i] += from->top3[i];
    }
  for (gsize k = 0; k < cells; k++)
    into->hist[k] += from->hist[k];
  into->cancelled = into->cancelled || from->cancelled;
}

static gboolean
check_input (MpConfidenceInput  *input,
             GError            **error)
{
  double top = 0;

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    top = MAX (top, input->w_hi[c]);
  if (top <= 0)
    {
      g_set_error_literal (error, MP_CONFIDENCE_ERROR, MP_CONFIDENCE_ERROR_NO_WEIGHTS,
                           _("Every weight is zero, so there is no ranking to be sure of"));
      return FALSE;
    }
  if (input->n == 0)
    {
      g_set_error_literal (error, MP_CONFIDENCE_ERROR, MP_CONFIDENCE_ERROR_NO_PROGRAMS,
                           _("No program is ranked"));
      return FALSE;
    }
  return TRUE;
}

/* Two workers on large inputs: this one takes the even chunks, a thread the
 * odd ones. */
static void
run_workers (Plan   *plan,
             Worker *main_worker)
{
  guint64 work = (guint64) plan->n * plan->input->n_samples;
  Worker helper;
  GThread *thread;

  if (work < PARALLEL_WORK || g_get_num_processors () < 2 || plan->n_chunks < 2)
    {
      worker_init (main_worker, plan, 0, 1);
      worker_run (main_worker);
      return;
    }
  worker_init (main_worker, plan, 0, 2);
  worker_init (&helper, plan, 1, 2);
  thread = g_thread_new ("mp-confidence", worker_run, &helper);
  worker_run (main_worker);
  g_thread_join (thread);
  worker_merge (main_worker, &helper);
  worker_clear (&helper);
}

MpConfidenceResult *
mp_confidence_compute (MpConfidenceInput  *input,
                       GCancellable       *cancellable,
                       GError            **error)
{
  MpConfidenceResult *result = NULL;
  Plan plan;
  Worker worker;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (input, error))
    return NULL;
  /* Cancelled before it began: allocate nothing. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  plan_init (&plan, input, cancellable);
  run_workers (&plan, &worker);
  if (!worker.cancelled)
    result = result_new (&plan, &worker);
  else
    g_cancellable_set_error_if_cancelled (cancellable, error);
  worker_clear (&worker);
  plan_clear (&plan);
  return result;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  MpConfidenceResult *result = mp_confidence_compute (task_data, cancellable, &error);

  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Views look programs up at once: build the table here, off the main
   * thread (about 10 ms for 100 000 programs). */
  mp_confidence_result_find_slot (result, 0);
  g_task_return_pointer (task, result, (GDestroyNotify) mp_confidence_result_unref);
}

void
mp_confidence_compute_async (MpConfidenceInput   *input,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (input != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_confidence_compute_async);
  g_task_set_task_data (task, mp_confidence_input_ref (input),
                        (GDestroyNotify) mp_confidence_input_unref);
  g_task_run_in_thread (task, compute_in_thread);
}

MpConfidenceResult *
mp_confidence_compute_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- result ----------------------------------------------------------------- */

MpConfidenceResult *
mp_confidence_result_ref (MpConfidenceResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref);
  return result;
}

void
mp_confidence_result_unref (MpConfidenceResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref))
    return;
  mp_confidence_input_unref (result->input);
  g_free (result->first);
  g_free (result->top3);
  g_free (result->rank_p5);
  g_free (result->rank_p95);
  g_free (result->unknown);
  if (result->slot_of != NULL)
    g_hash_table_unref (result->slot_of);
  g_free (result);
}

MpConfidenceInput *
mp_confidence_result_get_input (MpConfidenceResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return result->input;
}

guint
mp_confidence_result_get_n_programs (MpConfidenceResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n;
}

guint
mp_confidence_result_get_n_samples (MpConfidenceResult *result)
{
  g_return_val_if_fail (result != NULL, 0);

  return result->n_samples;
}

guint
mp_confidence_result_get_program (MpConfidenceResult *result,
                                  guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, 0);

  return result->input->program[slot];
}

int
mp_confidence_result_find_slot (MpConfidenceResult *result,
                                guint               program)
{
  gpointer found;

  g_return_val_if_fail (result != NULL, -1);

  /* Results are shared between threads: the table is built once. */
  if (g_once_init_enter (&result->slot_of))
    {
      GHashTable *table = g_hash_table_new (NULL, NULL);

      for (guint slot = 0; slot < result->n; slot++)
        g_hash_table_insert (table, GUINT_TO_POINTER (result->input->program[slot]),
                             GUINT_TO_POINTER (slot + 1));
      g_once_init_leave (&result->slot_of, table);
    }
  found = g_hash_table_lookup (result->slot_of, GUINT_TO_POINTER (program));
  return found != NULL ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

double
mp_confidence_result_get_p_first (MpConfidenceResult *result,
                                  guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, 0);

  return (double) result->first[slot] / result->n_samples;
}

double
mp_confidence_result_get_p_top3 (MpConfidenceResult *result,
                                 guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, 0);

  return (double) result->top3[slot] / result->n_samples;
}

guint
mp_confidence_result_get_rank_p5 (MpConfidenceResult *result,
                                  guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, 0);

  return result->rank_p5[slot];
}

guint
mp_confidence_result_get_rank_p95 (MpConfidenceResult *result,
                                   guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, 0);

  return result->rank_p95[slot];
}

gboolean
mp_confidence_result_has_unknown (MpConfidenceResult *result,
                                  guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, FALSE);

  return result->unknown[slot];
}

gboolean
mp_confidence_result_is_sure_first (MpConfidenceResult *result,
                                    guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, FALSE);

  /* A rating nobody knows cannot make a first place sure. */
  return !result->unknown[slot] &&
         mp_confidence_result_get_p_first (result, slot) >= MP_CONFIDENCE_SURE_SHARE;
}

guint
mp_confidence_result_get_most_often_first (MpConfidenceResult *result)
{
  guint best = 0;

  g_return_val_if_fail (result != NULL, 0);

  for (guint i = 1; i < result->n; i++)
    if (result->first[i] > result->first[best])
      best = i;
  return best;
}

gboolean
mp_confidence_result_is_fragile (MpConfidenceResult *result,
                                 guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, FALSE);

  if (2 * (guint64) result->first[slot] < result->n_samples)
    return TRUE;
  for (guint i = 0; i < result->n; i++)
    if (i != slot && 3 * (guint64) result->first[i] > result->n_samples)
      return TRUE;
  return FALSE;
}

/* A share as a whole percentage, never 100 or 0 unless it is all or none. */
static double
whole_percent (guint32 count,
               guint   n_samples)
{
  double percent = 100.0 * count / n_samples;

  if (count != n_samples)
    percent = MIN (percent, 99);
  if (count != 0)
    percent = MAX (percent, 1);
  return floor (percent + 0.5);
}

char *
mp_confidence_result_describe_first (MpConfidenceResult *result,
                                     guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, NULL);

  /* TRANSLATORS: the top pick's share of the sampled weightings; "%.0f %%"
   * is the percentage, e.g. "83 %" */
  return g_strdup_printf (_("First in %.0f %% of the weightings you find plausible"),
                          whole_percent (result->first[slot], result->n_samples));
}

int
mp_confidence_result_get_rival (MpConfidenceResult *result,
                                guint               slot)
{
  int rival = -1;

  g_return_val_if_fail (result != NULL && slot < result->n, -1);

  for (guint i = 0; i < result->n; i++)
    if (i != slot && result->first[i] > 0 &&
        (rival < 0 || result->first[i] > result->first[rival]))
      rival = i;
  return rival;
}

char *
mp_confidence_result_describe_fragile (MpConfidenceResult *result,
                                       guint               slot,
                                       const char         *rival_name)
{
  int rival;

  g_return_val_if_fail (result != NULL && slot < result->n, NULL);

  if (!mp_confidence_result_is_fragile (result, slot))
    return NULL;
  rival = mp_confidence_result_get_rival (result, slot);
  if (rival >= 0 && rival_name != NULL && 3 * (guint64) result->first[rival] > result->n_samples)
    /* TRANSLATORS: %s is a program's name, "%.0f %%" a percentage */
    return g_strdup_printf (_("Fragile: other weightings you find plausible put %s first "
                              "in %.0f %% of cases"),
                            rival_name, whole_percent (result->first[rival], result->n_samples));
  return g_strdup (_("Fragile: first in under half of the weightings you find plausible"));
}

char *
mp_confidence_result_describe_row (MpConfidenceResult *result,
                                   guint               slot)
{
  g_return_val_if_fail (result != NULL && slot < result->n, NULL);

  /* TRANSLATORS: a row's confidence, read by screen readers */
  return g_strdup_printf (_("First in %.0f %%, in the top three in %.0f %% of the "
                            "weightings you find plausible"),
                          whole_percent (result->first[slot], result->n_samples),
                          whole_percent (result->top3[slot], result->n_samples));
}

char *
mp_confidence_result_describe_rank_range (MpConfidenceResult *result,
                                          guint               slot)
{
  guint lo, hi;

  g_return_val_if_fail (result != NULL && slot < result->n, NULL);

  lo = result->rank_p5[slot];
  hi = result->rank_p95[slot];
  if (lo == hi)
    /* TRANSLATORS: 90 % = from the 5th to the 95th percentile */
    return g_strdup_printf (_("Rank %u in 90 %% of the weightings you find plausible"), lo);
  return g_strdup_printf (_("Rank %u to %u in 90 %% of the weightings you find plausible"),
                          lo, hi);
}
