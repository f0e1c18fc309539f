/* mp-rank-extras.h: the optional columns of `masterplan --rank`: rank
 * confidence and the user's costs (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-confidence.h"
#include "mp-costs.h"
#include "mp-ranking-format.h"
#include "mp-scorer.h"

G_BEGIN_DECLS

#define MP_RANK_EXTRAS_MAX_COLUMNS 7
/* More samples than this would only make the user wait. */
#define MP_RANK_EXTRAS_MAX_SAMPLES 10000000
/* Programs × samples --confidence takes on: 100 000 programs at the
 * default samples (12 s on two cores; a million at 1000 samples, 25 s).
 * More is refused with the number of samples that fits. */
#define MP_RANK_EXTRAS_MAX_WORK    G_GUINT64_CONSTANT (1000000000)

#define MP_RANK_EXTRAS_ERROR (mp_rank_extras_error_quark ())

typedef enum {
  MP_RANK_EXTRAS_ERROR_ARGUMENT,  /* the message names the option */
} MpRankExtrasError;

typedef struct {
  gboolean        confidence;
  double          spread;
  guint           samples;
  guint64         seed;
  gboolean        costs;
  MpCircumstances circumstances;
} MpRankExtras;

/* The option texts as given (NULL when absent). --spread, --samples and
 * --seed need @confidence. Errors read "--samples: …". */
typedef struct {
  gboolean    confidence;
  const char *spread;
  const char *samples;
  const char *seed;
  const char *funding;
  const char *hours;
} MpRankExtrasArgs;

GQuark   mp_rank_extras_error_quark (void);
gboolean mp_rank_extras_parse       (MpRankExtras           *extras,
                                     const MpRankExtrasArgs *args,
                                     GError                **error);
/* Fills @columns (up to MP_RANK_EXTRAS_MAX_COLUMNS) for the scorer's
 * ranking: p_first, p_top3, rank_p5, rank_p95 with confidence;
 * out_of_pocket_usd, total_hours, fits_hours with costs. Returns the values
 * the columns point into (g_free() it after writing), or NULL with @error. */
double  *mp_rank_extras_compute     (const MpRankExtras     *extras,
                                     MpScorer               *scorer,
                                     MpRankingColumn        *columns,
                                     guint                  *n_columns,
                                     GError                **error);

/* What the extra columns read of a ranking, whoever holds it (a scorer, or
 * the packed table of the headless ranking). */
typedef struct {
  guint                n_ranked;
  /* A new input whose slot k is rank k; called only for --confidence. */
  MpConfidenceInput *(*confidence_input) (gpointer  data,
                                          double    spread);
  /* The facts of rank @k. */
  void               (*facts)            (gpointer  data,
                                          guint     k,
                                          double   *tuition,
                                          double   *hours_per_week,
                                          double   *duration_years);
  gpointer             data;
} MpRankExtrasSource;

double  *mp_rank_extras_compute_from (const MpRankExtras       *extras,
                                      const MpRankExtrasSource *source,
                                      MpRankingColumn          *columns,
                                      guint                    *n_columns,
                                      GError                  **error);

G_END_DECLS
