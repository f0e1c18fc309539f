/* mp-document-watch.c: reads a Markdown file again when it changes on disk
 *
 * Editors save in bursts (write, then rename into place, then touch), so a
 * change is acted on once the file has been quiet for SETTLE_MS. The file is
 * read again in a worker thread, so that a large one does not stop the
 * window; a newer change makes an unfinished read stale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-document-watch.h"

#define SETTLE_MS 120

struct _MpDocumentWatch
{
  GObject       parent_instance;

  GFile        *file;
  GFileMonitor *monitor;
  guint         settle_id;
  GCancellable *reading;    /* the read in progress, or NULL */
};

G_DEFINE_FINAL_TYPE (MpDocumentWatch, mp_document_watch, G_TYPE_OBJECT)

enum {
  RELOADED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  MpDocumentWatch *watch;
  GCancellable    *reading;
} Reading;

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reading *reading = user_data;
  MpDocumentWatch *self = reading->watch;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = mp_document_new_from_file_finish (result, &error);

  if (self->reading == reading->reading)
    {
      g_clear_object (&self->reading);
      if (document != NULL)
        g_signal_emit (self, signals[RELOADED], 0, document);
      else
        g_signal_emit (self, signals[FAILED], 0, error);
    }
  g_object_unref (reading->watch);
  g_object_unref (reading->reading);
  g_free (reading);
}

static void
stop_reading (MpDocumentWatch *self)
{
  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
}

static gboolean
reload (gpointer data)
{
  MpDocumentWatch *self = data;
  Reading *reading = g_new0 (Reading, 1);

  self->settle_id = 0;
  stop_reading (self);
  self->reading = g_cancellable_new ();
  reading->watch = g_object_ref (self);
  reading->reading = g_object_ref (self->reading);
  mp_document_new_from_file_async (self->file, self->reading, NULL, NULL, on_read, reading);
  return G_SOURCE_REMOVE;
}

static void
on_changed (MpDocumentWatch   *self,
            GFile             *file,
            GFile             *other,
            GFileMonitorEvent  event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_DELETED:
      g_clear_handle_id (&self->settle_id, g_source_remove);
      self->settle_id = g_timeout_add (SETTLE_MS, reload, self);
      break;
    default:
      break;
    }
}

static void
mp_document_watch_dispose (GObject *object)
{
  MpDocumentWatch *self = MP_DOCUMENT_WATCH (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  stop_reading (self);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->file);
  G_OBJECT_CLASS (mp_document_watch_parent_class)->dispose (object);
}

static void
mp_document_watch_class_init (MpDocumentWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mp_document_watch_dispose;
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, MP_TYPE_DOCUMENT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
mp_document_watch_init (MpDocumentWatch *self)
{
}

MpDocumentWatch *
mp_document_watch_new (GFile   *file,
                       GError **error)
{
  g_autoptr(MpDocumentWatch) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (MP_TYPE_DOCUMENT_WATCH, NULL);
  self->file = g_object_ref (file);
  /* Watching moves too: an editor's "write a copy, rename it over" save. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
  if (self->monitor == NULL)
    return NULL;
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  return g_steal_pointer (&self);
}

GFile *
mp_document_watch_get_file (MpDocumentWatch *self)
{
  g_return_val_if_fail (MP_IS_DOCUMENT_WATCH (self), NULL);

  return self->file;
}
