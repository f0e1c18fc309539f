/* mp-criteria.h: the weighting criteria, program kinds and formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mp-types.h"

G_BEGIN_DECLS

typedef struct {
  double w[MP_N_CRITERIA]; /* each 0–100 */
} MpWeights;

#define MP_WEIGHTS_ERROR (mp_weights_error_quark ())

typedef enum {
  MP_WEIGHTS_ERROR_SYNTAX,       /* not "key=value" */
  MP_WEIGHTS_ERROR_UNKNOWN_KEY,
  MP_WEIGHTS_ERROR_NOT_A_NUMBER,
  MP_WEIGHTS_ERROR_OUT_OF_RANGE, /* outside 0–100 */
  MP_WEIGHTS_ERROR_DUPLICATE,
} MpWeightsError;

GQuark         mp_weights_error_quark         (void);

/* "faculty", "scholarship", "funding", "flexibility", "brand" */
const char    *mp_criterion_get_key           (MpCriterion      criterion);
/* Translated: "Faculty quality", "Scholarship support", "Funding",
 * "Schedule flexibility", "Brand name" */
const char    *mp_criterion_get_label         (MpCriterion      criterion);
gboolean       mp_criterion_from_key          (const char      *key,
                                               MpCriterion     *criterion);
/* The article's weights: 90, 80, 75, 70, 50. */
void           mp_weights_init_article        (MpWeights       *weights);
void           mp_weights_init_equal          (MpWeights       *weights);
gboolean       mp_weights_all_zero            (const MpWeights *weights);
/* "faculty=90,scholarship=80,…"; keys not named keep their value in @weights. */
gboolean       mp_weights_parse               (MpWeights       *weights,
                                               const char      *spec,
                                               GError         **error);
gboolean       mp_weights_equal               (const MpWeights *a,
                                               const MpWeights *b);
/* The inverse of mp_weights_parse(): "faculty=90,scholarship=80,…" */
char          *mp_weights_to_string           (const MpWeights *weights);

/* "masters", "certificate", "fellowship", "short-course", "faculty-development" */
const char    *mp_program_kind_get_key        (MpProgramKind    kind);
const char    *mp_program_kind_get_label      (MpProgramKind    kind);
gboolean       mp_program_kind_from_key       (const char      *key,
                                               MpProgramKind   *kind);
gboolean       mp_program_kind_is_alternative (MpProgramKind    kind);
/* "online", "hybrid", "in-person" */
const char    *mp_program_format_get_key      (MpProgramFormat  format);
const char    *mp_program_format_get_label    (MpProgramFormat  format);
gboolean       mp_program_format_from_key     (const char      *key,
                                               MpProgramFormat *format);

G_END_DECLS
