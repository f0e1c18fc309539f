/* mp-program-csv.c: programs as CSV (RFC 4180), the header row naming the
 * columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-program-csv.h"
#include "mp-program-rules.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (mp-program-csv-error-quark, mp_program_csv_error)

typedef enum {
  COL_ID,
  COL_NAME,
  COL_INSTITUTION,
  COL_KIND,
  COL_FORMAT,
  COL_DURATION_YEARS,
  COL_HOURS_PER_WEEK,
  COL_TUITION_USD,
  COL_THESIS,
  COL_NOTE,
  COL_RATING_FIRST,
  N_COLUMNS = COL_RATING_FIRST + MP_N_CRITERIA,
  COL_IGNORED = N_COLUMNS,
} Column;

static const char * const column_names[N_COLUMNS] = {
  "id", "name", "institution", "kind", "format", "duration_years", "hours_per_week",
  "tuition_usd", "thesis", "note", "faculty", "scholarship", "funding", "flexibility", "brand",
};

static const gboolean column_required[N_COLUMNS] = {
  FALSE, TRUE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE,
};

typedef struct {
  char     *text;
  gsize     offset;
  gboolean  quoted;
} Cell;

typedef struct {
  const MpProgramSource *source;
  GArray                *header;           /* of Cell */
  int                    where[N_COLUMNS]; /* column → cell index, or -1 */
  GHashTable            *file_ids;         /* id → offset of its cell */
  GHashTable            *next_suffix;      /* slug → next "-N" to try */
} CsvReader;

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static gboolean
fail_at (CsvReader   *r,
         int          code,
         gsize        offset,
         GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (5, 6);

static gboolean
fail_at (CsvReader   *r,
         int          code,
         gsize        offset,
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
  mp_program_io_position (r->source->data, offset, &line, &column);
  mp_program_io_set_error (error, code, r->source, line, column, "%s", message);
  return FALSE;
}

/* Reads one field at *pos; leaves *pos on the separator or line end. */
static gboolean
read_field (CsvReader  *r,
            gsize      *pos,
            Cell       *cell,
            GError    **error)
{
  const char *data = r->source->data;
  gsize len = r->source->length;
  GString *text;
  gsize p = *pos;

  cell->offset = p;
  cell->quoted = p < len && data[p] == '"';
  if (!cell->quoted)
    {
      /* The common field: one copy, no growing string. */
      while (p < len && data[p] != ',' && data[p] != '\r' && data[p] != '\n')
        p++;
      cell->text = g_strndup (data + *pos, p - *pos);
      *pos = p;
      return TRUE;
    }
  text = g_string_new (NULL);
  for (p++;; p++)
    {
      if (p >= len)
        {
          g_string_free (text, TRUE);
          return fail_at (r, MP_PROGRAM_CSV_ERROR_SYNTAX, cell->offset, error,
                          _("the quoted field that starts here is never closed"));
        }
      if (data[p] == '"' && p + 1 < len && data[p + 1] == '"')
        p++;
      else if (data[p] == '"')
        break;
      g_string_append_c (text, data[p]);
    }
  p++;
  if (p < len && strchr (",\r\n", data[p]) == NULL)
    {
      g_string_free (text, TRUE);
      return fail_at (r, MP_PROGRAM_CSV_ERROR_SYNTAX, p, error,
                      _("unexpected text after a closing quote; a quote inside a "
                        "quoted field is written twice (\"\")"));
    }
  cell->text = g_string_free (text, FALSE);
  *pos = p;
  return TRUE;
}

/* Reads the next row that is not blank at *pos into @cells: 1, or 0 at
 * the end of the text, or -1 with @error. Rows are read one at a time, so
 * that a large file never holds all its cells at once. */
static int
next_row (CsvReader  *r,
          gsize      *pos,
          GArray     *cells,
          GError    **error)
{
  const char *data = r->source->data;
  gsize len = r->source->length;

  while (*pos < len)
    {
      Cell *first;

      g_array_set_size (cells, 0);
      for (;;)
        {
          Cell cell;

          if (!read_field (r, pos, &cell, error))
            return -1;
          g_array_append_val (cells, cell);
          if (*pos < len && data[*pos] == ',')
            (*pos)++;
          else
            break;
        }
      if (*pos < len && data[*pos] == '\r')
        (*pos)++;
      if (*pos < len && data[*pos] == '\n')
        (*pos)++;
      first = &g_array_index (cells, Cell, 0);
      /* Blank lines (spreadsheets leave some at the end) are no rows. */
      if (cells->len == 1 && !first->quoted && g_strstrip (first->text)[0] == '\0')
        continue;
      return 1;
    }
  return 0;
}

static GArray *
cells_new (void)
{
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (Cell));

  g_array_set_clear_func (cells, cell_clear);
  return cells;
}

static Column
column_from_name (const char *name)
{
  MpCriterion c;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (strcmp (column_names[i], name) == 0)
        return i;
    }
  /* Columns of an exported ranking, so that an export imports again. */
  if (strcmp (name, "rank") == 0 || strcmp (name, "score") == 0)
    return COL_IGNORED;
  if (g_str_has_suffix (name, "_points"))
    {
      g_autofree char *key = g_strndup (name, strlen (name) - strlen ("_points"));

      if (mp_criterion_from_key (key, &c))
        return COL_IGNORED;
    }
  return -1;
}

static gboolean
read_header (CsvReader  *r,
             GError    **error)
{
  GArray *header = r->header;

  for (guint i = 0; i < N_COLUMNS; i++)
    r->where[i] = -1;
  for (guint i = 0; i < header->len; i++)
    {
      Cell *cell = &g_array_index (header, Cell, i);
      g_autofree char *name = g_ascii_strdown (g_strstrip (cell->text), -1);
      int column = column_from_name (name);

      if (column < 0)
        return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                        _("unknown column “%s”; the columns are id, name, institution, kind, "
                          "format, duration_years, hours_per_week, tuition_usd, thesis, note, "
                          "faculty, scholarship, funding, flexibility and brand"), name);
      if (column == COL_IGNORED)
        continue;
      if (r->where[column] >= 0)
        return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                        _("the column “%s” is named twice"), name);
      r->where[column] = i;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (column_required[i] && r->where[i] < 0)
        return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, 0, error,
                        _("the header row has no “%s” column; it must name name, kind, format, "
                          "duration_years, hours_per_week, tuition_usd, faculty, scholarship, "
                          "funding, flexibility and brand"), column_names[i]);
    }
  return TRUE;
}

/* The trimmed text of @column in @row, or NULL when the header lacks it. */
static Cell *
row_cell (CsvReader *r,
          GArray    *row,
          Column     column)
{
  Cell *cell;

  if (r->where[column] < 0)
    return NULL;
  cell = &g_array_index (row, Cell, r->where[column]);
  g_strstrip (cell->text);
  return cell;
}

static gboolean
check_row_length (CsvReader  *r,
                  GArray     *row,
                  GError    **error)
{
  if (row->len == r->header->len)
    return TRUE;
  return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, g_array_index (row, Cell, 0).offset, error,
                  _("this row has %u fields but the header row names %u columns"),
                  row->len, r->header->len);
}

/* First pass: the ids the file gives, so that generated ids avoid them. */
static gboolean
check_id (CsvReader  *r,
          GArray     *row,
          GError    **error)
{
  guint line, column;
  Cell *id;

  if (!check_row_length (r, row, error))
    return FALSE;
  id = row_cell (r, row, COL_ID);
  if (id == NULL || id->text[0] == '\0')
    return TRUE;
  if (g_hash_table_contains (r->file_ids, id->text))
    {
      mp_program_io_position (r->source->data,
                              GPOINTER_TO_SIZE (g_hash_table_lookup (r->file_ids, id->text)),
                              &line, &column);
      return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, id->offset, error,
                      _("the id “%s” is used twice (first at line %u)"), id->text, line);
    }
  if (r->source->taken_ids != NULL && g_hash_table_contains (r->source->taken_ids, id->text))
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, id->offset, error,
                    _("the id “%s” is already in the list; give this program another id"),
                    id->text);
  g_hash_table_insert (r->file_ids, g_strdup (id->text), GSIZE_TO_POINTER (id->offset));
  return TRUE;
}

static gboolean
check_ids (CsvReader  *r,
           gsize       body,
           GError    **error)
{
  g_autoptr(GArray) row = cells_new ();
  int found;

  while ((found = next_row (r, &body, row, error)) > 0)
    {
      if (!check_id (r, row, error))
        return FALSE;
    }
  return found == 0;
}

static gboolean
read_number_cell (CsvReader       *r,
                  GArray          *row,
                  Column           column,
                  MpProgramValue   rule,
                  double          *value,
                  GError         **error)
{
  Cell *cell = row_cell (r, row, column);
  const char *name = column_names[column];
  char *end = NULL;
  guint line, col;

  if (cell->text[0] == '\0')
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                    _("“%s” is empty; it needs a number"), name);
  *value = mp_program_rules_round (g_ascii_strtod (cell->text, &end));
  if (*end != '\0' || g_ascii_isalpha (cell->text[0]) || strpbrk (cell->text, "xX") != NULL)
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                    _("“%s” must be a number, not “%s”"), name, cell->text);
  if (mp_program_rules_in_range (rule, *value))
    return TRUE;
  mp_program_io_position (r->source->data, cell->offset, &line, &col);
  return mp_program_io_check_range (r->source, line, col, name, rule, *value, error);
}

static gboolean
read_enum_cell (CsvReader  *r,
                GArray     *row,
                Column      column,
                int        *value,
                GError    **error)
{
  Cell *cell = row_cell (r, row, column);
  g_autofree char *key = g_ascii_strdown (cell->text, -1);

  if (column == COL_KIND)
    {
      if (mp_program_kind_from_key (key, (MpProgramKind *) value))
        return TRUE;
      return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                      _("unknown kind “%s”; use masters, certificate, fellowship, "
                        "short-course or faculty-development"), cell->text);
    }
  if (mp_program_format_from_key (key, (MpProgramFormat *) value))
    return TRUE;
  return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                  _("unknown format “%s”; use online, hybrid or in-person"), cell->text);
}

static gboolean
read_thesis_cell (CsvReader  *r,
                  GArray     *row,
                  gboolean   *thesis,
                  GError    **error)
{
  static const char * const yes[] = { "true", "yes", "1", NULL };
  static const char * const no[] = { "false", "no", "0", "", NULL };
  Cell *cell = row_cell (r, row, COL_THESIS);
  g_autofree char *value = NULL;

  *thesis = FALSE;
  if (cell == NULL)
    return TRUE;
  value = g_ascii_strdown (cell->text, -1);
  *thesis = g_strv_contains (yes, value);
  if (*thesis || g_strv_contains (no, value))
    return TRUE;
  return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                  _("“thesis” must be true or false (or yes or no), not “%s”"), cell->text);
}

/* One end of a range "6-8": a plain number within 0–10. */
static gboolean
read_range_end (CsvReader   *r,
                Cell        *cell,
                const char  *text,
                const char  *name,
                double      *value,
                GError     **error)
{
  char *end = NULL;
  guint line, col;

  *value = mp_program_rules_round (g_ascii_strtod (text, &end));
  if (end == text || *end != '\0' || !g_ascii_isdigit (text[0]) ||
      strpbrk (text, "xXeE") != NULL)
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                    _("“%s” must be a number or a range such as 6-8, not “%s”"),
                    name, cell->text);
  if (mp_program_rules_in_range (MP_PROGRAM_VALUE_RATING, *value))
    return TRUE;
  mp_program_io_position (r->source->data, cell->offset, &line, &col);
  return mp_program_io_check_range (r->source, line, col, name, MP_PROGRAM_VALUE_RATING, *value,
                                    error);
}

/* A number, a range "6-8", or empty for unknown. */
static gboolean
read_rating_cell (CsvReader       *r,
                  GArray          *row,
                  MpCriterion      criterion,
                  MpProgramFields *fields,
                  GError         **error)
{
  Column column = COL_RATING_FIRST + criterion;
  Cell *cell = row_cell (r, row, column);
  const char *dash = cell->text[0] != '\0' ? strchr (cell->text + 1, '-') : NULL;
  g_autofree char *lo_text = NULL;
  double value, lo, hi;

  if (cell->text[0] == '\0')
    {
      fields->unknown_ratings |= 1u << criterion;
      fields->rating_lo[criterion] = 0;
      fields->rating_hi[criterion] = mp_program_rules_get_max (MP_PROGRAM_VALUE_RATING);
      return TRUE;
    }
  if (dash == NULL)
    {
      if (!read_number_cell (r, row, column, MP_PROGRAM_VALUE_RATING, &value, error))
        return FALSE;
      fields->rating_lo[criterion] = fields->rating_hi[criterion] = value;
      return TRUE;
    }
  lo_text = g_strndup (cell->text, dash - cell->text);
  if (!read_range_end (r, cell, lo_text, column_names[column], &lo, error) ||
      !read_range_end (r, cell, dash + 1, column_names[column], &hi, error))
    return FALSE;
  if (!mp_program_rules_range_is_ordered (lo, hi))
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, cell->offset, error,
                    _("the range for “%s” must give the lowest rating first, not “%s”"),
                    column_names[column], cell->text);
  fields->rating_lo[criterion] = lo;
  fields->rating_hi[criterion] = hi;
  return TRUE;
}

static gboolean
read_numbers (CsvReader        *r,
              GArray           *row,
              MpProgramFields  *fields,
              GError          **error)
{
  static const MpProgramValue rules[] = {
    MP_PROGRAM_VALUE_DURATION_YEARS, MP_PROGRAM_VALUE_HOURS_PER_WEEK, MP_PROGRAM_VALUE_TUITION,
  };
  double *facts[] = { &fields->duration_years, &fields->hours_per_week, &fields->tuition };

  for (Column c = COL_DURATION_YEARS; c <= COL_TUITION_USD; c++)
    {
      if (!read_number_cell (r, row, c, rules[c - COL_DURATION_YEARS],
                             facts[c - COL_DURATION_YEARS], error))
        return FALSE;
    }
  fields->unknown_ratings = 0;
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    if (!read_rating_cell (r, row, c, fields, error))
      return FALSE;
  return TRUE;
}

/* Checks one row and hands its program to the sink. */
static gboolean
read_program (CsvReader      *r,
              GArray         *row,
              MpProgramSink   sink,
              gpointer        user_data,
              GError        **error)
{
  MpProgramFields fields;
  g_autofree char *id = NULL;
  Cell *name = row_cell (r, row, COL_NAME);
  Cell *id_cell = row_cell (r, row, COL_ID);
  Cell *institution = row_cell (r, row, COL_INSTITUTION);
  Cell *note = row_cell (r, row, COL_NOTE);
  int kind, format;
  gboolean thesis;

  if (!mp_program_rules_name_is_valid (name->text))
    return fail_at (r, MP_PROGRAM_CSV_ERROR_INVALID, name->offset, error,
                    _("“name” must not be empty"));
  if (!read_enum_cell (r, row, COL_KIND, &kind, error) ||
      !read_enum_cell (r, row, COL_FORMAT, &format, error) ||
      !read_thesis_cell (r, row, &thesis, error))
    return FALSE;
  if (id_cell != NULL && id_cell->text[0] != '\0')
    id = g_strdup (id_cell->text);
  else
    {
      id = mp_program_io_generate_id (name->text, r->source->taken_ids, r->file_ids,
                                      r->next_suffix);
      g_hash_table_insert (r->file_ids, g_strdup (id), GSIZE_TO_POINTER (name->offset));
    }
  fields.id = id;
  fields.name = name->text;
  fields.kind = kind;
  fields.format = format;
  fields.thesis = thesis;
  fields.institution = institution != NULL ? institution->text : "";
  fields.note = note != NULL ? note->text : "";
  return read_numbers (r, row, &fields, error) && sink (&fields, user_data, error);
}

static gboolean
read_programs (CsvReader      *r,
               gsize           body,
               MpProgramSink   sink,
               gpointer        user_data,
               GError        **error)
{
  g_autoptr(GArray) row = cells_new ();
  int found;

  while ((found = next_row (r, &body, row, error)) > 0)
    {
      if (!check_row_length (r, row, error) ||
          !read_program (r, row, sink, user_data, error))
        return FALSE;
    }
  return found == 0;
}

gboolean
mp_program_csv_read_each (const MpProgramSource  *caller_source,
                          MpProgramSink           sink,
                          gpointer                user_data,
                          GError                **error)
{
  MpProgramSource own_source = *caller_source;
  const MpProgramSource *source = &own_source;
  g_autoptr(GArray) header = cells_new ();
  g_autoptr(GHashTable) file_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) next_suffix = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                             g_free, NULL);
  CsvReader reader = { source, header, { 0, }, file_ids, next_suffix };
  gsize body = 0;
  int found;

  own_source.domain = MP_PROGRAM_CSV_ERROR;
  if (!mp_program_io_check_text (source, error))
    return FALSE;
  found = next_row (&reader, &body, header, error);
  if (found < 0)
    return FALSE;
  if (found == 0)
    {
      mp_program_io_set_error (error, MP_PROGRAM_CSV_ERROR_SYNTAX, source, 1, 1,
                               _("the file is empty"));
      return FALSE;
    }
  /* The header is checked at once: a large file that is not programs CSV
   * fails before its rows are read. */
  return read_header (&reader, error) &&
         check_ids (&reader, body, error) &&
         read_programs (&reader, body, sink, user_data, error);
}

static gboolean
add_program (const MpProgramFields  *fields,
             gpointer                programs,
             GError                **error)
{
  g_ptr_array_add (programs, mp_program_io_new_program (fields));
  return TRUE;
}

GPtrArray *
mp_program_csv_parse (const MpProgramSource  *source,
                      GError                **error)
{
  g_autoptr(GPtrArray) programs = g_ptr_array_new_with_free_func (g_object_unref);

  if (!mp_program_csv_read_each (source, add_program, programs, error))
    return NULL;
  return g_steal_pointer (&programs);
}

void
mp_program_csv_append_field (GString    *out,
                             const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
mp_program_csv_append_number (GString *out,
                              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

/* The columns of mp_program_csv_parse(), one line, no newline. */
void
mp_program_csv_append_header (GString *out)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", column_names[i]);
}

/* A number, "6-8", or nothing when unknown: the forms read_rating_cell()
 * reads. */
static void
append_rating (GString     *out,
               MpProgram   *program,
               MpCriterion  criterion)
{
  double lo, hi;

  if (mp_program_get_rating_unknown (program, criterion))
    return;
  mp_program_get_rating_range (program, criterion, &lo, &hi);
  mp_program_csv_append_number (out, lo);
  if (hi == lo)
    return;
  g_string_append_c (out, '-');
  mp_program_csv_append_number (out, hi);
}

void
mp_program_csv_append_program (GString   *out,
                               MpProgram *program)
{
  mp_program_csv_append_field (out, mp_program_get_id (program));
  g_string_append_c (out, ',');
  mp_program_csv_append_field (out, mp_program_get_name (program));
  g_string_append_c (out, ',');
  mp_program_csv_append_field (out, mp_program_get_institution (program));
  g_string_append_printf (out, ",%s,%s,",
                          mp_program_kind_get_key (mp_program_get_kind (program)),
                          mp_program_format_get_key (mp_program_get_format (program)));
  mp_program_csv_append_number (out, mp_program_get_duration_years (program));
  g_string_append_c (out, ',');
  mp_program_csv_append_number (out, mp_program_get_hours_per_week (program));
  g_string_append_c (out, ',');
  mp_program_csv_append_number (out, mp_program_get_tuition (program));
  g_string_append_printf (out, ",%s,", mp_program_get_thesis (program) ? "true" : "false");
  mp_program_csv_append_field (out, mp_program_get_note (program));
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      g_string_append_c (out, ',');
      append_rating (out, program, c);
    }
}
