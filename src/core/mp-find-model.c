/* mp-find-model.c: find in an article's text and its tables (pure GLib)
 *
 * The text and the cells are folded to lower case once, when first
 * searched, and kept as UCS-4 so that offsets count characters, as the
 * text buffer does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-find-model.h"

#include <string.h>

typedef struct {
  int        offset;
  int        key;
  GPtrArray *cells;    /* gunichar*, folded, 0-terminated */
  GArray    *lengths;  /* glong per cell */
} Table;

struct _MpFindModel
{
  GObject   parent_instance;

  gunichar *text;      /* folded */
  glong     text_len;
  GArray   *tables;    /* Table, in the order added (by offset) */
  char     *query;
  int       match_length;
  GArray   *matches;   /* MpFindMatch, in reading order */
  int       current;
};

enum { PROP_0, PROP_QUERY, PROP_N_MATCHES, PROP_CURRENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpFindModel, mp_find_model, G_TYPE_OBJECT)

static gunichar *
fold (const char *text,
      gssize      length,
      glong      *n_chars)
{
  gunichar *folded = g_utf8_to_ucs4_fast (text, length, n_chars);

  for (glong i = 0; i < *n_chars; i++)
    folded[i] = g_unichar_tolower (folded[i]);
  return folded;
}

static void
table_clear (Table *table)
{
  g_ptr_array_unref (table->cells);
  g_array_unref (table->lengths);
}

static void
set_current (MpFindModel *self,
             int          index)
{
  if (self->current == index)
    return;
  self->current = index;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static void
clear_matches (MpFindModel *self)
{
  gboolean had = self->matches->len > 0;

  g_array_set_size (self->matches, 0);
  set_current (self, -1);
  if (had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const MpFindMatch *x = a, *y = b;

  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  return (x->start > y->start) - (x->start < y->start);
}

/* Adds the places where @needle (@n characters) starts in @haystack (@len
 * of them), not overlapping. */
static void
add_matches (MpFindModel    *self,
             const gunichar *haystack,
             glong           len,
             const gunichar *needle,
             glong           n,
             MpFindMatch     prototype)
{
  for (glong i = 0; n > 0 && i + n <= len && self->matches->len < MP_FIND_MODEL_MAX_MATCHES; i++)
    {
      if (haystack[i] != needle[0] || memcmp (haystack + i, needle, n * sizeof (gunichar)) != 0)
        continue;
      prototype.start = i;
      if (prototype.table < 0)
        prototype.offset = i;
      g_array_append_val (self->matches, prototype);
      i += n - 1;
    }
}

static void
find (MpFindModel *self)
{
  g_autofree gunichar *needle = NULL;
  glong n = 0;

  needle = fold (self->query, -1, &n);
  self->match_length = n;
  add_matches (self, self->text, self->text_len, needle, n, (MpFindMatch) { 0, -1, 0, 0 });
  for (guint t = 0; t < self->tables->len; t++)
    {
      const Table *table = &g_array_index (self->tables, Table, t);

      for (guint c = 0; c < table->cells->len; c++)
        add_matches (self, g_ptr_array_index (table->cells, c), g_array_index (table->lengths, glong, c),
                     needle, n, (MpFindMatch) { table->offset, table->key, c, 0 });
    }
  g_array_sort (self->matches, compare_matches);
}

static void
mp_find_model_finalize (GObject *object)
{
  MpFindModel *self = MP_FIND_MODEL (object);

  g_free (self->text);
  g_array_unref (self->tables);
  g_array_unref (self->matches);
  g_free (self->query);
  G_OBJECT_CLASS (mp_find_model_parent_class)->finalize (object);
}

static void
mp_find_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpFindModel *self = MP_FIND_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, mp_find_model_get_query (self));
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->matches->len);
      break;
    case PROP_CURRENT:
      g_value_set_int (value, self->current);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_find_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpFindModel *self = MP_FIND_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      mp_find_model_set_query (self, g_value_get_string (value));
      break;
    case PROP_CURRENT:
      mp_find_model_set_current (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_find_model_class_init (MpFindModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_find_model_finalize;
  object_class->get_property = mp_find_model_get_property;
  object_class->set_property = mp_find_model_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURRENT] =
    g_param_spec_int ("current", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_find_model_init (MpFindModel *self)
{
  self->tables = g_array_new (FALSE, FALSE, sizeof (Table));
  g_array_set_clear_func (self->tables, (GDestroyNotify) table_clear);
  self->matches = g_array_new (FALSE, FALSE, sizeof (MpFindMatch));
  self->current = -1;
}

MpFindModel *
mp_find_model_new (void)
{
  return g_object_new (MP_TYPE_FIND_MODEL, NULL);
}

void
mp_find_model_clear (MpFindModel *self)
{
  g_return_if_fail (MP_IS_FIND_MODEL (self));

  g_clear_pointer (&self->text, g_free);
  self->text_len = 0;
  g_array_set_size (self->tables, 0);
  clear_matches (self);
  if (self->query != NULL)
    {
      g_clear_pointer (&self->query, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }
}

gboolean
mp_find_model_has_text (MpFindModel *self)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), FALSE);
  return self->text != NULL;
}

void
mp_find_model_set_text (MpFindModel *self,
                        const char  *text,
                        gssize       length)
{
  g_return_if_fail (MP_IS_FIND_MODEL (self));
  g_return_if_fail (text != NULL);

  mp_find_model_clear (self);
  self->text = fold (text, length, &self->text_len);
}

void
mp_find_model_add_table (MpFindModel        *self,
                         int                 offset,
                         int                 key,
                         const char * const *cells,
                         guint               n_cells)
{
  Table table = { offset, key, g_ptr_array_new_full (n_cells, g_free),
                  g_array_sized_new (FALSE, FALSE, sizeof (glong), n_cells) };

  g_return_if_fail (MP_IS_FIND_MODEL (self));
  /* Matches are sorted by offset; a table's must sit together. */
  g_return_if_fail (self->tables->len == 0 ||
                    g_array_index (self->tables, Table, self->tables->len - 1).offset < offset);

  for (guint i = 0; i < n_cells; i++)
    {
      glong len = 0;

      g_ptr_array_add (table.cells, fold (cells[i], -1, &len));
      g_array_append_val (table.lengths, len);
    }
  g_array_append_val (self->tables, table);
}

void
mp_find_model_set_query (MpFindModel *self,
                         const char  *query)
{
  g_return_if_fail (MP_IS_FIND_MODEL (self));

  if (query == NULL)
    query = "";
  clear_matches (self);
  if (g_strcmp0 (self->query, query) != 0)
    {
      g_free (self->query);
      self->query = g_strdup (query);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
    }
  self->match_length = 0;
  if (*query == '\0')
    return;
  find (self);
  if (self->matches->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

const char *
mp_find_model_get_query (MpFindModel *self)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), NULL);
  return self->query != NULL ? self->query : "";
}

guint
mp_find_model_get_n_matches (MpFindModel *self)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), 0);
  return self->matches->len;
}

const MpFindMatch *
mp_find_model_get_match (MpFindModel *self,
                         guint        index)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), NULL);
  g_return_val_if_fail (index < self->matches->len, NULL);
  return &g_array_index (self->matches, MpFindMatch, index);
}

int
mp_find_model_get_match_length (MpFindModel *self)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), 0);
  return self->match_length;
}

int
mp_find_model_get_current (MpFindModel *self)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), -1);
  return self->current;
}

void
mp_find_model_set_current (MpFindModel *self,
                           int          index)
{
  g_return_if_fail (MP_IS_FIND_MODEL (self));
  g_return_if_fail (index >= -1 && index < (int) self->matches->len);
  set_current (self, index);
}

int
mp_find_model_step (MpFindModel *self,
                    int          direction)
{
  int n;

  g_return_val_if_fail (MP_IS_FIND_MODEL (self), -1);

  n = self->matches->len;
  if (n == 0)
    return -1;
  if (self->current < 0)
    set_current (self, direction > 0 ? 0 : n - 1);
  else
    set_current (self, ((self->current + direction) % n + n) % n);
  return self->current;
}

int
mp_find_model_first_from (MpFindModel *self,
                          int          offset)
{
  g_return_val_if_fail (MP_IS_FIND_MODEL (self), -1);

  if (self->matches->len == 0)
    return -1;
  for (guint i = 0; i < self->matches->len; i++)
    if (g_array_index (self->matches, MpFindMatch, i).offset >= offset)
      return i;
  return 0;
}

guint
mp_find_model_get_table_matches (MpFindModel *self,
                                 int          offset,
                                 int          key,
                                 guint       *first)
{
  guint low = 0, high, n = 0;

  g_return_val_if_fail (MP_IS_FIND_MODEL (self), 0);

  high = self->matches->len;
  /* The table's matches sit together, in order, at its offset. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->matches, MpFindMatch, mid).offset < offset)
        low = mid + 1;
      else
        high = mid;
    }
  while (low + n < self->matches->len &&
         g_array_index (self->matches, MpFindMatch, low + n).table == key)
    n++;
  if (first != NULL)
    *first = low;
  return n;
}
