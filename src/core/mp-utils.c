/* mp-utils.c: small helpers that are not types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-utils.h"

#include "mp-safe-file.h"

#include <glib/gi18n.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

char *
mp_utils_slugify (const char *text)
{
  g_autofree char *lower = NULL;
  GString *slug;

  g_return_val_if_fail (text != NULL, NULL);

  lower = g_utf8_strdown (text, -1);
  slug = g_string_sized_new (strlen (lower));
  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '-' || c == '_')
        g_string_append_unichar (slug, c);
      else if (c == ' ')
        g_string_append_c (slug, '-');
    }
  return g_string_free (slug, FALSE);
}

gboolean
mp_utils_set_str (char       **str_ptr,
                  const char  *new_str)
{
  g_return_val_if_fail (str_ptr != NULL, FALSE);

  if (g_strcmp0 (*str_ptr, new_str) == 0)
    return FALSE;
  g_free (*str_ptr);
  *str_ptr = g_strdup (new_str);
  return TRUE;
}

/* Mail clients attach local files named by "attach=" or "attachment=" (in
 * any case, possibly %-encoded): a link must never send the user's files. */
static gboolean
mailto_attaches (const char *uri)
{
  const char *query = strchr (uri, '?');
  g_auto(GStrv) fields = NULL;

  if (query == NULL)
    return FALSE;
  fields = g_strsplit_set (query + 1, "&;", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *key = g_strndup (fields[i], strcspn (fields[i], "="));
      g_autofree char *decoded = g_uri_unescape_string (key, NULL);
      const char *name = decoded != NULL ? decoded : key;

      if (g_ascii_strncasecmp (g_strstrip ((char *) name), "attach", strlen ("attach")) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
mp_utils_uri_is_openable (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return !mailto_attaches (uri);
  return g_ascii_strcasecmp (scheme, "http") == 0 ||
         g_ascii_strcasecmp (scheme, "https") == 0;
}

/* Long enough to tell a link apart, short enough for one message. */
#define SHOWN_URI_CHARS 160

char *
mp_utils_uri_refusal (const char *uri)
{
  g_autofree char *scheme = NULL;
  g_autofree char *shown = NULL;

  if (uri == NULL || mp_utils_uri_is_openable (uri))
    return NULL;
  shown = g_utf8_validate (uri, -1, NULL) ? g_strdup (uri) : g_utf8_make_valid (uri, -1);
  if (g_utf8_strlen (shown, -1) > SHOWN_URI_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (shown, 0, SHOWN_URI_CHARS);

      g_free (shown);
      shown = g_strconcat (cut, "…", NULL);
    }
  scheme = g_uri_parse_scheme (uri);
  if (scheme != NULL && g_ascii_strcasecmp (scheme, "mailto") == 0)
    /* Translators: %s is the link's target */
    return g_strdup_printf (_("“%s” was not opened: a mail link that attaches files could send "
                              "your files."), shown);
  /* Translators: %s is the link's target */
  return g_strdup_printf (_("“%s” was not opened: only web (http, https) and mail links open."),
                          shown);
}

gboolean
mp_utils_write_atomically (GFile       *file,
                           const char  *contents,
                           gsize        length,
                           gboolean     keep_backup,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: not a local file"), g_file_peek_path (file));
      return FALSE;
    }
  /* A link stays a link: its target gets the new contents. */
  target = mp_safe_file_resolve (path);
  if (keep_backup && g_file_test (target, G_FILE_TEST_IS_REGULAR) &&
      !mp_safe_file_keep_backup (target, error))
    return FALSE;
  /* What the user writes somewhere is theirs to share: the usual
   * permissions, not the private ones of the programs file. */
  return mp_safe_file_write_full (target, contents, length, MP_SAFE_FILE_DOCUMENT, error);
}

char *
mp_utils_file_display_name (GFile *file)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  scheme = g_file_get_uri_scheme (file);
  if (g_strcmp0 (scheme, "resource") == 0)
    return g_file_get_basename (file);
  return g_file_get_parse_name (file);
}

static gboolean
locale_groups_digits (void)
{
  const struct lconv *conv = localeconv ();

  return conv->thousands_sep != NULL && *conv->thousands_sep != '\0' &&
         conv->grouping != NULL && *conv->grouping > 0 && *conv->grouping != CHAR_MAX;
}

char *
mp_utils_format_grouped (double value)
{
  g_autofree char *digits = NULL;
  const char *start;
  GString *out;
  gsize n;

  if (locale_groups_digits ())
    return g_strdup_printf ("%'.0f", value);
  digits = g_strdup_printf ("%.0f", value);
  if (!g_ascii_isdigit (digits[strlen (digits) - 1]))
    return g_steal_pointer (&digits);  /* inf, nan */
  start = digits[0] == '-' ? digits + 1 : digits;
  n = strlen (start);
  out = g_string_new_len (digits, start - digits);
  for (gsize i = 0; i < n; i++)
    {
      /* Translators: the digit group separator where the system's locale
       * has none, as in 17,000; a no-break space in Spanish (17 000) */
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, C_("digit grouping", ","));
      g_string_append_c (out, start[i]);
    }
  return g_string_free (out, FALSE);
}

char *
mp_utils_format_usd (double usd)
{
  g_autofree char *amount = mp_utils_format_grouped (round (usd));

  /* Translators: an amount in US dollars, e.g. $17,000; %s is the grouped number */
  return g_strdup_printf (_("$%s"), amount);
}
