/* test-i18n.c: the real window in Spanish, from the build tree's translations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "mp-flow-canvas.h"
#include "mp-flow-pane.h"
#include "mp-panel-common.h"
#include "mp-program-details.h"
#include "mp-rank-model.h"
#include "mp-test-utils.h"
#include "mp-weights-panel.h"
#include "mp-window.h"

#define NBSP "\xc2\xa0"

static void
destroy_window (MpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

static void
add_text (GHashTable *texts,
          const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_hash_table_add (texts, g_strdup (text));
}

/* Every label's text, as written (mnemonic, markup) and as shown. */
static void
collect_texts (GtkWidget  *widget,
               GHashTable *texts)
{
  if (GTK_IS_LABEL (widget))
    {
      add_text (texts, gtk_label_get_label (GTK_LABEL (widget)));
      add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
    }
  else if (GTK_IS_BUTTON (widget))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static GHashTable *
texts_of (GtkWidget *widget)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_texts (widget, texts);
  return texts;
}

static void
assert_has_text (GHashTable *texts,
                 const char *text)
{
  if (!g_hash_table_contains (texts, text))
    g_error ("no label reads “%s” in the widget tree", text);
}

/* GTK 4.8 has no getter for accessible properties; the check returns the
 * actual value when it differs from the one given. */
static char *
accessible_description (GtkWidget *widget)
{
  char *value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                    "\x01");

  g_assert_nonnull (value);
  return value;
}

static void
test_spanish_labels (void)
{
  MpWindow *window = mp_test_new_window ();
  g_autoptr(GHashTable) texts = texts_of (GTK_WIDGET (window));

  assert_has_text (texts, "_Abrir");
  assert_has_text (texts, "Peso de cada criterio");
  assert_has_text (texts, "Calidad del profesorado");
  assert_has_text (texts, "Flexibilidad horaria");
  assert_has_text (texts, "Del _artículo");
  assert_has_text (texts, "Lista");
  assert_has_text (texts, "Detalles");
  assert_has_text (texts, "Comparar");
  assert_has_text (texts, "Los programas incluidos son ejemplos ficticios.");
  assert_has_text (texts, "Pregunta");
  assert_has_text (texts, "_Atrás");
  assert_has_text (texts, "Atrás");
  assert_has_text (texts, "_Reiniciar");
  g_assert_false (g_hash_table_contains (texts, "How much each matters"));
  g_assert_false (g_hash_table_contains (texts, "_Back"));
  g_assert_false (g_hash_table_contains (texts, "_Open"));

  destroy_window (window);
}

/* What a screen reader says is Spanish too; the question itself is the
 * article's own (English) text. */
static void
test_spanish_accessible (void)
{
  MpWindow *window = mp_test_new_window ();
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  GtkRange *slider = mp_weights_panel_get_slider (panel, MP_CRITERION_FACULTY);
  MpFlowPane *pane = MP_FLOW_PANE (mp_window_get_flow_pane (window));
  g_autofree char *walk = accessible_description (GTK_WIDGET (mp_flow_pane_get_canvas (pane)));
  g_autofree char *name_mismatch =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (slider), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        "Calidad del profesorado (peso)");

  g_assert_null (name_mismatch);
  g_test_message ("canvas description: %s", walk);
  g_assert_true (g_str_has_prefix (walk, "Paso actual: Do you want a major education role? "
                                         "Respuestas: No, Yes. Las flechas eligen una "
                                         "respuesta, Intro la confirma y Retroceso vuelve "
                                         "atrás."));

  destroy_window (window);
}

/* The locale was set up by main (); glibc's es_ES groups thousands with "."
 * and writes decimals with ",". */
static char *
spanish_thousands (guint value)
{
  if (value < 1000)
    return g_strdup_printf ("%u", value);
  return g_strdup_printf ("%u.%03u", value / 1000, value % 1000);
}

static void
test_spanish_numbers (void)
{
  MpWindow *window = mp_test_new_window ();
  MpWeightsPanel *panel = MP_WEIGHTS_PANEL (mp_window_get_weights_panel (window));
  g_autoptr(MpRankSlot) first = g_list_model_get_item (mp_weights_panel_get_ranking (panel), 0);
  MpProgram *program = mp_rank_slot_get_program (first);
  double score = mp_rank_slot_get_score (first);
  guint tuition = (guint) mp_program_get_tuition (program);
  g_autofree char *thousands = spanish_thousands (tuition);
  g_autofree char *money = g_strconcat (thousands, NBSP "US$", NULL);
  g_autofree char *score_text = g_strdup_printf ("%d,%d", (int) (score * 10 + 0.5) / 10,
                                                 (int) (score * 10 + 0.5) % 10);
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *free_tuition = mp_panel_format_tuition (0);
  g_autofree char *years = mp_panel_format_years (1.5);
  g_autofree char *one_year = mp_panel_format_years (1);
  g_autofree char *hours = mp_panel_format_hours (7.5);

  g_assert_cmpuint (tuition, >=, 1000);
  mp_weights_panel_select_rank (panel, 0);
  mp_test_iterate ();
  texts = texts_of (GTK_WIDGET (window));
  g_test_message ("tuition %u → “%s”, score %.3f → “%s”", tuition, money, score, score_text);
  assert_has_text (texts, money);
  assert_has_text (texts, score_text);
  assert_has_text (texts, "Matrícula");

  g_assert_cmpstr (free_tuition, ==, "Gratuita");
  g_assert_cmpstr (years, ==, "1,5 años");
  g_assert_cmpstr (one_year, ==, "1 año");
  g_assert_cmpstr (hours, ==, "7,5 h/semana");

  destroy_window (window);
}

/* LANGUAGE alone picks the messages once the locale is not plain "C"; the
 * numbers then follow C.UTF-8, which groups no digits, so amounts take the
 * translation's separator. */
static void
test_language_without_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *tuition = NULL;
  g_autofree char *years = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  tuition = mp_panel_format_tuition (49500);
  years = mp_panel_format_years (1.5);
  g_assert_cmpstr (_("Outline"), ==, "Índice");
  g_assert_cmpstr (tuition, ==, "49" NBSP "500" NBSP "US$");
  g_assert_cmpstr (years, ==, "1.5 años");

  g_assert_nonnull (setlocale (LC_ALL, saved));
}

/* Uses the system's es_ES.UTF-8, or compiles one into the build tree (no root
 * needed: LOCPATH points glibc at it, then at the system's locales for
 * C.UTF-8). glibc remembers a locale it failed to find, so the locale is made
 * before it is asked for. Runs before any thread exists, for setenv. */
static gboolean
use_spanish_locale (GError **error)
{
  g_autofree char *locpath = NULL;
  g_autofree char *target = NULL;
  g_autofree char *ctype = NULL;
  g_autofree char *search_path = NULL;
  g_autofree char *errors = NULL;
  int status = 0;

  if (setlocale (LC_ALL, "es_ES.UTF-8") != NULL)
    return TRUE;

  locpath = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "locale", NULL);
  target = g_build_filename (locpath, "es_ES.UTF-8", NULL);
  ctype = g_build_filename (target, "LC_CTYPE", NULL);
  if (!g_file_test (ctype, G_FILE_TEST_IS_REGULAR))
    {
      const char *argv[] = { "localedef", "-i", "es_ES", "-f", "UTF-8", target, NULL };

      g_mkdir_with_parents (locpath, 0755);
      if (!g_spawn_sync (NULL, (char **) argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                         NULL, NULL, NULL, &errors, &status, error))
        return FALSE;
    }
  search_path = g_strconcat (locpath, ":/usr/lib/locale", NULL);
  g_setenv ("LOCPATH", search_path, TRUE);
  if (setlocale (LC_ALL, "es_ES.UTF-8") != NULL)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "no es_ES.UTF-8 locale, and “localedef -i es_ES -f UTF-8 %s” could not make one "
               "(wait status %d: %s); install Debian’s “locales” package",
               target, status, errors != NULL ? errors : "");
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *po_dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "es", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);

  g_setenv ("LANGUAGE", "es", TRUE);
  if (!use_spanish_locale (&error))
    g_error ("cannot use a Spanish locale: %s", error->message);
  /* gtk_test_init sets its own locale */
  gtk_test_init (&argc, &argv, NULL);
  g_assert_nonnull (setlocale (LC_ALL, "es_ES.UTF-8"));

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s is missing: build the project (the po/ targets) first", mo);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/i18n/spanish-labels", test_spanish_labels);
  g_test_add_func ("/i18n/spanish-accessible", test_spanish_accessible);
  g_test_add_func ("/i18n/spanish-numbers", test_spanish_numbers);
  g_test_add_func ("/i18n/language-without-locale", test_language_without_locale);

  return g_test_run ();
}
