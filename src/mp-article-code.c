/* mp-article-code.c: a code block inside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-code.h"

#include <gmodule.h>
#include <gtksourceview/gtksource.h>

/* GtkSourceView is not linked into the program, as librsvg is not: most
 * articles have no highlighted code, and loading it costs every start. It
 * is opened the first time a fenced block with a language is made. */
typedef struct {
  __typeof__ (gtk_source_init)                              *init;
  __typeof__ (gtk_source_buffer_new)                        *buffer_new;
  __typeof__ (gtk_source_buffer_set_language)               *set_language;
  __typeof__ (gtk_source_buffer_set_style_scheme)           *set_style_scheme;
  __typeof__ (gtk_source_buffer_ensure_highlight)           *ensure_highlight;
  __typeof__ (gtk_source_language_manager_get_default)      *languages;
  __typeof__ (gtk_source_language_manager_get_language)     *get_language;
  __typeof__ (gtk_source_language_manager_guess_language)   *guess_language;
  __typeof__ (gtk_source_language_get_id)                   *language_id;
  __typeof__ (gtk_source_style_scheme_manager_get_default)  *schemes;
  __typeof__ (gtk_source_style_scheme_manager_get_scheme)   *get_scheme;
} Source;

#define SYMBOL(name, field) g_module_symbol (module, name, (gpointer *) &api.field)

static const Source *
source (void)
{
  static Source api;
  static gboolean failed;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (GTKSOURCEVIEW_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      failed = module == NULL ||
        !SYMBOL ("gtk_source_init", init) ||
        !SYMBOL ("gtk_source_buffer_new", buffer_new) ||
        !SYMBOL ("gtk_source_buffer_set_language", set_language) ||
        !SYMBOL ("gtk_source_buffer_set_style_scheme", set_style_scheme) ||
        !SYMBOL ("gtk_source_buffer_ensure_highlight", ensure_highlight) ||
        !SYMBOL ("gtk_source_language_manager_get_default", languages) ||
        !SYMBOL ("gtk_source_language_manager_get_language", get_language) ||
        !SYMBOL ("gtk_source_language_manager_guess_language", guess_language) ||
        !SYMBOL ("gtk_source_language_get_id", language_id) ||
        !SYMBOL ("gtk_source_style_scheme_manager_get_default", schemes) ||
        !SYMBOL ("gtk_source_style_scheme_manager_get_scheme", get_scheme);
      if (failed)
        /* The code is still shown, plain: say why once. */
        g_message ("Code is shown without highlighting: %s", g_module_error ());
      else
        {
          g_module_make_resident (module);
          api.init ();
        }
      g_once_init_leave (&loaded, 1);
    }
  return failed ? NULL : &api;
}

/* Info words that name a language by another name than its id. */
static const char *
alias (const char *lang)
{
  static const char *aliases[][2] = {
    { "py", "python3" }, { "python", "python3" }, { "bash", "sh" }, { "shell", "sh" },
    { "console", "sh" }, { "zsh", "sh" }, { "javascript", "js" }, { "ts", "typescript" },
    { "yml", "yaml" }, { "md", "markdown" }, { "c++", "cpp" }, { "rs", "rust" },
    { "rb", "ruby" }, { "html", "html" }, { "xml", "xml" }, { "golang", "go" },
    { "dockerfile", "docker" }, { "make", "makefile" }, { "toml", "toml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (lang, aliases[i][0]) == 0)
      return aliases[i][1];
  return lang;
}

static GtkSourceLanguage *
find_language (const Source *api,
               const char   *lang)
{
  GtkSourceLanguageManager *manager = api->languages ();
  g_autofree char *lower = g_ascii_strdown (lang, -1);
  g_autofree char *file_name = NULL;
  GtkSourceLanguage *language = api->get_language (manager, alias (lower));

  if (language != NULL)
    return language;
  /* Then as a file extension: "el", "pl", "cs"… */
  file_name = g_strconcat ("code.", lower, NULL);
  return api->guess_language (manager, file_name, NULL);
}

const char *
mp_article_code_language (const char *lang)
{
  const Source *api;
  GtkSourceLanguage *language;

  if (lang == NULL || *lang == '\0' || (api = source ()) == NULL)
    return NULL;
  language = find_language (api, lang);
  return language != NULL ? api->language_id (language) : NULL;
}

static gboolean
prefers_dark (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *theme = NULL;
  gboolean dark = FALSE;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark, "gtk-theme-name", &theme, NULL);
  /* GTK_THEME=Name:dark overrides the settings, as GTK does. */
  if (g_getenv ("GTK_THEME") != NULL && g_str_has_suffix (g_getenv ("GTK_THEME"), ":dark"))
    return TRUE;
  return dark || (theme != NULL && g_str_has_suffix (theme, "-dark"));
}

/* The highlighter's tags on a segment, as span attributes: later tags
 * (higher priority) win. */
static void
append_span_open (GString *markup,
                  GSList  *tags)
{
  g_autofree char *color = NULL;
  int weight = -1;
  gboolean italic = FALSE, underline = FALSE;

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean fg_set, weight_set, style_set, underline_set;
      GdkRGBA *fg = NULL;
      int tag_weight;
      PangoStyle style;
      PangoUnderline tag_underline;

      g_object_get (l->data, "foreground-set", &fg_set, "foreground-rgba", &fg,
                    "weight-set", &weight_set, "weight", &tag_weight, "style-set", &style_set,
                    "style", &style, "underline-set", &underline_set, "underline", &tag_underline, NULL);
      if (fg_set && fg != NULL)
        {
          g_free (color);
          color = g_strdup_printf ("#%02x%02x%02x", (int) (fg->red * 255 + 0.5),
                                   (int) (fg->green * 255 + 0.5), (int) (fg->blue * 255 + 0.5));
        }
      if (weight_set)
        weight = tag_weight;
      if (style_set)
        italic = style == PANGO_STYLE_ITALIC;
      if (underline_set)
        underline = tag_underline != PANGO_UNDERLINE_NONE;
      g_clear_pointer (&fg, gdk_rgba_free);
    }
  g_string_append (markup, "<span");
  if (color != NULL)
    g_string_append_printf (markup, " foreground=\"%s\"", color);
  if (weight >= 0)
    g_string_append_printf (markup, " weight=\"%d\"", weight);
  if (italic)
    g_string_append (markup, " style=\"italic\"");
  if (underline)
    g_string_append (markup, " underline=\"single\"");
  g_string_append (markup, ">");
}

/* Pango markup of @code highlighted as @language, in the light or the
 * dark scheme: a label shows it, exactly and at its exact height. */
static char *
highlighted_markup (const Source      *api,
                    const char        *code,
                    GtkSourceLanguage *language)
{
  g_autoptr(GtkTextBuffer) buffer = GTK_TEXT_BUFFER (api->buffer_new (NULL));
  GtkSourceStyleScheme *scheme = api->get_scheme (api->schemes (), prefers_dark () ? "Adwaita-dark" : "Adwaita");
  GString *markup = g_string_new (NULL);
  GtkTextIter iter, next, end;

  api->set_language ((GtkSourceBuffer *) buffer, language);
  if (scheme != NULL)
    api->set_style_scheme ((GtkSourceBuffer *) buffer, scheme);
  gtk_text_buffer_set_text (buffer, code, -1);
  gtk_text_buffer_get_bounds (buffer, &iter, &end);
  api->ensure_highlight ((GtkSourceBuffer *) buffer, &iter, &end);
  while (!gtk_text_iter_equal (&iter, &end))
    {
      /* The list is ours, the tags are the buffer's. */
      g_autoptr(GSList) tags = gtk_text_iter_get_tags (&iter);
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      next = iter;
      gtk_text_iter_forward_to_tag_toggle (&next, NULL);
      text = gtk_text_iter_get_slice (&iter, &next);
      escaped = g_markup_escape_text (text, -1);
      append_span_open (markup, tags);
      g_string_append (markup, escaped);
      g_string_append (markup, "</span>");
      iter = next;
    }
  return g_string_free (markup, FALSE);
}

static void
set_code_markup (GtkLabel *label)
{
  const char *code = g_object_get_data (G_OBJECT (label), "mp-code-text");
  const char *lang = g_object_get_data (G_OBJECT (label), "mp-code-lang");
  g_autofree char *markup = NULL;
  GtkSourceLanguage *language = NULL;
  const Source *api = NULL;

  if (lang != NULL && (api = source ()) != NULL)
    language = find_language (api, lang);
  if (language != NULL)
    markup = highlighted_markup (api, code, language);
  else
    markup = g_markup_escape_text (code, -1);
  gtk_label_set_markup (label, markup);
}

static void
on_theme_changed (GtkLabel *label)
{
  /* Find's marks are attributes over the markup: they stay. */
  g_autoptr(PangoAttrList) attributes = pango_attr_list_ref (gtk_label_get_attributes (label));

  set_code_markup (label);
  gtk_label_set_attributes (label, attributes);
}

GtkWidget *
mp_article_code_new (const char *code,
                     const char *lang)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkSettings *settings = gtk_settings_get_default ();

  g_object_set_data_full (G_OBJECT (label), "mp-code-text", g_strdup (code), g_free);
  if (lang != NULL && *lang != '\0')
    g_object_set_data_full (G_OBJECT (label), "mp-code-lang", g_strdup (lang), g_free);
  set_code_markup (GTK_LABEL (label));
  /* A label, not a text view: it knows its exact height at once, and the
   * article places it right the first time. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "mp-code-text");
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  /* GTK 4.8 leaves a classic scrollbar's height out of the block's, and
   * it would hide the last line: the overlay one is drawn over the
   * bottom padding instead (the style sheet makes room). */
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  /* Tab selects the whole block (ready to copy); the viewport would then
   * scroll to the end of its widest line and hide the start of the others. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))),
                                    FALSE);
  gtk_widget_add_css_class (scroller, "mp-code-block");
  g_object_set_data (G_OBJECT (scroller), "mp-code", GINT_TO_POINTER (1));
  if (lang != NULL && *lang != '\0' && settings != NULL)
    {
      g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                               G_CALLBACK (on_theme_changed), label, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "notify::gtk-theme-name",
                               G_CALLBACK (on_theme_changed), label, G_CONNECT_SWAPPED);
    }
  return scroller;
}

gboolean
mp_article_is_code (GtkWidget *widget)
{
  return widget != NULL && g_object_get_data (G_OBJECT (widget), "mp-code") != NULL;
}

GtkLabel *
mp_article_code_get_label (GtkWidget *code)
{
  GtkWidget *child;

  g_return_val_if_fail (mp_article_is_code (code), NULL);
  child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (code));
  /* The scrolled window puts a viewport around a label. */
  if (GTK_IS_VIEWPORT (child))
    child = gtk_viewport_get_child (GTK_VIEWPORT (child));
  return GTK_LABEL (child);
}
