/* mp-article-view.c: placeholder until the reader lands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-view.h"

struct _MpArticleView
{
  GtkWidget   parent_instance;
  GtkWidget  *label;
  GtkWidget  *popover;
  MpDocument *document;
  double      zoom;
};

enum { PROP_0, PROP_ZOOM, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (MpArticleView, mp_article_view, GTK_TYPE_WIDGET)

static void
mp_article_view_dispose (GObject *object)
{
  MpArticleView *self = MP_ARTICLE_VIEW (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (mp_article_view_parent_class)->dispose (object);
}

static void
mp_article_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_double (value, MP_ARTICLE_VIEW (object)->zoom);
}

static void
mp_article_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  mp_article_view_set_zoom (MP_ARTICLE_VIEW (object), g_value_get_double (value));
}

static void
mp_article_view_class_init (MpArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_article_view_dispose;
  object_class->get_property = mp_article_view_get_property;
  object_class->set_property = mp_article_view_set_property;
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0.5, 3.0, 1.0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
mp_article_view_init (MpArticleView *self)
{
  self->zoom = 1.0;
  self->label = gtk_label_new ("");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  self->popover = gtk_popover_new ();
}

GtkWidget *
mp_article_view_new (void)
{
  return g_object_new (MP_TYPE_ARTICLE_VIEW, NULL);
}

void
mp_article_view_set_document (MpArticleView *self, MpDocument *document)
{
  g_set_object (&self->document, document);
  gtk_label_set_text (GTK_LABEL (self->label), mp_document_get_display_name (document));
}

MpDocument *
mp_article_view_get_document (MpArticleView *self)
{
  return self->document;
}

gboolean
mp_article_view_scroll_to_heading (MpArticleView *self, const char *id)
{
  return FALSE;
}

void
mp_article_view_highlight_section (MpArticleView *self, const char *id)
{
}

void
mp_article_view_start_search (MpArticleView *self)
{
}

GtkWidget *
mp_article_view_get_outline_popover (MpArticleView *self)
{
  return self->popover;
}

double
mp_article_view_get_zoom (MpArticleView *self)
{
  return self->zoom;
}

void
mp_article_view_set_zoom (MpArticleView *self, double zoom)
{
  if (self->zoom == zoom)
    return;
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}
