/* mp-article-view.c: renders an MpDocument natively in a GtkTextView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-view.h"
#include "mp-note-popover.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mp-article-code.h"
#include "mp-article-outline.h"
#include "mp-article-render.h"
#include "mp-find-model.h"
#include "mp-reading-positions.h"
#include "mp-utils.h"

#define COLUMN_EMS       36.0   /* about 70 characters of text */
#define MIN_MARGIN_EMS   1.5
#define READING_SCALE    1.1    /* of the desktop font, at zoom 1 */
#define HIGHLIGHT_MS     2000
#define HIGHLIGHT_STEP   40
#define FIRST_SCREEN_CHARS  1500  /* text that fills the first screen */
#define CHARS_PER_EM        30    /* that screen's characters per em of its height */
#define STYLE_RUNS_PER_STEP 1500
#define POSITION_FRAMES     12    /* a restored place is held this long */
/* After frames (GDK_PRIORITY_REDRAW), before the text view lays out lines
 * in the background: styling first saves laying lines out twice. */
#define STYLE_PRIORITY      (GDK_PRIORITY_REDRAW + 2)

struct _MpArticleView
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkWidget         *note_popover;   /* a footnote's text, by its reference */
  GtkSearchBar      *search_bar;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;

  GtkWidget         *outline;

  MpDocument        *document;
  MpArticleRender   *render;
  GtkTextTagTable   *tags;
  double             zoom;
  GtkCssProvider    *zoom_provider;
  char              *zoom_class;

  /* layout computed for this width and font size */
  int                layout_width;
  double             layout_font_px;
  int                layout_margin;
  int                layout_column;
  double             tags_em;
  GdkRGBA            tags_fg;        /* the colours the tags were set from */
  GdkRGBA            tags_accent;
  GdkRGBA            tags_warning;
  GdkRGBA            tags_accent_fg;

  MpFindModel       *find;
  GSettings         *settings;     /* for reading positions; NULL without the schema */
  guint              position_tick_id;
  int                position;       /* where a new document is to open */
  GtkTextMark       *position_mark;
  guint              position_frames;
  GtkTextMark       *match_mark;

  guint              highlight_id;
  gint64             highlight_start;
  guint              style_id;
  guint              visible_fill_id;
  guint              table_scroll_frames;  /* > 0 while a cell waits to be shown */
  guint              background_fill_id;
  guint              next_slot;
};

enum { PROP_0, PROP_ZOOM, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpArticleView, mp_article_view, GTK_TYPE_WIDGET)

static void show_note       (MpArticleView       *self,
                             const MpArticleLink *link);
static void highlight_table (MpArticleView *self,
                             guint          anchor_index);

static double
font_px (MpArticleView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *font_name = NULL;
  PangoFontDescription *desc;
  double size = 11 * 96.0 / 72.0;

  g_object_get (settings, "gtk-font-name", &font_name, NULL);
  desc = font_name != NULL ? pango_font_description_from_string (font_name) : NULL;
  if (desc != NULL && pango_font_description_get_size (desc) > 0)
    {
      size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
      if (!pango_font_description_get_size_is_absolute (desc))
        size *= 96.0 / 72.0;
    }
  if (desc != NULL)
    pango_font_description_free (desc);
  return size * READING_SCALE * self->zoom;
}

static void
update_zoom_css (MpArticleView *self)
{
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.1f", READING_SCALE * self->zoom * 100);
  css = g_strdup_printf ("textview.%s { font-size: %s%%; }", self->zoom_class, number);
  gtk_css_provider_load_from_data (self->zoom_provider, css, -1);
}

/* Pixel sizes of the tags follow the font size; colours follow the theme. */
static void
set_tag (MpArticleView *self,
         const char    *name,
         const char    *first_property,
         ...)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (self->tags, name);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (tag), first_property, args);
  va_end (args);
}

static void
update_indent_tag (GtkTextTag *tag,
                   gpointer    user_data)
{
  int *units = user_data;   /* margin, quote unit, list unit, largest indent */
  guint quote_depth, list_depth;
  gboolean hanging;
  int left, old_left, old_indent;

  if (!mp_article_render_is_indent_tag (tag))
    return;
  quote_depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tag), "mp-quote-depth"));
  list_depth = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tag), "mp-list-depth"));
  hanging = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "mp-hanging"));
  /* Deep nesting stops indenting at half the column, so text stays on screen. */
  left = units[0] + MIN ((int) (quote_depth * units[1] + list_depth * units[2]), units[3]);
  /* Changing a tag re-lays out all its text: only when needed. */
  g_object_get (tag, "left-margin", &old_left, "indent", &old_indent, NULL);
  if (old_left == left && old_indent == (hanging ? -units[2] : 0))
    return;
  g_object_set (tag, "left-margin", left, "indent", hanging ? -units[2] : 0, NULL);
  if (hanging)
    {
      /* The marker starts the first line; its text lines up with the rest. */
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, units[2]);
      g_object_set (tag, "tabs", tabs, NULL);
      pango_tab_array_free (tabs);
    }
}

static void
update_size_tags (MpArticleView *self,
                  double         em,
                  int            margin)
{
  static const double scales[] = { 1.9, 1.5, 1.25, 1.1, 1.0, 0.95 };
  static const double above[] = { 0.4, 1.6, 1.3, 1.1, 1.0, 1.0 };
  int units[4] = { margin, em * 1.6, em * 1.8, MAX (self->layout_column / 2, em * 1.8) };

  /* Indent tags compare their values themselves; new ones appear with
   * every document. */
  gtk_text_tag_table_foreach (self->tags, update_indent_tag, units);
  if (em == self->tags_em)
    return;
  self->tags_em = em;
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      char name[3] = { 'h', '1' + i, '\0' };
      set_tag (self, name, "scale", scales[i], "weight", i < 3 ? 800 : 700,
               "pixels-above-lines", (int) (em * above[i]),
               "pixels-below-lines", (int) (em * 0.5), NULL);
    }
  gtk_text_view_set_pixels_below_lines (self->text_view, em * 0.85);
  set_tag (self, "li-tight", "pixels-below-lines", (int) (em * 0.3), NULL);
  set_tag (self, "superscript", "rise", (int) (em * 0.35 * PANGO_SCALE), "scale", 0.75, NULL);
  set_tag (self, "block-end", "pixels-below-lines", (int) (em * 0.9), NULL);
  set_tag (self, "widget-line", "pixels-below-lines", (int) (em * 0.9),
           "pixels-above-lines", (int) (em * 0.2), NULL);
}

static void
size_block (MpArticleView   *self,
            MpArticleAnchor *anchor)
{
  GtkWidget *widget = anchor->widget;
  GtkWidget *content = widget;
  int left = self->layout_margin;
  int width, image_width, image_height;

  if (anchor->indent != NULL)
    g_object_get (anchor->indent, "left-margin", &left, NULL);
  width = MAX (self->layout_column - (left - self->layout_margin), 48);
  if (mp_article_is_slot (widget))
    {
      if (!mp_article_slot_is_filled (widget))
        {
          /* An image waiting to be seen may know its size already. */
          image_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mp-image-width"));
          image_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mp-image-height"));
          if (image_width > 0 && image_height > 0)
            {
              width = MIN (width, image_width * self->zoom);
              gtk_widget_set_size_request (widget, width, width * image_height / image_width);
            }
          else
            gtk_widget_set_size_request (widget, width,
                                         mp_article_slot_get_estimate (widget) * self->layout_font_px);
          return;
        }
      content = gtk_widget_get_first_child (widget);
    }
  image_width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (content), "mp-image-width"));
  image_height = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (content), "mp-image-height"));
  if (image_width > 0 && image_height > 0)
    {
      width = MIN (width, image_width * self->zoom);
      gtk_widget_set_size_request (widget, -1, -1);
      gtk_widget_set_size_request (content, width, width * image_height / image_width);
    }
  else
    gtk_widget_set_size_request (widget, width, -1);
}

static void
update_block_widths (MpArticleView *self)
{
  if (self->render == NULL)
    return;
  for (guint i = 0; i < self->render->anchors->len; i++)
    size_block (self, &g_array_index (self->render->anchors, MpArticleAnchor, i));
}

static void
fill_slot (MpArticleView   *self,
           MpArticleAnchor *anchor)
{
  if (!mp_article_is_slot (anchor->widget) || !mp_article_slot_fill (anchor->widget))
    return;
  if (self->layout_font_px > 0)
    size_block (self, anchor);
  /* A table made while find shows matches shows its own. */
  if (mp_find_model_get_n_matches (self->find) > 0)
    highlight_table (self, anchor - &g_array_index (self->render->anchors, MpArticleAnchor, 0));
}

/* Makes the slots within a screen above and two below the view. Lines
 * below the screen may not be laid out yet, so their positions are not
 * known: distances are counted in characters, a screen being as many as
 * the view shows now. */
static gboolean
fill_visible_slots (gpointer user_data)
{
  MpArticleView *self = user_data;
  GdkRectangle visible;
  GtkTextIter top, bottom;
  int first, last, screen;

  self->visible_fill_id = 0;
  if (self->render == NULL)
    return G_SOURCE_REMOVE;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &top, visible.x, visible.y);
  gtk_text_view_get_iter_at_location (self->text_view, &bottom, visible.x + visible.width,
                                      visible.y + visible.height);
  first = gtk_text_iter_get_offset (&top);
  last = gtk_text_iter_get_offset (&bottom);
  screen = MAX (last - first, 1);
  for (guint i = 0; i < self->render->anchors->len; i++)
    {
      MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, i);

      if (anchor->offset > last + 2 * screen)
        break;
      if (anchor->offset >= first - screen && mp_article_is_slot (anchor->widget) &&
          !mp_article_slot_is_filled (anchor->widget))
        fill_slot (self, anchor);
    }
  return G_SOURCE_REMOVE;
}

static void
on_scrolled (MpArticleView *self)
{
  /* Not now: scrolling can happen while the view lays out. Before the
   * next frame is soon enough. */
  if (self->visible_fill_id == 0)
    self->visible_fill_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, fill_visible_slots, self, NULL);
}

/* Then the rest, a few at a time, once the article is on screen. */
static gboolean
fill_slots_in_background (gpointer user_data)
{
  MpArticleView *self = user_data;
  guint made = 0;

  for (; self->next_slot < self->render->anchors->len && made < 4; self->next_slot++)
    {
      MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, self->next_slot);

      if (mp_article_is_slot (anchor->widget) && !mp_article_slot_is_filled (anchor->widget) &&
          !mp_article_slot_get_fill_when_seen (anchor->widget))
        {
          fill_slot (self, anchor);
          made++;
        }
    }
  if (self->next_slot < self->render->anchors->len)
    return G_SOURCE_CONTINUE;
  self->background_fill_id = 0;
  return G_SOURCE_REMOVE;
}

/* Called from size_allocate before the children are allocated, so that
 * the new sizes take effect in this allocation. */
static void
update_layout (MpArticleView *self,
               int            width,
               gboolean       force)
{
  double em = font_px (self);
  int column, margin;

  if (width <= 0 || (!force && width == self->layout_width && em == self->layout_font_px))
    return;
  self->layout_width = width;
  self->layout_font_px = em;
  column = MIN (em * COLUMN_EMS, width - 2 * em * MIN_MARGIN_EMS);
  column = MAX (column, 120);
  margin = MAX ((width - column) / 2, em * MIN_MARGIN_EMS);
  column = MAX (width - 2 * margin, 48);

  gtk_text_view_set_left_margin (self->text_view, margin);
  gtk_text_view_set_right_margin (self->text_view, margin);
  gtk_text_view_set_top_margin (self->text_view, em * 1.5);
  gtk_text_view_set_bottom_margin (self->text_view, em * 3);
  self->layout_margin = margin;
  self->layout_column = column;
  update_size_tags (self, em, margin);
  update_block_widths (self);
  /* Images wait until they are near the screen: a new width or size can
   * bring some there. */
  on_scrolled (self);
}

static gboolean
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback_name,
              GdkRGBA         *color)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  return gtk_style_context_lookup_color (context, name, color) ||
         gtk_style_context_lookup_color (context, fallback_name, color);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
update_colors (MpArticleView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->text_view));
  GdkRGBA fg, link, accent, accent_fg, warning;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (!lookup_color (context, "accent_bg_color", "theme_selected_bg_color", &accent))
    accent = fg;
  if (!lookup_color (context, "accent_fg_color", "theme_selected_fg_color", &accent_fg))
    accent_fg = fg;
  if (!lookup_color (context, "warning_bg_color", "warning_color", &warning))
    warning = accent;
  /* Changing a tag re-lays out all of its text: only when the theme did. */
  if (gdk_rgba_equal (&fg, &self->tags_fg) && gdk_rgba_equal (&accent, &self->tags_accent) &&
      gdk_rgba_equal (&warning, &self->tags_warning))
    return;
  self->tags_fg = fg;
  self->tags_accent = accent;
  self->tags_accent_fg = accent_fg;
  self->tags_warning = warning;
  /* The selection colour, pulled a quarter towards the text colour, reads
   * well as link text on light and dark backgrounds. */
  link = (GdkRGBA) { accent.red * 0.75 + fg.red * 0.25, accent.green * 0.75 + fg.green * 0.25,
                     accent.blue * 0.75 + fg.blue * 0.25, 1.0 };

  set_tag (self, "link", "foreground-rgba", &link, "underline", PANGO_UNDERLINE_SINGLE, NULL);
  set_tag (self, "code", "family", "monospace",
           "background-rgba", &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.08 }, NULL);
  set_tag (self, "quote", "foreground-rgba", &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.78 },
           "paragraph-background-rgba", &(GdkRGBA) { accent.red, accent.green, accent.blue, 0.07 },
           NULL);
  set_tag (self, "meta", "scale", 0.85, "pixels-below-lines", 0,
           "foreground-rgba", &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 }, NULL);
  set_tag (self, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);

  set_tag (self, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  set_tag (self, "strike", "strikethrough", TRUE, NULL);
  /* Every match in the theme's warning colour, the current one in its
   * selection colour, as browsers do. */
  set_tag (self, "match", "background-rgba", &(GdkRGBA) { warning.red, warning.green, warning.blue, 0.35 },
           NULL);
  set_tag (self, "match-current", "background-rgba", &accent, "foreground-rgba", &accent_fg, NULL);
  set_tag (self, "section-highlight", "paragraph-background-rgba", &(GdkRGBA) { 0, 0, 0, 0 }, NULL);
  g_object_set_data_full (G_OBJECT (self), "mp-accent", g_memdup2 (&accent, sizeof accent), g_free);
}

/* -- links ---------------------------------------------------------------- */

static void
activate_link (const char *target,
               gpointer    user_data)
{
  MpArticleView *self = user_data;
  GtkRoot *root;

  g_autofree char *refusal = NULL;

  if (target[0] == '#')
    {
      if (mp_article_view_scroll_to_heading (self, target + 1))
        mp_article_view_highlight_section (self, target + 1);
      else
        {
          /* Translators: %s is the section a link names */
          refusal = g_strdup_printf (_("This article has no section “%s”."), target + 1);
          gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", refusal);
        }
      return;
    }
  /* A click that does nothing says why. */
  refusal = mp_utils_uri_refusal (target);
  if (refusal != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", refusal);
      return;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, target, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static const MpArticleLink *
link_at (MpArticleView *self,
         double         x,
         double         y)
{
  GtkTextIter iter;
  int bx, by;

  if (self->render == NULL)
    return NULL;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;
  return mp_article_render_find_link (self->render, gtk_text_iter_get_offset (&iter));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   MpArticleView   *self)
{
  const MpArticleLink *link;

  if (n_press != 1 || gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;
  link = link_at (self, x, y);
  if (link != NULL)
    activate_link (link->target, self);
}

/* -- links by keyboard ---------------------------------------------------- */

/* The link the selection covers exactly (where Tab moved to), or -1. */
static int
selected_link (MpArticleView *self)
{
  GtkTextIter start, end;
  GArray *links = self->render->links;

  if (!gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (self->text_view), &start, &end))
    return -1;
  for (guint i = 0; i < links->len; i++)
    {
      const MpArticleLink *link = &g_array_index (links, MpArticleLink, i);

      if (link->start == gtk_text_iter_get_offset (&start) &&
          link->end == gtk_text_iter_get_offset (&end))
        return (int) i;
    }
  return -1;
}

/* Tab starts from what is on screen, not from the top of the article. */
static int
first_visible_link (MpArticleView *self,
                    int            direction)
{
  GArray *links = self->render->links;
  GdkRectangle visible;
  GtkTextIter iter;
  int offset;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x,
                                      direction > 0 ? visible.y : visible.y + visible.height);
  offset = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < links->len; i++)
    {
      guint index = direction > 0 ? i : links->len - 1 - i;
      int start = g_array_index (links, MpArticleLink, index).start;

      if (direction > 0 ? start >= offset : start <= offset)
        return (int) index;
    }
  return -1;
}

/* Selects the next link (the selection is the focus mark screen readers
 * follow); FALSE past the last one, so Tab leaves the article. */
static gboolean
step_link (MpArticleView *self,
           int            direction)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const MpArticleLink *link;
  GtkTextIter start, end;
  int current, next;

  if (self->render == NULL || self->render->links->len == 0)
    return FALSE;
  current = selected_link (self);
  next = current < 0 ? first_visible_link (self, direction) : current + direction;
  if (next < 0 || next >= (int) self->render->links->len)
    {
      gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
      gtk_text_buffer_place_cursor (buffer, &end);
      show_note (self, NULL);
      return FALSE;
    }
  link = &g_array_index (self->render->links, MpArticleLink, next);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, link->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, link->end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_iter (self->text_view, &start, 0.2, FALSE, 0, 0);
  show_note (self, link);
  return TRUE;
}

static gboolean
on_text_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     MpArticleView         *self)
{
  int current;

  /* A table or code block inside the text has the focus: its keys are its own. */
  if (!gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      return step_link (self, keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) ? -1 : 1);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      current = self->render != NULL ? selected_link (self) : -1;
      if (current < 0)
        return FALSE;
      activate_link (g_array_index (self->render->links, MpArticleLink, current).target, self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A footnote reference shows its note in a popover, when pointed at and
 * when Tab reaches it, without moving the reading position. */
static void
show_note (MpArticleView       *self,
           const MpArticleLink *link)
{
  gboolean is_note = link != NULL && link->title != NULL && link->target[0] == '#';

  if (!is_note)
    {
      if (self->note_popover != NULL)
        mp_note_popover_hide (self->note_popover);
      return;
    }
  if (self->note_popover == NULL)
    self->note_popover = mp_note_popover_new (GTK_WIDGET (self));
  if (g_strcmp0 (mp_note_popover_get_text (self->note_popover), link->title) != 0)
    mp_note_popover_show (self->note_popover, self->text_view, link->title, link->start, link->end);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           MpArticleView            *self)
{
  const MpArticleLink *link = link_at (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), link != NULL ? "pointer" : "text");
  show_note (self, link);
}

static gboolean
on_query_tooltip (MpArticleView *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  const MpArticleLink *link = keyboard ? NULL : link_at (self, x, y);

  /* A footnote's text is in its popover already. */
  if (link == NULL || (link->title != NULL && link->target[0] == '#'))
    return FALSE;
  /* The full target always, so the user sees where a link leads before
   * opening it; a title, when given, above it. */
  if (link->title != NULL)
    {
      g_autofree char *text = g_strconcat (link->title, "\n", link->target, NULL);

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, link->target);
  return TRUE;
}

/* -- find ----------------------------------------------------------------- */

static const MpTable *
anchor_table (MpArticleView *self,
              guint          anchor_index)
{
  MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, anchor_index);

  return g_object_get_data (G_OBJECT (anchor->widget), "mp-table");
}

/* The text of a code block's slot, or NULL. */
static const char *
anchor_code (MpArticleView *self,
             guint          anchor_index)
{
  MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, anchor_index);

  return g_object_get_data (G_OBJECT (anchor->widget), "mp-code");
}

/* The table (or code) widget of a made slot, or NULL. */
static GtkWidget *
made_table (MpArticleView *self,
            guint          anchor_index)
{
  MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, anchor_index);

  if (!mp_article_slot_is_filled (anchor->widget))
    return NULL;
  return gtk_widget_get_first_child (anchor->widget);
}

/* Find reads the text and the tables' cells the first time it is used
 * for a document: most readings never search. */
static void
feed_find_model (MpArticleView *self)
{
  if (mp_find_model_has_text (self->find) || self->render == NULL)
    return;
  mp_find_model_set_text (self->find, self->render->text, self->render->text_len);
  for (guint a = 0; a < self->render->anchors->len; a++)
    {
      const MpTable *table = anchor_table (self, a);
      const char *code = anchor_code (self, a);
      int offset = g_array_index (self->render->anchors, MpArticleAnchor, a).offset;
      g_autoptr(GPtrArray) cells = NULL;
      guint n;

      /* A code block is a table of one cell. */
      if (code != NULL)
        mp_find_model_add_table (self->find, offset, a, &code, 1);
      if (table == NULL)
        continue;
      n = mp_article_table_get_n_shown_cells (table);
      cells = g_ptr_array_sized_new (n);
      for (guint c = 0; c < n; c++)
        g_ptr_array_add (cells, ((MpInline *) g_ptr_array_index (table->cells, c))->text->str);
      mp_find_model_add_table (self->find, offset, a, (const char * const *) cells->pdata, n);
    }
}

static void
apply_tag_at (MpArticleView *self,
              const char    *name,
              int            start,
              int            length,
              gboolean       apply)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter begin, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &begin, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, start + length);
  if (apply)
    gtk_text_buffer_apply_tag_by_name (buffer, name, &begin, &end);
  else
    gtk_text_buffer_remove_tag_by_name (buffer, name, &begin, &end);
}

/* GTK 4.8 merges a label's attributes into those of its markup for good:
 * setting new ones (or none) leaves the old ones drawn, and setting the
 * same markup again is skipped. Emptied first, the label parses its
 * markup afresh. */
static void
set_cell_attributes (GtkLabel      *label,
                     PangoAttrList *list)
{
  g_autofree char *markup = g_strdup (gtk_label_get_label (label));

  gtk_label_set_attributes (label, NULL);
  gtk_label_set_markup (label, "");
  gtk_label_set_markup (label, markup);
  gtk_label_set_attributes (label, list);
}

static void
add_background (PangoAttrList *list,
                const GdkRGBA *color,
                guint          start,
                guint          end)
{
  PangoAttribute *attr = pango_attr_background_new (color->red * 65535, color->green * 65535,
                                                    color->blue * 65535);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (list, attr);
  attr = pango_attr_background_alpha_new (color->alpha * 65535);
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (list, attr);
}

static void
add_match_attributes (MpArticleView *self,
                      PangoAttrList *list,
                      const char    *text,
                      guint          index)
{
  const MpFindMatch *m = mp_find_model_get_match (self->find, index);
  int length = mp_find_model_get_match_length (self->find);
  const char *begin = g_utf8_offset_to_pointer (text, MIN (m->start, (int) g_utf8_strlen (text, -1)));
  const char *end = g_utf8_offset_to_pointer (begin, MIN (length, (int) g_utf8_strlen (begin, -1)));
  GdkRGBA match = self->tags_warning;

  match.alpha = 0.35;
  if ((int) index == mp_find_model_get_current (self->find))
    {
      PangoAttribute *fg = pango_attr_foreground_new (self->tags_accent_fg.red * 65535,
                                                      self->tags_accent_fg.green * 65535,
                                                      self->tags_accent_fg.blue * 65535);

      fg->start_index = begin - text;
      fg->end_index = end - text;
      pango_attr_list_insert (list, fg);
      add_background (list, &self->tags_accent, begin - text, end - text);
    }
  else
    add_background (list, &match, begin - text, end - text);
}

/* The label of a cell of a made table, or of a made code block. */
static GtkLabel *
block_label (MpArticleView *self,
             GtkWidget     *widget,
             guint          anchor_index,
             guint          cell)
{
  if (mp_article_is_code (widget))
    return mp_article_code_get_label (widget);
  return mp_article_table_get_cell (widget, anchor_table (self, anchor_index)->n_columns, cell);
}

/* Marks the matches inside a made table the way the text marks its own:
 * every one in the warning colour, the current one in the accent colour. */
static void
highlight_table (MpArticleView *self,
                 guint          anchor_index)
{
  const MpTable *table = anchor_table (self, anchor_index);
  GtkWidget *widget = made_table (self, anchor_index);
  int offset = g_array_index (self->render->anchors, MpArticleAnchor, anchor_index).offset;
  guint first = 0, n;

  if ((table == NULL && anchor_code (self, anchor_index) == NULL) || widget == NULL)
    return;
  n = mp_find_model_get_table_matches (self->find, offset, anchor_index, &first);
  for (guint i = first; i < first + n; i++)
    {
      const MpFindMatch *m = mp_find_model_get_match (self->find, i);
      g_autoptr(PangoAttrList) list = pango_attr_list_new ();
      GtkLabel *label = block_label (self, widget, anchor_index, m->cell);
      guint cell_first = i;

      /* Every match of this cell at once. */
      while (i + 1 < first + n && mp_find_model_get_match (self->find, i + 1)->cell == m->cell)
        i++;
      if (label == NULL)
        continue;
      for (guint j = cell_first; j <= i; j++)
        add_match_attributes (self, list, gtk_label_get_text (label), j);
      gtk_label_set_attributes (label, list);
    }
}

static void
clear_matches (MpArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  const MpFindMatch *previous = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "match", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "match-current", &start, &end);
  for (guint i = 0; i < mp_find_model_get_n_matches (self->find); i++)
    {
      const MpFindMatch *m = mp_find_model_get_match (self->find, i);
      GtkWidget *widget;
      GtkLabel *label;
      gboolean same_cell = previous != NULL && previous->table == m->table && previous->cell == m->cell;

      previous = m;
      /* A cell with several matches is cleared once. */
      if (m->table < 0 || same_cell || (widget = made_table (self, m->table)) == NULL)
        continue;
      label = block_label (self, widget, m->table, m->cell);
      if (label != NULL)
        set_cell_attributes (label, NULL);
    }
  mp_find_model_set_query (self->find, "");
}

static void
update_match_label (MpArticleView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *text = NULL;
  guint n = mp_find_model_get_n_matches (self->find);

  if (*query == '\0')
    text = g_strdup ("");
  else if (n == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: find bar: "CURRENT of TOTAL" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %u match", "%d of %u matches", n),
                            mp_find_model_get_current (self->find) + 1, n);
  gtk_label_set_text (self->match_label, text);
}

/* Once the table is laid out (after a frame is painted, when every
 * position is final): its cell with the current match, on screen. */
static void
scroll_to_table_match (GdkFrameClock *clock,
                       MpArticleView *self)
{
  GtkWidget *widget;
  GtkLabel *label = NULL;
  GdkRectangle visible, table;
  GtkTextIter iter;
  graphene_point_t point;
  int x, y, current = mp_find_model_get_current (self->find);

  if (current >= 0)
    {
      const MpFindMatch *m = mp_find_model_get_match (self->find, current);

      if (m->table >= 0 && (widget = made_table (self, m->table)) != NULL)
        label = block_label (self, widget, m->table, m->cell);
      gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter, m->offset);
    }
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  /* Wait for the text view to have scrolled the table into view and laid
   * it out: only then are the cells where they will be drawn. */
  if (label != NULL && self->table_scroll_frames++ < 10)
    {
      gtk_text_view_get_iter_location (self->text_view, &iter, &table);
      if (gtk_widget_get_width (GTK_WIDGET (label)) == 0 ||
          table.y + table.height < visible.y || table.y > visible.y + visible.height)
        {
          gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
          return;
        }
    }
  g_signal_handlers_disconnect_by_func (clock, scroll_to_table_match, self);
  self->table_scroll_frames = 0;
  if (label == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (label), GTK_WIDGET (self->text_view),
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, point.x, point.y, &x, &y);
  if (y < visible.y || y + gtk_widget_get_height (GTK_WIDGET (label)) > visible.y + visible.height)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller),
                              MAX (y - visible.height / 5, 0));
}

static void
show_match (MpArticleView *self,
            int            index,
            gboolean       current)
{
  const MpFindMatch *m = mp_find_model_get_match (self->find, index);

  if (m->table < 0)
    apply_tag_at (self, "match-current", m->offset, mp_find_model_get_match_length (self->find), current);
  else
    highlight_table (self, m->table);
}

static void
scroll_to_match (MpArticleView     *self,
                 const MpFindMatch *m)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GdkFrameClock *clock;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, m->offset);
  if (self->match_mark == NULL)
    self->match_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->match_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->match_mark, 0.2, FALSE, 0, 0);
  if (m->table < 0 || self->table_scroll_frames > 0)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;
  self->table_scroll_frames = 1;
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (scroll_to_table_match), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

/* Shows the model's current match after it changed from @previous. */
static void
show_current_match (MpArticleView *self,
                    int            previous)
{
  int index = mp_find_model_get_current (self->find);

  if (previous >= 0 && previous != index)
    show_match (self, previous, FALSE);
  if (index >= 0)
    {
      const MpFindMatch *m = mp_find_model_get_match (self->find, index);

      if (m->table >= 0)
        fill_slot (self, &g_array_index (self->render->anchors, MpArticleAnchor, m->table));
      show_match (self, index, TRUE);
      scroll_to_match (self, m);
    }
  update_match_label (self);
}

/* The first match at or below the top of the visible text. */
static int
first_visible_match (MpArticleView *self)
{
  GdkRectangle visible;
  GtkTextIter top;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &top, 0, visible.y);
  return mp_find_model_first_from (self->find, gtk_text_iter_get_offset (&top));
}

static void
on_search_changed (MpArticleView *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n;

  if (self->render == NULL)
    return;
  clear_matches (self);
  feed_find_model (self);
  mp_find_model_set_query (self->find, query);
  n = mp_find_model_get_n_matches (self->find);
  for (guint i = 0; i < n; i++)
    {
      const MpFindMatch *m = mp_find_model_get_match (self->find, i);

      if (m->table < 0)
        apply_tag_at (self, "match", m->offset, mp_find_model_get_match_length (self->find), TRUE);
    }
  for (guint a = 0; n > 0 && a < self->render->anchors->len; a++)
    if (anchor_table (self, a) != NULL || anchor_code (self, a) != NULL)
      highlight_table (self, a);
  mp_find_model_set_current (self->find, first_visible_match (self));
  show_current_match (self, -1);
}

static void
step_match (MpArticleView *self,
            int            direction)
{
  int previous = mp_find_model_get_current (self->find);

  if (mp_find_model_step (self->find, direction) >= 0)
    show_current_match (self, previous);
}

static void
on_search_next (MpArticleView *self)
{
  step_match (self, 1);
}

static void
on_search_previous (MpArticleView *self)
{
  step_match (self, -1);
}

static void
on_stop_search (MpArticleView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode_changed (MpArticleView *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  if (self->render != NULL)
    clear_matches (self);
  gtk_label_set_text (self->match_label, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      MpArticleView         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      step_match (self, -1);
      return TRUE;
    }
  return FALSE;
}

/* -- outline and sections ------------------------------------------------- */

static const MpArticleHeading *
find_heading (MpArticleView *self,
              const char    *id,
              guint         *index)
{
  if (self->render == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < self->render->headings->len; i++)
    {
      const MpArticleHeading *heading = &g_array_index (self->render->headings, MpArticleHeading, i);

      if (g_str_equal (heading->id, id))
        {
          if (index != NULL)
            *index = i;
          return heading;
        }
    }
  return NULL;
}

/* A footnote or a reference to one. */
static const MpArticleHeading *
find_target (MpArticleView *self,
             const char    *id)
{
  if (self->render == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < self->render->targets->len; i++)
    {
      const MpArticleHeading *target = &g_array_index (self->render->targets, MpArticleHeading, i);

      if (g_str_equal (target->id, id))
        return target;
    }
  return NULL;
}

static void
on_heading_activated (MpArticleView *self,
                      const char    *id)
{
  if (mp_article_view_scroll_to_heading (self, id))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
set_highlight_alpha (MpArticleView *self,
                     double         alpha)
{
  GdkRGBA *accent = g_object_get_data (G_OBJECT (self), "mp-accent");
  GdkRGBA color = { 0.2, 0.5, 0.9, alpha };

  if (accent != NULL)
    color = (GdkRGBA) { accent->red, accent->green, accent->blue, alpha };
  set_tag (self, "section-highlight", "paragraph-background-rgba", &color, NULL);
}

static gboolean
on_highlight_tick (gpointer user_data)
{
  MpArticleView *self = user_data;
  double t = (g_get_monotonic_time () - self->highlight_start) / 1000.0 / HIGHLIGHT_MS;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (t < 1.0)
    {
      /* Hold, then fade out over the last 60 %. */
      set_highlight_alpha (self, 0.22 * (t < 0.4 ? 1.0 : (1.0 - t) / 0.6));
      return G_SOURCE_CONTINUE;
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "section-highlight", &start, &end);
  self->highlight_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_highlight (MpArticleView *self)
{
  g_clear_handle_id (&self->highlight_id, g_source_remove);
}

/* -- document ------------------------------------------------------------- */

static void
clear_render (MpArticleView *self)
{
  stop_highlight (self);
  g_clear_handle_id (&self->visible_fill_id, g_source_remove);
  g_clear_handle_id (&self->style_id, g_source_remove);
  g_clear_handle_id (&self->background_fill_id, g_source_remove);
  if (self->position_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->position_tick_id);
  self->position_tick_id = 0;
  self->next_slot = 0;
  mp_find_model_clear (self->find);
  self->match_mark = NULL;
  g_clear_pointer (&self->render, mp_article_render_free);
}

static void
update_accessible_name (MpArticleView *self)
{
  /* Translators: accessible name of the article text, %s is its title */
  g_autofree char *name = g_strdup_printf (_("Article: %s"),
                                           self->document != NULL ? mp_document_get_title (self->document) : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
style_in_background (gpointer user_data)
{
  MpArticleView *self = user_data;

  if (mp_article_render_apply_tags (self->render, STYLE_RUNS_PER_STEP))
    return G_SOURCE_CONTINUE;
  self->style_id = 0;
  return G_SOURCE_REMOVE;
}

/* Before the first frame the view has no positions yet: offsets will do,
 * with the blocks passed counted at their estimated height (a block is one
 * character of the text, however tall it is). */
static void
fill_first_slots (MpArticleView *self)
{
  double block_chars = 0;

  for (guint i = 0; i < self->render->anchors->len; i++)
    {
      MpArticleAnchor *anchor = &g_array_index (self->render->anchors, MpArticleAnchor, i);

      if (anchor->offset + block_chars > FIRST_SCREEN_CHARS)
        break;
      fill_slot (self, anchor);
      if (mp_article_is_slot (anchor->widget))
        block_chars += mp_article_slot_get_estimate (anchor->widget) * CHARS_PER_EM;
    }
}

static char *
document_uri (MpArticleView *self)
{
  GFile *file = self->document != NULL ? mp_document_get_file (self->document) : NULL;

  return file != NULL ? g_file_get_uri (file) : NULL;
}

/* The text view keeps the old buffer's scroll offset through the new
 * buffer's first layout, and scrolling while it lays out is refused: the
 * position is set at the start of the next frame. */
static gboolean
apply_position (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  MpArticleView *self = MP_ARTICLE_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  /* Lines above take their real height as they are laid out and as
   * figures and tables are made: the place is kept for a few frames. */
  if (self->position_mark == NULL)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, self->position);
      self->position_mark = gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE);
      self->position_frames = 0;
    }
  gtk_text_view_scroll_to_mark (self->text_view, self->position_mark, 0, TRUE, 0, 0);
  if (++self->position_frames < POSITION_FRAMES)
    return G_SOURCE_CONTINUE;
  self->position_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* A file opens where it was left, else at its top (never where the
 * previous file was). */
static void
restore_position (MpArticleView *self)
{
  g_autoptr(GVariant) positions = NULL;
  g_autofree char *uri = document_uri (self);

  self->position = 0;
  self->position_mark = NULL;
  if (self->settings != NULL && uri != NULL)
    {
      positions = g_settings_get_value (self->settings, "reading-positions");
      self->position = mp_reading_positions_lookup (positions, uri);
    }
  if (self->position > 0 && self->position_tick_id == 0)
    self->position_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), apply_position, NULL, NULL);
}

static void
render_document (MpArticleView *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_autoptr(GtkTextBuffer) empty = NULL;

  clear_render (self);
  if (self->document == NULL)
    {
      empty = gtk_text_buffer_new (self->tags);
      gtk_text_view_set_buffer (self->text_view, empty);
      mp_article_outline_set_document (MP_ARTICLE_OUTLINE (self->outline), NULL);
      return;
    }
  /* Colours set before the text carries the tags cost nothing; set after
   * (at realize), every styled line is laid out again. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    update_colors (self);
  self->render = mp_article_render_new (self->document, self->tags, activate_link, self);
  /* The text view carries its scroll offset over to a new buffer: the
   * old one goes back to its top first. */
  gtk_adjustment_set_value (vadjustment, 0);
  /* A fresh buffer on the view costs half as much as refilling a shown one. */
  gtk_text_view_set_buffer (self->text_view, self->render->buffer);
  mp_article_render_attach (self->render, self->text_view);
  if (self->render->next_run < self->render->runs->len)
    self->style_id = g_idle_add_full (STYLE_PRIORITY, style_in_background, self, NULL);
  gtk_adjustment_set_value (vadjustment, 0);
  restore_position (self);
  fill_first_slots (self);
  self->background_fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_slots_in_background, self, NULL);
  self->layout_width = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  mp_article_outline_set_document (MP_ARTICLE_OUTLINE (self->outline), self->document);
  update_accessible_name (self);
  if (gtk_search_bar_get_search_mode (self->search_bar))
    on_search_changed (self);
}

/* -- GtkWidget ------------------------------------------------------------ */

static void
mp_article_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  MpArticleView *self = MP_ARTICLE_VIEW (widget);

  update_layout (self, width, FALSE);
  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (self->note_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->note_popover));
}

static void
mp_article_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (MP_ARTICLE_VIEW (widget)->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
on_theme_changed (MpArticleView *self)
{
  self->tags_em = 0;
  update_colors (self);
  self->layout_width = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
mp_article_view_realize (GtkWidget *widget)
{
  MpArticleView *self = MP_ARTICLE_VIEW (widget);
  GtkSettings *settings = gtk_widget_get_settings (widget);

  GTK_WIDGET_CLASS (mp_article_view_parent_class)->realize (widget);
  update_colors (self);
  g_signal_connect_object (settings, "notify::gtk-theme-name",
                           G_CALLBACK (on_theme_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (on_theme_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (settings, "notify::gtk-font-name",
                           G_CALLBACK (on_theme_changed), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
mp_article_view_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_settings (widget), on_theme_changed, widget);
  GTK_WIDGET_CLASS (mp_article_view_parent_class)->unrealize (widget);
}

static void
mp_article_view_dispose (GObject *object)
{
  MpArticleView *self = MP_ARTICLE_VIEW (object);

  clear_render (self);
  g_clear_pointer (&self->note_popover, gtk_widget_unparent);
  if (self->zoom_provider != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                   GTK_STYLE_PROVIDER (self->zoom_provider));
  g_clear_object (&self->zoom_provider);
  g_clear_object (&self->outline);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ARTICLE_VIEW);
  G_OBJECT_CLASS (mp_article_view_parent_class)->dispose (object);
}

static void
mp_article_view_finalize (GObject *object)
{
  MpArticleView *self = MP_ARTICLE_VIEW (object);

  g_clear_object (&self->tags);
  g_clear_object (&self->find);
  g_clear_object (&self->settings);
  g_free (self->zoom_class);
  G_OBJECT_CLASS (mp_article_view_parent_class)->finalize (object);
}

static void
mp_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpArticleView *self = MP_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpArticleView *self = MP_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      mp_article_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_article_view_class_init (MpArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_article_view_dispose;
  object_class->finalize = mp_article_view_finalize;
  object_class->get_property = mp_article_view_get_property;
  object_class->set_property = mp_article_view_set_property;
  widget_class->size_allocate = mp_article_view_size_allocate;
  widget_class->measure = mp_article_view_measure;
  widget_class->realize = mp_article_view_realize;
  widget_class->unrealize = mp_article_view_unrealize;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, box);
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, match_label);
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MpArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_next);
  gtk_widget_class_bind_template_callback (widget_class, on_search_previous);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);
  gtk_widget_class_set_css_name (widget_class, "mparticleview");
}

static void
load_css_once (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/mp-article-view.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
setup_controllers (MpArticleView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *text_keys = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
  gtk_event_controller_set_name (text_keys, "mp-article-links");
  gtk_event_controller_set_propagation_phase (text_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (text_keys, "key-pressed", G_CALLBACK (on_text_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), text_keys);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

static GSettings *
settings_new (void)
{
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);

  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
mp_article_view_init (MpArticleView *self)
{
  static guint instances;

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css_once ();

  self->zoom = 1.0;
  self->find = mp_find_model_new ();
  self->settings = settings_new ();
  self->tags = mp_article_render_create_tags ();
  self->outline = g_object_ref_sink (mp_article_outline_new ());
  g_signal_connect_object (self->outline, "heading-activated",
                           G_CALLBACK (on_heading_activated), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Zoom is a font size on this view's text and the widgets inside it. */
  self->zoom_class = g_strdup_printf ("mp-zoom-%u", ++instances);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), self->zoom_class);
  self->zoom_provider = gtk_css_provider_new ();
  update_zoom_css (self);
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (self->zoom_provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  setup_controllers (self);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);
  render_document (self);
}

/* -- public --------------------------------------------------------------- */

GtkWidget *
mp_article_view_new (void)
{
  return g_object_new (MP_TYPE_ARTICLE_VIEW, NULL);
}

void
mp_article_view_set_document (MpArticleView *self,
                              MpDocument    *document)
{
  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  mp_article_view_save_position (self);
  g_set_object (&self->document, document);
  render_document (self);
}

/* The character offset at the top of the visible text. */
static int
top_offset (MpArticleView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &iter, visible.x, visible.y);
  return gtk_text_iter_get_offset (&iter);
}

void
mp_article_view_reload_document (MpArticleView *self,
                                 MpDocument    *document)
{
  int offset;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  GtkTextMark *mark;

  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (MP_IS_DOCUMENT (document));

  offset = top_offset (self);
  mp_article_view_set_document (self, document);
  /* A mark, as the new text is not laid out yet: the view scrolls once it is. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  mark = gtk_text_buffer_get_mark (buffer, "mp-reload-position");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "mp-reload-position", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0, TRUE, 0, 0);
}

MpDocument *
mp_article_view_get_document (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), NULL);
  return self->document;
}

gboolean
mp_article_view_scroll_to_heading (MpArticleView *self,
                                   const char    *id)
{
  const MpArticleHeading *heading;
  GtkTextBuffer *buffer;
  GtkTextMark *mark;
  GtkTextIter iter;

  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), FALSE);

  heading = find_heading (self, id, NULL);
  if (heading == NULL)
    heading = find_target (self, id);
  if (heading == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, heading->offset);
  /* One mark, moved: scrolling to it waits until its line is laid out. */
  mark = gtk_text_buffer_get_mark (buffer, "mp-heading-target");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "mp-heading-target", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0, TRUE, 0, 0);
  return TRUE;
}

void
mp_article_view_highlight_section (MpArticleView *self,
                                   const char    *id)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  const MpArticleHeading *heading;
  guint index = 0;
  int end_offset = -1;

  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));

  heading = find_heading (self, id, &index);
  if (heading == NULL)
    return;
  for (guint i = index + 1; i < self->render->headings->len && end_offset < 0; i++)
    {
      const MpArticleHeading *next = &g_array_index (self->render->headings, MpArticleHeading, i);
      if (next->level <= heading->level)
        end_offset = next->offset;
    }
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "section-highlight", &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, heading->offset);
  if (end_offset >= 0)
    gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_apply_tag_by_name (buffer, "section-highlight", &start, &end);

  stop_highlight (self);
  self->highlight_start = g_get_monotonic_time ();
  set_highlight_alpha (self, 0.22);
  self->highlight_id = g_timeout_add (HIGHLIGHT_STEP, on_highlight_tick, self);
}

void
mp_article_view_start_search (MpArticleView *self)
{
  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkWidget *
mp_article_view_get_outline_popover (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), NULL);
  return self->outline;
}

double
mp_article_view_get_zoom (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), 1.0);
  return self->zoom;
}

void
mp_article_view_set_zoom (MpArticleView *self,
                          double         zoom)
{
  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;
  self->zoom = zoom;
  update_zoom_css (self);
  self->layout_width = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

GtkTextView *
mp_article_view_get_text_view (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}

GtkEditable *
mp_article_view_get_search_entry (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

guint
mp_article_view_get_n_matches (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), 0);
  return mp_find_model_get_n_matches (self->find);
}

int
mp_article_view_get_current_match (MpArticleView *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_VIEW (self), -1);
  return mp_find_model_get_current (self->find);
}

void
mp_article_view_save_position (MpArticleView *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GVariant) positions = NULL;
  GdkRectangle visible;
  GtkTextIter top;

  g_return_if_fail (MP_IS_ARTICLE_VIEW (self));

  /* A document never shown was not read. */
  if (self->settings == NULL || self->render == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) ||
      (uri = document_uri (self)) == NULL)
    return;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_at_location (self->text_view, &top, visible.x, visible.y);
  positions = g_settings_get_value (self->settings, "reading-positions");
  g_settings_set_value (self->settings, "reading-positions",
                        mp_reading_positions_update (positions, uri, gtk_text_iter_get_offset (&top)));
}
