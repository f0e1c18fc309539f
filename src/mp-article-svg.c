/* mp-article-svg.c: an SVG drawn at the size it is shown
 *
 * Rasterising an article figure takes tens of milliseconds, so it happens
 * at the first draw (never for figures nobody scrolls to) and again only
 * when the size changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-svg.h"

#include <librsvg/rsvg.h>
#include <math.h>

struct _MpArticleSvg
{
  GObject      parent_instance;
  RsvgHandle  *handle;
  double       width;
  double       height;
  GWeakRef     widget;
  GdkTexture  *texture;   /* the last rasterisation */
};

static void mp_article_svg_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpArticleSvg, mp_article_svg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      mp_article_svg_paintable_init))

static GdkTexture *
rasterise (MpArticleSvg *self,
           int           width,
           int           height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;
  int stride;

  ok = rsvg_handle_render_document (self->handle, cr, &(RsvgRectangle) { 0, 0, width, height }, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (!ok || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
mp_article_svg_snapshot (GdkPaintable *paintable,
                         GdkSnapshot  *snapshot,
                         double        width,
                         double        height)
{
  MpArticleSvg *self = MP_ARTICLE_SVG (paintable);
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->widget);
  int scale = widget != NULL ? gtk_widget_get_scale_factor (widget) : 1;
  int pixel_width = ceil (width * scale), pixel_height = ceil (height * scale);

  if (pixel_width <= 0 || pixel_height <= 0 || pixel_width > 8192 || pixel_height > 8192)
    return;
  if (self->texture == NULL || gdk_texture_get_width (self->texture) != pixel_width ||
      gdk_texture_get_height (self->texture) != pixel_height)
    {
      g_clear_object (&self->texture);
      self->texture = rasterise (self, pixel_width, pixel_height);
    }
  if (self->texture != NULL)
    gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                                 &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static int
mp_article_svg_get_intrinsic_width (GdkPaintable *paintable)
{
  return ceil (MP_ARTICLE_SVG (paintable)->width);
}

static int
mp_article_svg_get_intrinsic_height (GdkPaintable *paintable)
{
  return ceil (MP_ARTICLE_SVG (paintable)->height);
}

static double
mp_article_svg_get_intrinsic_aspect_ratio (GdkPaintable *paintable)
{
  MpArticleSvg *self = MP_ARTICLE_SVG (paintable);

  return self->height > 0 ? self->width / self->height : 0;
}

static void
mp_article_svg_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = mp_article_svg_snapshot;
  iface->get_intrinsic_width = mp_article_svg_get_intrinsic_width;
  iface->get_intrinsic_height = mp_article_svg_get_intrinsic_height;
  iface->get_intrinsic_aspect_ratio = mp_article_svg_get_intrinsic_aspect_ratio;
}

static void
mp_article_svg_finalize (GObject *object)
{
  MpArticleSvg *self = MP_ARTICLE_SVG (object);

  g_clear_object (&self->handle);
  g_clear_object (&self->texture);
  g_weak_ref_clear (&self->widget);
  G_OBJECT_CLASS (mp_article_svg_parent_class)->finalize (object);
}

static void
mp_article_svg_class_init (MpArticleSvgClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_article_svg_finalize;
}

static void
mp_article_svg_init (MpArticleSvg *self)
{
  g_weak_ref_init (&self->widget, NULL);
}

MpArticleSvg *
mp_article_svg_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(MpArticleSvg) self = g_object_new (MP_TYPE_ARTICLE_SVG, NULL);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self->handle = rsvg_handle_new_from_gfile_sync (file, RSVG_HANDLE_FLAGS_NONE, NULL, error);
  if (self->handle == NULL)
    return NULL;
  rsvg_handle_set_dpi (self->handle, 96);
  /* A figure with only a viewBox gets a sensible default size. */
  if (!rsvg_handle_get_intrinsic_size_in_pixels (self->handle, &self->width, &self->height) ||
      self->width <= 0 || self->height <= 0)
    {
      self->width = 640;
      self->height = 400;
    }
  return g_steal_pointer (&self);
}

void
mp_article_svg_set_widget (MpArticleSvg *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (MP_IS_ARTICLE_SVG (self));
  g_weak_ref_set (&self->widget, widget);
}
