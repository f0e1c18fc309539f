/* mp-article-blocks.c: images, charts, cards and slots inside the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-blocks.h"

#include <glib/gi18n.h>

#include "mp-bar-chart.h"
#include "mp-document.h"

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
