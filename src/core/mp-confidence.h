/* mp-confidence.h: how sure the ranking is, under uncertain weights and
 * ratings (rank acceptability analysis by sampling; pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-criteria.h"
#include "mp-types.h"

G_BEGIN_DECLS

/* The spread the UI starts with, in weight points either side of a slider. */
#define MP_CONFIDENCE_DEFAULT_SPREAD  15.0
#define MP_CONFIDENCE_DEFAULT_SAMPLES 10000
/* Ranks are counted exactly up to this many programs; above it, in at most
 * this many equal bands (fewer past 16 384 programs, see
 * mp_confidence_rank_bands()), and a percentile rank is the band's outer
 * end. */
#define MP_CONFIDENCE_MAX_RANK_BINS   1024
/* A program first in at least this share of the samples, with no unknown
 * rating that counts, is a sure first. */
#define MP_CONFIDENCE_SURE_SHARE      0.95

#define MP_CONFIDENCE_ERROR (mp_confidence_error_quark ())

typedef enum {
  MP_CONFIDENCE_ERROR_NO_WEIGHTS,  /* every weight range is [0, 0] */
  MP_CONFIDENCE_ERROR_NO_PROGRAMS,
} MpConfidenceError;

/* What to sample: programs (called slots, 0 … n-1), each with a tie rank
 * (ties break by the lower tie rank, as the scorer breaks them by name) and a
 * [lo, hi] range per rating, plus a [lo, hi] range per weight. Each sample
 * draws every weight and every rating uniformly in its range and ranks the
 * programs by score = 10 · Σ wᵢ·rᵢ / Σ wᵢ. Reference-counted; do not change
 * an input once it is handed to mp_confidence_compute(). */
typedef struct _MpConfidenceInput  MpConfidenceInput;
/* Immutable; safe to read from any thread. */
typedef struct _MpConfidenceResult MpConfidenceResult;

#define MP_TYPE_CONFIDENCE_INPUT  (mp_confidence_input_get_type ())
#define MP_TYPE_CONFIDENCE_RESULT (mp_confidence_result_get_type ())

GQuark              mp_confidence_error_quark          (void);
GType               mp_confidence_input_get_type       (void) G_GNUC_CONST;
GType               mp_confidence_result_get_type      (void) G_GNUC_CONST;

/* Slot k starts with program k, tie rank k, ratings exact at 0, weights
 * exact at 0, MP_CONFIDENCE_DEFAULT_SAMPLES samples, seed 0. */
MpConfidenceInput  *mp_confidence_input_new            (guint                     n_programs);
/* The programs the scorer ranks, slot k being its rank k (so slot 0 is the
 * plain ranking's top pick), each rating as its program states it; the
 * weights are the scorer's, ± @spread points (clamped to 0–100). */
MpConfidenceInput  *mp_confidence_input_new_from_scorer (MpScorer                 *scorer,
                                                        MpProgramStore           *store,
                                                        double                    spread);
MpConfidenceInput  *mp_confidence_input_ref            (MpConfidenceInput        *input);
void                mp_confidence_input_unref          (MpConfidenceInput        *input);
guint               mp_confidence_input_get_n_programs (MpConfidenceInput        *input);
/* @program: the caller's index for the slot (e.g. a store position). */
void                mp_confidence_input_set_program    (MpConfidenceInput        *input,
                                                        guint                     slot,
                                                        guint                     program,
                                                        guint                     tie_rank);
/* 0 ≤ lo ≤ hi ≤ 10; lo = 0, hi = 10 is an unknown rating. */
void                mp_confidence_input_set_rating     (MpConfidenceInput        *input,
                                                        guint                     slot,
                                                        MpCriterion               criterion,
                                                        double                    lo,
                                                        double                    hi);
/* 0 ≤ lo ≤ hi ≤ 100 */
void                mp_confidence_input_set_weight_range (MpConfidenceInput      *input,
                                                        MpCriterion               criterion,
                                                        double                    lo,
                                                        double                    hi);
/* Each weight in [w − spread, w + spread] ∩ [0, 100]. */
void                mp_confidence_input_set_weights    (MpConfidenceInput        *input,
                                                        const MpWeights          *weights,
                                                        double                    spread);
void                mp_confidence_input_set_samples    (MpConfidenceInput        *input,
                                                        guint                     n_samples);
void                mp_confidence_input_set_seed       (MpConfidenceInput        *input,
                                                        guint64                   seed);

/* How many bands ranks are counted in for @n_programs: @n_programs itself
 * (exact ranks) up to MP_CONFIDENCE_MAX_RANK_BINS, then that many until the
 * histograms would pass their memory budget, then fewer (at least 16). */
guint               mp_confidence_rank_bands           (guint                     n_programs);

/* Runs on the calling thread (it may use a second core for large inputs);
 * checks @cancellable between chunks of samples. The same input and seed give
 * the same result on any machine word order and thread count. */
MpConfidenceResult *mp_confidence_compute              (MpConfidenceInput        *input,
                                                        GCancellable             *cancellable,
                                                        GError                  **error);
/* The same, in a worker thread; @callback runs in the caller's main context. */
void                mp_confidence_compute_async        (MpConfidenceInput        *input,
                                                        GCancellable             *cancellable,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data);
MpConfidenceResult *mp_confidence_compute_finish       (GAsyncResult             *result,
                                                        GError                  **error);

MpConfidenceResult *mp_confidence_result_ref           (MpConfidenceResult       *result);
void                mp_confidence_result_unref         (MpConfidenceResult       *result);
MpConfidenceInput  *mp_confidence_result_get_input     (MpConfidenceResult       *result);
guint               mp_confidence_result_get_n_programs (MpConfidenceResult      *result);
guint               mp_confidence_result_get_n_samples (MpConfidenceResult       *result);
guint               mp_confidence_result_get_program   (MpConfidenceResult       *result,
                                                        guint                     slot);
/* The slot of the caller's @program index, or -1 when it was not ranked
 * (views look up a program's figures in a result of an older ranking). */
int                 mp_confidence_result_find_slot     (MpConfidenceResult       *result,
                                                        guint                     program);
/* Shares of the samples, 0–1. */
double              mp_confidence_result_get_p_first   (MpConfidenceResult       *result,
                                                        guint                     slot);
double              mp_confidence_result_get_p_top3    (MpConfidenceResult       *result,
                                                        guint                     slot);
/* 5th and 95th percentile of the program's rank, counting from 1. */
guint               mp_confidence_result_get_rank_p5   (MpConfidenceResult       *result,
                                                        guint                     slot);
guint               mp_confidence_result_get_rank_p95  (MpConfidenceResult       *result,
                                                        guint                     slot);
/* TRUE when a criterion with a weight above 0 has an unknown rating. */
gboolean            mp_confidence_result_has_unknown   (MpConfidenceResult       *result,
                                                        guint                     slot);
/* First in ≥ MP_CONFIDENCE_SURE_SHARE of the samples and no unknown rating. */
gboolean            mp_confidence_result_is_sure_first (MpConfidenceResult       *result,
                                                        guint                     slot);
/* The slot first most often (ties: the lower slot). */
guint               mp_confidence_result_get_most_often_first (MpConfidenceResult *result);
/* @slot, the top pick, is first in under half the samples, or another
 * program is first in over a third. */
gboolean            mp_confidence_result_is_fragile    (MpConfidenceResult       *result,
                                                        guint                     slot);
/* "First in 83 % of the weightings you find plausible" (translated). */
char               *mp_confidence_result_describe_first (MpConfidenceResult      *result,
                                                        guint                     slot);

/* The program other than @slot first most often, or -1 when none is ever. */
int                 mp_confidence_result_get_rival     (MpConfidenceResult       *result,
                                                        guint                     slot);
/* When @slot (the top pick) is fragile, the warning: "Fragile: another
 * weighting you find plausible puts %s first in 41 % of cases" naming
 * @rival_name (the program of mp_confidence_result_get_rival()), or "…
 * first in under half of them"; NULL when not fragile. Translated. */
char               *mp_confidence_result_describe_fragile (MpConfidenceResult    *result,
                                                        guint                     slot,
                                                        const char               *rival_name);
/* A row's confidence mark in words, for screen readers: "First in 78 %,
 * in the top three in 99 % of the weightings you find plausible". */
char               *mp_confidence_result_describe_row  (MpConfidenceResult       *result,
                                                        guint                     slot);
/* For the details: "Rank 2 to 4 in 90 % of the weightings you find
 * plausible", or "Rank 2 in …" when both ends agree. */
char               *mp_confidence_result_describe_rank_range (MpConfidenceResult *result,
                                                        guint                     slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpConfidenceInput, mp_confidence_input_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpConfidenceResult, mp_confidence_result_unref)

G_END_DECLS
