/* mp-article-blocks.c: tables, images, charts and cards inside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-blocks.h"

#include <glib/gi18n.h>

#include "mp-bar-chart.h"
#include "mp-document.h"

#define MAX_TABLE_ROWS 500   /* body rows shown */


typedef struct {
  int        first;
  gboolean   open;
  guint      span;
} MarkupEvent;

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const MarkupEvent *ea = a, *eb = b;

  if (ea->first != eb->first)
    return ea->first < eb->first ? -1 : 1;
  if (ea->open != eb->open)
    return ea->open ? 1 : -1;                 /* closes before opens */
  if (ea->open)
    return ea->span < eb->span ? -1 : ea->span > eb->span;
  return ea->span > eb->span ? -1 : ea->span < eb->span;
}

static void
append_tag (GString      *markup,
            const MpSpan *span,
            gboolean      open)
{
  static const char *names[] = { "b", "i", "tt", "s", "a", "i", "sup" };

  if (!open)
    {
      g_string_append_printf (markup, "</%s>", span->type == MP_SPAN_CODE ? "span" : names[span->type]);
      return;
    }
  /* Code on a tint, as in the text. */
  if (span->type == MP_SPAN_CODE)
    g_string_append (markup, "<span font_family=\"monospace\" background=\"#808080\" bgalpha=\"16%\">");
  else if (span->type == MP_SPAN_LINK)
    {
      g_autofree char *href = g_markup_escape_text (span->target, -1);
      g_autofree char *title = span->alt != NULL ? g_markup_escape_text (span->alt, -1) : NULL;

      g_string_append_printf (markup, "<a href=\"%s\" title=\"%s\">", href, title != NULL ? title : href);
    }
  else
    g_string_append_printf (markup, "<%s>", names[span->type]);
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);
  g_string_append (markup, escaped);
}

char *
mp_article_inline_markup (const MpInline *inline_)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (MarkupEvent));
  GString *markup = g_string_new (NULL);
  guint pos = 0;

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      MarkupEvent open = { span->start, TRUE, i }, close = { span->end, FALSE, i };

      if (span->start == span->end && span->type != MP_SPAN_IMAGE)
        continue;
      g_array_append_val (events, open);
      if (span->type != MP_SPAN_IMAGE)
        g_array_append_val (events, close);
    }
  g_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      const MarkupEvent *event = &g_array_index (events, MarkupEvent, i);
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, event->span);

      append_escaped (markup, inline_->text->str + pos, event->first - pos);
      pos = event->first;
      if (span->type == MP_SPAN_IMAGE)
        {
          g_string_append (markup, "<i>");
          append_escaped (markup, span->alt, -1);
          g_string_append (markup, "</i>");
        }
      else
        append_tag (markup, span, event->open);
    }
  append_escaped (markup, inline_->text->str + pos, inline_->text->len - pos);
  return g_string_free (markup, FALSE);
}

typedef struct {
  MpLinkFunc func;
  gpointer   user_data;
} LinkHandler;

static gboolean
on_activate_link (GtkLabel    *label,
                  const char  *uri,
                  LinkHandler *handler)
{
  handler->func (uri, handler->user_data);
  return TRUE;
}

static float
align_to_xalign (MpAlign align)
{
  switch (align)
    {
    case MP_ALIGN_CENTER:
      return 0.5;
    case MP_ALIGN_RIGHT:
      return 1.0;
    default:
      return 0.0;
    }
}

static GtkWidget *
table_cell_new (const MpInline *cell,
                MpAlign         align,
                guint           row,
                LinkHandler    *handler)
{
  g_autofree char *markup = mp_article_inline_markup (cell);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Words are never cut: a table too wide for the column scrolls. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), align_to_xalign (align));
  gtk_label_set_justify (GTK_LABEL (label), align == MP_ALIGN_CENTER ? GTK_JUSTIFY_CENTER
                                          : align == MP_ALIGN_RIGHT ? GTK_JUSTIFY_RIGHT
                                          : GTK_JUSTIFY_LEFT);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, row == 0 ? "header" : row % 2 == 0 ? "even" : "odd");
  if (handler->func != NULL)
    g_signal_connect (label, "activate-link", G_CALLBACK (on_activate_link), handler);
  return label;
}

static char *
describe_table (const MpTable *table)
{
  GString *text = g_string_new (NULL);
  guint n_rows = table->cells->len / table->n_columns;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const MpInline *cell = g_ptr_array_index (table->cells, c);
      g_string_append (text, cell->text->str);
      if (c + 1 < table->n_columns)
        g_string_append (text, ", ");
    }
  /* Translators: accessible name of a table: "Table: COLUMN, COLUMN, …; N rows" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Table: %s; %u row", "Table: %s; %u rows",
                                       n_rows > 0 ? n_rows - 1 : 0),
                          text->str, n_rows > 0 ? n_rows - 1 : 0);
}

/* A table of tens of thousands of rows would freeze the window while its
 * labels are made; the reader shows the first ones and says so. */
static void
attach_hidden_rows_note (GtkGrid       *grid,
                         const MpTable *table)
{
  guint hidden = table->cells->len / table->n_columns - 1 - MAX_TABLE_ROWS;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u more row is not shown",
                                                        "%u more rows are not shown", hidden),
                                           hidden);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (grid, label, 0, MAX_TABLE_ROWS + 1, table->n_columns, 1);
}

/* A scrolled window asks its child's height for the child's narrowest
 * width when it may scroll sideways, which leaves a wrapped table far too
 * tall. The frame asks the grid for its height at the width it will
 * really have. */
static void
measure_table_frame (GtkWidget      *frame,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  GtkWidget *scroller = gtk_widget_get_first_child (frame);
  GtkWidget *grid = g_object_get_data (G_OBJECT (frame), "mp-grid");
  int grid_min = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (scroller, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }
  gtk_widget_measure (grid, GTK_ORIENTATION_HORIZONTAL, -1, &grid_min, NULL, NULL, NULL);
  gtk_widget_measure (grid, orientation, for_size < 0 ? -1 : MAX (for_size, grid_min),
                      minimum, natural, NULL, NULL);
}

static void
allocate_table_frame (GtkWidget *frame,
                      int        width,
                      int        height,
                      int        baseline)
{
  gtk_widget_allocate (gtk_widget_get_first_child (frame), width, height, -1, NULL);
}

GtkWidget *
mp_article_table_new (const MpTable *table,
                      MpLinkFunc     link_func,
                      gpointer       user_data)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  LinkHandler *handler = g_new0 (LinkHandler, 1);
  g_autofree char *description = describe_table (table);

  handler->func = link_func;
  handler->user_data = user_data;
  g_object_set_data_full (G_OBJECT (grid), "mp-link-handler", handler, g_free);

  for (guint i = 0; i < table->cells->len && i / table->n_columns <= MAX_TABLE_ROWS; i++)
    {
      guint row = i / table->n_columns, column = i % table->n_columns;
      GtkWidget *cell = table_cell_new (g_ptr_array_index (table->cells, i),
                                        table->aligns[column], row, handler);
      gtk_grid_attach (GTK_GRID (grid), cell, column, row, 1, 1);
    }
  if (table->cells->len / table->n_columns > MAX_TABLE_ROWS + 1)
    attach_hidden_rows_note (GTK_GRID (grid), table);
  gtk_widget_add_css_class (grid, "mp-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_hexpand (grid, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  /* Keyboard users scroll a wide table from here: it says what it holds. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_box_append (GTK_BOX (frame), scroller);
  g_object_set_data (G_OBJECT (frame), "mp-grid", grid);
  gtk_widget_set_layout_manager (frame, gtk_custom_layout_new (NULL, measure_table_frame, allocate_table_frame));
  gtk_widget_add_css_class (frame, "mp-table-frame");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
  return frame;
}

guint
mp_article_table_get_n_shown_cells (const MpTable *table)
{
  return MIN (table->cells->len, (MAX_TABLE_ROWS + 1) * table->n_columns);
}

GtkLabel *
mp_article_table_get_cell (GtkWidget *table_widget,
                           guint      n_columns,
                           guint      index)
{
  GtkWidget *grid = g_object_get_data (G_OBJECT (table_widget), "mp-grid");
  GtkWidget *cell;

  if (!GTK_IS_GRID (grid) || n_columns == 0)
    return NULL;
  cell = gtk_grid_get_child_at (GTK_GRID (grid), index % n_columns, index / n_columns);
  return GTK_IS_LABEL (cell) ? GTK_LABEL (cell) : NULL;
}

GtkWidget *
mp_article_chart_new (const MpChart *chart)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "mp-chart-card");
  if (chart->error != NULL)
    {
      GtkWidget *title = gtk_label_new (_("This chart cannot be drawn"));
      GtkWidget *message = gtk_label_new (chart->error);

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_selectable (GTK_LABEL (message), TRUE);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), message);
      gtk_widget_add_css_class (box, "error");
      return box;
    }
  gtk_box_append (GTK_BOX (box), mp_bar_chart_new (chart));
  return box;
}

/* @error (nullable): why the block cannot be drawn, "FILE:LINE:COLUMN: …" */
GtkWidget *
mp_article_mermaid_card_new (const char *error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  GtkWidget *hint;
  GtkWidget *icon;

  if (error == NULL)
    {
      title = gtk_label_new (_("Decision flow — shown in the flowchart"));
      hint = gtk_label_new (_("Answer its questions in the flowchart pane to see where they lead."));
      icon = gtk_image_new_from_icon_name ("mail-forward-symbolic");
      gtk_widget_add_css_class (hint, "dim-label");
    }
  else
    {
      title = gtk_label_new (_("This flowchart cannot be drawn"));
      hint = gtk_label_new (error);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_label_set_selectable (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (box, "error");
    }
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), hint);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "mp-mermaid-card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (title)), -1);
  if (error != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    error, -1);
  return box;
}

GtkWidget *
mp_article_rule_new (void)
{
  GtkWidget *rule = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_widget_add_css_class (rule, "mp-rule");
  return rule;
}

typedef struct {
  MpSlotFactory  factory;
  gpointer       data;
  GDestroyNotify destroy;
  double         estimated_ems;
  gboolean       filled;
  gboolean       when_seen;
} Slot;

static void
slot_free (Slot *slot)
{
  if (slot->destroy != NULL && slot->data != NULL)
    slot->destroy (slot->data);
  g_free (slot);
}

GtkWidget *
mp_article_slot_new (MpSlotFactory  factory,
                     gpointer       data,
                     GDestroyNotify destroy,
                     double         estimated_ems)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  Slot *slot = g_new0 (Slot, 1);

  slot->factory = factory;
  slot->data = data;
  slot->destroy = destroy;
  slot->estimated_ems = estimated_ems;
  g_object_set_data_full (G_OBJECT (box), "mp-slot", slot, (GDestroyNotify) slot_free);
  gtk_widget_add_css_class (box, "mp-slot");
  return box;
}

void
mp_article_slot_set_fill_when_seen (GtkWidget *widget,
                                    gboolean   when_seen)
{
  Slot *slot = g_object_get_data (G_OBJECT (widget), "mp-slot");

  g_return_if_fail (slot != NULL);
  slot->when_seen = when_seen;
}

gboolean
mp_article_slot_get_fill_when_seen (GtkWidget *widget)
{
  Slot *slot = g_object_get_data (G_OBJECT (widget), "mp-slot");

  g_return_val_if_fail (slot != NULL, FALSE);
  return slot->when_seen;
}

gboolean
mp_article_is_slot (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "mp-slot") != NULL;
}

gboolean
mp_article_slot_is_filled (GtkWidget *widget)
{
  Slot *slot = g_object_get_data (G_OBJECT (widget), "mp-slot");

  g_return_val_if_fail (slot != NULL, FALSE);
  return slot->filled;
}

double
mp_article_slot_get_estimate (GtkWidget *widget)
{
  Slot *slot = g_object_get_data (G_OBJECT (widget), "mp-slot");

  g_return_val_if_fail (slot != NULL, 0);
  return slot->estimated_ems;
}

gboolean
mp_article_slot_fill (GtkWidget *widget)
{
  Slot *slot = g_object_get_data (G_OBJECT (widget), "mp-slot");
  GtkWidget *content;

  g_return_val_if_fail (slot != NULL, FALSE);

  if (slot->filled)
    return FALSE;
  slot->filled = TRUE;
  content = slot->factory (slot->data);
  gtk_box_append (GTK_BOX (widget), content);
  gtk_widget_remove_css_class (widget, "mp-slot");
  /* An image's size travels with the slot, where the view looks for it. */
  g_object_set_data (G_OBJECT (widget), "mp-image-width",
                     g_object_get_data (G_OBJECT (content), "mp-image-width"));
  g_object_set_data (G_OBJECT (widget), "mp-image-height",
                     g_object_get_data (G_OBJECT (content), "mp-image-height"));
  if (slot->destroy != NULL && slot->data != NULL)
    slot->destroy (g_steal_pointer (&slot->data));
  return TRUE;
}
