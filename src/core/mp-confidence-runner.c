/* mp-confidence-runner.c: keeps the newest rank confidence of a changing
 * ranking, computed off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-confidence-runner.h"

struct _MpConfidenceRunner
{
  GObject             parent_instance;

  MpConfidenceResult *result;
  GCancellable       *cancellable;
  guint64             generation;  /* of the newest request */
  gboolean            busy;
  /* At most one computation runs: requests that come meanwhile only leave
   * the newest input (or, following the scorer, a flag) to start after it. */
  gboolean            running;
  MpConfidenceInput  *pending;
  gboolean            pending_follow;
  guint               n_started;
  MpScorer           *scorer;     /* followed, or NULL */
  double              spread;
};

G_DEFINE_FINAL_TYPE (MpConfidenceRunner, mp_confidence_runner, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESULT,
  PROP_BUSY,
  PROP_SCORER,
  PROP_SPREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a finished computation needs to know whether it is still wanted. */
typedef struct {
  MpConfidenceRunner *runner;
  guint64             generation;
} Request;

static void
set_busy (MpConfidenceRunner *self,
          gboolean            busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_result (MpConfidenceRunner *self,
            MpConfidenceResult *result)
{
  if (self->result == result)
    return;
  g_clear_pointer (&self->result, mp_confidence_result_unref);
  self->result = result != NULL ? mp_confidence_result_ref (result) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

static void
cancel_running (MpConfidenceRunner *self)
{
  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void start_pending (MpConfidenceRunner *self);

static void
on_computed (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(MpConfidenceRunner) self = request->runner;
  g_autoptr(MpConfidenceResult) result = mp_confidence_compute_finish (res, NULL);

  self->running = FALSE;
  /* An older request's result, or one cancelled: a newer one is coming. */
  if (request->generation == self->generation)
    {
      g_clear_object (&self->cancellable);
      if (result != NULL)
        set_result (self, result);
      set_busy (self, FALSE);
    }
  g_free (request);
  start_pending (self);
}

static void
start (MpConfidenceRunner *self,
       MpConfidenceInput  *input)
{
  Request *request;

  self->cancellable = g_cancellable_new ();
  request = g_new (Request, 1);
  request->runner = g_object_ref (self);
  request->generation = self->generation;
  self->running = TRUE;
  self->n_started++;
  mp_confidence_compute_async (input, self->cancellable, on_computed, request);
}

static MpConfidenceInput *
input_from_scorer (MpConfidenceRunner *self)
{
  if (self->scorer == NULL || !mp_scorer_has_scores (self->scorer)
      || mp_scorer_get_n_ranked (self->scorer) == 0)
    return NULL;
  return mp_confidence_input_new_from_scorer (self->scorer, mp_scorer_get_store (self->scorer),
                                              self->spread);
}

/* The scorer's input is taken only now: a drag's steps meanwhile cost
 * nothing here, and the computation sees the ranking as it is at the end. */
static void
start_pending (MpConfidenceRunner *self)
{
  g_autoptr(MpConfidenceInput) input = NULL;

  if (self->running)
    return;
  input = g_steal_pointer (&self->pending);
  if (self->pending_follow)
    {
      self->pending_follow = FALSE;
      g_clear_pointer (&input, mp_confidence_input_unref);
      input = input_from_scorer (self);
    }
  if (input != NULL)
    start (self, input);
}

/* Each request would otherwise start its own computation while the
 * cancelled ones still run: on a drag over 100 000 programs, each holding
 * hundreds of MB of histograms, memory grew past 11 GB. */
static void
queue_request (MpConfidenceRunner *self,
               MpConfidenceInput  *input)
{
  cancel_running (self);
  g_clear_pointer (&self->pending, mp_confidence_input_unref);
  self->pending_follow = input == NULL;
  if (input != NULL)
    self->pending = mp_confidence_input_ref (input);
  set_busy (self, TRUE);
  start_pending (self);
}

void
mp_confidence_runner_request (MpConfidenceRunner *self,
                              MpConfidenceInput  *input)
{
  g_return_if_fail (MP_IS_CONFIDENCE_RUNNER (self));
  g_return_if_fail (input != NULL);

  queue_request (self, input);
}

void
mp_confidence_runner_clear (MpConfidenceRunner *self)
{
  g_return_if_fail (MP_IS_CONFIDENCE_RUNNER (self));

  cancel_running (self);
  g_clear_pointer (&self->pending, mp_confidence_input_unref);
  self->pending_follow = FALSE;
  set_result (self, NULL);
  set_busy (self, FALSE);
}

guint
mp_confidence_runner_get_n_started (MpConfidenceRunner *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_RUNNER (self), 0);

  return self->n_started;
}

MpConfidenceResult *
mp_confidence_runner_get_result (MpConfidenceRunner *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_RUNNER (self), NULL);

  return self->result;
}

gboolean
mp_confidence_runner_get_busy (MpConfidenceRunner *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_RUNNER (self), FALSE);

  return self->busy;
}

static void
follow_scorer (MpConfidenceRunner *self)
{
  if (!mp_scorer_has_scores (self->scorer) || mp_scorer_get_n_ranked (self->scorer) == 0)
    {
      mp_confidence_runner_clear (self);
      return;
    }
  queue_request (self, NULL);
}

double
mp_confidence_runner_get_spread (MpConfidenceRunner *self)
{
  g_return_val_if_fail (MP_IS_CONFIDENCE_RUNNER (self), 0);

  return self->spread;
}

void
mp_confidence_runner_set_spread (MpConfidenceRunner *self,
                                 double              spread)
{
  g_return_if_fail (MP_IS_CONFIDENCE_RUNNER (self));
  g_return_if_fail (spread >= 0 && spread <= 100);

  if (self->spread == spread)
    return;
  self->spread = spread;
  if (self->scorer != NULL)
    follow_scorer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPREAD]);
}

static void
mp_confidence_runner_constructed (GObject *object)
{
  MpConfidenceRunner *self = MP_CONFIDENCE_RUNNER (object);

  G_OBJECT_CLASS (mp_confidence_runner_parent_class)->constructed (object);
  if (self->scorer == NULL)
    return;
  g_signal_connect_object (self->scorer, "ranked", G_CALLBACK (follow_scorer), self,
                           G_CONNECT_SWAPPED);
  follow_scorer (self);
}

static void
mp_confidence_runner_dispose (GObject *object)
{
  MpConfidenceRunner *self = MP_CONFIDENCE_RUNNER (object);

  if (self->scorer != NULL)
    g_signal_handlers_disconnect_by_data (self->scorer, self);
  g_clear_object (&self->scorer);
  cancel_running (self);
  g_clear_pointer (&self->pending, mp_confidence_input_unref);
  self->pending_follow = FALSE;
  G_OBJECT_CLASS (mp_confidence_runner_parent_class)->dispose (object);
}

static void
mp_confidence_runner_finalize (GObject *object)
{
  MpConfidenceRunner *self = MP_CONFIDENCE_RUNNER (object);

  /* Each running request holds a reference, so none is running here. */
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->result, mp_confidence_result_unref);
  G_OBJECT_CLASS (mp_confidence_runner_parent_class)->finalize (object);
}

static void
mp_confidence_runner_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MpConfidenceRunner *self = MP_CONFIDENCE_RUNNER (object);

  switch (prop_id)
    {
    case PROP_RESULT:
      g_value_set_boxed (value, self->result);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SCORER:
      g_value_set_object (value, self->scorer);
      break;
    case PROP_SPREAD:
      g_value_set_double (value, self->spread);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_confidence_runner_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MpConfidenceRunner *self = MP_CONFIDENCE_RUNNER (object);

  switch (prop_id)
    {
    case PROP_SCORER:
      self->scorer = g_value_dup_object (value);
      break;
    case PROP_SPREAD:
      mp_confidence_runner_set_spread (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_confidence_runner_class_init (MpConfidenceRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = mp_confidence_runner_constructed;
  object_class->dispose = mp_confidence_runner_dispose;
  object_class->set_property = mp_confidence_runner_set_property;
  object_class->finalize = mp_confidence_runner_finalize;
  object_class->get_property = mp_confidence_runner_get_property;

  properties[PROP_RESULT] =
    g_param_spec_boxed ("result", NULL, NULL, MP_TYPE_CONFIDENCE_RESULT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORER] =
    g_param_spec_object ("scorer", NULL, NULL, MP_TYPE_SCORER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPREAD] =
    g_param_spec_double ("spread", NULL, NULL, 0, 100, MP_CONFIDENCE_DEFAULT_SPREAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_confidence_runner_init (MpConfidenceRunner *self)
{
  self->spread = MP_CONFIDENCE_DEFAULT_SPREAD;
}

MpConfidenceRunner *
mp_confidence_runner_new (void)
{
  return g_object_new (MP_TYPE_CONFIDENCE_RUNNER, NULL);
}

MpConfidenceRunner *
mp_confidence_runner_new_for_scorer (MpScorer *scorer)
{
  g_return_val_if_fail (MP_IS_SCORER (scorer), NULL);

  return g_object_new (MP_TYPE_CONFIDENCE_RUNNER, "scorer", scorer, NULL);
}
