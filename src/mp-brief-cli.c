/* mp-brief-cli.c: `masterplan --brief OUT.pdf`, the brief without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-brief-cli.h"

#include <glib/gi18n.h>

#include "mp-brief-render.h"
#include "mp-brief-source.h"
#include "mp-criteria.h"
#include "mp-program-store.h"

static int
fail (const char *option,
      const char *message,
      int         status)
{
  if (option != NULL)
    g_printerr ("masterplan: %s: %s\n", option, message);
  else
    g_printerr ("%s\n", message);
  return status;
}

/* The brief is still written; the user learns what of their text it keeps. */
static void
warn_long_why (const char *why)
{
  glong n = why != NULL ? g_utf8_strlen (why, -1) : 0;
  g_autofree char *message = NULL;

  if (n <= MP_BRIEF_WHY_MAX_CHARS)
    return;
  message = g_strdup_printf (_("%ld characters; the brief keeps the first %d, cut at a word"),
                             n, MP_BRIEF_WHY_MAX_CHARS);
  g_printerr ("masterplan: --why: %s\n", message);
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

static gboolean
walk_answers (MpBrief     *brief,
              const char  *answers,
              GError     **error)
{
  g_autoptr(MpFlowWalk) walk = mp_brief_source_article_walk (error);

  if (walk == NULL)
    return FALSE;
  if (answers != NULL && !mp_brief_apply_answers (walk, answers, error))
    return FALSE;
  mp_brief_set_walk (brief, walk);
  return TRUE;
}

int
mp_brief_cli_run (const MpBriefCliArgs *args)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(MpBrief) brief = mp_brief_new ();
  g_autoptr(GError) error = NULL;
  MpWeights w;

  mp_weights_init_article (&w);
  if (args->funding != NULL &&
      !mp_circumstances_parse_funding (&brief->circumstances, args->funding, &error))
    return fail ("--funding", error->message, 2);
  if (args->hours != NULL &&
      !mp_circumstances_parse_hours (&brief->circumstances, args->hours, &error))
    return fail ("--hours", error->message, 2);
  brief->has_costs = args->funding != NULL || args->hours != NULL;
  if (*args->output == '\0')
    return fail ("--brief", _("needs the PDF file to write"), 2);
  if (args->weights != NULL && !mp_weights_parse (&w, args->weights, &error))
    return fail ("--weights", error->message, 2);
  if (!walk_answers (brief, args->answers, &error))
    return fail (error->domain == MP_BRIEF_ERROR ? "--answers" : NULL, error->message,
                 error->domain == MP_BRIEF_ERROR ? 2 : 1);
  if (!load_programs (store, args->programs, &error))
    return fail (NULL, error->message, 1);
  scorer = mp_scorer_new (store);
  mp_scorer_set_weights (scorer, &w);
  mp_brief_set_ranking (brief, scorer);
  if (!mp_brief_set_choice (brief, scorer, args->choice, args->why, &error))
    return fail ("--choice", error->message, 2);
  warn_long_why (args->why);
  if (!mp_brief_write_pdf (brief, mp_brief_paper_default (), args->output, &error))
    return fail (NULL, error->message, 1);
  return 0;
}
