/* mp-program-table.c: many programs packed in plain arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-table.h"

#include <math.h>
#include <string.h>

#include "mp-program-csv.h"
#include "mp-program-json.h"
#include "mp-program-rules.h"
#include "mp-utils.h"

/* Every reader keeps numbers to four decimals (mp_program_rules_round()),
 * so a rating is a whole number of ten-thousandths and comes back exact. */
#define RATING_UNITS 10000.0

typedef struct {
  gsize   id;       /* offsets into the table's text */
  gsize   name;
  gsize   folded;
  double  duration_years;
  double  hours_per_week;
  double  tuition;
  guint32 lo[MP_N_CRITERIA];
  guint32 hi[MP_N_CRITERIA];
  guint8  kind;
} Row;

struct _MpProgramTable
{
  GArray  *rows;
  GString *text;
};

MpProgramTable *
mp_program_table_new (void)
{
  MpProgramTable *self = g_new0 (MpProgramTable, 1);

  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->text = g_string_new (NULL);
  return self;
}

void
mp_program_table_free (MpProgramTable *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->rows);
  g_string_free (self->text, TRUE);
  g_free (self);
}

static gsize
add_text (MpProgramTable *self,
          const char     *text,
          gssize          length)
{
  gsize offset = self->text->len;

  g_string_append_len (self->text, text, length >= 0 ? length : (gssize) strlen (text));
  g_string_append_c (self->text, '\0');
  return offset;
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p >= 0x80)
        return FALSE;
    }
  return TRUE;
}

/* ASCII names (nearly all) fold to their lower case without an allocation;
 * a name that folds to itself shares its text. */
static gsize
add_folded (MpProgramTable *self,
            const char     *name,
            gsize           name_offset)
{
  g_autofree char *folded = NULL;
  gsize offset;

  if (!is_ascii (name))
    {
      folded = g_utf8_casefold (name, -1);
      return strcmp (folded, name) == 0 ? name_offset : add_text (self, folded, -1);
    }
  offset = self->text->len;
  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (self->text, g_ascii_tolower (*p));
  g_string_append_c (self->text, '\0');
  if (strcmp (self->text->str + offset, self->text->str + name_offset) != 0)
    return offset;
  g_string_truncate (self->text, offset);
  return name_offset;
}

void
mp_program_table_append (MpProgramTable        *self,
                         const MpProgramFields *fields)
{
  Row row = { 0, };

  g_return_if_fail (self != NULL && fields != NULL);

  row.id = add_text (self, fields->id, -1);
  row.name = add_text (self, fields->name, -1);
  row.folded = add_folded (self, fields->name, row.name);
  row.kind = fields->kind;
  row.duration_years = fields->duration_years;
  row.hours_per_week = fields->hours_per_week;
  row.tuition = fields->tuition;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      row.lo[c] = (guint32) llround (fields->rating_lo[c] * RATING_UNITS);
      row.hi[c] = (guint32) llround (fields->rating_hi[c] * RATING_UNITS);
    }
  g_array_append_val (self->rows, row);
}

void
mp_program_table_append_program (MpProgramTable *self,
                                 MpProgram      *program)
{
  MpProgramFields fields;

  g_return_if_fail (MP_IS_PROGRAM (program));

  mp_program_io_get_fields (program, &fields);
  mp_program_table_append (self, &fields);
}

static gboolean
append_fields (const MpProgramFields  *fields,
               gpointer                self,
               GError                **error)
{
  mp_program_table_append (self, fields);
  return TRUE;
}

static gboolean
is_json (const MpProgramSource *source)
{
  for (gsize i = 0; i < source->length; i++)
    {
      char c = source->data[i];

      if (c == '{' || c == '[')
        return TRUE;
      if (!g_ascii_isspace (c))
        break;
    }
  return FALSE;
}

/* A stream reader that starts over drops the rows it gave. */
typedef struct {
  MpProgramTable *table;
  guint           n_rows;
  gsize           text_len;
} Mark;

static void
restart (gpointer data)
{
  Mark *mark = data;

  g_array_set_size (mark->table->rows, mark->n_rows);
  g_string_truncate (mark->table->text, mark->text_len);
}

static gboolean
append_marked (const MpProgramFields  *fields,
               gpointer                data,
               GError                **error)
{
  mp_program_table_append (((Mark *) data)->table, fields);
  return TRUE;
}

/* Neither format makes an object or a tree per program: CSV rows and
 * streamed JSON programs go straight into the table. */
static gboolean
read_source (MpProgramTable         *self,
             const MpProgramSource  *source,
             GError                **error)
{
  Mark mark = { self, self->rows->len, self->text->len };

  if (!is_json (source))
    return mp_program_csv_read_each (source, append_fields, self, error);
  return mp_program_json_read_each (source, append_marked, restart, &mark, error);
}

/* A regular file is mapped, not read: no copy, no buffer grown by doubling
 * (a million programs are half a gigabyte of JSON). Anything else, and
 * every failure, goes through the store's read and its messages. */
static GBytes *
load_bytes (GFile   *file,
            GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GMappedFile) mapped = NULL;

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped != NULL)
    return g_mapped_file_get_bytes (mapped);
  return mp_program_io_read_file (file, MP_PROGRAM_CSV_ERROR, MP_PROGRAM_CSV_ERROR_SYNTAX,
                                  error);
}

gboolean
mp_program_table_load_file (MpProgramTable  *self,
                            GFile           *file,
                            GError         **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) taken = NULL;
  MpProgramSource source;
  const char *data;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The messages are the store's: its import reads the file the same way. */
  bytes = load_bytes (file, error);
  if (bytes == NULL)
    return FALSE;
  name = mp_utils_file_display_name (file);
  taken = g_hash_table_new (g_str_hash, g_str_equal);
  data = g_bytes_get_data (bytes, &length);
  mp_program_io_source_init (&source, name, data != NULL ? data : "", length, taken);
  return read_source (self, &source, error);
}

guint
mp_program_table_get_n (MpProgramTable *self)
{
  return self->rows->len;
}

static inline const Row *
row_at (MpProgramTable *self,
        guint           row)
{
  g_assert (row < self->rows->len);
  return &g_array_index (self->rows, Row, row);
}

const char *
mp_program_table_get_id (MpProgramTable *self,
                         guint           row)
{
  return self->text->str + row_at (self, row)->id;
}

const char *
mp_program_table_get_name (MpProgramTable *self,
                           guint           row)
{
  return self->text->str + row_at (self, row)->name;
}

const char *
mp_program_table_get_folded_name (MpProgramTable *self,
                                  guint           row)
{
  return self->text->str + row_at (self, row)->folded;
}

MpProgramKind
mp_program_table_get_kind (MpProgramTable *self,
                           guint           row)
{
  return row_at (self, row)->kind;
}

void
mp_program_table_get_rating_range (MpProgramTable *self,
                                   guint           row,
                                   MpCriterion     criterion,
                                   double         *lo,
                                   double         *hi)
{
  const Row *r = row_at (self, row);

  g_return_if_fail (criterion < MP_N_CRITERIA);
  *lo = r->lo[criterion] / RATING_UNITS;
  *hi = r->hi[criterion] / RATING_UNITS;
}

/* As MpProgram computes its middle, so that scores match to the bit. */
double
mp_program_table_get_rating (MpProgramTable *self,
                             guint           row,
                             MpCriterion     criterion)
{
  double lo, hi;

  mp_program_table_get_rating_range (self, row, criterion, &lo, &hi);
  return lo == hi ? lo : (lo + hi) / 2;
}

double
mp_program_table_get_duration_years (MpProgramTable *self,
                                     guint           row)
{
  return row_at (self, row)->duration_years;
}

double
mp_program_table_get_hours_per_week (MpProgramTable *self,
                                     guint           row)
{
  return row_at (self, row)->hours_per_week;
}

double
mp_program_table_get_tuition (MpProgramTable *self,
                              guint           row)
{
  return row_at (self, row)->tuition;
}
