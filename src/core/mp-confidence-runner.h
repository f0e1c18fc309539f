/* mp-confidence-runner.h: keeps the newest rank confidence of a changing
 * ranking, computed off the main thread (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-confidence.h"
#include "mp-scorer.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFIDENCE_RUNNER (mp_confidence_runner_get_type ())

G_DECLARE_FINAL_TYPE (MpConfidenceRunner, mp_confidence_runner, MP, CONFIDENCE_RUNNER, GObject)

/* Properties (notify on change): "result" (MpConfidenceResult, read-only,
 * the newest computed; NULL before the first), "busy" (boolean, read-only:
 * a request is being computed), "scorer" (construct-only), "spread". A request cancels the one before it; a result of an older
 * request is never shown, however late it arrives. One computation runs at a
 * time: the newest request waits for the cancelled one to stop. */
MpConfidenceRunner *mp_confidence_runner_new        (void);
/* A runner that follows @scorer: after each of its re-ranks, a request for
 * the programs it ranks, weights ± "spread" points (a property, default
 * MP_CONFIDENCE_DEFAULT_SPREAD; changing it requests again). Without
 * scores, the result is cleared. */
MpConfidenceRunner *mp_confidence_runner_new_for_scorer (MpScorer       *scorer);
double              mp_confidence_runner_get_spread (MpConfidenceRunner *self);
void                mp_confidence_runner_set_spread (MpConfidenceRunner *self,
                                                     double              spread);
void                mp_confidence_runner_request    (MpConfidenceRunner *self,
                                                     MpConfidenceInput  *input);
/* Cancels the running request and forgets the result (e.g. all weights 0). */
void                mp_confidence_runner_clear      (MpConfidenceRunner *self);
MpConfidenceResult *mp_confidence_runner_get_result (MpConfidenceRunner *self);
gboolean            mp_confidence_runner_get_busy   (MpConfidenceRunner *self);
/* Computations started so far: one at a time, however many requests come
 * while one runs (for tests and benchmarks). */
guint               mp_confidence_runner_get_n_started (MpConfidenceRunner *self);

G_END_DECLS
