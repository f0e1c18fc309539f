/* mp-safe-file.h: writing a user's file so that no state of it is lost:
 * through symbolic links, atomically, with a backup that is never truncated,
 * under a lock shared by every running instance (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  MP_SAFE_FILE_PRIVATE  = 0,       /* mode 0600: the user's own data */
  MP_SAFE_FILE_DOCUMENT = 1 << 0,  /* a document to share (a PDF, an export):
                                    * the mode of the file it replaces, or
                                    * 0666 less the umask for a new one */
} MpSafeFileFlags;

/* The file a save to @path must replace: @path with every symbolic link
 * followed (also a link whose target does not exist yet). */
char     *mp_safe_file_resolve       (const char  *path);
/* An exclusive lock on PATH.lock, waited for up to a few seconds; -1 when
 * the folder cannot hold one (saving there fails anyway, with its own
 * message). Release with mp_safe_file_unlock(). */
int       mp_safe_file_lock          (const char  *path);
void      mp_safe_file_unlock        (int          fd);
/* Writes @contents to a temporary file beside @path, flushes it to disk and
 * renames it over @path; a symbolic link at @path stays, its target is what
 * changes. On failure nothing of @path changes, the temporary file is
 * removed, and the message names the file and the reason. */
gboolean  mp_safe_file_write         (const char  *path,
                                      const char  *contents,
                                      gsize        length,
                                      GError     **error);
/* The same with @flags; mp_safe_file_write() is MP_SAFE_FILE_PRIVATE.
 * A private file's missing folders are made (0700); a document's folder
 * must exist. */
gboolean  mp_safe_file_write_full    (const char      *path,
                                      const char      *contents,
                                      gsize            length,
                                      MpSafeFileFlags  flags,
                                      GError         **error);
/* Makes PATH.bak the present @path (a hard link, so it costs no space and
 * works on a full disk; a copy where links are not possible). The old
 * PATH.bak is replaced only once the new one is complete. */
gboolean  mp_safe_file_keep_backup   (const char  *path,
                                      GError     **error);
/* The same in two steps around a save, so that a failed save leaves the
 * old backup: prepare links (or copies) the present @path to a temporary
 * name and returns it (or NULL with @error); commit renames it to PATH.bak.
 * To give up, unlink the prepared file. */
char     *mp_safe_file_prepare_backup (const char  *path,
                                       GError     **error);
gboolean  mp_safe_file_commit_backup  (const char  *path,
                                       const char  *prepared,
                                       GError     **error);
/* Removes the temporary files of saves of @path that were interrupted
 * (killed, power lost). Call it with the lock held. Returns how many. */
guint     mp_safe_file_clean_temps   (const char  *path);

G_END_DECLS
