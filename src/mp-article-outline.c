/* mp-article-outline.c: a popover listing an article's headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-outline.h"

#include <glib/gi18n.h>

#define MAX_ROWS 2000   /* headings listed: a long article has thousands */

struct _MpArticleOutline
{
  GtkPopover  parent_instance;

  GtkListBox *list;

  MpDocument *document;
  gboolean    dirty;
};

enum { PROP_0, PROP_DOCUMENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { HEADING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (MpArticleOutline, mp_article_outline, GTK_TYPE_POPOVER)

static GtkWidget *
row_new (const MpBlock *heading)
{
  GtkWidget *label = gtk_label_new (mp_document_get_heading_text (heading));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_margin_start (label, 8 + 16 * (MIN (heading->level, 4) - 1));
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  if (heading->level == 1)
    gtk_widget_add_css_class (label, "heading");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "mp-heading-id", g_strdup (heading->id), g_free);
  return row;
}

/* Past MAX_ROWS the list says how many more there are and how to reach them. */
static GtkWidget *
more_row_new (guint more)
{
  /* Translators: last row of the outline of a file with thousands of headings */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u more heading: use Find (Ctrl+F) to reach it",
                                                        "%'u more headings: use Find (Ctrl+F) to reach them", more),
                                           more);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
rebuild (MpArticleOutline *self)
{
  GtkWidget *child;
  guint n = self->document != NULL ? mp_document_get_n_headings (self->document) : 0;

  self->dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < MIN (n, MAX_ROWS); i++)
    gtk_list_box_append (self->list, row_new (mp_document_get_heading (self->document, i)));
  if (n > MAX_ROWS)
    gtk_list_box_append (self->list, more_row_new (n - MAX_ROWS));
}

/* The popover places the focus before this handler has built the rows, so
 * it lands on the scroller, from where neither Tab nor the arrows reach a
 * heading: give it to the first heading. */
static void
on_show (MpArticleOutline *self)
{
  GtkWidget *first;

  if (self->dirty)
    rebuild (self);
  first = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
on_row_activated (MpArticleOutline *self,
                  GtkListBoxRow    *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "mp-heading-id"));

  if (id == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[HEADING_ACTIVATED], 0, id);
}

static void
mp_article_outline_dispose (GObject *object)
{
  MpArticleOutline *self = MP_ARTICLE_OUTLINE (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ARTICLE_OUTLINE);
  G_OBJECT_CLASS (mp_article_outline_parent_class)->dispose (object);
}

static void
mp_article_outline_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MpArticleOutline *self = MP_ARTICLE_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_article_outline_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MpArticleOutline *self = MP_ARTICLE_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      mp_article_outline_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_article_outline_class_init (MpArticleOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_article_outline_dispose;
  object_class->get_property = mp_article_outline_get_property;
  object_class->set_property = mp_article_outline_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, MP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[HEADING_ACTIVATED] =
    g_signal_new ("heading-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mp-article-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, MpArticleOutline, list);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
mp_article_outline_init (MpArticleOutline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mp_article_outline_new (void)
{
  return g_object_new (MP_TYPE_ARTICLE_OUTLINE, NULL);
}

void
mp_article_outline_set_document (MpArticleOutline *self,
                                 MpDocument       *document)
{
  g_return_if_fail (MP_IS_ARTICLE_OUTLINE (self));
  g_return_if_fail (document == NULL || MP_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;
  self->dirty = TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

MpDocument *
mp_article_outline_get_document (MpArticleOutline *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_OUTLINE (self), NULL);
  return self->document;
}
