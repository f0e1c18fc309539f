/* mp-text-encoding.c: saying where and why a text file is not UTF-8
 *
 * Editors on some systems save "Unicode" as UTF-16 with a byte order mark;
 * the first zero byte of such a file is at 1:1 or 1:2, where "not UTF-8"
 * alone tells the user nothing. The mark is named, with what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-text-encoding.h"

#include <glib/gi18n.h>
#include <string.h>

static const char *
byte_order_mark (const char *text,
                 gsize       length)
{
  const guchar *bytes = (const guchar *) text;

  /* UTF-32 first: its little-endian mark starts like UTF-16's. */
  if (length >= 4 && memcmp (bytes, "\xff\xfe\0\0", 4) == 0)
    return "UTF-32LE";
  if (length >= 4 && memcmp (bytes, "\0\0\xfe\xff", 4) == 0)
    return "UTF-32BE";
  if (length >= 2 && bytes[0] == 0xff && bytes[1] == 0xfe)
    return "UTF-16LE";
  if (length >= 2 && bytes[0] == 0xfe && bytes[1] == 0xff)
    return "UTF-16BE";
  return NULL;
}

gboolean
mp_text_check_utf8 (const char  *name,
                    const char  *text,
                    gsize        length,
                    GQuark       domain,
                    int          code,
                    GError     **error)
{
  const char *bad = NULL, *line_start = text, *mark;
  guint line = 1;
  glong column;

  g_return_val_if_fail (name != NULL && (text != NULL || length == 0), FALSE);

  if (g_utf8_validate_len (text, length, &bad))
    return TRUE;
  mark = byte_order_mark (text, length);
  if (mark != NULL)
    {
      /* Translators: %s: FILE, then an encoding such as UTF-16LE */
      g_set_error (error, domain, code,
                   _("%s:1:1: the file is %s text (it starts with that encoding’s byte order "
                     "mark); save it as UTF-8"), name, mark);
      return FALSE;
    }
  for (const char *p = text; p < bad; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  /* Columns count characters; the line up to the bad byte is valid UTF-8. */
  column = g_utf8_strlen (line_start, bad - line_start) + 1;
  if (*bad == '\0')
    g_set_error (error, domain, code,
                 _("%s:%u:%ld: the file contains a NUL byte; it is not a text file"),
                 name, line, column);
  else
    g_set_error (error, domain, code,
                 _("%s:%u:%ld: the file is not UTF-8 text (byte 0x%02X); save it as UTF-8"),
                 name, line, column, (guchar) *bad);
  return FALSE;
}
