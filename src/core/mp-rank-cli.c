/* mp-rank-cli.c: `masterplan --rank`, the ranking without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-rank-cli.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "mp-program-store.h"
#include "mp-scorer.h"

static char *
format_number (double value,
               int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* Tabs and line breaks inside a field would break the TSV rows. */
static char *
tsv_field (const char *text)
{
  return g_strdelimit (g_strdup (text), "\t\r\n", ' ');
}

static void
print_tsv (MpScorer       *scorer,
           MpProgramStore *store)
{
  GString *out = g_string_new ("rank\tscore\tid\tname\tkind");

  for (guint c = 0; c < MP_N_CRITERIA; c++)
    g_string_append_printf (out, "\t%s", mp_criterion_get_key (c));
  g_string_append_c (out, '\n');
  for (guint k = 0; k < mp_scorer_get_n_ranked (scorer); k++)
    {
      guint index = mp_scorer_get_ranked (scorer, k);
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), index);
      g_autofree char *score = format_number (mp_scorer_get_score (scorer, index), 1);
      g_autofree char *id = tsv_field (mp_program_get_id (program));
      g_autofree char *name = tsv_field (mp_program_get_name (program));
      double contributions[MP_N_CRITERIA];

      g_string_append_printf (out, "%u\t%s\t%s\t%s\t%s", k + 1, score, id, name,
                              mp_program_kind_get_key (mp_program_get_kind (program)));
      mp_scorer_get_contributions (scorer, index, contributions);
      for (guint c = 0; c < MP_N_CRITERIA; c++)
        {
          g_autofree char *points = format_number (contributions[c], 2);
          g_string_append_printf (out, "\t%s", points);
        }
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
  g_string_free (out, TRUE);
}

static void
add_rounded (JsonBuilder *builder,
             const char  *name,
             double       value,
             double       unit)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, round (value / unit) * unit);
}

static void
add_json_program (JsonBuilder *builder,
                  MpScorer    *scorer,
                  MpProgram   *program,
                  guint        rank,
                  guint        index)
{
  double contributions[MP_N_CRITERIA];

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, rank + 1);
  add_rounded (builder, "score", mp_scorer_get_score (scorer, index), 0.1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, mp_program_get_id (program));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, mp_program_get_name (program));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, mp_program_kind_get_key (mp_program_get_kind (program)));
  json_builder_set_member_name (builder, "contributions");
  json_builder_begin_object (builder);
  mp_scorer_get_contributions (scorer, index, contributions);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    add_rounded (builder, mp_criterion_get_key (c), contributions[c], 0.01);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
print_json (MpScorer       *scorer,
            MpProgramStore *store)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  MpWeights weights;

  mp_scorer_get_weights (scorer, &weights);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  for (guint c = 0; c < MP_N_CRITERIA; c++)
    {
      json_builder_set_member_name (builder, mp_criterion_get_key (c));
      json_builder_add_double_value (builder, weights.w[c]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "ranking");
  json_builder_begin_array (builder);
  for (guint k = 0; k < mp_scorer_get_n_ranked (scorer); k++)
    {
      guint index = mp_scorer_get_ranked (scorer, k);
      g_autoptr(MpProgram) program = g_list_model_get_item (G_LIST_MODEL (store), index);

      add_json_program (builder, scorer, program, k, index);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
load_programs (MpProgramStore  *store,
               const char      *programs,
               GError         **error)
{
  g_autoptr(GFile) file = NULL;

  if (programs == NULL)
    return mp_program_store_load_samples (store, error);
  file = g_file_new_for_commandline_arg (programs);
  return mp_program_store_import (store, file, error) >= 0;
}

int
mp_rank_cli_run (const char *weights,
                 const char *programs,
                 const char *format)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GError) error = NULL;
  MpWeights w;
  gboolean json;

  mp_weights_init_article (&w);
  if (weights != NULL && !mp_weights_parse (&w, weights, &error))
    {
      g_printerr ("masterplan: --weights: %s\n", error->message);
      return 2;
    }
  if (mp_weights_all_zero (&w))
    {
      g_printerr ("masterplan: --weights: %s\n",
                  _("All weights are zero, so there is nothing to rank by; give at least "
                    "one criterion a weight above 0"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "json"))
    {
      g_printerr ("masterplan: --format: %s\n", _("unknown output format; use tsv or json"));
      return 2;
    }
  json = format != NULL && g_str_equal (format, "json");
  if (!load_programs (store, programs, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  scorer = mp_scorer_new (store);
  mp_scorer_set_weights (scorer, &w);
  if (json)
    print_json (scorer, store);
  else
    print_tsv (scorer, store);
  return 0;
}
