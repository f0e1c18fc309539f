/* test-article-view.c: the article view inside the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "mp-article-blocks.h"
#include "mp-article-svg.h"
#include "mp-article-view.h"
#include "mp-bar-chart.h"
#include "mp-test-utils.h"
#include "mp-window.h"

static void
on_painted (GdkFrameClock *clock,
            guint         *frames)
{
  (*frames)++;
}

static void
wait_frames (MpWindow *window,
             guint     n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted), &frames);

  while (frames < n)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* The shared painted window; every test starts at the top of the article. */
static MpWindow *
new_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "reading-positions");
  return mp_test_new_window_painted ();
}

static MpArticleView *
article_view (MpWindow *window)
{
  return MP_ARTICLE_VIEW (mp_window_get_article_view (window));
}

static void
destroy (MpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  mp_test_iterate ();
}

/* Depth-first search of @root's descendants for widgets of @type. */
static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

static GPtrArray *
find_widgets (MpArticleView *view,
              GType          type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (mp_article_view_get_text_view (view)), type, found);
  return found;
}

typedef struct {
  const char *text;
  gboolean    changed;
} SearchWait;

static void
on_search_changed (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  /* Emptying the entry on the way reports at once: wait for the text. */
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text))
    wait->changed = TRUE;
}

static void
search (MpArticleView *view,
        const char    *text)
{
  GtkEditable *entry = mp_article_view_get_search_entry (view);
  SearchWait wait = { text, g_str_equal (gtk_editable_get_text (entry), text) };
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &wait);

  gtk_editable_set_text (entry, text);
  /* GtkSearchEntry reports changes after a short delay. */
  while (!wait.changed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, handler);
  mp_test_iterate ();
}

static void
test_find (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkEditable *entry = mp_article_view_get_search_entry (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (mp_article_view_get_text_view (view));
  GtkTextIter start, end;
  GtkTextTag *current;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  mp_article_view_start_search (view);
  mp_test_iterate ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));

  search (view, "tHe DeGrEe");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 20);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 0);

  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 1);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 2);
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 1);

  /* The current match carries the strong tag, and only it. */
  current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "match-current");
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&start, current));
  end = start;
  g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, current));
  text = gtk_text_iter_get_text (&start, &end);
  lower = g_utf8_strdown (text, -1);
  g_assert_cmpstr (lower, ==, "the degree");
  g_assert_false (gtk_text_iter_forward_to_tag_toggle (&end, current));

  /* Wraps around from the first to the last. */
  g_signal_emit_by_name (entry, "previous-match");
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 19);
  /* The view scrolls to it in its next frames. */
  wait_frames (window, 3);

  /* A new search starts at the first match below the top of the view, or
   * wraps to the first when every match is above it. */
  search (view, "OSCE");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 2);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 0);

  search (view, "no such words anywhere");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 0);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, -1);

  destroy (window);
}

static int
heading_y (MpArticleView *view,
           const char    *text)
{
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  GtkTextIter iter, match;
  GdkRectangle rect;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, text, 0, &match, NULL, NULL));
  gtk_text_view_get_iter_location (text_view, &match, &rect);
  return rect.y;
}

/* Whether @label shows a highlight (background) on the text at byte @index:
 * what its layout draws, markup and attributes together. */
static gboolean
label_highlighted_at (GtkLabel *label,
                      guint     index)
{
  PangoAttrList *list = pango_layout_get_attributes (gtk_label_get_layout (label));
  PangoAttrIterator *iter;
  gboolean found = FALSE;

  if (list == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (list);
  do
    {
      int start, end;

      pango_attr_iterator_range (iter, &start, &end);
      if ((guint) start <= index && index < (guint) end &&
          pango_attr_iterator_get (iter, PANGO_ATTR_BACKGROUND) != NULL)
        found = TRUE;
    }
  while (!found && pango_attr_iterator_next (iter));
  pango_attr_iterator_destroy (iter);
  return found;
}

/* Find looks into tables too, made or not yet, and shows the cell. */
static void
test_find_in_tables (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  GtkWidget *entry = GTK_WIDGET (mp_article_view_get_search_entry (view));
  g_autoptr(GPtrArray) grids = NULL;
  GtkLabel *cell;
  graphene_rect_t bounds;

  mp_article_view_start_search (view);
  mp_test_iterate ();

  /* Once in the text (“…That claim is overstated.”), once in the first
   * table (“Formal med ed degree | Moderate | Overstated”). */
  search (view, "OVERSTATED");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 2);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 0);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 1);
  mp_test_wait_ms (300);
  grids = find_widgets (view, GTK_TYPE_GRID);
  g_assert_cmpuint (grids->len, >=, 1);
  cell = GTK_LABEL (gtk_grid_get_child_at (g_ptr_array_index (grids, 0), 2, 5));
  g_assert_cmpstr (gtk_label_get_text (cell), ==, "Overstated");
  g_assert_true (label_highlighted_at (cell, 0));
  g_assert_false (label_highlighted_at (GTK_LABEL (gtk_grid_get_child_at (g_ptr_array_index (grids, 0), 1, 5)), 0));
  /* The cell is on screen. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (cell), GTK_WIDGET (text_view), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (text_view)));

  /* In reading order: two in the text, then the second table. */
  search (view, "bedside");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 3);
  g_assert_false (label_highlighted_at (cell, 0));

  /* Only in a table. */
  search (view, "underappreciated");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 1);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 0);
  mp_test_wait_ms (200);
  cell = GTK_LABEL (gtk_grid_get_child_at (g_ptr_array_index (grids, 0), 2, 4));
  g_assert_cmpstr (gtk_label_get_text (cell), ==, "Underappreciated");
  g_assert_true (label_highlighted_at (cell, 0));

  /* Closing find clears the highlight. */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR)), FALSE);
  mp_test_iterate ();
  g_assert_false (label_highlighted_at (cell, 0));

  destroy (window);
}

static void
test_outline_jump (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkWidget *popover = mp_article_view_get_outline_popover (view);
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkAdjustment *vadjustment;
  GdkRectangle visible;
  int y;

  /* The outline fills itself when it is shown. */
  gtk_popover_popup (GTK_POPOVER (popover));
  mp_test_iterate ();
  collect_widgets (popover, GTK_TYPE_LIST_BOX, lists);
  g_assert_cmpuint (lists->len, ==, 1);
  list = g_ptr_array_index (lists, 0);
  row = gtk_list_box_get_row_at_index (list, 11);
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (row))), ==,
                   "How to choose a program");
  g_assert_null (gtk_list_box_get_row_at_index (list, 15));

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (mp_article_view_get_text_view (view)));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_signal_emit_by_name (list, "row-activated", row);
  /* Scrolling to a mark waits for the lines above it to be laid out: under
   * load that can take a while, so poll (up to 5 s) rather than sleep once. */
  for (guint i = 0; i < 100; i++)
    {
      mp_test_wait_ms (50);
      y = heading_y (view, "How to choose a program");
      gtk_text_view_get_visible_rect (mp_article_view_get_text_view (view), &visible);
      if (ABS (visible.y - y) <= 1)
        break;
    }
  g_assert_cmpint (y, >, 1000);
  g_assert_cmpint (ABS (visible.y - y), <=, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 1000);

  /* Unknown ids do nothing. */
  g_assert_false (mp_article_view_scroll_to_heading (view, "no-such-heading"));
  g_assert_true (mp_article_view_scroll_to_heading (view, "what-it-really-costs"));
  mp_article_view_highlight_section (view, "what-it-really-costs");
  mp_test_wait_ms (200);
  gtk_text_view_get_visible_rect (mp_article_view_get_text_view (view), &visible);
  g_assert_cmpint (ABS (visible.y - heading_y (view, "What it really costs")), <=, 1);

  destroy (window);
}

/* The top of the first line showing @text, in buffer coordinates. */
static int
text_y (MpArticleView *view,
        const char    *text)
{
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  GtkTextIter start, match;
  int y, height;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match, NULL, NULL));
  gtk_text_view_get_line_yrange (text_view, &match, &y, &height);
  return y;
}

static void
test_chart_and_card (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GPtrArray) charts = find_widgets (view, MP_TYPE_BAR_CHART);
  g_autoptr(GPtrArray) grids = find_widgets (view, GTK_TYPE_GRID);
  g_autoptr(GPtrArray) pictures = find_widgets (view, GTK_TYPE_PICTURE);
  g_autofree char *description = NULL;
  MpBarChart *chart;
  int before, after;

  /* Figures are made once they come near the screen... */
  g_assert_cmpuint (pictures->len, ==, 0);
  before = text_y (view, "Who should not do one");
  g_assert_true (mp_article_view_scroll_to_heading (view, "what-it-really-costs"));
  mp_test_wait_ms (300);
  g_ptr_array_unref (pictures);
  pictures = find_widgets (view, GTK_TYPE_PICTURE);
  /* ...and their places had the right size all along: nothing moved. */
  after = text_y (view, "Who should not do one");
  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (after, ==, before);

  g_assert_cmpuint (charts->len, ==, 1);
  chart = g_ptr_array_index (charts, 0);
  g_assert_cmpuint (mp_bar_chart_get_n_bars (chart), ==, 5);
  g_assert_cmpstr (mp_bar_chart_get_label (chart, 4), ==, "Brand name");
  g_assert_cmpfloat (mp_bar_chart_get_value (chart, 4), ==, 50);
  description = mp_bar_chart_describe (chart);
  g_assert_cmpstr (description, ==,
                   "Bar chart: What matters most when choosing a program (priority (0–100)). "
                   "Faculty quality: 90; Scholarship support: 80; Funding: 75; "
                   "Schedule flexibility: 70; Brand name: 50.");
  g_assert_cmpuint (grids->len, ==, 2);
  g_assert_cmpuint (pictures->len, ==, 2);
  g_assert_cmpstr (gtk_picture_get_alternative_text (g_ptr_array_index (pictures, 1)), ==,
                   "Diagram of an education research project as four stages, IRB review, data "
                   "collection, chasing responses and manuscripts, with a note that this is where "
                   "most of a master’s program’s time goes and that the project ends either as "
                   "published scholarship or as unfinished work.");
  g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (pictures, 0)), >, 100);

  destroy (window);
}

/* Runs the main loop until @texture_of's figure has a bitmap, up to 5 s. */
static GdkTexture *
wait_for_texture (MpArticleSvg *svg)
{
  for (guint i = 0; i < 100 && mp_article_svg_get_texture (svg) == NULL; i++)
    mp_test_wait_ms (50);
  return mp_article_svg_get_texture (svg);
}

/* Figures are rasterised only once they are scrolled into view, and at
 * the size they are shown at. */
static void
test_figures_drawn_when_seen (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GPtrArray) pictures = NULL;
  GtkPicture *first, *second;
  MpArticleSvg *first_svg, *second_svg;
  GdkTexture *texture;
  int scale, width;

  /* Both figures are far below the first screen: not even made yet. */
  mp_test_wait_ms (200);
  pictures = find_widgets (view, GTK_TYPE_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 0);

  /* Near the screen, they are made; drawn once they are on it. */
  g_assert_true (mp_article_view_scroll_to_heading (view, "what-it-really-costs"));
  mp_test_wait_ms (100);
  g_ptr_array_unref (pictures);
  pictures = find_widgets (view, GTK_TYPE_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 2);
  first = g_ptr_array_index (pictures, 0);
  second = g_ptr_array_index (pictures, 1);
  /* Figures are read and parsed by a worker: wait for both. */
  for (guint i = 0; i < 100 && (gtk_picture_get_paintable (first) == NULL ||
                                gtk_picture_get_paintable (second) == NULL); i++)
    mp_test_wait_ms (50);
  g_assert_true (MP_IS_ARTICLE_SVG (gtk_picture_get_paintable (first)));
  first_svg = MP_ARTICLE_SVG (gtk_picture_get_paintable (first));
  second_svg = MP_ARTICLE_SVG (gtk_picture_get_paintable (second));
  texture = wait_for_texture (first_svg);
  g_assert_nonnull (texture);

  /* The picture keeps the aspect ratio: the bitmap may be a pixel short. */
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (first));
  width = gdk_texture_get_width (texture);
  g_assert_cmpint (width, <=, gtk_widget_get_width (GTK_WIDGET (first)) * scale);
  g_assert_cmpint (width, >=, (gtk_widget_get_width (GTK_WIDGET (first)) - 2) * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), <=, gtk_widget_get_height (GTK_WIDGET (first)) * scale);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, (gtk_widget_get_height (GTK_WIDGET (first)) - 2) * scale);
  /* The second figure is drawn only if some of it is on screen. */
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (second), GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (second), scroller, &bounds));
    if (bounds.origin.y >= gtk_widget_get_height (scroller) || bounds.origin.y + bounds.size.height <= 0)
      g_assert_null (mp_article_svg_get_texture (second_svg));
    else
      g_assert_nonnull (wait_for_texture (second_svg));
  }

  /* A smaller zoom draws the figure again at its new size. */
  mp_article_view_set_zoom (view, 0.7);
  for (guint i = 0; i < 100; i++)
    {
      mp_test_wait_ms (50);
      texture = mp_article_svg_get_texture (first_svg);
      if (gdk_texture_get_width (texture) != width)
        break;
    }
  g_assert_cmpint (gdk_texture_get_width (texture), <, width);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, (gtk_widget_get_width (GTK_WIDGET (first)) - 2) * scale);

  /* The zoom is remembered: leave it as the other tests expect it. */
  mp_article_view_set_zoom (view, 1.0);
  destroy (window);
}

static guint
count_with_class (GPtrArray  *widgets,
                  const char *css_class)
{
  guint n = 0;

  for (guint i = 0; i < widgets->len; i++)
    n += gtk_widget_has_css_class (g_ptr_array_index (widgets, i), css_class);
  return n;
}

static void
test_table_and_image_file (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/reader-table-image.md");
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) pictures = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkWidget *grid, *cell;

  g_assert_true (mp_window_open_file (window, file));
  mp_test_wait_ms (200);
  g_assert_null (mp_window_get_banner_message (window));
  g_assert_cmpstr (mp_document_get_title (mp_article_view_get_document (view)), ==, "Table and figure");

  grids = find_widgets (view, GTK_TYPE_GRID);
  g_assert_cmpuint (grids->len, ==, 1);
  grid = g_ptr_array_index (grids, 0);
  g_assert_true (gtk_widget_has_css_class (grid, "mp-table"));
  labels = g_ptr_array_new ();
  collect_widgets (grid, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 9);
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (cell)), ==, "Master’s | full");
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 2, 1))), ==, 1.0);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))), ==, 0.5);
  g_assert_true (gtk_widget_has_css_class (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0), "header"));
  g_assert_true (gtk_widget_get_mapped (grid));

  pictures = find_widgets (view, GTK_TYPE_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 1);
  g_assert_cmpstr (gtk_picture_get_alternative_text (g_ptr_array_index (pictures, 0)), ==,
                   "A blue test figure");
  g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (pictures, 0)), ==, 120);
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (pictures, 0)), ==, 60);

  /* Images from outside the folder or the network show their alt text. */
  boxes = find_widgets (view, GTK_TYPE_BOX);
  g_assert_cmpuint (count_with_class (boxes, "mp-image-placeholder"), ==, 2);

  /* The in-article link scrolls to its heading. */
  g_assert_true (mp_article_view_scroll_to_heading (view, "table-and-figure"));

  destroy (window);
}

static void
test_bad_file_keeps_document (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  MpDocument *before = mp_article_view_get_document (view);
  g_autofree char *dir = g_dir_make_tmp ("mp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "latin1.md", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  g_autoptr(GPtrArray) charts = NULL;

  g_assert_true (g_file_set_contents (path, "# Caf\xE9\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));

  g_assert_false (mp_window_open_file (window, file));
  g_assert_cmpstr (mp_window_get_banner_message (window), ==,
                   "Could not open the file. latin1.md:1:6: the file is not UTF-8 text (byte 0xE9); "
                   "save it as UTF-8");
  g_assert_true (mp_article_view_get_document (view) == before);
  g_assert_false (mp_window_open_file (window, empty));
  g_assert_cmpstr (mp_window_get_banner_message (window), ==,
                   "Could not open the file. empty.md: the file is empty");
  g_assert_true (mp_article_view_get_document (view) == before);
  charts = find_widgets (view, MP_TYPE_BAR_CHART);
  g_assert_cmpuint (charts->len, ==, 1);

  g_unlink (path);
  g_unlink (empty_path);
  g_rmdir (dir);
  destroy (window);
}

/* A mermaid block the parser refuses says why in the article's card too,
 * naming the file, line and column, not only in the flowchart pane. */
static void
test_broken_flowchart_card (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autofree char *dir = g_dir_make_tmp ("mp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = NULL;
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (path,
                                      "# Flow\n\n```mermaid\nflowchart TD\n  A[open --> B\n```\n",
                                      -1, NULL));
  g_assert_true (mp_window_open_file (window, file));
  mp_test_iterate ();
  labels = find_widgets (view, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (g_str_has_prefix (text, "broken.md:5:"))
        found = TRUE;
    }
  g_assert_true (found);

  g_unlink (path);
  g_rmdir (dir);
  destroy (window);
}

static void
test_long_table (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autofree char *dir = g_dir_make_tmp ("mp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("| n | square |\n| --: | --: |\n");
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *note;

  for (guint i = 1; i <= 700; i++)
    g_string_append_printf (text, "| %u | %u |\n", i, i * i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_assert_true (mp_window_open_file (window, file));
  mp_test_wait_ms (200);

  grids = find_widgets (view, GTK_TYPE_GRID);
  g_assert_cmpuint (grids->len, ==, 1);
  collect_widgets (g_ptr_array_index (grids, 0), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2 * 501 + 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (g_ptr_array_index (grids, 0), 1, 500))),
                   ==, "250000");
  note = gtk_grid_get_child_at (g_ptr_array_index (grids, 0), 0, 501);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (note)), ==, "200 more rows are not shown");

  g_unlink (path);
  g_rmdir (dir);
  destroy (window);
}

/* Opens @markdown (written to a new file) in @window. */
static GFile *
open_markdown (MpWindow   *window,
               const char *markdown)
{
  g_autofree char *dir = g_dir_make_tmp ("mp-reader-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.md", NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, markdown, -1, NULL));
  g_assert_true (mp_window_open_file (window, file));
  mp_test_iterate ();
  return file;
}

static void
remove_file (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

/* Labels with @css_class inside the article, in reading order. */
static GPtrArray *
find_labels (MpArticleView *view,
             const char    *css_class)
{
  g_autoptr(GPtrArray) labels = find_widgets (view, GTK_TYPE_LABEL);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      g_ptr_array_add (found, g_ptr_array_index (labels, i));
  return found;
}

#define LONG_LINE "  printf (\"process.version is a very long line that must scroll sideways, never wrap: " \
                  "https://example.org/a/very/long/path/that/goes/on/and/on/and/on\");"

static void
test_code_blocks (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  const char *c_code = "#include <stdio.h>\n\nint\nmain (void)\n{\n" LONG_LINE "\n\n\n  return 0;\n}";
  g_autofree char *markdown = g_strdup_printf ("# Code\n\n```c\n%s\n```\n\n    a < b && c > d\n      indented\n", c_code);
  g_autoptr(GFile) file = open_markdown (window, markdown);
  g_autoptr(GPtrArray) code = find_labels (view, "mp-code-text");
  GtkLabel *label;

  g_assert_cmpuint (code->len, ==, 2);
  /* Every character as written: no hyphen or break inserted, blank lines
   * kept, so the line count is the code's. */
  label = g_ptr_array_index (code, 0);
  g_assert_cmpstr (gtk_label_get_text (label), ==, c_code);
  g_assert_false (gtk_label_get_wrap (label));
  g_assert_true (gtk_label_get_selectable (label));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), ==, 10);
  /* The long line is wider than the column: the block scrolls sideways. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >,
                   gtk_widget_get_width (gtk_widget_get_parent (GTK_WIDGET (label))));
  /* Highlighted by GtkSourceView: the keyword has a colour of its own. */
  g_assert_true (strstr (gtk_label_get_label (label), "foreground=") != NULL);
  /* Tab selects the whole block, ready to copy, and leaves it scrolled to
   * the start of its lines. */
  {
    GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (label),
                                                                                GTK_TYPE_SCROLLED_WINDOW));
    int start, end;

    g_assert_true (gtk_widget_child_focus (GTK_WIDGET (scroller), GTK_DIR_TAB_FORWARD));
    g_assert_true (gtk_widget_has_focus (GTK_WIDGET (label)));
    wait_frames (window, 2);
    g_assert_true (gtk_label_get_selection_bounds (label, &start, &end));
    g_assert_cmpint (end - start, ==, g_utf8_strlen (c_code, -1));
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (scroller)), ==, 0);
  }
  /* An indented block, with characters markup would take for its own. */
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (code, 1)), ==, "a < b && c > d\n  indented");

  /* Find looks into code blocks. */
  mp_article_view_start_search (view);
  search (view, "process.VERSION");
  g_assert_cmpuint (mp_article_view_get_n_matches (view), ==, 1);
  g_assert_cmpint (mp_article_view_get_current_match (view), ==, 0);
  g_assert_nonnull (gtk_label_get_attributes (label));

  remove_file (file);
  destroy (window);
}

static gboolean
has_code_labels (gpointer data)
{
  g_autoptr(GPtrArray) code = find_labels (data, "mp-code-text");

  return code->len > 0;
}

static gboolean
last_code_made (gpointer data)
{
  g_autoptr(GPtrArray) code = find_labels (data, "mp-code-text");

  return code->len > 0 &&
         g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (code, code->len - 1)), "block 299");
}

/* Hundreds of highlighted blocks: those near the screen are made and
 * highlighted, the rest wait until the reader comes near them, even once
 * the background work is done. */
static void
test_code_highlighted_when_seen (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GString) markdown = g_string_new ("# Reference\n\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) code = NULL;
  GtkAdjustment *adjustment;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (markdown, "Call %u.\n\n```c\nblock %u\nint x = %u;\nreturn x;\n```\n\n", i, i, i);
  file = open_markdown (window, markdown->str);
  g_assert_true (mp_test_wait_until (has_code_labels, view, 5000));
  mp_test_wait_ms (1500);
  code = find_labels (view, "mp-code-text");
  g_assert_cmpuint (code->len, >=, 1);
  g_assert_cmpuint (code->len, <, 40);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (code, 0)), "block 0\n"));
  g_assert_true (strstr (gtk_label_get_label (g_ptr_array_index (code, 0)), "foreground=") != NULL);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (mp_article_view_get_text_view (view)));
  for (guint tries = 0; tries < 50 && !last_code_made (view); tries++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_frames (window, 2);
    }
  g_assert_true (last_code_made (view));

  remove_file (file);
  destroy (window);
}

/* Every line of @label but the last ends at a space of its text. */
static void
assert_wraps_at_spaces (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint lines = 1;

  while (pango_layout_iter_next_line (iter))
    {
      int start = pango_layout_iter_get_index (iter);

      g_assert_cmpint (start, >, 0);
      g_assert_cmpint (text[start - 1], ==, ' ');
      lines++;
    }
  pango_layout_iter_free (iter);
  g_assert_cmpuint (lines, >, 1);
}

static void
test_wide_table (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GFile) file = open_markdown (window,
    "| Architectures | Experimental | Description | Homepage | Notes |\n| --- | --- | --- | --- | --- |\n"
    "| amd64 arm64 armel armhf i386 mips64el mipsel ppc64el s390x | `no` | development files for the "
    "syntax highlighting widget | https://example.org/Projects/GtkSourceView | **bold** and *italic* |\n");
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) scrollers = NULL;
  GtkWidget *grid, *cell;
  GtkAdjustment *adjustment;

  grids = find_widgets (view, GTK_TYPE_GRID);
  g_assert_cmpuint (grids->len, ==, 1);
  grid = g_ptr_array_index (grids, 0);
  while (gtk_widget_get_width (grid) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Words stay whole: a cell wraps between them only. */
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 0, 1);
  g_assert_cmpint (gtk_label_get_wrap_mode (GTK_LABEL (cell)), ==, PANGO_WRAP_WORD);
  assert_wraps_at_spaces (GTK_LABEL (cell));
  cell = gtk_grid_get_child_at (GTK_GRID (grid), 2, 1);
  assert_wraps_at_spaces (GTK_LABEL (cell));
  /* Inline code keeps its style inside a cell. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))),
                            "monospace"));
  /* Wider than the column, the table scrolls sideways instead of
   * squeezing its words. */
  scrollers = find_widgets (view, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpuint (scrollers->len, ==, 1);
  adjustment = gtk_scrolled_window_get_hadjustment (g_ptr_array_index (scrollers, 0));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  /* And it is as high as its rows, no more. */
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (scrollers, 0)), ==, gtk_widget_get_height (grid));

  remove_file (file);
  destroy (window);
}

static int
top_offset (MpArticleView *view)
{
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  GdkRectangle visible;
  GtkTextIter top;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_at_location (text_view, &top, visible.x, visible.y);
  return gtk_text_iter_get_offset (&top);
}

static GtkAdjustment *
vadjustment (MpArticleView *view)
{
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (mp_article_view_get_text_view (view)));
}

/* A new file opens at its top, not where the previous one was; a file
 * read before opens where it was left. */
static void
test_reading_position (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GString) long_text = g_string_new ("# Long\n\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) bundled = g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);
  int bundled_top, file_top;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (long_text, "Paragraph %u of a long file.\n\n", i);
  gtk_adjustment_set_value (vadjustment (view), 3000);
  wait_frames (window, 2);
  bundled_top = top_offset (view);
  g_assert_cmpint (bundled_top, >, 0);

  file = open_markdown (window, long_text->str);
  wait_frames (window, 15);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment (view)), ==, 0);
  g_assert_cmpint (top_offset (view), ==, 0);
  gtk_adjustment_set_value (vadjustment (view), 2000);
  wait_frames (window, 2);
  file_top = top_offset (view);
  g_assert_cmpint (file_top, >, 0);

  /* Back to each: where it was left, to the line. */
  g_assert_true (mp_window_open_file (window, bundled));
  /* The view holds the place while the lines above are laid out. */
  wait_frames (window, 15);
  g_assert_cmpint (ABS (top_offset (view) - bundled_top), <, 80);
  g_assert_true (mp_window_open_file (window, file));
  wait_frames (window, 15);
  g_assert_cmpint (ABS (top_offset (view) - file_top), <, 80);

  remove_file (file);
  destroy (window);
}

static int
first_line_height (MpArticleView *view)
{
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  GtkTextIter iter;
  int y, height;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (text_view), &iter);
  gtk_text_iter_forward_line (&iter);
  gtk_text_view_get_line_yrange (text_view, &iter, &y, &height);
  return height;
}

static void
test_zoom (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  int normal, zoomed;

  g_assert_cmpfloat (mp_article_view_get_zoom (view), ==, 1.0);
  normal = first_line_height (view);
  mp_article_view_set_zoom (view, 2.0);
  mp_test_wait_ms (300);
  zoomed = first_line_height (view);
  g_assert_cmpfloat (mp_article_view_get_zoom (view), ==, 2.0);
  g_assert_cmpint (zoomed, >, normal * 17 / 10);
  mp_article_view_set_zoom (view, 9.0);
  g_assert_cmpfloat (mp_article_view_get_zoom (view), ==, 3.0);
  mp_article_view_set_zoom (view, 1.0);
  mp_test_wait_ms (300);
  g_assert_cmpint (first_line_height (view), ==, normal);

  destroy (window);
}

/* The main menu's "− 100 % +" row drives the zoom and shows its level. */
static void
test_zoom_menu_item (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkMenuButton *menu = NULL;
  GtkWidget *item, *zoom_out, *reset, *zoom_in;

  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      menu = g_ptr_array_index (buttons, i);
  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  wait_frames (window, 2);
  item = mp_test_find_with_class (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "mp-zoom-item");
  g_assert_nonnull (item);
  zoom_out = gtk_widget_get_first_child (item);
  reset = gtk_widget_get_next_sibling (zoom_out);
  zoom_in = gtk_widget_get_next_sibling (reset);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reset)), ==, "100 %");

  g_signal_emit_by_name (zoom_in, "clicked");
  g_assert_cmpfloat_with_epsilon (mp_article_view_get_zoom (view), 1.1, 1e-9);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reset)), ==, "110 %");
  g_signal_emit_by_name (zoom_out, "clicked");
  g_signal_emit_by_name (zoom_out, "clicked");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reset)), ==, "90 %");
  g_signal_emit_by_name (reset, "clicked");
  g_assert_cmpfloat (mp_article_view_get_zoom (view), ==, 1.0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (reset)), ==, "100 %");

  gtk_menu_button_popdown (menu);
  destroy (window);
}

static GtkEventController *
text_controller (GtkTextView *text_view,
                 GType        type,
                 const char  *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (text_view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          (name == NULL || g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0))
        return controller;
    }
  return NULL;
}

static GtkPopover *
note_popover (MpArticleView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "mp-note-popover"))
      return GTK_POPOVER (child);
  return NULL;
}

static gboolean
note_shown (gpointer data)
{
  GtkPopover *popover = note_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* Tab to a footnote reference, or the pointer over it, shows the note in
 * a popover that leaves the focus and the reading position alone. */
/* A link that does not open says why in the window's toast, naming it;
 * an anchor to no section says so too. */
static void
test_link_refused_says_why (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  g_autoptr(GFile) file = open_markdown (window, "# Links\n\nA [file](file:///etc/passwd), a "
                                                 "[mail](mailto:a@example.org?attach=/etc/passwd) "
                                                 "and a [missing](#nowhere) section.\n");
  GtkEventController *keys = text_controller (text_view, GTK_TYPE_EVENT_CONTROLLER_KEY, "mp-article-links");
  const char *expected[] = {
    "“file:///etc/passwd” was not opened: only web (http, https) and mail links open.",
    "“mailto:a@example.org?attach=/etc/passwd” was not opened: a mail link that attaches files "
    "could send your files.",
    "This article has no section “nowhere”.",
  };

  wait_frames (window, 2);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
      g_assert_true (handled);
      g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
      g_assert_true (handled);
      g_assert_cmpstr (mp_window_get_toast_message (window), ==, expected[i]);
    }
  destroy (window);
}

static void
test_footnote_popover (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  g_autoptr(GFile) file = open_markdown (window, "# Notes\n\nA claim that needs a source[^src] to stand.\n\n"
                                                 "[^src]: The survey of 2024, page 12.\n");
  GtkEventController *keys = text_controller (text_view, GTK_TYPE_EVENT_CONTROLLER_KEY, "mp-article-links");
  GtkEventController *motion = text_controller (text_view, GTK_TYPE_EVENT_CONTROLLER_MOTION, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter start, end;
  GdkRectangle rect;
  gboolean handled = FALSE;
  double scroll;

  g_assert_nonnull (keys);
  g_assert_nonnull (motion);
  wait_frames (window, 2);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  scroll = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view)));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (mp_test_wait_until (note_shown, view, 3000));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_popover_get_child (note_popover (view)))), ==,
                   "The survey of 2024, page 12.");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text_view)));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view))), ==, scroll);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  /* The link is the number alone, and it never starts a line of its own:
   * a word joiner ties it to the word before. */
  g_assert_cmpint (gtk_text_iter_get_char (&start), ==, '1');
  g_assert_cmpint (gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start), ==, 1);
  g_assert_true (gtk_text_iter_backward_char (&start));
  g_assert_cmpint (gtk_text_iter_get_char (&start), ==, 0x2060);
  g_assert_true (gtk_text_iter_backward_char (&start));
  g_assert_cmpint (gtk_text_iter_get_char (&start), ==, 'e');
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);

  /* The next link (the note's way back) is no reference: the popover goes. */
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (note_popover (view))));

  /* Pointing at the reference shows it again. */
  gtk_text_view_get_iter_location (text_view, &start, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  g_signal_emit_by_name (motion, "motion", rect.x + 1.0, rect.y + rect.height / 2.0);
  g_assert_true (mp_test_wait_until (note_shown, view, 3000));
  g_signal_emit_by_name (motion, "motion", 2.0, 2.0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (note_popover (view))));

  remove_file (file);
  destroy (window);
}

/* -- copying tables ---------------------------------------------------------- */

#define COPY_TABLE \
  "Before the table, a [link](https://example.org/before).\n\n" \
  "| Program | Cost | Notes |\n| --- | ---: | --- |\n" \
  "| Dundee | `£9,000` | **part time**, online |\n" \
  "| Maastricht | 12 000 | see [site](https://example.org/m) |\n\n" \
  "After the table.\n"

typedef struct {
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

/* What the clipboard holds, read back the way a pasting program would. */
static char *
clipboard_text (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_read, &read);
  while (!read.done)
    g_main_context_iteration (NULL, TRUE);
  return read.text;
}

static void
clear_clipboard (GtkWidget *widget)
{
  g_autofree char *text = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), "(nothing yet)");
  text = clipboard_text (widget);
  g_assert_cmpstr (text, ==, "(nothing yet)");
}

static MpArticleTable *
shown_table (MpArticleView *view)
{
  g_autoptr(GPtrArray) tables = find_widgets (view, MP_TYPE_ARTICLE_TABLE);

  g_assert_cmpuint (tables->len, ==, 1);
  while (gtk_widget_get_width (g_ptr_array_index (tables, 0)) == 0)
    g_main_context_iteration (NULL, TRUE);
  return g_ptr_array_index (tables, 0);
}

/* Copy Table gives the rows as tab-separated plain text; Copy Cell, from
 * the menu of the focused cell, that cell; both are in every cell's own
 * menu too. */
static void
test_table_copy (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GFile) file = open_markdown (window, COPY_TABLE);
  MpArticleTable *table = shown_table (view);
  GtkLabel *cell = mp_article_table_get_cell (GTK_WIDGET (table), 3, 3);
  GMenuModel *extra = gtk_label_get_extra_menu (cell);
  g_autofree char *copied = NULL;
  g_autofree char *action = NULL;
  GtkPopover *menu;

  clear_clipboard (GTK_WIDGET (table));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.copy-table", NULL));
  copied = clipboard_text (GTK_WIDGET (table));
  g_assert_cmpstr (copied, ==,
                   "Program\tCost\tNotes\n"
                   "Dundee\t£9,000\tpart time, online\n"
                   "Maastricht\t12 000\tsee site\n");

  /* The cell the pointer focused, its menu opened from the keyboard. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cell)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "menu.popup", NULL));
  menu = GTK_POPOVER (mp_test_find_widget (GTK_WIDGET (table), GTK_TYPE_POPOVER_MENU));
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.copy-cell", NULL));
  g_clear_pointer (&copied, g_free);
  copied = clipboard_text (GTK_WIDGET (table));
  g_assert_cmpstr (copied, ==, "Dundee");
  gtk_popover_popdown (menu);

  g_assert_nonnull (extra);
  g_assert_cmpint (g_menu_model_get_n_items (extra), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (extra, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "table.copy-cell");
  g_clear_pointer (&action, g_free);
  g_assert_true (g_menu_model_get_item_attribute (extra, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "table.copy-table");

  remove_file (file);
  destroy (window);
}

/* Text selected in a cell (as a pointer drag leaves it) is what Ctrl+C and
 * the cell menu's Copy put on the clipboard. */
static void
test_table_select_copy (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  g_autoptr(GFile) file = open_markdown (window, COPY_TABLE);
  MpArticleTable *table = shown_table (view);
  GtkLabel *cell = mp_article_table_get_cell (GTK_WIDGET (table), 3, 5);
  g_autofree char *copied = NULL;

  g_assert_cmpstr (gtk_label_get_text (cell), ==, "part time, online");
  g_assert_true (gtk_label_get_selectable (cell));
  /* A cell with a link keeps the link's own keys and menu instead. */
  g_assert_false (gtk_label_get_selectable (mp_article_table_get_cell (GTK_WIDGET (table), 3, 8)));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cell)));
  gtk_label_select_region (cell, 5, 9);
  clear_clipboard (GTK_WIDGET (table));
  /* What Ctrl+C is bound to in a label. */
  g_signal_emit_by_name (cell, "copy-clipboard");
  copied = clipboard_text (GTK_WIDGET (table));
  g_assert_cmpstr (copied, ==, "time");

  gtk_label_select_region (cell, 11, 17);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cell), "clipboard.copy", NULL));
  g_clear_pointer (&copied, g_free);
  copied = clipboard_text (GTK_WIDGET (table));
  g_assert_cmpstr (copied, ==, "online");

  remove_file (file);
  destroy (window);
}

/* Tab as the window delivers it: the article's own link keys first while
 * the text has the focus, then GTK's focus chain. */
static void
press_tab (MpWindow        *window,
           GtkTextView     *text_view,
           GtkDirectionType direction)
{
  GtkEventController *keys = text_controller (text_view, GTK_TYPE_EVENT_CONTROLLER_KEY, "mp-article-links");
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab,
                         0, direction == GTK_DIR_TAB_BACKWARD ? GDK_SHIFT_MASK : 0, &handled);
  if (handled)
    return;
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    gtk_root_set_focus (GTK_ROOT (window), NULL);
}

static gboolean
is_in (GtkWidget *widget,
       GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* From the text before a table, Tab reaches the table once (not each of
 * its cells), then the link in it, then leaves the article; from a cell
 * the pointer focused, Tab goes on from there; Shift+Tab comes back. */
static void
test_table_tab (void)
{
  MpWindow *window = new_window ();
  MpArticleView *view = article_view (window);
  GtkTextView *text_view = mp_article_view_get_text_view (view);
  g_autoptr(GFile) file = open_markdown (window, COPY_TABLE);
  MpArticleTable *table = shown_table (view);
  GtkWidget *link_cell = GTK_WIDGET (mp_article_table_get_cell (GTK_WIDGET (table), 3, 8));
  GtkWidget *focus = NULL;
  guint presses = 0, on_table = 0, on_link_cell = 0;

  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  while (presses < 12 && is_in (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (text_view)))
    {
      press_tab (window, text_view, GTK_DIR_TAB_FORWARD);
      presses++;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      on_table += focus == GTK_WIDGET (table);
      on_link_cell += focus == link_cell;
      /* No plain cell is a Tab stop. */
      g_assert_true (focus == NULL || !is_in (focus, GTK_WIDGET (table)) ||
                     focus == GTK_WIDGET (table) || focus == link_cell);
    }
  /* The link before, the table, the link in it, out. */
  g_assert_cmpuint (presses, ==, 4);
  g_assert_cmpuint (on_table, ==, 1);
  g_assert_cmpuint (on_link_cell, ==, 1);
  g_assert_false (is_in (focus, GTK_WIDGET (text_view)));

  /* A cell clicked into: Tab goes to the next link, Shift+Tab back to the
   * table, then on before it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (mp_article_table_get_cell (GTK_WIDGET (table), 3, 4))));
  press_tab (window, text_view, GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_cell);
  press_tab (window, text_view, GTK_DIR_TAB_BACKWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (table));
  press_tab (window, text_view, GTK_DIR_TAB_BACKWARD);
  g_assert_false (is_in (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (table)));

  remove_file (file);
  destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-view/find", test_find);
  g_test_add_func ("/article-view/find-in-tables", test_find_in_tables);
  g_test_add_func ("/article-view/outline-jump", test_outline_jump);
  g_test_add_func ("/article-view/chart-and-figures", test_chart_and_card);
  g_test_add_func ("/article-view/table-and-image-file", test_table_and_image_file);
  g_test_add_func ("/article-view/figures-drawn-when-seen", test_figures_drawn_when_seen);
  g_test_add_func ("/article-view/bad-file-keeps-document", test_bad_file_keeps_document);
  g_test_add_func ("/article-view/long-table", test_long_table);
  g_test_add_func ("/article-view/broken-flowchart-card", test_broken_flowchart_card);
  g_test_add_func ("/article-view/zoom", test_zoom);
  g_test_add_func ("/article-view/zoom-menu-item", test_zoom_menu_item);
  g_test_add_func ("/article-view/footnote-popover", test_footnote_popover);
  g_test_add_func ("/article-view/link-refused-says-why", test_link_refused_says_why);
  g_test_add_func ("/article-view/code-blocks", test_code_blocks);
  g_test_add_func ("/article-view/code-highlighted-when-seen", test_code_highlighted_when_seen);
  g_test_add_func ("/article-view/wide-table", test_wide_table);
  g_test_add_func ("/article-view/reading-position", test_reading_position);
  g_test_add_func ("/article-view/table-copy", test_table_copy);
  g_test_add_func ("/article-view/table-select-copy", test_table_select_copy);
  g_test_add_func ("/article-view/table-tab", test_table_tab);

  return g_test_run ();
}
