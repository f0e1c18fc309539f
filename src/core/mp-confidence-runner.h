/* mp-confidence-runner.h: keeps the newest rank confidence of a changing
 * ranking, computed off the main thread (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "mp-confidence.h"

G_BEGIN_DECLS

#define MP_TYPE_CONFIDENCE_RUNNER (mp_confidence_runner_get_type ())

G_DECLARE_FINAL_TYPE (MpConfidenceRunner, mp_confidence_runner, MP, CONFIDENCE_RUNNER, GObject)

/* Properties (read-only, notify on change): "result" (MpConfidenceResult,
 * the newest computed; NULL before the first), "busy" (boolean: a request is
 * being computed). A request cancels the one before it; a result of an older
 * request is never shown, however late it arrives. */
MpConfidenceRunner *mp_confidence_runner_new        (void);
void                mp_confidence_runner_request    (MpConfidenceRunner *self,
                                                     MpConfidenceInput  *input);
/* Cancels the running request and forgets the result (e.g. all weights 0). */
void                mp_confidence_runner_clear      (MpConfidenceRunner *self);
MpConfidenceResult *mp_confidence_runner_get_result (MpConfidenceRunner *self);
gboolean            mp_confidence_runner_get_busy   (MpConfidenceRunner *self);

G_END_DECLS
