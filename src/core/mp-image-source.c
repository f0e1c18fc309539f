/* mp-image-source.c: which article images may be opened, and which are
 * small enough to decode
 *
 * The reader shows images from the article's own folder only. Names are
 * checked first (no scheme, no absolute path, no "..") and then the file's
 * real path, links resolved, against the folder's real path: a link.png
 * or a linked folder pointing elsewhere is refused like "../x.png".
 *
 * A small file can decode into gigabytes (a 48 KB PNG of 20 000 × 20 000
 * pixels, an SVG whose entities repeat one another), so the limits here
 * are checked on headers and text before anything is decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-image-source.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_QUARK (mp-image-error-quark, mp_image_error)

#define MAX_ENTITY_DEPTH 16
#define MAX_ENTITY_NAME 64

static void
set_outside (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("only images from the article’s own folder are shown"));
}

static char *
real_path (GFile   *file,
           GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  char *real = realpath (path, NULL);
  int saved_errno = errno;
  char *copy;

  if (real == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }
  /* realpath() allocates with malloc(): hand out GLib memory. */
  copy = g_strdup (real);
  free (real);
  return copy;
}

/* @file is inside @base_dir by name; returns its real file if it is still
 * inside once every link on the way is followed. */
static GFile *
resolve_links (GFile   *file,
               GFile   *base_dir,
               GError **error)
{
  g_autofree char *real_base = NULL;
  g_autofree char *real = NULL;
  g_autoptr(GFile) real_base_file = NULL;
  g_autoptr(GFile) real_file = NULL;

  /* Resources and other non-local folders hold no links. */
  if (!g_file_is_native (base_dir) || !g_file_is_native (file))
    return g_object_ref (file);
  real_base = real_path (base_dir, error);
  if (real_base == NULL)
    return NULL;
  real = real_path (file, error);
  if (real == NULL)
    return NULL;
  real_base_file = g_file_new_for_path (real_base);
  real_file = g_file_new_for_path (real);
  if (!g_file_has_prefix (real_file, real_base_file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("it is a link to a file outside the article’s folder, and "
                             "only images from the article’s own folder are shown"));
      return NULL;
    }
  /* The caller opens the real file: a link changed afterwards is not followed. */
  return g_steal_pointer (&real_file);
}

GFile *
mp_image_source_resolve (const char  *src,
                         GFile       *base_dir,
                         GError     **error)
{
  g_autofree char *scheme = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (src != NULL, NULL);

  scheme = g_uri_parse_scheme (src);
  if (base_dir == NULL || scheme != NULL || g_path_is_absolute (src) || *src == '\0')
    {
      set_outside (error);
      return NULL;
    }
  path = g_uri_unescape_string (src, NULL);
  if (path == NULL)
    path = g_strdup (src);
  file = g_file_resolve_relative_path (base_dir, path);
  if (!g_file_has_prefix (file, base_dir))
    {
      set_outside (error);
      return NULL;
    }
  return resolve_links (file, base_dir, error);
}

gboolean
mp_image_source_check_size (int      width,
                            int      height,
                            GError **error)
{
  if (width <= 0 || height <= 0)
    {
      g_set_error_literal (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID,
                           _("its header gives no size: it is damaged or not an image"));
      return FALSE;
    }
  if (width > MP_IMAGE_MAX_SIDE || height > MP_IMAGE_MAX_SIDE ||
      (gint64) width * height > MP_IMAGE_MAX_PIXELS)
    {
      /* Translators: "it is 20000 × 20000 pixels, more than the 32 megapixels…" */
      g_set_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_LARGE,
                   _("it is %d × %d pixels, more than the %d megapixels (%d pixels a side) "
                     "an article image may have: save a smaller copy of it"),
                   width, height, MP_IMAGE_MAX_PIXELS / (1024 * 1024), MP_IMAGE_MAX_SIDE);
      return FALSE;
    }
  return TRUE;
}

/* -- SVG entities --------------------------------------------------------- */

typedef struct {
  const char *value;
  gsize       length;
  gint64      expanded;   /* -1: not known yet, -2: being computed */
} Entity;

/* The name of an entity reference "&name;" starting at @p, or NULL. */
static char *
reference_name (const char *p,
                const char *end)
{
  const char *start = p + 1;
  const char *q = start;

  while (q < end && q - start < MAX_ENTITY_NAME && *q != ';' && *q != '&' &&
         !g_ascii_isspace (*q) && *q != '<')
    q++;
  if (q >= end || *q != ';' || q == start || *start == '#')
    return NULL;
  return g_strndup (start, q - start);
}

static gint64 expanded_length (GHashTable *entities,
                               Entity     *entity,
                               guint       depth);

/* The length of @text once every entity it uses is expanded, capped just
 * above the limit so that nothing overflows. */
static gint64
expand_text (GHashTable *entities,
             const char *text,
             gsize       length,
             guint       depth)
{
  const char *end = text + length;
  gint64 total = length;

  for (const char *p = memchr (text, '&', length); p != NULL && total <= MP_IMAGE_MAX_SVG_BYTES;
       p = memchr (p + 1, '&', end - p - 1))
    {
      g_autofree char *name = reference_name (p, end);
      Entity *entity = name != NULL ? g_hash_table_lookup (entities, name) : NULL;
      gint64 size;

      if (entity == NULL)
        continue;
      size = expanded_length (entities, entity, depth + 1);
      if (size < 0)
        return -1;
      total += size - (gint64) strlen (name) - 2;
    }
  return MIN (total, (gint64) MP_IMAGE_MAX_SVG_BYTES + 1);
}

static gint64
expanded_length (GHashTable *entities,
                 Entity     *entity,
                 guint       depth)
{
  if (entity->expanded >= 0)
    return entity->expanded;
  /* A loop, or nesting deeper than any real figure needs. */
  if (entity->expanded == -2 || depth > MAX_ENTITY_DEPTH)
    return -1;
  entity->expanded = -2;
  entity->expanded = expand_text (entities, entity->value, entity->length, depth);
  return entity->expanded;
}

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* Reads one "<!ENTITY name 'value'>" after its keyword; returns where it
 * ends, or NULL with @error set for what a figure may not declare. */
static const char *
read_entity (GHashTable  *entities,
             const char  *p,
             const char  *end,
             GError     **error)
{
  const char *name_start, *name_end, *value_end;
  Entity *entity;

  p = skip_space (p, end);
  name_start = p;
  while (p < end && !g_ascii_isspace (*p) && *p != '>')
    p++;
  name_end = p;
  p = skip_space (p, end);
  if (name_start >= end || *name_start == '%' || p >= end || (*p != '"' && *p != '\''))
    {
      /* Parameter and external entities (SYSTEM, PUBLIC) read other files. */
      g_set_error_literal (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX,
                           _("it declares parameter or external entities, which article "
                             "figures may not use"));
      return NULL;
    }
  value_end = memchr (p + 1, *p, end - p - 1);
  if (value_end == NULL)
    return end;
  entity = g_new0 (Entity, 1);
  entity->value = p + 1;
  entity->length = value_end - p - 1;
  entity->expanded = -1;
  g_hash_table_replace (entities, g_strndup (name_start, name_end - name_start), entity);
  return value_end + 1;
}

gboolean
mp_image_source_check_svg (const char  *text,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GHashTable) entities = NULL;
  g_autofree char *size = NULL;
  g_autofree char *limit = g_format_size (MP_IMAGE_MAX_SVG_BYTES);
  const char *end = text + length;
  const char *body = text;
  gint64 total;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length > MP_IMAGE_MAX_SVG_BYTES)
    {
      size = g_format_size (length);
      g_set_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_LARGE,
                   _("it is %s, more than the %s an article figure may be"), size, limit);
      return FALSE;
    }
  entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (const char *p = g_strstr_len (text, length, "<!ENTITY"); p != NULL;
       p = g_strstr_len (body, end - body, "<!ENTITY"))
    {
      body = read_entity (entities, p + strlen ("<!ENTITY"), end, error);
      if (body == NULL)
        return FALSE;
    }
  if (g_hash_table_size (entities) == 0)
    return TRUE;
  total = expand_text (entities, body, end - body, 0);
  if (total < 0 || total + (body - text) > MP_IMAGE_MAX_SVG_BYTES)
    {
      g_set_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX,
                   _("its entities repeat one another into more than the %s an article "
                     "figure may be"), limit);
      return FALSE;
    }
  return TRUE;
}

/* -- librsvg's messages ---------------------------------------------------- */

/* librsvg 2.54 passes libxml2's errors on as "XML parse error: Error domain
 * 1 code 26 on line 2 column 14 of data: Entity 'foo' not defined". */
static char *
describe_xml_error (const char *name,
                    const char *message)
{
  g_autoptr(GRegex) regex = g_regex_new ("Error domain \\d+ code (\\d+) on line (\\d+) column (\\d+)"
                                         "[^:]*: *(.*?)\\s*$", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *code = NULL, *line = NULL, *column = NULL, *detail = NULL;
  g_autofree char *reason = NULL;

  if (!g_regex_match (regex, message, 0, &match))
    return NULL;
  code = g_match_info_fetch (match, 1);
  line = g_match_info_fetch (match, 2);
  column = g_match_info_fetch (match, 3);
  detail = g_match_info_fetch (match, 4);
  /* libxml2's codes: 26 an undefined entity, 4 no "<" where a tag starts. */
  if (g_str_equal (code, "26"))
    {
      g_auto(GStrv) parts = g_strsplit (detail, "'", 3);

      /* Translators: %s is an XML entity name, as in “&nbsp;” */
      reason = g_strdup_printf (_("it uses the entity “&%s;”, which it does not define"),
                                g_strv_length (parts) == 3 ? parts[1] : detail);
    }
  else if (g_str_equal (code, "4"))
    reason = g_strdup (_("it is not an SVG file: no tag starts where one should"));
  else
    /* Translators: %s is the XML parser's own English description */
    reason = g_strdup_printf (_("it is not well-formed XML (the parser says: %s)"), detail);
  return g_strdup_printf ("%s:%s:%s: %s", name, line, column, reason);
}

char *
mp_image_source_describe_svg_error (const char *name,
                                    const char *message)
{
  char *described;

  g_return_val_if_fail (name != NULL && message != NULL, NULL);

  described = describe_xml_error (name, message);
  if (described != NULL)
    return described;
  if (strstr (message, "too short") != NULL)
    return g_strdup_printf (_("%s: the file is empty or cut short"), name);
  if (strstr (message, "does not have <svg> root") != NULL)
    return g_strdup_printf (_("%s: it is XML but not an SVG image (its first element is not <svg>)"), name);
  /* Translators: FILE: librsvg's own description of the problem */
  return g_strdup_printf (_("%s: the SVG cannot be read (%s)"), name, message);
}
