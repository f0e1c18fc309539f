/* test-brief.c: the decision brief, written by `masterplan --brief` as a
 * real process and read back with pdftotext; its content model alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "mp-brief-notes.h"
#include "mp-brief-render.h"
#include "mp-brief-source.h"
#include "mp-utils.h"
#include "mp-confidence.h"
#include "mp-value-plot.h"
#include "mp-criteria.h"
#include "mp-program-store.h"
#include "mp-test-utils.h"

/* The line of the -layout text that starts with @rank and holds @score. */
static gboolean
has_row (const char *layout,
         guint       rank,
         const char *score)
{
  g_auto(GStrv) lines = g_strsplit (layout, "\n", -1);
  g_autofree char *start = g_strdup_printf ("%u ", rank);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), start) && strstr (lines[i], score) != NULL)
      return TRUE;
  return FALSE;
}

/* The PDF's text, words joined by single spaces so wrapped lines still match. */
static char *
pdf_text (const char *path)
{
  g_autofree char *out = mp_test_pdftotext (path, (const char *[]) { NULL });
  g_auto(GStrv) words = NULL;

  words = g_strsplit_set (g_strdelimit (out, "\n\t\f", ' '), " ", -1);
  for (guint i = 0, j = 0; ; i++)
    {
      if (words[i] == NULL || *words[i] != '\0')
        {
          char *word = words[i];
          words[i] = NULL;
          words[j++] = word;
          if (word == NULL)
            break;
        }
      else
        g_free (words[i]);
    }
  return g_strjoinv (" ", words);
}

static guint
count_pages (const char *path)
{
  g_autofree char *raw = mp_test_pdftotext (path, (const char *[]) { "-raw", NULL });

  /* pdftotext ends each page with a form feed. */
  return mp_test_count_char (raw, '\f');
}

static char *
temp_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-brief-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "brief.pdf", NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_written_and_read_back (void)
{
  g_autofree char *path = temp_pdf ();
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *layout = NULL;
  const char *previous = NULL;
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GError) error = NULL;
  MpWeights w;
  int status;

  status = mp_test_run_masterplan (&run, "--brief", path, "--weights",
                                   "faculty=90,scholarship=20,funding=75,flexibility=70,brand=10",
                                   "--answers", "S1=Yes,S3=Yes,S5=No",
                                   "--choice", "larkspur-msc-med-ed",
                                   "--why", "Research is the work I want to lead.", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (status, ==, 0);
  text = pdf_text (path);

  g_assert_nonnull (strstr (text, "Decision Brief"));
  g_assert_nonnull (strstr (text, "Can you get funding or protected time? No"));
  g_assert_nonnull (strstr (text, "Go ahead only with a clear payoff plan"));
  g_assert_nonnull (strstr (text, "Outcome: A master's is likely worthwhile"));
  layout = mp_test_pdftotext (path, (const char *[]) { "-layout", NULL });
  /* The weights side by side, under the criteria's names in their order. */
  g_assert_true (g_regex_match_simple ("^Faculty quality +Scholarship +Funding +Schedule +Brand name$",
                                       layout, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^90 +20 +75 +70 +10$", layout, G_REGEX_MULTILINE, 0));
  g_assert_nonnull (strstr (text, "MSc in Medical Education Research"));
  g_assert_nonnull (strstr (text, "Research is the work I want to lead."));

  /* The top five's names in rank order and their scores, as the scorer ranks them. */
  mp_program_store_load_samples (store, &error);
  g_assert_no_error (error);
  scorer = mp_scorer_new (store);
  g_assert_true (mp_weights_parse (&w, "faculty=90,scholarship=20,funding=75,flexibility=70,brand=10",
                                   &error));
  mp_scorer_set_weights (scorer, &w);
  for (guint r = 0; r < 5; r++)
    {
      guint index = mp_scorer_get_ranked (scorer, r);
      MpProgram *program = mp_program_store_peek (store, index);
      g_autofree char *score = g_strdup_printf ("%.1f", mp_scorer_get_score (scorer, index));
      const char *at = strstr (text, mp_program_get_name (program));

      g_assert_nonnull (at);
      g_assert_true (r == 0 || at > previous);
      g_assert_true (has_row (layout, r + 1, score));
      previous = at;
    }
  remove_temp (path);
}

static void
test_bad_arguments (void)
{
  g_autofree char *path = temp_pdf ();
  struct { const char *option, *value, *message; } cases[] = {
    { "--answers", "S1=Maybe", "S1 has no answer “Maybe”" },
    { "--answers", "S9=Yes", "“S9” is not a question" },
    { "--answers", "S1=No,S3=Yes", "S3 is not on the path" },
    { "--answers", "yes", "is not QUESTION=ANSWER" },
    { "--choice", "no-such-program", "no program has the id “no-such-program”" },
    { "--weights", "faculty=abc", "--weights" },
    { "--format", "json", "--brief takes only" },
    { "--funding", "lots", "--funding" },
    { "--hours", "200", "--hours" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(MpTestRun) run = { 0, };

      g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path,
                                               cases[i].option, cases[i].value, NULL), ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  remove_temp (path);
}

/* With --funding and --hours, each of the top five shows its costs, as
 * mp_costs_compute_for() gives them. */
static void
test_costs (void)
{
  g_autofree char *path = temp_pdf ();
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *text = NULL;
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(GError) error = NULL;
  MpCircumstances circumstances;
  MpWeights w;

  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, "--funding", "10000",
                                           "--hours", "8", NULL), ==, 0);
  text = pdf_text (path);
  mp_program_store_load_samples (store, &error);
  g_assert_no_error (error);
  scorer = mp_scorer_new (store);
  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  mp_circumstances_init (&circumstances);
  circumstances.funding = MP_FUNDING_AMOUNT;
  circumstances.funding_usd = 10000;
  circumstances.hours_per_week = 8;
  for (guint r = 0; r < 5; r++)
    {
      MpProgram *program = mp_program_store_peek (store, mp_scorer_get_ranked (scorer, r));
      MpProgramCosts costs;
      g_autofree char *expected = NULL;
      g_autofree char *pocket = NULL;
      g_autofree char *hours = NULL;

      mp_costs_compute_for (&circumstances, program, &costs);
      pocket = mp_utils_format_usd (costs.out_of_pocket_usd);
      hours = mp_utils_format_grouped (costs.total_hours);
      expected = g_strdup_printf ("%s out of pocket; %s h", pocket, hours);
      g_assert_nonnull (strstr (text, expected));
    }
  remove_temp (path);
}

/* How sure the ranking is: the top five's figures, as the confidence
 * engine gives them with the default spread and seed; and the value
 * section names the frontier's programs. Written twice, the same. */
static void
test_confidence_and_value (void)
{
  g_autofree char *path = temp_pdf ();
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  guint pages;
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(MpConfidenceInput) input = NULL;
  g_autoptr(MpConfidenceResult) result = NULL;
  g_autoptr(MpValuePlot) plot = NULL;
  g_autoptr(GError) error = NULL;
  MpCircumstances circumstances;
  MpWeights w;

  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, "--funding", "10000", NULL), ==, 0);
  text = pdf_text (path);
  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, "--funding", "10000", NULL), ==, 0);
  again = pdf_text (path);
  g_assert_cmpstr (text, ==, again);
  /* One or two pages. */
  pages = count_pages (path);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_cmpuint (pages, <=, 2);
  g_assert_nonnull (strstr (text, "How sure the ranking is"));
  g_assert_nonnull (strstr (text, "Costs and value for money"));
  g_assert_nonnull (strstr (text, "Article’s range $15,000–$50,000+"));

  mp_program_store_load_samples (store, &error);
  g_assert_no_error (error);
  scorer = mp_scorer_new (store);
  mp_weights_init_article (&w);
  mp_scorer_set_weights (scorer, &w);
  input = mp_confidence_input_new_from_scorer (scorer, store, MP_CONFIDENCE_DEFAULT_SPREAD);
  result = mp_confidence_compute (input, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < 5; r++)
    {
      MpProgram *program = mp_program_store_peek (store, mp_scorer_get_ranked (scorer, r));
      g_autofree char *expected = g_strdup_printf ("%u. %s: first in %.0f %%, in the top three in %.0f %%",
                                                   r + 1, mp_program_get_name (program),
                                                   100 * mp_confidence_result_get_p_first (result, r),
                                                   100 * mp_confidence_result_get_p_top3 (result, r));

      g_assert_nonnull (strstr (text, expected));
    }

  mp_circumstances_init (&circumstances);
  circumstances.funding = MP_FUNDING_AMOUNT;
  circumstances.funding_usd = 10000;
  plot = mp_value_plot_new_from_scorer (scorer, &circumstances);
  g_assert_cmpuint (mp_value_plot_get_n_frontier (plot), >, 0);
  for (guint k = 0; k < mp_value_plot_get_n_frontier (plot); k++)
    {
      guint i = mp_value_plot_get_frontier (plot, k);
      g_autofree char *cost = mp_utils_format_usd (mp_value_plot_get_point (plot, i)->cost);
      g_autofree char *item = g_strdup_printf ("%s (%.1f, %s)", mp_value_plot_get_name (plot, i),
                                               mp_value_plot_get_point (plot, i)->score, cost);

      g_assert_nonnull (strstr (text, item));
    }
  remove_temp (path);
}

/* A saved brief is a document to share: 0666 less the umask, not the
 * private 0600 of the temporary file it is written through. */
static void
test_file_mode (void)
{
  g_autofree char *path = temp_pdf ();
  g_auto(MpTestRun) run = { 0, };
  mode_t old_umask = umask (022);
  GStatBuf st;

  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, NULL), ==, 0);
  umask (old_umask);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0644);
  remove_temp (path);
}

static void
test_answers_without_brief (void)
{
  g_auto(MpTestRun) run = { 0, };

  g_assert_cmpint (mp_test_run_masterplan (&run, "--choice", "none", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "belong to --brief"));
}

static void
test_bad_programs_file (void)
{
  g_autofree char *path = temp_pdf ();
  g_autofree char *programs = g_build_filename (TEST_DATA_DIR, "panel-bad-import.csv", NULL);
  g_auto(MpTestRun) run = { 0, };

  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, "--programs", programs, NULL),
                   ==, 1);
  /* FILE:LINE:COLUMN */
  g_assert_nonnull (strstr (run.err, "panel-bad-import.csv:3:64:"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  remove_temp (path);
}

static void
test_unwritable_output (void)
{
  g_auto(MpTestRun) run = { 0, };
  const char *path = "/proc/masterplan-brief-test/brief.pdf";

  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, "brief.pdf"));
}

static void
test_none_and_unfinished (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(MpBrief) brief = mp_brief_new ();
  g_autoptr(MpFlowWalk) walk = NULL;
  g_autoptr(GError) error = NULL;

  mp_program_store_load_samples (store, &error);
  g_assert_no_error (error);
  scorer = mp_scorer_new (store);
  walk = mp_brief_source_article_walk (&error);
  g_assert_no_error (error);
  g_assert_true (mp_brief_apply_answers (walk, "S1=Yes", &error));
  g_assert_no_error (error);
  mp_brief_set_walk (brief, walk);
  g_assert_cmpuint (brief->steps->len, ==, 1);
  g_assert_null (brief->outcome);
  g_assert_cmpstr (brief->stopped_at, ==, "Is leadership or education research your focus?");

  g_assert_true (mp_brief_apply_answers (walk, "s1=no", &error) == FALSE);
  g_clear_error (&error);
  g_assert_true (mp_brief_apply_answers (walk, "S1=no", &error));
  mp_brief_set_walk (brief, walk);
  g_assert_cmpstr (brief->outcome, ==, "Skip the master's degree");
  g_assert_nonnull (brief->explanation);

  mp_brief_set_ranking (brief, scorer);
  g_assert_cmpuint (brief->top->len, ==, MP_BRIEF_TOP);
  g_assert_true (mp_brief_set_choice (brief, scorer, "none", "", &error));
  g_assert_cmpstr (brief->choice_id, ==, "");
  g_assert_null (brief->why);
}

static void
test_notes_in_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(MpBriefNotes) notes = mp_brief_notes_new (settings);
  g_autoptr(MpBriefNotes) again = NULL;

  mp_brief_notes_set_choice (notes, "larkspur-msc-med-ed");
  mp_brief_notes_set_why (notes, "Research.");
  again = mp_brief_notes_new (settings);
  g_assert_cmpstr (mp_brief_notes_get_choice (again), ==, "larkspur-msc-med-ed");
  g_assert_cmpstr (mp_brief_notes_get_why (again), ==, "Research.");
}

static void
test_paper (void)
{
  double w, h;

  mp_brief_paper_size (MP_BRIEF_PAPER_A4, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  mp_brief_paper_size (MP_BRIEF_PAPER_LETTER, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);
}

/* Twelve answers (the most the questions ask) that put brand name last. */
#define WORST_TRADEOFF \
  "faculty,brand,8,4,4,8,a;faculty,funding,8,5,5,8,a;scholarship,brand,7,3,3,7,a;" \
  "flexibility,brand,9,5,5,9,a;funding,brand,8,4,4,8,a;faculty,flexibility,8,5,5,8,a;" \
  "faculty,scholarship,9,6,6,9,a;funding,flexibility,8,6,6,8,b;faculty,brand,9,2,5,9,a;" \
  "scholarship,funding,8,5,5,8,a;flexibility,brand,9,3,6,9,a;scholarship,flexibility,8,5,5,8,b"

/* The fullest brief the window or the command line can make: every
 * question answered, a long outcome note, costs, confidence, long program
 * names and a long choice and why. */
static MpBrief *
worst_brief (MpScorer *scorer)
{
  g_autoptr(MpBrief) brief = mp_brief_new ();
  g_autoptr(MpFlowWalk) walk = NULL;
  g_autoptr(GString) why = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  walk = mp_brief_source_article_walk (&error);
  g_assert_no_error (error);
  g_assert_true (mp_brief_apply_answers (walk, "S1=Yes,S3=Yes,S5=Yes", &error));
  mp_brief_set_walk (brief, walk);
  g_free (brief->explanation);
  brief->explanation = g_strdup ("You aim at leadership or education research and the costs are "
                                 "covered or planned for: a good program is likely to pay off, "
                                 "provided the time it takes is protected by your department "
                                 "and the research it teaches is the research you want to lead.");
  brief->circumstances.funding = MP_FUNDING_AMOUNT;
  brief->circumstances.funding_usd = 10000;
  brief->circumstances.hours_per_week = 6;
  brief->circumstances.hour_value_usd = 80;
  brief->has_costs = TRUE;
  mp_brief_set_ranking (brief, scorer);
  g_assert_true (brief->has_confidence);
  mp_brief_set_tradeoff (brief, WORST_TRADEOFF);
  g_assert_cmpuint (brief->n_tradeoff_answers, ==, 12);
  g_assert_true (brief->has_tradeoff_weights);
  for (guint i = 0; i < brief->top->len; i++)
    {
      MpBriefEntry *entry = &g_array_index (brief->top, MpBriefEntry, i);
      char *name = g_strdup_printf ("%s at the Graduate School of Health Professions "
                                    "Education and Leadership of a Long-Named University",
                                    entry->name);

      g_free (entry->name);
      entry->name = name;
    }
  while (why->len < 3000)
    g_string_append (why, "The ranking puts a research program first, but my chair has offered "
                          "protected time only for the part-time certificate, and I would rather "
                          "start there and move on to the full degree in two years. ");
  g_assert_true (mp_brief_set_choice (brief, scorer, "larkspur-msc-med-ed", why->str, &error));
  g_free (brief->choice_name);
  brief->choice_name = g_strdup (g_array_index (brief->top, MpBriefEntry, 1).name);
  return g_steal_pointer (&brief);
}

/* At most two pages on A4 and Letter, and still the outcome, the names,
 * the choice and the start of the why. */
static void
test_two_pages_at_most (void)
{
  g_autoptr(MpProgramStore) store = mp_program_store_new ();
  g_autoptr(MpScorer) scorer = NULL;
  g_autoptr(MpBrief) brief = NULL;
  g_autoptr(GError) error = NULL;

  mp_program_store_load_samples (store, &error);
  g_assert_no_error (error);
  scorer = mp_scorer_new (store);
  brief = worst_brief (scorer);
  for (MpBriefPaper paper = MP_BRIEF_PAPER_A4; paper <= MP_BRIEF_PAPER_LETTER; paper++)
    {
      g_autofree char *path = temp_pdf ();
      g_autofree char *text = NULL;
      guint pages;

      g_assert_true (mp_brief_write_pdf (brief, paper, path, &error));
      g_assert_no_error (error);
      pages = count_pages (path);
      g_test_message ("%s: %u pages", paper == MP_BRIEF_PAPER_A4 ? "A4" : "Letter", pages);
      g_assert_cmpuint (pages, >=, 1);
      g_assert_cmpuint (pages, <=, 2);
      text = pdf_text (path);
      g_assert_nonnull (strstr (text, "A master's is likely worthwhile"));
      g_assert_nonnull (strstr (text, "Professions Education at the"));
      g_assert_nonnull (strstr (text, "my chair has offered protected time"));
      g_assert_nonnull (strstr (text, "…"));
      g_assert_nonnull (strstr (text, "How sure the ranking is"));
      g_assert_nonnull (strstr (text, "$17,000 out of pocket"));
      g_assert_nonnull (strstr (text, "Your 12 trade-off answers suggest:"));
      remove_temp (path);
    }
}

/* The same through the command line in Spanish (GLib decides once per
 * process whether to translate, hence a child process). */
static void
test_two_pages_spanish (void)
{
  g_autofree char *path = temp_pdf ();
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_auto(MpTestRun) run = { 0, };
  g_autofree char *text = NULL;
  g_autoptr(GString) why = g_string_new (NULL);

  while (why->len < 3000)
    g_string_append (why, "La clasificación pone primero un programa de investigación, pero mi "
                          "jefa solo me ofrece tiempo protegido para el certificado. ");
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("MASTERPLAN_LOCALEDIR", po_dir, TRUE);
  g_assert_cmpint (mp_test_run_masterplan (&run, "--brief", path, "--funding", "10000",
                                           "--hours", "6", "--answers", "S1=Yes,S3=Yes,S5=Yes",
                                           "--choice", "larkspur-msc-med-ed", "--why", why->str,
                                           NULL), ==, 0);
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  g_unsetenv ("MASTERPLAN_LOCALEDIR");
  /* The why is longer than the brief keeps: the user is told. */
  g_assert_nonnull (strstr (run.err, "masterplan: --why: "));
  g_assert_nonnull (strstr (run.err, " caracteres; el informe conserva los primeros 600, "
                                     "cortados en una palabra\n"));
  g_assert_cmpuint (count_pages (path), <=, 2);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Qué tan segura es la clasificación"));
  g_assert_nonnull (strstr (text, "17 000 US$ de su bolsillo"));
  /* The date's month in Spanish, whatever the system's LC_TIME says. */
  {
    static const char * const months[] = {
      "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre",
    };
    gboolean found = FALSE;

    for (guint m = 0; m < G_N_ELEMENTS (months); m++)
      {
        g_autofree char *date = g_strdup_printf (" de %s de ", months[m]);

        found |= strstr (text, date) != NULL;
      }
    g_assert_true (found);
  }
  /* The value chart's cost axis and band in US$ too. */
  g_assert_nonnull (strstr (text, "10 k US$"));
  g_assert_nonnull (strstr (text, "15 000–50 000 US$ o más"));
  g_assert_nonnull (strstr (text, "Por qué: La clasificación pone primero"));
  remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/brief/written-and-read-back", test_written_and_read_back);
  g_test_add_func ("/brief/bad-arguments", test_bad_arguments);
  g_test_add_func ("/brief/answers-without-brief", test_answers_without_brief);
  g_test_add_func ("/brief/costs", test_costs);
  g_test_add_func ("/brief/file-mode", test_file_mode);
  g_test_add_func ("/brief/confidence-and-value", test_confidence_and_value);
  g_test_add_func ("/brief/bad-programs-file", test_bad_programs_file);
  g_test_add_func ("/brief/unwritable-output", test_unwritable_output);
  g_test_add_func ("/brief/none-and-unfinished", test_none_and_unfinished);
  g_test_add_func ("/brief/notes-in-settings", test_notes_in_settings);
  g_test_add_func ("/brief/paper", test_paper);
  g_test_add_func ("/brief/two-pages-at-most", test_two_pages_at_most);
  g_test_add_func ("/brief/two-pages-spanish", test_two_pages_spanish);
  return g_test_run ();
}
