/* mp-program-json-stream.c: programs JSON read as it streams by, one
 * program's tree at a time, with the tree reader's checks and messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-json.h"
#include "mp-program-json-private.h"

#include <glib/gi18n.h>
#include <string.h>
#include <yajl/yajl_parse.h>

/* The tree reader costs about ten bytes of memory a byte of text. */
static gsize tree_limit = 32 * 1024 * 1024;

/* YAJL hands over the text event by event. The root's own values are kept
 * as stand-ins (their kind is all the head's messages need), each program is
 * built as a small json-glib tree, checked, handed to the sink and freed. */
typedef struct {
  const MpProgramSource *source;
  MpProgramJsonReader   *reader;
  MpProgramSink          sink;
  gpointer               user_data;
  guint                  depth;       /* containers open around the next event */
  JsonNode              *root;        /* stand-in for the root */
  char                  *key;         /* the member name waiting for its value */
  char                  *version_token;
  guint                  n_versions;
  guint                  n_lists;     /* "programs" members seen */
  gboolean               in_programs; /* depth 2 holds the programs */
  GPtrArray             *stack;       /* one program's open containers; owns the first */
  guint                  index;
  GError                *program_error;
  GPtrArray             *skipped;
  GError                *sink_error;
  gboolean               restart;
  yajl_handle            handle;
  gsize                  root_end;    /* just after the root value */
  gssize                 trailing;    /* text after it, or -1 */
} Stream;

void
mp_program_json_set_tree_limit (gsize bytes)
{
  tree_limit = bytes;
}

static void
stream_clear (Stream *s)
{
  g_clear_pointer (&s->reader, mp_program_json_reader_free);
  g_clear_pointer (&s->root, json_node_unref);
  g_clear_pointer (&s->key, g_free);
  g_clear_pointer (&s->version_token, g_free);
  if (s->stack != NULL && s->stack->len > 0)
    json_node_unref (g_ptr_array_index (s->stack, 0));
  g_clear_pointer (&s->stack, g_ptr_array_unref);
  g_clear_pointer (&s->skipped, g_ptr_array_unref);
  g_clear_error (&s->program_error);
  g_clear_error (&s->sink_error);
}

static JsonNode *
container_new (JsonNodeType type)
{
  JsonNode *node = json_node_alloc ();

  if (type == JSON_NODE_OBJECT)
    json_node_take_object (json_node_init (node, JSON_NODE_OBJECT), json_object_new ());
  else
    json_node_take_array (json_node_init (node, JSON_NODE_ARRAY), json_array_new ());
  return node;
}

/* A whole number as json-glib reads it: unsigned, saturated at 2^64 - 1,
 * then negated and wrapped to 64 bits (so 1e20 written out reads as -1). */
static JsonNode *
number_new (const char *token)
{
  if (strpbrk (token, ".eE") != NULL)
    return json_node_init_double (json_node_alloc (), g_ascii_strtod (token, NULL));
  if (token[0] == '-')
    return json_node_init_int (json_node_alloc (),
                               (gint64) (0 - g_ascii_strtoull (token + 1, NULL, 10)));
  return json_node_init_int (json_node_alloc (), (gint64) g_ascii_strtoull (token, NULL, 10));
}

static gboolean
is_key (Stream     *s,
        const char *name)
{
  return s->key != NULL && strcmp (s->key, name) == 0;
}

/* Program @index is complete: check it, hand it over, forget it. */
static gboolean
finish_program (Stream   *s,
                JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  MpProgramFields fields;
  gboolean ok = TRUE;

  if (s->program_error == NULL)
    {
      if (mp_program_json_reader_read_program (s->reader, node, s->index, &fields, &error))
        ok = s->sink (&fields, s->user_data, &s->sink_error);
      else if (s->skipped != NULL)
        g_ptr_array_add (s->skipped, g_strdup (error->message));
      else
        s->program_error = g_steal_pointer (&error);
    }
  s->index++;
  json_node_unref (node);
  return ok;
}

/* A value directly in the root object: the version is kept (the last one
 * counts, as in json-glib), "programs" by its kind. */
static gboolean
root_member (Stream   *s,
             JsonNode *node)
{
  JsonObject *root = json_node_get_object (s->root);

  if (is_key (s, "programs"))
    {
      /* json-glib keeps the last of two lists: leave that to the tree. */
      if (++s->n_lists > 1)
        {
          s->restart = TRUE;
          json_node_unref (node);
          return FALSE;
        }
      s->in_programs = JSON_NODE_HOLDS_ARRAY (node);
      json_object_set_member (root, "programs", node);
    }
  else if (is_key (s, "schema_version"))
    {
      s->n_versions++;
      json_object_set_member (root, "schema_version", node);
    }
  else
    json_node_unref (node);
  g_clear_pointer (&s->key, g_free);
  return TRUE;
}

/* A scalar value, or a container just opened (@opens). */
static gboolean
add_value (Stream   *s,
           JsonNode *node,
           gboolean  opens)
{
  if (s->stack->len > 0)
    {
      JsonNode *parent = g_ptr_array_index (s->stack, s->stack->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (parent))
        json_object_set_member (json_node_get_object (parent), s->key, node);
      else
        json_array_add_element (json_node_get_array (parent), node);
      g_clear_pointer (&s->key, g_free);
      if (opens)
        g_ptr_array_add (s->stack, node);
      return TRUE;
    }
  if (s->depth == 2 && s->in_programs)
    {
      if (!opens)
        return finish_program (s, node);
      g_ptr_array_add (s->stack, node);
      return TRUE;
    }
  if (s->depth == 0)
    {
      s->root = node;
      s->root_end = yajl_get_bytes_consumed (s->handle);
      return TRUE;
    }
  if (s->depth == 1 && JSON_NODE_HOLDS_OBJECT (s->root))
    return root_member (s, node); /* a container stands in empty: nothing joins it */
  json_node_unref (node);
  return TRUE;
}

static int
on_null (void *s)
{
  return add_value (s, json_node_init_null (json_node_alloc ()), FALSE);
}

static int
on_boolean (void *s,
            int   value)
{
  return add_value (s, json_node_init_boolean (json_node_alloc (), value), FALSE);
}

static int
on_number (void       *data,
           const char *text,
           size_t      length)
{
  Stream *s = data;
  char buffer[64];
  g_autofree char *long_token = length < sizeof buffer ? NULL : g_strndup (text, length);
  char *token = long_token;

  if (token == NULL)
    {
      memcpy (buffer, text, length);
      buffer[length] = '\0';
      token = buffer;
    }
  if (s->depth == 1 && s->stack->len == 0 && is_key (s, "schema_version"))
    {
      g_free (s->version_token);
      s->version_token = g_strdup (token);
    }
  return add_value (s, number_new (token), FALSE);
}

/* Strings end at a NUL as json-glib's do ("\u0000"). */
static int
on_string (void                *s,
           const unsigned char *text,
           size_t               length)
{
  g_autofree char *value = g_strndup ((const char *) text, length);

  return add_value (s, json_node_init_string (json_node_alloc (), value), FALSE);
}

static int
on_key (void                *data,
        const unsigned char *text,
        size_t               length)
{
  Stream *s = data;

  g_free (s->key);
  s->key = g_strndup ((const char *) text, length);
  return TRUE;
}

static int
open_container (Stream       *s,
                JsonNodeType  type)
{
  gboolean ok = add_value (s, container_new (type), TRUE);

  s->depth++;
  return ok;
}

static int
on_start_map (void *s)
{
  return open_container (s, JSON_NODE_OBJECT);
}

static int
on_start_array (void *s)
{
  return open_container (s, JSON_NODE_ARRAY);
}

static int
on_end (void *data)
{
  Stream *s = data;

  s->depth--;
  if (s->depth == 0)
    s->root_end = yajl_get_bytes_consumed (s->handle);
  if (s->stack->len == 1)
    {
      JsonNode *program = g_ptr_array_steal_index (s->stack, 0);

      return finish_program (s, program);
    }
  if (s->stack->len > 0)
    g_ptr_array_set_size (s->stack, s->stack->len - 1);
  else if (s->depth == 1)
    s->in_programs = FALSE;
  return TRUE;
}

static const yajl_callbacks callbacks = {
  on_null, on_boolean, NULL, NULL, on_number, on_string,
  on_start_map, on_key, on_end, on_start_array, on_end,
};

/* json-glib refuses an escaped surrogate that is not half of a pair, where
 * YAJL would decode it. Returns the offset of the first such escape, or -1. */
static gssize
find_lone_surrogate (const char *data,
                     gsize       length)
{
  const char *end = data + length;
  const char *high = NULL;

  for (const char *p = memchr (data, '\\', length); p != NULL;
       p = p < end ? memchr (p, '\\', end - p) : NULL)
    {
      const char *run = p;
      guint value = 0;

      while (p < end && *p == '\\')
        p++;
      if ((p - run) % 2 == 0 || p + 5 > end || *p != 'u')
        {
          if (high != NULL)
            return high - data;
          continue;
        }
      for (guint k = 1; k <= 4; k++)
        value = value * 16 + (g_ascii_isxdigit (p[k]) ? g_ascii_xdigit_value (p[k]) : 0);
      if ((high != NULL) != (value >= 0xDC00 && value <= 0xDFFF))
        return (high != NULL ? high : p - 1) - data;
      high = value >= 0xD800 && value <= 0xDBFF ? p - 1 : NULL;
      /* The low half must follow at once. */
      if (high != NULL && (p + 6 >= end || p[5] != '\\'))
        return high - data;
      p += 5;
    }
  return high != NULL ? high - data : -1;
}

static void
set_surrogate_error (const MpProgramSource  *source,
                     gsize                   offset,
                     GError                **error)
{
  g_autofree char *escape = g_strndup (source->data + offset, 6);
  guint line, column;

  mp_program_io_position (source->data, offset, &line, &column);
  mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line, column,
                           _("“%s” is half of a UTF-16 surrogate pair without its other half; "
                             "write the character itself instead"), escape);
}

/* YAJL takes a form feed or a vertical tab for a space, json-glib refuses
 * it anywhere (and YAJL inside a string): the offset of the first, or -1. */
static gssize
find_stray_space (const char *data,
                  gsize       length)
{
  const char *ff = memchr (data, '\f', length);
  const char *vt = memchr (data, '\v', ff != NULL ? (gsize) (ff - data) : length);

  return vt != NULL ? vt - data : ff != NULL ? ff - data : -1;
}

/* Over the limit, a syntax error is placed where YAJL stopped (or at
 * @stray, a stray space YAJL would let pass). */
static void
set_stream_syntax_error (const MpProgramSource  *source,
                         yajl_handle             handle,
                         gssize                  stray,
                         const char             *stray_reason,
                         GError                **error)
{
  gssize unclosed = mp_program_json_find_unclosed (source->data, source->length);
  g_autofree unsigned char *reason = NULL;
  gsize offset;
  guint line, column;

  if (unclosed >= 0)
    {
      mp_program_json_set_unclosed_error (source, unclosed, error);
      return;
    }
  if (stray >= 0)
    reason = (unsigned char *) g_strdup (stray_reason);
  else
    reason = yajl_get_error (handle, FALSE, (const unsigned char *) source->data,
                             source->length);
  offset = stray >= 0 ? (gsize) stray : MIN (yajl_get_bytes_consumed (handle), source->length);
  mp_program_io_position (source->data, offset, &line, &column);
  mp_program_io_set_error (error, MP_PROGRAM_JSON_ERROR_SYNTAX, source, line, column,
                           _("not valid JSON here (%s); files over %u MB must be strict "
                             "JSON: check for a missing comma, quote or bracket"),
                           g_strchomp ((char *) reason),
                           (guint) (tree_limit / (1024 * 1024)));
}

/* After the whole text: the head's checks, then the first bad program. */
static gboolean
finish (Stream  *s,
        GError **error)
{
  mp_program_json_reader_set_version_token (s->reader, s->version_token, s->n_versions);
  if (mp_program_json_reader_read_head (s->reader, s->root, error) == NULL)
    return FALSE;
  if (s->program_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&s->program_error));
      return FALSE;
    }
  for (guint i = 0; s->skipped != NULL && i < s->skipped->len; i++)
    g_ptr_array_add (s->source->skipped, g_strdup (g_ptr_array_index (s->skipped, i)));
  return TRUE;
}

/* YAJL's verdict on the text; the stream's state holds the rest. */
static yajl_status
stream_parse (Stream       *s,
              yajl_handle  *handle)
{
  yajl_status status;

  *handle = s->handle = yajl_alloc (&callbacks, NULL, s);
  status = yajl_parse (*handle, (const unsigned char *) s->source->data, s->source->length);
  if (status == yajl_status_ok)
    status = yajl_complete_parse (*handle);
  /* YAJL lets an unfinished token after the root pass: only blanks may follow. */
  for (gsize i = s->root_end; status == yajl_status_ok && i < s->source->length; i++)
    {
      if (strchr (" \t\r\n", s->source->data[i]) == NULL)
        {
          s->trailing = i;
          status = yajl_status_error;
        }
    }
  return status;
}

gboolean
mp_program_json_read_each (const MpProgramSource  *caller_source,
                           MpProgramSink           sink,
                           MpProgramRestart        restart,
                           gpointer                user_data,
                           GError                **error)
{
  MpProgramSource own_source = *caller_source;
  Stream s = { &own_source, NULL, sink, user_data, };
  yajl_handle handle = NULL;
  yajl_status status;
  gssize lone, stray;
  gboolean ok;

  g_return_val_if_fail (caller_source != NULL && sink != NULL, FALSE);

  own_source.domain = MP_PROGRAM_JSON_ERROR;
  s.trailing = -1;
  if (!mp_program_json_check_text (&own_source, error))
    return FALSE;
  lone = find_lone_surrogate (own_source.data, own_source.length);
  if (lone >= 0 && own_source.length <= tree_limit)
    return mp_program_json_read_tree (caller_source, sink, user_data, error);
  if (lone >= 0)
    {
      set_surrogate_error (&own_source, lone, error);
      return FALSE;
    }
  stray = find_stray_space (own_source.data, own_source.length);
  if (stray >= 0 && own_source.length <= tree_limit)
    return mp_program_json_read_tree (caller_source, sink, user_data, error);
  if (stray >= 0)
    {
      set_stream_syntax_error (&own_source, NULL, stray, "a form feed or vertical tab", error);
      return FALSE;
    }
  s.reader = mp_program_json_reader_new (&own_source);
  s.stack = g_ptr_array_new ();
  if (own_source.skipped != NULL)
    s.skipped = g_ptr_array_new_with_free_func (g_free);
  status = stream_parse (&s, &handle);
  if (s.sink_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&s.sink_error));
      ok = FALSE;
    }
  else if (s.restart || (status != yajl_status_ok && own_source.length <= tree_limit))
    {
      if (s.index > 0 && restart != NULL)
        restart (user_data);
      ok = mp_program_json_read_tree (caller_source, sink, user_data, error);
    }
  else if (status != yajl_status_ok)
    {
      set_stream_syntax_error (&own_source, handle, s.trailing, "text after the end", error);
      ok = FALSE;
    }
  else
    ok = finish (&s, error);
  yajl_free (handle);
  stream_clear (&s);
  return ok;
}
