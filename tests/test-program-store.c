/* test-program-store.c: loading, importing, saving and every malformed input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "mp-program-csv.h"
#include "mp-program-format.h"
#include "mp-program-json.h"
#include "mp-program-store.h"
#include "mp-ranking-format.h"
#include "mp-scorer.h"
#include "mp-test-utils.h"

typedef struct {
  const char *text;
  int         code;
  const char *tail; /* the message after "PATH:" */
} MalformedCase;

static const MalformedCase json_cases[] = {
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:3: This program has no “tuition_usd”" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": \"20000\", \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:125: “tuition_usd” must be a number, not a string" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": 5, \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:23: “name” must be a string, not a number" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 11}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:217: “brand” must be a number from 0 to 10, not 11" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": -0.5, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:155: “faculty” must be a number from 0 to 10, not -0.5" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 200, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:106: “hours_per_week” must be a number from 0 to 168, not 200" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"phd\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:36: unknown kind “phd”; use masters, certificate, fellowship, short-course or faculty-development" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"remote\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:57: unknown format “remote”; use online, hybrid or in-person" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}},\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "3:10: the id “x” is used twice (first at line 2)" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"ridgeway-mhpe\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:10: the id “ridgeway-mhpe” is already in the list; give this program another id" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \" \", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:10: “id” must not be empty" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:3: This program has no “name”" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": [5]}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:217: a range for “brand” must be two numbers, lowest and highest, e.g. [6, 8]" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": [1, 2, 3, 4, 5]}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:143: “ratings” must be an object, not an array" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"thesis\": \"yes\", \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:142: “thesis” must be true or false, not a string" },
  { "{\"schema_version\": 1, \"programs\": [\n  3\n]}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:3: each program must be an object, not a number" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\xff" "\", \"kind\": \"masters\", \"format\": \"online\", \"duration_years\": 2, \"hours_per_week\": 10, \"tuition_usd\": 20000, \"ratings\": {\"faculty\": 1, \"scholarship\": 2, \"funding\": 3, \"flexibility\": 4, \"brand\": 5}}\n]}\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:25: the text is not valid UTF-8; save the file as UTF-8" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", ", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:28: the file ends before the “{” at 2:3 is closed; it may be cut short" },
  { "{\"schema_version\": 1, \"programs\": [\n  {\"id\": \"x\", \"name\": \"X\", \"kin", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:32: the file ends before the “\"” at 2:28 is closed; it may be cut short" },
  { "", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "1:1: the file is empty" },
  { " \n\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "1:1: the file is empty" },
  { "{\"schema_version\": 2, \"programs\": []}\n", MP_PROGRAM_STORE_ERROR_VERSION,
    "1:20: schema version 2 is newer than this version of Master Plan reads (1); update Master Plan to open this file" },
  { "{\"schema_version\": \"1\", \"programs\": []}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:20: “schema_version” must be a whole number such as 1, not a string" },
  { "{\"programs\": []}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:1: The file has no “schema_version”" },
  { "{\"schema_version\": 1}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:1: The file has no “programs”" },
  { "{\"schema_version\": 1, \"programs\": {}}\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:35: “programs” must be an array, not an object" },
  { "[1]\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:1: a programs file must be an object with “schema_version” and “programs”, not an array" },
  { "{\"schema_version\": 1,\n \"programs\": [}\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:15: Parse error: unexpected character `}', expected character `]'" },
  { "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "1:65: nested more than 64 levels deep" },
};
static const MalformedCase csv_cases[] = {
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,true,\"a note, with comma,1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:41: the quoted field that starts here is never closed" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:1: the header row has no “brand” column; it must name name, kind, format, duration_years, hours_per_week, tuition_usd, faculty, scholarship, funding, flexibility and brand" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\ny,X,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4", MP_PROGRAM_STORE_ERROR_INVALID,
    "3:1: this row has 14 fields but the header row names 15 columns" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand,colour\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:133: unknown column “colour”; the columns are id, name, institution, kind, format, duration_years, hours_per_week, tuition_usd, thesis, note, faculty, scholarship, funding, flexibility and brand" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand,name\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "1:133: the column “name” is named twice" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,11\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:70: “brand” must be a number from 0 to 10, not 11" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,\"$20,000\",true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:30: “tuition_usd” must be a number, not “$20,000”" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,,true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:30: “tuition_usd” is empty; it needs a number" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,phd,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:10: unknown kind “phd”; use masters, certificate, fellowship, short-course or faculty-development" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,true,\"a note\"x,1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:49: unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\nx,X,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "3:1: the id “x” is used twice (first at line 2)" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,,Inst,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:3: “name” must not be empty" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,Inst,masters,online,2,10,20000,maybe,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_INVALID,
    "2:36: “thesis” must be true or false (or yes or no), not “maybe”" },
  { "id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,thesis,note,faculty,scholarship,funding,flexibility,brand\nx,X,In\xff" "st,masters,online,2,10,20000,true,\"a note, with comma\",1,2,3,4,5\n", MP_PROGRAM_STORE_ERROR_SYNTAX,
    "2:7: the text is not valid UTF-8; save the file as UTF-8" },
};

typedef struct {
  char           *dir;
  MpProgramStore *store;
  guint           changes;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  fixture->changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mp-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = mp_program_store_new ();
  g_assert_true (mp_program_store_load_samples (fixture->store, &error));
  g_assert_no_error (error);
  g_signal_connect (fixture->store, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  mp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *text,
            gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
test_data_file (const char *name)
{
  return g_file_new_build_filename (TEST_DATA_DIR, name, NULL);
}

static char *
read_text (GFile *file)
{
  char *contents = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  return contents;
}

/* Every malformed input fails with its exact message and leaves the store
 * exactly as it was. */
static void
check_malformed (Fixture             *fixture,
                 const MalformedCase *cases,
                 guint                n_cases,
                 const char          *suffix)
{
  g_autofree char *before = mp_program_store_to_json (fixture->store, FALSE);

  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *name = g_strdup_printf ("case-%u.%s", i, suffix);
      g_autoptr(GFile) file = write_file (fixture, name, cases[i].text, -1);
      g_autofree char *expected = g_strdup_printf ("%s:%s", g_file_peek_path (file), cases[i].tail);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].tail);
      g_assert_cmpint (mp_program_store_import (fixture->store, file, &error), ==, -1);
      g_assert_error (error, MP_PROGRAM_STORE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, expected);
      g_assert_cmpuint (fixture->changes, ==, 0);
      after = mp_program_store_to_json (fixture->store, FALSE);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_malformed_json (Fixture       *fixture,
                     gconstpointer  data)
{
  check_malformed (fixture, json_cases, G_N_ELEMENTS (json_cases), "json");
}

static void
test_malformed_csv (Fixture       *fixture,
                    gconstpointer  data)
{
  check_malformed (fixture, csv_cases, G_N_ELEMENTS (csv_cases), "csv");
}

static void
test_nul_byte (Fixture       *fixture,
               gconstpointer  data)
{
  static const char text[] = "{\"schema_version\": 1,\n  \"programs\": [\0]}";
  g_autoptr(GFile) file = write_file (fixture, "nul.json", text, sizeof text - 1);
  g_autofree char *expected = g_strdup_printf ("%s:2:16: the file contains a NUL byte; it is "
                                               "not a text file", g_file_peek_path (file));
  g_autoptr(GError) error = NULL;

  g_assert_false (mp_program_store_load_file (fixture->store, file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (fixture->changes, ==, 0);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "absent.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (mp_program_store_load_file (fixture->store, file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->store)), ==, 17);
}

static void
test_samples (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->store);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint masters = 0;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 17);
  g_assert_true (g_list_model_get_item_type (model) == MP_TYPE_PROGRAM);
  for (guint i = 0; i < 17; i++)
    {
      g_autoptr(MpProgram) p = g_list_model_get_item (model, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) mp_program_get_id (p)));
      g_assert_false (mp_program_get_user_defined (p));
      /* Visibly fictional, and said to be samples. */
      g_assert_nonnull (strstr (mp_program_get_institution (p), "(fictional)"));
      g_assert_true (g_str_has_suffix (mp_program_get_note (p), "(sample)"));
      if (mp_program_get_kind (p) != MP_PROGRAM_KIND_MASTERS)
        {
          g_assert_cmpfloat (mp_program_get_tuition (p), <=, 5000);
          continue;
        }
      masters++;
      g_assert_cmpfloat (mp_program_get_tuition (p), >=, 15000);
      g_assert_cmpfloat (mp_program_get_hours_per_week (p), >=, 10);
      g_assert_cmpfloat (mp_program_get_hours_per_week (p), <=, 20);
      g_assert_cmpfloat (mp_program_get_duration_years (p), >=, 1);
      g_assert_cmpfloat (mp_program_get_duration_years (p), <=, 3);
    }
  g_assert_cmpuint (masters, ==, 12);
  g_assert_null (g_list_model_get_item (model, 17));
}

static void
assert_same_programs (MpProgramStore *a,
                      MpProgramStore *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpProgram) pa = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(MpProgram) pb = g_list_model_get_item (G_LIST_MODEL (b), i);

      g_assert_cmpstr (mp_program_get_id (pa), ==, mp_program_get_id (pb));
      g_assert_true (mp_program_equal (pa, pb));
    }
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MpProgramStore) first = mp_program_store_new ();
  g_autoptr(MpProgramStore) second = mp_program_store_new ();
  g_autoptr(GFile) source = test_data_file ("programs-valid.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GFile) saved = NULL;
  g_autoptr(MpProgram) own = NULL;

  g_assert_true (mp_program_store_load_file (first, source, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (first)), ==, 2);
  own = g_list_model_get_item (G_LIST_MODEL (first), 0);
  g_assert_cmpstr (mp_program_get_name (own), ==, "Éducation médicale — Master (my own)");
  g_assert_cmpstr (mp_program_get_note (own), ==, "Quote \" and comma, and a\nnew line");
  g_assert_cmpfloat (mp_program_get_tuition (own), ==, 28750.5);
  g_assert_cmpfloat (mp_program_get_rating (own, MP_CRITERION_FLEXIBILITY), ==, 6.25);
  g_assert_true (mp_program_get_thesis (own));
  g_assert_true (mp_program_get_user_defined (own));

  json = mp_program_store_to_json (first, FALSE);
  saved = write_file (fixture, "saved.json", json, -1);
  g_assert_true (mp_program_store_load_file (second, saved, &error));
  g_assert_no_error (error);
  assert_same_programs (first, second);
  again = mp_program_store_to_json (second, FALSE);
  g_assert_cmpstr (again, ==, json);

  /* The samples too, through the same writer. */
  g_clear_pointer (&json, g_free);
  g_clear_object (&saved);
  json = mp_program_store_to_json (fixture->store, FALSE);
  saved = write_file (fixture, "samples.json", json, -1);
  g_assert_true (mp_program_store_load_file (second, saved, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 17; i++)
    {
      g_autoptr(MpProgram) p = g_list_model_get_item (G_LIST_MODEL (second), i);
      mp_program_set_user_defined (p, FALSE);
    }
  assert_same_programs (fixture->store, second);
}

static void
test_csv_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = test_data_file ("programs-import.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpProgram) a = NULL, b = NULL, c = NULL;
  g_autofree char *expected = NULL;
  GListModel *model = G_LIST_MODEL (fixture->store);

  g_assert_cmpint (mp_program_store_import (fixture->store, file, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);
  a = g_list_model_get_item (model, 17);
  b = g_list_model_get_item (model, 18);
  c = g_list_model_get_item (model, 19);

  /* No id: made from the name, unique. Quotes, commas, CRLF line breaks. */
  g_assert_cmpstr (mp_program_get_id (a), ==, "clinical-teaching-advanced");
  g_assert_cmpstr (mp_program_get_name (a), ==, "Clinical Teaching, Advanced");
  g_assert_cmpstr (mp_program_get_note (a), ==, "Says \"hands-on\", twice");
  g_assert_cmpstr (mp_program_get_institution (a), ==, "Example Institute (fictional)");
  g_assert_cmpint (mp_program_get_kind (a), ==, MP_PROGRAM_KIND_CERTIFICATE);
  g_assert_false (mp_program_get_thesis (a));
  g_assert_true (mp_program_get_user_defined (a));

  g_assert_cmpstr (mp_program_get_id (b), ==, "sim-med");
  g_assert_cmpstr (mp_program_get_note (b), ==, "Two lines:\r\nfirst and second");
  g_assert_cmpstr (mp_program_get_institution (b), ==, "Northfield, College (fictional)");
  g_assert_cmpint (mp_program_get_format (b), ==, MP_PROGRAM_FORMAT_HYBRID);
  g_assert_cmpfloat (mp_program_get_duration_years (b), ==, 2.5);
  g_assert_cmpfloat (mp_program_get_hours_per_week (b), ==, 15.5);
  g_assert_cmpfloat (mp_program_get_tuition (b), ==, 31000.5);
  g_assert_cmpfloat (mp_program_get_rating (b, MP_CRITERION_FACULTY), ==, 8.5);
  g_assert_cmpfloat (mp_program_get_rating (b, MP_CRITERION_BRAND), ==, 7);
  g_assert_true (mp_program_get_thesis (b));

  g_assert_cmpstr (mp_program_get_id (c), ==, "clinical-teaching-advanced-2");
  g_assert_cmpint (mp_program_get_kind (c), ==, MP_PROGRAM_KIND_SHORT_COURSE);
  g_assert_cmpint (mp_program_get_format (c), ==, MP_PROGRAM_FORMAT_IN_PERSON);
  g_assert_cmpstr (mp_program_get_note (c), ==, "");

  /* Importing again gives the generated ids new numbers; the explicit one clashes. */
  g_assert_cmpint (mp_program_store_import (fixture->store, file, &error), ==, -1);
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID);
  /* The second row starts on line 3; its id cell is on line 4, after the line
   * break inside the quoted note. */
  expected = g_strdup_printf ("%s:4:19: the id “sim-med” is already in the list; give this "
                              "program another id", g_file_peek_path (file));
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 20);
}

static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MpScorer) scorer = mp_scorer_new (fixture->store);
  g_autofree char *csv = mp_ranking_to_csv (scorer);
  g_autoptr(GFile) file = write_file (fixture, "ranking.csv", csv, -1);
  g_autoptr(MpProgramStore) imported = mp_program_store_new ();
  g_autoptr(MpProgramStore) ordered = mp_program_store_new ();
  g_autoptr(GError) error = NULL;

  static const char head[] =
    "rank,score,id,name,institution,kind,format,duration_years,hours_per_week,tuition_usd,"
    "thesis,note,faculty,scholarship,funding,flexibility,brand,faculty_points,"
    "scholarship_points,funding_points,flexibility_points,brand_points\r\n"
    "1,73.97,ridgeway-mhpe,Master of Health Professions Education,"
    "Ridgeway Institute of Health Sciences (fictional),masters,online,2,14,27000,false,";
  g_autofree char *start = g_strndup (csv, strlen (head));

  g_assert_cmpstr (start, ==, head);
  g_assert_cmpint (mp_program_store_import (imported, file, &error), ==, 17);
  g_assert_no_error (error);
  /* The export is in rank order; compare program by program, by id. */
  for (guint k = 0; k < 17; k++)
    {
      g_autoptr(MpProgram) p = g_list_model_get_item (G_LIST_MODEL (fixture->store),
                                                      mp_scorer_get_ranked (scorer, k));
      g_autoptr(MpProgram) copy = mp_program_copy (p);

      mp_program_set_user_defined (copy, TRUE);
      mp_program_store_add (ordered, copy);
    }
  assert_same_programs (ordered, imported);
}

static void
test_user_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "data", "programs.json", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bak_file = g_file_new_for_path (bak);
  g_autoptr(GFile) csv = test_data_file ("programs-import.csv");
  g_autoptr(MpProgramStore) reloaded = mp_program_store_new ();
  g_autoptr(MpProgram) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *saved = NULL;

  /* No file yet: no error, nothing added. */
  g_assert_true (mp_program_store_load_user (fixture->store, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changes, ==, 0);

  g_assert_cmpint (mp_program_store_import (fixture->store, csv, &error), ==, 3);
  g_assert_true (mp_program_store_save_user (fixture->store, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (bak_file, NULL));
  first = read_text (file);

  /* An edited sample becomes the user's; the second save keeps the first as .bak. */
  edited = mp_program_copy (mp_program_store_find (fixture->store, "kestrel-mhpe"));
  mp_program_set_rating (edited, MP_CRITERION_BRAND, 6);
  mp_program_set_user_defined (edited, TRUE);
  g_assert_true (mp_program_store_replace (fixture->store, edited));
  g_assert_true (mp_program_store_find (fixture->store, "kestrel-mhpe") == edited);
  g_assert_true (mp_program_store_save_user (fixture->store, file, &error));
  g_assert_no_error (error);
  saved = read_text (bak_file);
  g_assert_cmpstr (saved, ==, first);

  /* Loaded back after the samples: the edit replaces the sample in place. */
  g_assert_true (mp_program_store_load_samples (reloaded, &error));
  g_assert_true (mp_program_store_load_user (reloaded, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 20);
  assert_same_programs (fixture->store, reloaded);
}

static void
test_bad_user_file (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char bad[] = "{\"schema_version\": 1,\n \"programs\": {\"id\": 7}\n}\n";
  g_autoptr(GFile) file = write_file (fixture, "programs.json", bad, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_text = NULL;
  g_autofree char *expected = NULL;
  const char *name;

  g_assert_false (mp_program_store_load_user (fixture->store, file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_INVALID);
  g_assert_cmpuint (fixture->changes, ==, 0);
  g_assert_false (g_file_query_exists (file, NULL));

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "programs.json.broken-"))
        aside = g_build_filename (fixture->dir, name, NULL);
    }
  g_assert_nonnull (aside);
  /* programs.json.broken-YYYYMMDD-HHMMSS */
  g_assert_cmpuint (strlen (strrchr (aside, '/') + 1), ==, strlen ("programs.json.broken-") + 15);
  g_assert_true (g_file_get_contents (aside, &aside_text, NULL, NULL));
  g_assert_cmpstr (aside_text, ==, bad);
  expected = g_strdup_printf ("%s:2:14: “programs” must be an array, not an object. The file was kept "
                              "aside as “%s”: your programs in it are not loaded, and nothing "
                              "will be saved over it.", g_file_peek_path (file), aside);
  g_assert_cmpstr (error->message, ==, expected);

  /* A save now writes a new file; the one aside stays as it was. */
  g_clear_error (&error);
  g_assert_true (mp_program_store_save_user (fixture->store, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&aside_text, g_free);
  g_assert_true (g_file_get_contents (aside, &aside_text, NULL, NULL));
  g_assert_cmpstr (aside_text, ==, bad);
}

static void
test_unreadable_user_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (fixture, "programs.json", "{}", -1);
  g_autoptr(GError) error = NULL;

  /* A directory cannot be read as a file, and must not be replaced. */
  g_unlink (g_file_peek_path (file));
  g_assert_cmpint (g_mkdir (g_file_peek_path (file), 0700), ==, 0);
  g_assert_false (mp_program_store_load_user (fixture->store, file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (mp_program_store_save_user (fixture->store, file, &error));
  g_assert_error (error, MP_PROGRAM_STORE_ERROR, MP_PROGRAM_STORE_ERROR_IO);
  g_assert_true (g_file_test (g_file_peek_path (file), G_FILE_TEST_IS_DIR));
}

static void
test_default_user_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "masterplan", "programs.json",
                                            NULL);
  g_autoptr(MpProgramStore) reloaded = mp_program_store_new ();
  g_autoptr(MpProgram) own = mp_program_new ("mine", "My program");
  g_autoptr(GError) error = NULL;

  mp_program_set_user_defined (own, TRUE);
  mp_program_store_add (fixture->store, own);
  g_assert_true (mp_program_store_save_user (fixture->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (mp_program_store_load_user (reloaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_nonnull (mp_program_store_find (reloaded, "mine"));
  g_unlink (path);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(MpProgram) p = mp_program_new ("new-one", "New");
  g_autoptr(MpProgram) other = mp_program_new ("not-there", "Nope");
  g_autofree char *user_json = NULL;

  mp_program_set_user_defined (p, TRUE);
  mp_program_store_add (fixture->store, p);
  g_assert_cmpuint (fixture->changes, ==, 1);
  g_assert_true (mp_program_store_find (fixture->store, "new-one") == p);
  g_assert_false (mp_program_store_replace (fixture->store, other));
  g_assert_false (mp_program_store_remove (fixture->store, "not-there"));
  g_assert_cmpuint (fixture->changes, ==, 1);
  user_json = mp_program_store_to_json (fixture->store, TRUE);
  g_assert_nonnull (strstr (user_json, "\"id\" : \"new-one\""));
  g_assert_null (strstr (user_json, "ridgeway-mhpe"));
  g_assert_true (mp_program_store_remove (fixture->store, "new-one"));
  g_assert_cmpuint (fixture->changes, ==, 2);
  g_assert_null (mp_program_store_find (fixture->store, "new-one"));
}

/* Error messages start "NAME:LINE:COLUMN: " with a real position. */
static void
assert_positioned (const char *message,
                   const char *data,
                   gsize       length)
{
  guint line = 0, column = 0, lines = 1;
  int consumed = 0;

  g_assert_true (g_str_has_prefix (message, "mutant:"));
  g_assert_cmpint (sscanf (message, "mutant:%u:%u: %n", &line, &column, &consumed), ==, 2);
  g_assert_cmpint (consumed, >, 0);
  for (gsize i = 0; i < length; i++)
    lines += data[i] == '\n';
  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (line, <=, lines);
  g_assert_cmpuint (column, >=, 1);
}

static void
mutate (GString *text,
        GRand   *rand)
{
  static const char pieces[] = "{}[]\",:\\\n \r0-9.eE\xff\xc3tfn";
  guint at = g_rand_int_range (rand, 0, text->len);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      text->str[at] = pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)];
      break;
    case 1:
      g_string_erase (text, at, MIN ((guint) g_rand_int_range (rand, 1, 20), text->len - at));
      break;
    case 2:
      g_string_insert_c (text, at, pieces[g_rand_int_range (rand, 0, sizeof pieces - 1)]);
      break;
    default:
      g_string_truncate (text, at);
      break;
    }
}

/* Thousands of damaged files: each loads or fails with a positioned error;
 * none crashes or hangs. */
static void
test_mutations (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MpScorer) scorer = mp_scorer_new (fixture->store);
  g_autofree char *json = mp_program_store_to_json (fixture->store, FALSE);
  g_autofree char *csv = mp_ranking_to_csv (scorer);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  const char *originals[] = { json, csv };
  guint failures = 0;

  for (guint round = 0; round < 4000; round++)
    {
      g_autoptr(GString) text = g_string_new (originals[round % 2]);
      g_autoptr(GPtrArray) programs = NULL;
      g_autoptr(GError) error = NULL;
      MpProgramSource source;

      for (guint m = g_rand_int_range (rand, 1, 4); m > 0 && text->len > 0; m--)
        mutate (text, rand);
      source.display_name = "mutant";
      source.data = text->str;
      source.length = text->len;
      source.taken_ids = NULL;
      source.skipped = NULL;
      programs = mp_program_parse_any (&source, &error);
      if (programs != NULL)
        {
          g_assert_no_error (error);
          continue;
        }
      failures++;
      g_assert_true (error->domain == MP_PROGRAM_JSON_ERROR || error->domain == MP_PROGRAM_CSV_ERROR);
      assert_positioned (error->message, text->str, text->len);
    }
  /* Most damage is caught, some (a changed digit) is not. */
  g_assert_cmpuint (failures, >, 2000);
}

/* 40 000 rows with one name and no id column: ids "same", "same-2" …
 * in linear time (it took minutes when each row searched from "-2"). */
static void
test_csv_equal_names (Fixture       *fixture,
                      gconstpointer  data)
{
  GString *csv = g_string_new ("name,kind,format,duration_years,hours_per_week,tuition_usd,"
                               "faculty,scholarship,funding,flexibility,brand\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 start;
  guint base;

  for (guint i = 0; i < 40000; i++)
    g_string_append (csv, "Same,masters,online,1,1,1,1,1,1,1,1\n");
  text = g_string_free (csv, FALSE);
  file = write_file (fixture, "same.csv", text, -1);
  base = g_list_model_get_n_items (G_LIST_MODEL (fixture->store));
  start = g_get_monotonic_time ();
  g_assert_cmpint (mp_program_store_import (fixture->store, file, &error), ==, 40000);
  g_assert_no_error (error);
  g_test_message ("40 000 equal names imported in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpstr (mp_program_get_id (mp_program_store_peek (fixture->store, base)), ==, "same");
  g_assert_cmpstr (mp_program_get_id (mp_program_store_peek (fixture->store, base + 1)), ==, "same-2");
  g_assert_cmpstr (mp_program_get_id (mp_program_store_peek (fixture->store, base + 39999)), ==,
                   "same-40000");
  /* The quadratic search took 130 s; sanitized builds unwind the stack at
   * every allocation, so they get far longer. */
#if defined(__SANITIZE_ADDRESS__)
  g_assert_cmpint (g_get_monotonic_time () - start, <, 600 * G_USEC_PER_SEC);
#else
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/program-store/samples", test_samples);
  ADD ("/program-store/json-round-trip", test_json_round_trip);
  ADD ("/program-store/csv-import", test_csv_import);
  ADD ("/program-store/csv-round-trip", test_csv_round_trip);
  ADD ("/program-store/csv-equal-names", test_csv_equal_names);
  ADD ("/program-store/malformed-json", test_malformed_json);
  ADD ("/program-store/malformed-csv", test_malformed_csv);
  ADD ("/program-store/nul-byte", test_nul_byte);
  ADD ("/program-store/mutations", test_mutations);
  ADD ("/program-store/missing-file", test_missing_file);
  ADD ("/program-store/user-file", test_user_file);
  ADD ("/program-store/bad-user-file", test_bad_user_file);
  ADD ("/program-store/unreadable-user-file", test_unreadable_user_file);
  ADD ("/program-store/default-user-file", test_default_user_file);
  ADD ("/program-store/edit", test_edit);
#undef ADD

  return g_test_run ();
}
