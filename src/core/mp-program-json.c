/* mp-program-json.c: programs JSON, read with positions and written back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-json.h"
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

typedef struct {
  const MpProgramSource *source;
  GHashTable            *positions; /* path → byte offset + 1; NULL until an error */
  GHashTable            *file_ids;  /* id → path of its value */
} Reader;

/* json-glib's tree carries no positions, so when a value turns out wrong a
 * second, tolerant walk over the accepted text records where each value
 * starts, keyed by its path ("/programs/3/ratings/faculty"). */
typedef struct {
  const char *start;
  const char *p;
  const char *end;
  GHashTable *positions;
  GString    *path;
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
  g_hash_table_insert (w->positions, g_strdup (w->path->str),
                       GSIZE_TO_POINTER (w->p - w->start + 1));
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
static gssize
find_unclosed (const char *data,
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
                        NULL, walk_path };

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

static char *
member_path (const char *parent,
             const char *name)
{
  return g_strconcat (parent, "/", name, NULL);
}

/* Finds member @name of @object; a missing required member is an error
 * placed at the object. */
static JsonNode *
require_member (Reader      *r,
                JsonObject  *object,
                const char  *path,
                const char  *name,
                const char  *what,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                 _("%s has no “%s”"), what, name);
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
  g_autofree char *value_path = member_path (path, name);

  *out = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL)
    return require_member (r, object, path, name, _("This program"), error) != NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("“%s” must be a string, not %s"), name, describe_node (node));
  *out = json_node_get_string (node);
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
  g_autofree char *value_path = member_path (path, name);
  guint line, column;

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
  g_autofree char *value_path = member_path (path, name);
  gboolean is_kind = strcmp (name, "kind") == 0;
  const char *key;
  gboolean found;

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
         const char **id,
         GError     **error)
{
  g_autofree char *value_path = member_path (path, "id");
  const char *first;
  guint line, column;

  if (!read_string (r, object, path, "id", TRUE, id, error))
    return FALSE;
  first = g_hash_table_lookup (r->file_ids, *id);
  if (first != NULL)
    {
      reader_position (r, first, &line, &column);
      return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                          _("the id “%s” is used twice (first at line %u)"), *id, line);
    }
  if (r->source->taken_ids != NULL && g_hash_table_contains (r->source->taken_ids, *id))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, value_path, error,
                        _("the id “%s” is already in the list; give this program another id"),
                        *id);
  g_hash_table_insert (r->file_ids, g_strdup (*id), g_strdup (value_path));
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
      reader_position (r, end_path, &line, &column);
      if (!mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, range[k]) &&
          !mp_program_io_check_range (r->source, line, column, key, MP_PROGRAM_VALUE_RATING,
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
read_rating (Reader      *r,
             JsonObject  *ratings,
             const char  *path,
             MpCriterion  criterion,
             MpProgram   *program,
             GError     **error)
{
  const char *key = mp_criterion_get_key (criterion);
  JsonNode *node = json_object_get_member (ratings, key);
  g_autofree char *value_path = member_path (path, key);
  double value, range[2];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      mp_program_set_rating_unknown (program, criterion);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      if (!read_rating_range (r, json_node_get_array (node), value_path, key, range, error))
        return FALSE;
      mp_program_set_rating_range (program, criterion, range[0], range[1]);
      return TRUE;
    }
  if (!read_number (r, ratings, path, key, _("“ratings”"), MP_PROGRAM_VALUE_RATING, &value,
                    error))
    return FALSE;
  mp_program_set_rating (program, criterion, value);
  return TRUE;
}

static gboolean
read_ratings (Reader      *r,
              JsonObject  *object,
              const char  *path,
              MpProgram   *program,
              GError     **error)
{
  JsonNode *node = require_member (r, object, path, "ratings", _("This program"), error);
  g_autofree char *ratings_path = member_path (path, "ratings");

  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, ratings_path, error,
                        _("“ratings” must be an object, not %s"), describe_node (node));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    if (!read_rating (r, json_node_get_object (node), ratings_path, c, program, error))
      return FALSE;
  return TRUE;
}

static gboolean
read_facts (Reader      *r,
            JsonObject  *object,
            const char  *path,
            MpProgram   *program,
            GError     **error)
{
  g_autofree char *thesis_path = member_path (path, "thesis");
  const char *institution, *note;
  JsonNode *thesis;
  int kind, format;

  if (!read_string (r, object, path, "institution", FALSE, &institution, error) ||
      !read_enum (r, object, path, "kind", &kind, error) ||
      !read_enum (r, object, path, "format", &format, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (fact_fields); i++)
    {
      double value;

      if (!read_number (r, object, path, fact_fields[i], _("This program"), fact_values[i],
                        &value, error))
        return FALSE;
      mp_program_io_set_fact (program, fact_fields[i], value);
    }
  thesis = json_object_get_member (object, "thesis");
  if (thesis != NULL && (!JSON_NODE_HOLDS_VALUE (thesis) ||
                         json_node_get_value_type (thesis) != G_TYPE_BOOLEAN))
    return reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, thesis_path, error,
                        _("“thesis” must be true or false, not %s"), describe_node (thesis));
  if (!read_string (r, object, path, "note", FALSE, &note, error))
    return FALSE;
  mp_program_set_institution (program, institution);
  mp_program_set_kind (program, kind);
  mp_program_set_format (program, format);
  mp_program_set_thesis (program, thesis != NULL && json_node_get_boolean (thesis));
  mp_program_set_note (program, note);
  return TRUE;
}

static MpProgram *
read_program (Reader    *r,
              JsonNode  *node,
              guint      index,
              GError   **error)
{
  g_autofree char *path = g_strdup_printf ("/programs/%u", index);
  g_autoptr(MpProgram) program = NULL;
  JsonObject *object;
  const char *id, *name;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, path, error,
                   _("each program must be an object, not %s"), describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_id (r, object, path, &id, error) ||
      !read_string (r, object, path, "name", TRUE, &name, error))
    return NULL;
  program = mp_program_new (id, name);
  if (!read_facts (r, object, path, program, error) ||
      !read_ratings (r, object, path, program, error))
    return NULL;
  return g_steal_pointer (&program);
}

/* The value at @path as written in the file ("1.0", "99999999999999999999"),
 * for messages that quote it. */
static char *
reader_literal (Reader     *r,
                const char *path)
{
  guint line, column;
  gpointer offset;
  const char *start, *end = r->source->data + r->source->length;
  const char *p;

  reader_position (r, path, &line, &column);
  offset = g_hash_table_lookup (r->positions, path);
  if (offset == NULL)
    return g_strdup ("?");
  start = r->source->data + GPOINTER_TO_SIZE (offset) - 1;
  for (p = start; p < end && p - start < 40 && strchr (",]}: \t\r\n", *p) == NULL; p++)
    ;
  return g_strndup (start, p - start);
}

static gboolean
read_version (Reader      *r,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *node = require_member (r, root, "", "schema_version", _("The file"), error);
  gint64 version;

  if (node == NULL)
    return FALSE;
  if (node_is_number (node))
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

static GPtrArray *
read_root (Reader    *r,
           JsonNode  *root,
           GError   **error)
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *list;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "", error,
                   _("a programs file must be an object with “schema_version” and "
                     "“programs”, not %s"), root != NULL ? describe_node (root) : _("nothing"));
      return NULL;
    }
  if (!read_version (r, json_node_get_object (root), error))
    return NULL;
  list = require_member (r, json_node_get_object (root), "", "programs", _("The file"), error);
  if (list == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      reader_fail (r, MP_PROGRAM_JSON_ERROR_INVALID, "/programs", error,
                   _("“programs” must be an array, not %s"), describe_node (list));
      return NULL;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) program_error = NULL;
      MpProgram *program = read_program (r, json_array_get_element (array, i), i, &program_error);

      if (program != NULL)
        g_ptr_array_add (programs, program);
      else if (r->source->skipped != NULL)
        g_ptr_array_add (r->source->skipped, g_strdup (program_error->message));
      else
        {
          g_propagate_error (error, g_steal_pointer (&program_error));
          return NULL;
        }
    }
  return g_steal_pointer (&programs);
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

/* json-glib says "<data>:LINE:COLUMN: Parse error: …"; keep its position
 * and text, and name the file instead. A file cut short gets a clearer
 * message than json-glib's. */
static void
set_syntax_error (const MpProgramSource  *source,
                  const GError           *json_error,
                  GError                **error)
{
  const char *message = json_error->message;
  gssize unclosed = find_unclosed (source->data, source->length);
  guint line = 0, byte_column = 0;
  int consumed = 0;

  if (unclosed >= 0)
    {
      guint open_line, open_column, end_column;

      mp_program_io_position (source->data, unclosed, &open_line, &open_column);
      mp_program_io_position (source->data, source->length, &line, &end_column);
      mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line, end_column,
                               _("the file ends before the “%c” at %u:%u is closed; "
                                 "it may be cut short"),
                               source->data[unclosed], open_line, open_column);
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

static gboolean
check_json_text (const MpProgramSource  *source,
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

GPtrArray *
mp_program_json_parse (const MpProgramSource  *caller_source,
                       GError                **error)
{
  MpProgramSource own_source = *caller_source;
  const MpProgramSource *source = &own_source;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) json_error = NULL;
  Reader reader = { source, NULL, file_ids };
  GPtrArray *programs;

  own_source.domain = MP_PROGRAM_JSON_ERROR;
  if (!check_json_text (source, error))
    return NULL;
  if (!json_parser_load_from_data (parser, source->data, source->length, &json_error))
    {
      set_syntax_error (source, json_error, error);
      return NULL;
    }
  programs = read_root (&reader, json_parser_get_root (parser), error);
  g_clear_pointer (&reader.positions, g_hash_table_unref);
  return programs;
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
