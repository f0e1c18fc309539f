/* mp-cli.c: the headless command lines, run before any display is opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-cli.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-article-printing.h"
#include "mp-brief-cli.h"
#include "mp-flow-export.h"
#include "mp-rank-cli.h"

/* Options the window itself takes (GApplication's); everything else that
 * looks like an option is the command line's, which explains a mistake and
 * exits 2 where GApplication would exit 1. */
static const char * const window_options[] = {
  "--gapplication-service", "--help-all", "--help-gapplication", NULL
};

gboolean
mp_cli_is_headless (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *name = NULL;

      if (g_str_equal (argv[i], "--"))
        break;
      if (argv[i][0] != '-' || argv[i][1] == '\0')
        continue;
      name = g_strndup (argv[i], strcspn (argv[i], "="));
      if (!g_strv_contains (window_options, name))
        return TRUE;
    }
  return FALSE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("masterplan: %s\n", message);
  g_printerr (_("Run “masterplan --help” to see every mode and option.\n"));
  return 2;
}

static int
run_rank (GOptionContext   *context,
          const char       *weights,
          const char       *programs,
          const char       *format,
          MpRankExtrasArgs *args,
          const char       *spread,
          const char       *samples,
          const char       *seed,
          const char       *funding,
          const char       *hours)
{
  g_autoptr(GError) error = NULL;
  MpRankExtras extras;

  args->spread = spread;
  args->samples = samples;
  args->seed = seed;
  args->funding = funding;
  args->hours = hours;
  if (!mp_rank_extras_parse (&extras, args, &error))
    return usage_error (context, error->message);
  return mp_rank_cli_run (weights, programs, format, &extras);
}

/* --print-article takes one Markdown file at most, and no other option. */
static int
run_print_article (GOptionContext  *context,
                   gboolean         alone,
                   char           **args,
                   const char      *output)
{
  guint n_args = g_strv_length (args);

  if (!alone)
    return usage_error (context, _("--print-article takes no other option"));
  if (n_args > 2)
    return usage_error (context, _("--print-article takes one Markdown file at most"));
  return mp_article_printing_cli_run (output, n_args == 2 ? args[1] : NULL);
}

int
mp_cli_run (int    argc,
            char **argv)
{
  /* argc is implied by the NULL-terminated argv that main() receives. */
  gboolean rank = FALSE;
  g_autofree char *weights = NULL;
  g_autofree char *programs = NULL;
  g_autofree char *format = NULL;
  g_autofree char *export_input = NULL;
  g_autofree char *check_input = NULL;
  g_autofree char *output = NULL;
  int block = 1;
  MpBriefCliArgs brief = { NULL, };
  MpRankExtrasArgs extra_args = { FALSE, };
  g_autofree char *spread = NULL, *samples = NULL, *seed = NULL, *funding = NULL, *hours = NULL;
  g_autofree char *brief_output = NULL, *answers = NULL, *choice = NULL, *why = NULL;
  g_autofree char *print_output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "rank", 0, 0, G_OPTION_ARG_NONE, &rank,
      N_("Print the ranking of the programs and exit"), NULL },
    { "weights", 0, 0, G_OPTION_ARG_STRING, &weights,
      N_("Weights for --rank, e.g. faculty=90,scholarship=80,funding=75,flexibility=70,brand=50"),
      N_("LIST") },
    { "programs", 0, 0, G_OPTION_ARG_FILENAME, &programs,
      N_("Programs file (JSON or CSV) for --rank"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format of --rank: tsv or json"), N_("FORMAT") },
    { "confidence", 0, 0, G_OPTION_ARG_NONE, &extra_args.confidence,
      N_("With --rank: how sure each rank is (share first, share in the top three, "
         "5th–95th percentile rank) under uncertain weights and rating ranges"), NULL },
    { "spread", 0, 0, G_OPTION_ARG_STRING, &spread,
      N_("With --confidence: how far each weight may be off, in points (default 15)"),
      N_("POINTS") },
    { "samples", 0, 0, G_OPTION_ARG_STRING, &samples,
      N_("With --confidence: how many weightings to sample (default 10000; programs × samples "
         "at most 1000000000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("With --confidence: the random seed; the same seed gives the same figures"), N_("N") },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &funding,
      N_("With --rank or --brief: the funding you expect, in USD, or none or all; adds the "
         "out-of-pocket cost, total hours (30 teaching weeks a year) and fits_hours"),
      N_("USD") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours,
      N_("With --rank or --brief: the hours a week you can give; adds the same columns as --funding"),
      N_("N") },
    { "export-flowchart", 0, 0, G_OPTION_ARG_FILENAME, &export_input,
      N_("Export the flowchart of a .mmd or Markdown file and exit"), N_("INPUT") },
    { "check-flowchart", 0, 0, G_OPTION_ARG_FILENAME, &check_input,
      N_("Check the decision trees of a .mmd or Markdown file, print what needs care and exit"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where --export-flowchart writes (.svg, .png or .pdf)"), N_("OUTPUT") },
    { "block", 0, 0, G_OPTION_ARG_INT, &block,
      N_("Which mermaid block of a Markdown file to export (from 1)"), N_("N") },
    { "brief", 0, 0, G_OPTION_ARG_FILENAME, &brief_output,
      N_("Write the decision brief (PDF) and exit; takes --weights and --programs too"),
      N_("OUT.pdf") },
    { "answers", 0, 0, G_OPTION_ARG_STRING, &answers,
      N_("With --brief: the flowchart's answers, e.g. S1=Yes,S3=Yes,S5=No"), N_("LIST") },
    { "choice", 0, 0, G_OPTION_ARG_STRING, &choice,
      N_("With --brief: the id of the program you chose, or none"), N_("ID") },
    { "why", 0, 0, G_OPTION_ARG_STRING, &why,
      N_("With --brief: why you chose it"), N_("TEXT") },
    { "print-article", 0, 0, G_OPTION_ARG_FILENAME, &print_output,
      N_("Write the article FILE.md (the bundled one without FILE) as printed pages "
         "to a PDF and exit"), N_("OUT.pdf") },
    { NULL }
  };

  context = g_option_context_new (_("[FILE.md | FILE.mmd]"));
  g_option_context_set_summary (context,
                                _("Without options, opens the window: the bundled article, or "
                                  "FILE (a Markdown article or a Mermaid flowchart).\n\n"
                                  "Modes without a window:\n"
                                  "  masterplan --rank [--weights LIST] [--programs FILE] "
                                  "[--format tsv|json] [--confidence [--spread POINTS] "
                                  "[--samples N] [--seed N]] [--funding USD] [--hours N]\n"
                                  "  masterplan --brief OUT.pdf [--weights LIST] [--programs FILE] "
                                  "[--answers LIST] [--choice ID] [--why TEXT] [--funding USD] [--hours N]\n"
                                  "  masterplan --export-flowchart INPUT -o OUTPUT [--block N]\n"
                                  "  masterplan --print-article OUT.pdf [FILE.md]\n"
                                  "  masterplan --check-flowchart FILE"));
  g_option_context_set_description (context,
                                    _("Exit status: 0 on success, 1 when an input file is "
                                      "wrong, 2 when the options are."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (context, error->message);
  if (print_output != NULL)
    return run_print_article (context,
                              !rank && weights == NULL && programs == NULL && format == NULL &&
                              export_input == NULL && check_input == NULL && output == NULL &&
                              block == 1 && brief_output == NULL && answers == NULL &&
                              choice == NULL && why == NULL && !extra_args.confidence &&
                              spread == NULL && samples == NULL && seed == NULL &&
                              funding == NULL && hours == NULL,
                              args, print_output);
  if (g_strv_length (args) > 1)
    return usage_error (context, _("unexpected argument; the headless modes take options only"));
  if (rank && export_input != NULL)
    return usage_error (context, _("--rank and --export-flowchart cannot be combined"));
  if (check_input != NULL)
    {
      if (rank || export_input != NULL || output != NULL || block != 1 ||
          weights != NULL || programs != NULL || format != NULL)
        return usage_error (context, _("--check-flowchart takes no other option"));
      return mp_flow_check_cli_run (check_input);
    }

  if (!rank && (extra_args.confidence || spread != NULL || samples != NULL || seed != NULL ||
                ((funding != NULL || hours != NULL) && brief_output == NULL)))
    return usage_error (context, _("--confidence, --spread, --samples, --seed, --funding and "
                                   "--hours belong to --rank"));
  if (brief_output != NULL)
    {
      if (rank || export_input != NULL || output != NULL || block != 1 || format != NULL)
        return usage_error (context, _("--brief takes only --weights, --programs, --answers, "
                                       "--choice, --why, --funding and --hours"));
      brief = (MpBriefCliArgs) { brief_output, weights, programs, answers, choice, why,
                                 funding, hours };
      return mp_brief_cli_run (&brief);
    }
  if (answers != NULL || choice != NULL || why != NULL)
    return usage_error (context, _("--answers, --choice and --why belong to --brief; add "
                                   "--brief OUT.pdf, e.g. masterplan --brief brief.pdf "
                                   "--answers S1=Yes,S3=No"));

  if (rank)
    {
      if (output != NULL || block != 1)
        return usage_error (context, _("--output and --block belong to --export-flowchart"));
      return run_rank (context, weights, programs, format, &extra_args,
                       spread, samples, seed, funding, hours);
    }

  if (weights != NULL || programs != NULL || format != NULL)
    return usage_error (context, _("--weights, --programs and --format belong to --rank; "
                                   "add --rank, e.g. masterplan --rank --weights "
                                   "faculty=90,brand=10"));
  if (export_input == NULL)
    return usage_error (context, _("--output and --block belong to --export-flowchart; add "
                                   "--export-flowchart INPUT, e.g. masterplan "
                                   "--export-flowchart chart.mmd -o chart.svg"));
  if (output == NULL)
    return usage_error (context, _("--export-flowchart needs -o OUTPUT, a .svg, .png or .pdf "
                                   "file, e.g. masterplan --export-flowchart chart.mmd "
                                   "-o chart.svg"));
  if (block < 1)
    return usage_error (context, _("--block counts from 1"));
  return mp_flow_export_cli_run (export_input, output, block);
}
