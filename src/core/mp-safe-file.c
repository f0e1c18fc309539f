/* mp-safe-file.c: writing a user's file so that no state of it is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-safe-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files are "PATH.saving-XXXXXX": a name no user file has, so
 * cleaning them up never touches anything else. */
#define TEMP_INFIX ".saving-"
#define MAX_LINKS 32
#define LOCK_TRIES 50
#define LOCK_WAIT_US 100000

char *
mp_safe_file_resolve (const char *path)
{
  char *current = g_strdup (path);

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, target, NULL);
    }
  return current;
}

int
mp_safe_file_lock (const char *path)
{
  g_autofree char *lock_path = g_strconcat (path, ".lock", NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return -1;
  for (guint i = 0; i < LOCK_TRIES; i++)
    {
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        return fd;
      if (errno != EWOULDBLOCK && errno != EINTR)
        break;
      g_usleep (LOCK_WAIT_US);
    }
  /* Another instance holds it for longer than any save takes: go on
   * rather than lose this save; the rename keeps the file whole. */
  return fd;
}

void
mp_safe_file_unlock (int fd)
{
  if (fd < 0)
    return;
  flock (fd, LOCK_UN);
  close (fd);
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  const char *reason = g_strerror (saved_errno);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    reason = _("the disk is full");
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    reason = _("the folder cannot be written to");
  else if (saved_errno == ENOENT || saved_errno == ENOTDIR)
    reason = _("the folder does not exist");
  /* Translators: the first %s is a file's path, the second the reason */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("cannot write “%s”: %s"), path, reason);
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *contents,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = ENOSPC;
          return FALSE;
        }
      contents += n;
      length -= n;
    }
  return TRUE;
}

/* A document keeps the permissions of the file it replaces; the temporary
 * file is created with 0666 so that open() applies the umask (reading the
 * umask itself would change it for every thread for a moment). */
static int
open_temp (const char      *path,
           char            *temp,
           MpSafeFileFlags  flags)
{
  struct stat st;
  int fd;

  if (!(flags & MP_SAFE_FILE_DOCUMENT))
    return g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0 && g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (fd, st.st_mode & 07777);
  return fd;
}

gboolean
mp_safe_file_write_full (const char       *path,
                         const char       *contents,
                         gsize             length,
                         MpSafeFileFlags   flags,
                         GError          **error)
{
  /* A link stays a link: its target gets the new contents, and the
   * temporary file goes beside the target, where the rename can reach. */
  g_autofree char *target = mp_safe_file_resolve (path);
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  int fd, saved_errno;

  path = target;
  dir = g_path_get_dirname (path);
  temp = g_strconcat (path, TEMP_INFIX "XXXXXX", NULL);
  /* The user's data folder is made when missing; a document goes where the
   * user said, and a folder that is not there is an error to report. */
  if (!(flags & MP_SAFE_FILE_DOCUMENT) && g_mkdir_with_parents (dir, 0700) != 0)
    return set_write_error (error, path, errno);
  fd = open_temp (path, temp, flags);
  if (fd < 0)
    return set_write_error (error, path, errno);
  if (write_all (fd, contents, length) && fsync (fd) == 0 && close (fd) == 0)
    {
      fd = -1;
      if (g_rename (temp, path) == 0)
        return TRUE;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  return set_write_error (error, path, saved_errno);
}

gboolean
mp_safe_file_write (const char  *path,
                    const char  *contents,
                    gsize        length,
                    GError     **error)
{
  return mp_safe_file_write_full (path, contents, length, MP_SAFE_FILE_PRIVATE, error);
}

static gboolean
copy_to (const char  *path,
         const char  *copy,
         GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return mp_safe_file_write (copy, contents, length, error);
}

char *
mp_safe_file_prepare_backup (const char  *path,
                             GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".bak" TEMP_INFIX "next", NULL);

  g_unlink (temp);
  if (link (path, temp) == 0 || copy_to (path, temp, error))
    return g_steal_pointer (&temp);
  return NULL;
}

gboolean
mp_safe_file_commit_backup (const char  *path,
                            const char  *prepared,
                            GError     **error)
{
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);

  if (g_rename (prepared, bak) == 0)
    return TRUE;
  g_unlink (prepared);
  return set_write_error (error, bak, errno);
}

gboolean
mp_safe_file_keep_backup (const char  *path,
                          GError     **error)
{
  g_autofree char *prepared = mp_safe_file_prepare_backup (path, error);

  return prepared != NULL && mp_safe_file_commit_backup (path, prepared, error);
}

static gboolean
is_temp_of (const char *name,
            const char *base)
{
  gsize base_len = strlen (base);

  if (strncmp (name, base, base_len) != 0)
    return FALSE;
  name += base_len;
  if (g_str_has_prefix (name, ".bak"))
    name += strlen (".bak");
  return g_str_has_prefix (name, TEMP_INFIX);
}

guint
mp_safe_file_clean_temps (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = NULL;

      if (!is_temp_of (name, base))
        continue;
      full = g_build_filename (dir_path, name, NULL);
      if (g_unlink (full) == 0)
        removed++;
    }
  return removed;
}
