/* mp-program-json.c: programs JSON, read with positions and written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-json.h"
#include "mp-program-json-private.h"
#include "mp-program-rules.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (mp-program-json-error-quark, mp_program_json_error)

/* Deeper than any programs file; stops stack exhaustion on hostile input. */
#define MAX_DEPTH 64

static const char * const fact_fields[] = { "duration_years", "hours_per_week", "tuition_usd" };
static const MpProgramValue fact_values[] = {
  MP_PROGRAM_VALUE_DURATION_YEARS, MP_PROGRAM_VALUE_HOURS_PER_WEEK, MP_PROGRAM_VALUE_TUITION,
};

struct _MpProgramJsonReader
{
  const MpProgramSource *source;
  GHashTable            *positions; /* path → byte offset + 1; NULL until an error */
  GHashTable            *file_ids;  /* id → index + 1 of its program */
  const char            *version_token;
  guint                  n_version_members;
};

typedef MpProgramJsonReader Reader;

/* json-glib's tree carries no positions, so when a value turns out wrong a
 * second, tolerant walk over the accepted text records where each value
 * starts, keyed by its path ("/programs/3/ratings/faculty"). */
typedef struct {
  const char *start;
  const char *p;
  const char *end;
  GHashTable *positions;
  GString    *path;
  const char *want;   /* without a table: the path whose last offset is wanted */
  gssize      found;
} Walker;

static void
skip_blank (Walker *w)
{
  while (w->p < w->end)
    {
      if (g_ascii_isspace (*w->p))
        w->p++;
      else if (*w->p == '#' || (*w->p == '/' && w->p + 1 < w->end && w->p[1] == '/'))
        while (w->p < w->end && *w->p != '\n')
          w->p++;
      else if (*w->p == '/' && w->p + 1 < w->end && w->p[1] == '*')
        {
          const char *close = g_strstr_len (w->p + 2, w->end - w->p - 2, "*/");
          w->p = close != NULL ? close + 2 : w->end;
        }
      else
        break;
    }
}

static const char *
skip_string (Walker *w)
{
  const char *content = ++w->p;

  while (w->p < w->end && *w->p != '"')
    w->p += *w->p == '\\' ? 2 : 1;
  if (w->p > w->end)
    w->p = w->end;
  return content;
}

static gboolean walk_value (Walker *w);

static gboolean
walk_member (Walker *w)
{
  gsize path_len = w->path->len;
  const char *key;
  gboolean ok;

  if (*w->p != '"')
    return FALSE;
  key = skip_string (w);
  g_string_append_c (w->path, '/');
  g_string_append_len (w->path, key, w->p - key);
  if (w->p < w->end)
    w->p++;
  skip_blank (w);
  if (w->p >= w->end || *w->p != ':')
    return FALSE;
  w->p++;
  ok = walk_value (w);
  g_string_truncate (w->path, path_len);
  return ok;
}

static gboolean
walk_container (Walker *w,
                char    close)
{
  guint index = 0;

  w->p++;
  for (;;)
    {
      gsize path_len = w->path->len;
      gboolean ok;

      skip_blank (w);
      if (w->p >= w->end)
        return FALSE;
      if (*w->p == close)
        {
          w->p++;
          return TRUE;
        }
      if (*w->p == ',')
        {
          w->p++;
          continue;
        }
      if (close == '}')
        ok = walk_member (w);
      else
        {
          g_string_append_printf (w->path, "/%u", index++);
          ok = walk_value (w);
          g_string_truncate (w->path, path_len);
        }
      if (!ok)
        return FALSE;
    }
}

static gboolean
walk_value (Walker *w)
{
  const char *token;

  skip_blank (w);
  if (w->p >= w->end)
    return FALSE;
  if (w->positions != NULL)
    g_hash_table_insert (w->positions, g_strdup (w->path->str),
                         GSIZE_TO_POINTER (w->p - w->start + 1));
  else if (strcmp (w->path->str, w->want) == 0)
    w->found = w->p - w->start;
  if (*w->p == '{')
    return walk_container (w, '}');
  if (*w->p == '[')
    return walk_container (w, ']');
  if (*w->p == '"')
    {
      skip_string (w);
      w->p++;
      return TRUE;
    }
  token = w->p;
  while (w->p < w->end && strchr (",]}: \t\r\n", *w->p) == NULL)
    w->p++;
  return w->p > token;
}

/* Returns the offset where nesting first exceeds MAX_DEPTH, or -1. */
static gssize
find_excess_depth (const char *data,
                   gsize       length)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '{' || c == '[') && ++depth > MAX_DEPTH)
        return i;
      else if (c == '}' || c == ']')
        depth--;
    }
  return -1;
}

/* After a syntax error: the offset of the innermost bracket (or string)
 * still open at the end of the text, or -1 when everything is closed. */
gssize
mp_program_json_find_unclosed (const char *data,
               gsize       length)
{
  gsize open[MAX_DEPTH + 1];
  gssize string_start = -1;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (string_start >= 0)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            string_start = -1;
        }
      else if (c == '"')
        string_start = i;
      else if ((c == '{' || c == '[') && depth <= MAX_DEPTH)
        open[depth++] = i;
      else if (c == '}' || c == ']')
        {
          /* A bracket closed by the wrong kind is a real syntax error. */
          if (depth == 0 || data[open[depth - 1]] != (c == '}' ? '{' : '['))
            return -1;
          depth--;
        }
    }
  if (string_start >= 0)
    return string_start;
  return depth > 0 ? (gssize) open[depth - 1] : -1;
}

static void
reader_position (Reader     *r,
                 const char *path,
                 guint      *line,
                 guint      *column)
{
  g_autofree char *p = g_strdup (path);

  if (r->positions == NULL)
    {
      g_autoptr(GString) walk_path = g_string_new (NULL);
      Walker walker = { r->source->data, r->source->data, r->source->data + r->source->length,
                        NULL, walk_path, NULL, -1 };

      walker.positions = r->positions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
      walk_value (&walker);
    }
  for (;;)
    {
      gpointer offset = g_hash_table_lookup (r->positions, p);
      char *slash;

      if (offset != NULL)
        {
          mp_program_io_position (r->source->data, GPOINTER_TO_SIZE (offset) - 1, line, column);
          return;
        }
      slash = strrchr (p, '/');
      if (slash == NULL)
        break;
      *slash = '\0';
    }
  *line = 1;
  *column = 1;
}

static gboolean
reader_fail (Reader      *r,
             int          code,
             const char  *path,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (5, 6);

static gboolean
reader_fail (Reader      *r,
             int          code,
             const char  *path,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  reader_position (r, path, &line, &column);
  mp_program_io_set_error (error, code, r->source, line, column, "%s", message);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    default: return _("a number");
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Paths of members read here are short: "/programs/N" and field names of
 * ours; a stack buffer spares an allocation per value. */
#define MEMBER_PATH_SIZE 96

static const char *
member_path (char        buffer[MEMBER_PATH_SIZE],
             const char *parent,
             const char *name)
{
  gsize parent_len = strlen (parent), name_len = strlen (name);

  /* Without printf: this runs for every value of every program. */
  g_assert (parent_len + name_len + 2 <= MEMBER_PATH_SIZE);
  memcpy (buffer, parent, parent_len);
  buffer[parent_len] = '/';
  memcpy (buffer + parent_len + 1, name, name_len + 1);
  return buffer;
}

/* Finds member @name of @object; a missing required member is an error
 * placed at the object. */
static JsonNode *
require_member (Reader      *r,
                JsonObject  *object,
                const char  *path,
                const char  *name,
                const char  *what, /* untranslated, N_() */
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                 _("%s has no “%s”"), _(what), name);
  return node;
}

/* The name rule (any Unicode blank) serves every required string. */
static gboolean
string_is_blank (const char *s)
{
  return !mp_program_rules_name_is_valid (s);
}

static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  char value_path[MEMBER_PATH_SIZE];

  member_path (value_path, path, name);
  *out = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL)
    return require_member (r, object, path, name, N_("This program"), error) != NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("“%s” must be a string, not %s"), name, describe_node (node));
  *out = json_node_get_string (node);
  /* json-glib reads a broken \u escape ("\udAo") into bytes that are not
   * UTF-8; such a text could be shown but never saved and loaded again. */
  if (!g_utf8_validate (*out, -1, NULL))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("“%s” holds an escape that is not a valid character; "
                          "write \\u followed by four hexadecimal digits"), name);
  if (required && string_is_blank (*out))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("“%s” must not be empty"), name);
  return TRUE;
}

static gboolean
read_number (Reader          *r,
             JsonObject      *object,
             const char      *path,
             const char      *name,
             const char      *what,
             MpProgramValue   rule,
             double          *out,
             GError         **error)
{
  JsonNode *node = require_member (r, object, path, name, what, error);
  char value_path[MEMBER_PATH_SIZE];
  guint line, column;

  member_path (value_path, path, name);
  if (node == NULL)
    return FALSE;
  if (!node_is_number (node))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("“%s” must be a number, not %s"), name, describe_node (node));
  *out = mp_program_rules_round (json_node_get_double (node));
  if (mp_program_rules_in_range (rule, *out))
    return TRUE;
  reader_position (r, value_path, &line, &column);
  return mp_program_io_check_range (r->source, line, column, name, rule, *out, error);
}

static gboolean
read_enum (Reader      *r,
           JsonObject  *object,
           const char  *path,
           const char  *name,
           int         *out,
           GError     **error)
{
  char value_path[MEMBER_PATH_SIZE];
  gboolean is_kind = strcmp (name, "kind") == 0;
  const char *key;
  gboolean found;

  member_path (value_path, path, name);
  if (!read_string (r, object, path, name, TRUE, &key, error))
    return FALSE;
  found = is_kind ? mp_program_kind_from_key (key, (MpProgramKind *) out)
                  : mp_program_format_from_key (key, (MpProgramFormat *) out);
  if (found)
    return TRUE;
  if (is_kind)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("unknown kind “%s”; use masters, certificate, fellowship, "
                          "short-course or faculty-development"), key);
  return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                      _("unknown format “%s”; use online, hybrid or in-person"), key);
}

static gboolean
read_id (Reader      *r,
         JsonObject  *object,
         const char  *path,
         guint        index,
         const char **id,
         GError     **error)
{
  char value_path[MEMBER_PATH_SIZE];
  gpointer first;
  guint line, column;

  member_path (value_path, path, "id");
  if (!read_string (r, object, path, "id", TRUE, id, error))
    return FALSE;
  first = g_hash_table_lookup (r->file_ids, *id);
  if (first != NULL)
    {
      g_autofree char *first_path = g_strdup_printf ("/programs/%u/id",
                                                     GPOINTER_TO_UINT (first) - 1);

      reader_position (r, first_path, &line, &column);
      return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                          _("the id “%s” is used twice (first at line %u)"), *id, line);
    }
  if (r->source->taken_ids != NULL && g_hash_table_contains (r->source->taken_ids, *id))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("the id “%s” is already in the list; give this program another id"),
                        *id);
  g_hash_table_insert (r->file_ids, g_strdup (*id), GUINT_TO_POINTER (index + 1));
  return TRUE;
}

/* [lo, hi]: two numbers, 0 ≤ lo ≤ hi ≤ 10. */
static gboolean
read_rating_range (Reader      *r,
                   JsonArray   *array,
                   const char  *path,
                   const char  *key,
                   double       range[2],
                   GError     **error)
{
  if (json_array_get_length (array) != 2)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                        _("a range for “%s” must be two numbers, lowest and highest, "
                          "e.g. [6, 8]"), key);
  for (guint k = 0; k < 2; k++)
    {
      JsonNode *end = json_array_get_element (array, k);
      g_autofree char *end_path = g_strdup_printf ("%s/%u", path, k);
      guint line, column;

      if (!node_is_number (end))
        return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, end_path, error,
                            _("a range for “%s” must be two numbers, not %s"),
                            key, describe_node (end));
      range[k] = mp_program_rules_round (json_node_get_double (end));
      if (mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, range[k]))
        continue;
      /* Positions cost a walk over the whole text: only for a message. */
      reader_position (r, end_path, &line, &column);
      if (!mp_program_io_check_range (r->source, line, column, key, MP_PROGRAM_VALUE_RATING,
                                      range[k], error))
        return FALSE;
    }
  if (!mp_program_rules_range_is_ordered (range[0], range[1]))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                        _("the range for “%s” must give the lowest rating first"), key);
  return TRUE;
}

/* A number, a range [lo, hi], or unknown (null or absent). */
static gboolean
read_rating (Reader          *r,
             JsonObject      *ratings,
             const char      *path,
             MpCriterion      criterion,
             MpProgramFields *fields,
             GError         **error)
{
  const char *key = mp_criterion_get_key (criterion);
  JsonNode *node = json_object_get_member (ratings, key);
  char value_path[MEMBER_PATH_SIZE];
  double value, range[2];

  member_path (value_path, path, key);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      fields->unknown_ratings |= 1u << criterion;
      fields->rating_lo[criterion] = 0;
      fields->rating_hi[criterion] = mp_program_rules_get_max (MP_PROGRAM_VALUE_RATING);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!read_rating_range (r, json_node_get_array (node), value_path, key, range, error))
        return FALSE;
      fields->rating_lo[criterion] = range[0];
      fields->rating_hi[criterion] = range[1];
      return TRUE;
    }
  if (!read_number (r, ratings, path, key, N_("“ratings”"), MP_PROGRAM_VALUE_RATING, &value,
                    error))
    return FALSE;
  fields->rating_lo[criterion] = fields->rating_hi[criterion] = value;
  return TRUE;
}

static gboolean
read_ratings (Reader          *r,
              JsonObject      *object,
              const char      *path,
              MpProgramFields *fields,
              GError         **error)
{
  JsonNode *node = require_member (r, object, path, "ratings", N_("This program"), error);
  char ratings_path[MEMBER_PATH_SIZE];

  member_path (ratings_path, path, "ratings");
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, ratings_path, error,
                        _("“ratings” must be an object, not %s"), describe_node (node));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    if (!read_rating (r, json_node_get_object (node), ratings_path, c, fields, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_facts (Reader          *r,
            JsonObject      *object,
            const char      *path,
            MpProgramFields *fields,
            GError         **error)
{
  char thesis_path[MEMBER_PATH_SIZE];
  double *facts[] = { &fields->duration_years, &fields->hours_per_week, &fields->tuition };
  JsonNode *thesis;
  int kind, format;

  member_path (thesis_path, path, "thesis");
  if (!read_string (r, object, path, "institution", FALSE, &fields->institution, error) ||
      !read_enum (r, object, path, "kind", &kind, error) ||
      !read_enum (r, object, path, "format", &format, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fact_fields); i++)
    {
      if (!read_number (r, object, path, fact_fields[i], N_("This program"), fact_values[i],
                        facts[i], error))
        return FALSE;
    }
  thesis = json_object_get_member (object, "thesis");
  if (thesis != NULL && (!JSON_NODE_HOLDS_VALUE (thesis) ||
                         json_node_get_value_type (thesis) != G_TYPE_BOOLEAN))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, thesis_path, error,
                        _("“thesis” must be true or false, not %s"), describe_node (thesis));
  if (!read_string (r, object, path, "note", FALSE, &fields->note, error))
    return FALSE;
  fields->kind = kind;
  fields->format = format;
  fields->thesis = thesis != NULL && json_node_get_boolean (thesis);
  return TRUE;
}

gboolean
mp_program_json_reader_read_program (MpProgramJsonReader  *r,
                                     JsonNode             *node,
                                     guint                 index,
                                     MpProgramFields      *fields,
                                     GError              **error)
{
  char path[MEMBER_PATH_SIZE] = "/programs/";
  char digits[16], *d = digits + sizeof digits;
  guint rest = index;
  JsonObject *object;

  /* Without printf, as member_path(). */
  *--d = '\0';
  do
    *--d = '0' + rest % 10;
  while ((rest /= 10) > 0);
  strcat (path, d);
  memset (fields, 0, sizeof *fields);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                        _("each program must be an object, not %s"), describe_node (node));
  object = json_node_get_object (node);
  return read_id (r, object, path, index, &fields->id, error) &&
         read_string (r, object, path, "name", TRUE, &fields->name, error) &&
         read_facts (r, object, path, fields, error) &&
         read_ratings (r, object, path, fields, error);
}

/* The value at @path as written in the file ("1.0", "99999999999999999999"),
 * for messages that quote it. */
static gssize
reader_find_offset (Reader     *r,
                    const char *path)
{
  g_autoptr(GString) walk_path = NULL;
  Walker walker;

  if (r->positions != NULL)
    return (gssize) GPOINTER_TO_SIZE (g_hash_table_lookup (r->positions, path)) - 1;
  /* The walk the positions table takes, without the table. */
  walk_path = g_string_new (NULL);
  walker = (Walker) { r->source->data, r->source->data, r->source->data + r->source->length,
                      NULL, walk_path, path, -1 };
  walk_value (&walker);
  return walker.found;
}

static char *
reader_literal (Reader     *r,
                const char *path)
{
  gssize offset = reader_find_offset (r, path);
  const char *start, *end = r->source->data + r->source->length;
  const char *p;

  if (offset < 0)
    return g_strdup ("?");
  start = r->source->data + offset;
  for (p = start; p < end && p - start < 40 && strchr (",]}: \t\r\n", *p) == NULL; p++)
    ;
  return g_strndup (start, p - start);
}

/* A version the stream read as digits from 1 to 9 first, in one member,
 * needs no look at its text: only a sign, a leading zero or a wrapped
 * number make the literal matter. */
static gboolean
version_is_plain (Reader   *r,
                  JsonNode *node)
{
  return r->version_token != NULL && r->n_version_members == 1 &&
         r->version_token[0] >= '1' && r->version_token[0] <= '9' &&
         json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) >= 1;
}

static gboolean
read_version (Reader      *r,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *node = require_member (r, root, "", "schema_version", N_("The file"), error);
  gint64 version;

  if (node == NULL)
    return FALSE;
  if (node_is_number (node) && !version_is_plain (r, node))
    {
      g_autofree char *literal = reader_literal (r, "/schema_version");

      /* json-glib wraps whole numbers beyond 64 bits: -1 for 1e20. */
      if (json_node_get_value_type (node) == G_TYPE_INT64 &&
          (json_node_get_int (node) < 1) != (literal[0] == '-' || literal[0] == '0'))
        return reader_fail (r, MP_PROGRAM_JSON_ERROR_VERSION, "/schema_version", error,
                            _("schema version %s is newer than this version of Master Plan "
                              "reads (%d); update Master Plan to open this file"),
                            literal, MP_PROGRAMS_SCHEMA_VERSION);
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "/schema_version", error,
                            _("“schema_version” must be a whole number such as %d, not %s"),
                            MP_PROGRAMS_SCHEMA_VERSION, literal);
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "/schema_version", error,
                        _("“schema_version” must be a whole number such as %d, not %s"),
                        MP_PROGRAMS_SCHEMA_VERSION, describe_node (node));
  version = json_node_get_int (node);
  if (version > MP_PROGRAMS_SCHEMA_VERSION)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_VERSION, "/schema_version", error,
                        _("schema version %" G_GINT64_FORMAT " is newer than this version "
                          "of Master Plan reads (%d); update Master Plan to open this file"),
                        version, MP_PROGRAMS_SCHEMA_VERSION);
  if (version < 1)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "/schema_version", error,
                        _("“schema_version” must be 1 or more, not %" G_GINT64_FORMAT), version);
  return TRUE;
}

JsonArray *
mp_program_json_reader_read_head (MpProgramJsonReader  *r,
                                  JsonNode             *root,
                                  GError              **error)
{
  JsonNode *list;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "", error,
                   _("a programs file must be an object with “schema_version” and "
                     "“programs”, not %s"), root != NULL ? describe_node (root) : _("nothing"));
      return NULL;
    }
  if (!read_version (r, json_node_get_object (root), error))
    return NULL;
  list = require_member (r, json_node_get_object (root), "", "programs", N_("The file"), error);
  if (list == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "/programs", error,
                   _("“programs” must be an array, not %s"), describe_node (list));
      return NULL;
    }
  return json_node_get_array (list);
}

static gboolean
read_root (Reader         *r,
           JsonNode       *root,
           MpProgramSink   sink,
           gpointer        user_data,
           GError        **error)
{
  JsonArray *array = mp_program_json_reader_read_head (r, root, error);

  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) program_error = NULL;
      MpProgramFields fields;

      if (mp_program_json_reader_read_program (r, json_array_get_element (array, i), i, &fields,
                                               &program_error))
        {
          if (!sink (&fields, user_data, error))
            return FALSE;
        }
      else if (r->source->skipped != NULL)
        g_ptr_array_add (r->source->skipped, g_strdup (program_error->message));
      else
        {
          g_propagate_error (error, g_steal_pointer (&program_error));
          return FALSE;
        }
    }
  return TRUE;
}

MpProgramJsonReader *
mp_program_json_reader_new (const MpProgramSource *source)
{
  Reader *r = g_new0 (Reader, 1);

  r->source = source;
  r->file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return r;
}

void
mp_program_json_reader_set_version_token (MpProgramJsonReader *r,
                                          const char          *token,
                                          guint                n_members)
{
  r->version_token = token;
  r->n_version_members = n_members;
}

void
mp_program_json_reader_free (MpProgramJsonReader *r)
{
  if (r == NULL)
    return;
  g_clear_pointer (&r->positions, g_hash_table_unref);
  g_hash_table_unref (r->file_ids);
  g_free (r);
}

static gboolean
is_blank (const MpProgramSource *source)
{
  for (gsize i = 0; i < source->length; i++)
    {
      if (!g_ascii_isspace (source->data[i]))
        return FALSE;
    }
  return TRUE;
}

/* json-glib counts columns in bytes; ours count characters. */
static guint
byte_to_char_column (const MpProgramSource *source,
                     guint                  line,
                     guint                  byte_column)
{
  const char *p = source->data, *end = source->data + source->length;
  const char *stop;

  for (guint l = 1; l < line && p < end; p++)
    {
      if (*p == '\n')
        l++;
    }
  stop = MIN (p + (byte_column > 0 ? byte_column - 1 : 0), end);
  return g_utf8_strlen (p, stop - p) + 1;
}

void
mp_program_json_set_unclosed_error (const MpProgramSource  *source,
                                    gsize                   unclosed,
                                    GError                **error)
{
  guint open_line, open_column, line, end_column;

  mp_program_io_position (source->data, unclosed, &open_line, &open_column);
  mp_program_io_position (source->data, source->length, &line, &end_column);
  mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line, end_column,
                           _("the file ends before the “%c” at %u:%u is closed; "
                             "it may be cut short"),
                           source->data[unclosed], open_line, open_column);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: …"; keep its position
 * and text, and name the file instead. A file cut short gets a clearer
 * message than json-glib's. */
static void
set_syntax_error (const MpProgramSource  *source,
                  const GError           *json_error,
                  GError                **error)
{
  /* json-glib quotes the text it choked on, which may be a broken escape's
   * bytes that are not UTF-8; a message must be shown as it is. */
  g_autofree char *message = g_utf8_make_valid (json_error->message, -1);
  gssize unclosed = mp_program_json_find_unclosed (source->data, source->length);
  guint line = 0, byte_column = 0;
  int consumed = 0;

  if (unclosed >= 0)
    {
      mp_program_json_set_unclosed_error (source, unclosed, error);
      return;
    }

  if (sscanf (message, "<data>:%u:%u: %n", &line, &byte_column, &consumed) >= 2 && consumed > 0)
    {
      mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line,
                               byte_to_char_column (source, line, byte_column), "%s",
                               message + consumed);
      return;
    }
  mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, 1, 1, "%s", message);
}

gboolean
mp_program_json_check_text (const MpProgramSource  *source,
                            GError                **error)
{
  gssize deep;
  guint line, column;

  if (!mp_program_io_check_text (source, error))
    return FALSE;
  if (is_blank (source))
    {
      mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, 1, 1,
                               _("the file is empty"));
      return FALSE;
    }
  deep = find_excess_depth (source->data, source->length);
  if (deep < 0)
    return TRUE;
  mp_program_io_position (source->data, deep, &line, &column);
  mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line, column,
                           _("nested more than %d levels deep"), MAX_DEPTH);
  return FALSE;
}

gboolean
mp_program_json_read_tree (const MpProgramSource  *caller_source,
                           MpProgramSink           sink,
                           gpointer                user_data,
                           GError                **error)
{
  MpProgramSource own_source = *caller_source;
  const MpProgramSource *source = &own_source;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  MpProgramJsonReader *reader;
  gboolean ok;

  own_source.domain = MP_PROGRAM_JSON_ERROR;
  if (!mp_program_json_check_text (source, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, source->data, source->length, &json_error))
    {
      set_syntax_error (source, json_error, error);
      return FALSE;
    }
  reader = mp_program_json_reader_new (source);
  ok = read_root (reader, json_parser_get_root (parser), sink, user_data, error);
  mp_program_json_reader_free (reader);
  return ok;
}

static gboolean
append_program (const MpProgramFields  *fields,
                gpointer                programs,
                GError                **error)
{
  g_ptr_array_add (programs, mp_program_io_new_program (fields));
  return TRUE;
}

GPtrArray *
mp_program_json_parse (const MpProgramSource  *source,
                       GError                **error)
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!mp_program_json_read_tree (source, append_program, programs, error))
    return NULL;
  return g_steal_pointer (&programs);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Whole numbers as integers, as add_number() writes them. */
static void
add_range_end (JsonBuilder *builder,
               double       value)
{
  if (value == floor (value))
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* A number, [lo, hi], or null when unknown: the forms read_rating() reads. */
static void
add_rating (JsonBuilder *builder,
            MpProgram   *program,
            MpCriterion  criterion)
{
  double lo, hi;

  mp_program_get_rating_range (program, criterion, &lo, &hi);
  if (lo == hi)
    {
      add_number (builder, mp_criterion_get_key (criterion), lo);
      return;
    }
  json_builder_set_member_name (builder, mp_criterion_get_key (criterion));
  if (mp_program_get_rating_unknown (program, criterion))
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_array (builder);
  add_range_end (builder, lo);
  add_range_end (builder, hi);
  json_builder_end_array (builder);
}

static void
add_program (JsonBuilder *builder,
             MpProgram   *program)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", mp_program_get_id (program));
  add_string (builder, "name", mp_program_get_name (program));
  add_string (builder, "institution", mp_program_get_institution (program));
  add_string (builder, "kind", mp_program_kind_get_key (mp_program_get_kind (program)));
  add_string (builder, "format", mp_program_format_get_key (mp_program_get_format (program)));
  add_number (builder, "duration_years", mp_program_get_duration_years (program));
  add_number (builder, "hours_per_week", mp_program_get_hours_per_week (program));
  add_number (builder, "tuition_usd", mp_program_get_tuition (program));
  json_builder_set_member_name (builder, "thesis");
  json_builder_add_boolean_value (builder, mp_program_get_thesis (program));
  add_string (builder, "note", mp_program_get_note (program));
  json_builder_set_member_name (builder, "ratings");
  json_builder_begin_object (builder);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    add_rating (builder, program, c);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

char *
mp_program_json_serialize (MpProgram * const *programs,
                           guint              n_programs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, MP_PROGRAMS_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "programs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_programs; i++)
    add_program (builder, programs[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
