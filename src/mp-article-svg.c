/* mp-article-svg.c: an SVG drawn at the size it is shown
 *
 * Rasterising an article figure takes tens of milliseconds, so it happens
 * in a worker thread, only once the figure is inside the scrolled view
 * (never for figures nobody scrolls to), and again only when the size
 * changes. Until the bitmap is ready the figure's place stays blank, or
 * shows the previous bitmap scaled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-svg.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "mp-image-source.h"

/* librsvg is not linked into the program: loading it and its relocations
 * cost every start about 2 MiB of memory and a few milliseconds, and most
 * sessions read only the first screens of an article. It is opened the
 * first time a figure is made, and these are the calls made through it. */
typedef struct {
  __typeof__ (rsvg_handle_new_from_stream_sync)        *new_from_stream_sync;
  __typeof__ (rsvg_handle_set_dpi)                     *set_dpi;
  __typeof__ (rsvg_handle_get_intrinsic_size_in_pixels) *get_intrinsic_size_in_pixels;
  __typeof__ (rsvg_handle_render_document)             *render_document;
} Rsvg;

static const Rsvg *
rsvg (GError **error)
{
  static Rsvg api;
  static char *failure;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (LIBRSVG_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      if (module == NULL ||
          !g_module_symbol (module, "rsvg_handle_new_from_stream_sync", (gpointer *) &api.new_from_stream_sync) ||
          !g_module_symbol (module, "rsvg_handle_set_dpi", (gpointer *) &api.set_dpi) ||
          !g_module_symbol (module, "rsvg_handle_get_intrinsic_size_in_pixels",
                            (gpointer *) &api.get_intrinsic_size_in_pixels) ||
          !g_module_symbol (module, "rsvg_handle_render_document", (gpointer *) &api.render_document))
        failure = g_strdup (g_module_error ());
      else
        g_module_make_resident (module);
      g_once_init_leave (&loaded, 1);
    }
  if (failure != NULL)
    {
      /* Translators: %s is the system's reason, naming the library */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The SVG renderer could not be loaded: %s"), failure);
      return NULL;
    }
  return &api;
}

struct _MpArticleSvg
{
  GObject      parent_instance;
  RsvgHandle  *handle;
  double       width;
  double       height;
  GWeakRef     widget;
  GdkTexture  *texture;   /* the last rasterisation */
  int          want_width;   /* the size the last draw asked for */
  int          want_height;
  gboolean     rendering;    /* a worker owns the handle until it is done */
  int          failed_width; /* librsvg could not draw it at this size: not again */
  int          failed_height;
  GtkAdjustment *watched;    /* scrolled to, or moved by the text above: look again */
  gulong       scroll_id;
  gulong       change_id;
  guint        check_id;
};

static void mp_article_svg_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MpArticleSvg, mp_article_svg, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE,
                                                      mp_article_svg_paintable_init))

static GdkTexture *
rasterise (RsvgHandle *handle,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;
  int stride;

  ok = rsvg (NULL)->render_document (handle, cr, &(RsvgRectangle) { 0, 0, width, height }, NULL);
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

typedef struct {
  RsvgHandle *handle;
  int         width;
  int         height;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_object_unref (job->handle);
  g_free (job);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GdkTexture *texture = rasterise (job->handle, job->width, job->height);

  g_task_return_pointer (task, texture, texture != NULL ? g_object_unref : NULL);
}

static void start_render (MpArticleSvg *self);

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  MpArticleSvg *self = MP_ARTICLE_SVG (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  GdkTexture *texture = g_task_propagate_pointer (G_TASK (result), NULL);

  self->rendering = FALSE;
  if (texture != NULL)
    {
      g_clear_object (&self->texture);
      self->texture = texture;
      gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
    }
  else
    {
      self->failed_width = job->width;
      self->failed_height = job->height;
    }
  /* The figure changed size while it was being drawn. */
  if (self->texture == NULL ||
      gdk_texture_get_width (self->texture) != self->want_width ||
      gdk_texture_get_height (self->texture) != self->want_height)
    start_render (self);
}

static void
start_render (MpArticleSvg *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  if (self->rendering || self->want_width <= 0 || self->want_height <= 0 ||
      (self->want_width == self->failed_width && self->want_height == self->failed_height))
    return;
  self->rendering = TRUE;
  job = g_new (RenderJob, 1);
  job->handle = g_object_ref (self->handle);
  job->width = self->want_width;
  job->height = self->want_height;
  task = g_task_new (self, NULL, on_rendered, NULL);
  g_task_set_source_tag (task, start_render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

static void
stop_watching (MpArticleSvg *self)
{
  if (self->watched != NULL)
    {
      g_clear_signal_handler (&self->scroll_id, self->watched);
      g_clear_signal_handler (&self->change_id, self->watched);
    }
  g_clear_object (&self->watched);
  g_clear_handle_id (&self->check_id, g_source_remove);
}

/* Whether any of @widget is inside the scrolled window around it (or
 * there is none). */
static gboolean
is_in_view (GtkWidget      *widget,
            GtkAdjustment **adjustment)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  *adjustment = NULL;
  if (scroller == NULL)
    return TRUE;
  *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return TRUE;
  return bounds.origin.y < gtk_widget_get_height (scroller) &&
         bounds.origin.y + bounds.size.height > 0 &&
         bounds.origin.x < gtk_widget_get_width (scroller) &&
         bounds.origin.x + bounds.size.width > 0;
}

/* After the frame in which the view scrolled or its text changed height,
 * when every position is settled. */
static gboolean
check_in_view (gpointer user_data)
{
  MpArticleSvg *self = user_data;
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&self->widget);
  GtkAdjustment *adjustment;

  self->check_id = 0;
  if (widget == NULL)
    {
      stop_watching (self);
      return G_SOURCE_REMOVE;
    }
  if (!is_in_view (widget, &adjustment))
    return G_SOURCE_REMOVE;
  /* The view keeps the blank drawing it made last time: ask again. */
  stop_watching (self);
  gdk_paintable_invalidate_contents (GDK_PAINTABLE (self));
  return G_SOURCE_REMOVE;
}

static void
on_view_moved (MpArticleSvg *self)
{
  if (self->check_id == 0)
    self->check_id = g_idle_add (check_in_view, self);
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
  GtkAdjustment *adjustment = NULL;

  if (pixel_width <= 0 || pixel_height <= 0 || pixel_width > 8192 || pixel_height > 8192)
    return;
  self->want_width = pixel_width;
  self->want_height = pixel_height;
  if (self->texture == NULL || gdk_texture_get_width (self->texture) != pixel_width ||
      gdk_texture_get_height (self->texture) != pixel_height)
    {
      if (widget == NULL || is_in_view (widget, &adjustment))
        start_render (self);
      else if (adjustment != NULL && self->watched != adjustment)
        {
          stop_watching (self);
          self->watched = g_object_ref (adjustment);
          self->scroll_id = g_signal_connect_object (adjustment, "value-changed",
                                                     G_CALLBACK (on_view_moved), self,
                                                     G_CONNECT_SWAPPED);
          self->change_id = g_signal_connect_object (adjustment, "changed",
                                                     G_CALLBACK (on_view_moved), self,
                                                     G_CONNECT_SWAPPED);
        }
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

  stop_watching (self);
  g_clear_object (&self->handle);
  g_clear_object (&self->texture);
  g_weak_ref_clear (&self->widget);
  G_OBJECT_CLASS (mp_article_svg_parent_class)->finalize (object);
}

static void
mp_article_svg_dispose (GObject *object)
{
  stop_watching (MP_ARTICLE_SVG (object));
  G_OBJECT_CLASS (mp_article_svg_parent_class)->dispose (object);
}

static void
mp_article_svg_class_init (MpArticleSvgClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mp_article_svg_dispose;
  G_OBJECT_CLASS (klass)->finalize = mp_article_svg_finalize;
}

static void
mp_article_svg_init (MpArticleSvg *self)
{
  g_weak_ref_init (&self->widget, NULL);
}

/* The text is checked before librsvg sees it: entities that repeat one
 * another would make it build hundreds of megabytes of text. */
static RsvgHandle *
new_handle (const Rsvg  *api,
            GFile       *file,
            const char  *name,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) rsvg_error = NULL;
  RsvgHandle *handle;
  gsize length;
  const char *text;

  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, &length);
  if (!g_str_has_suffix (name, ".svgz") && !mp_image_source_check_svg (text, length, error))
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (bytes);
  handle = api->new_from_stream_sync (stream, file, RSVG_HANDLE_FLAGS_NONE, NULL, &rsvg_error);
  if (handle == NULL)
    {
      /* librsvg's messages name libxml2's error numbers, not the place. */
      g_autofree char *message = mp_image_source_describe_svg_error (name, rsvg_error->message);

      g_set_error_literal (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID, message);
    }
  return handle;
}

MpArticleSvg *
mp_article_svg_new_from_file (GFile       *file,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(MpArticleSvg) self = NULL;
  const Rsvg *api;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  api = rsvg (error);
  if (api == NULL)
    return NULL;
  self = g_object_new (MP_TYPE_ARTICLE_SVG, NULL);
  self->handle = new_handle (api, file, name, error);
  if (self->handle == NULL)
    return NULL;
  api->set_dpi (self->handle, 96);
  /* A figure with only a viewBox gets a sensible default size. */
  if (!api->get_intrinsic_size_in_pixels (self->handle, &self->width, &self->height) ||
      self->width <= 0 || self->height <= 0)
    {
      self->width = 640;
      self->height = 400;
    }
  return g_steal_pointer (&self);
}

gboolean
mp_article_svg_draw (MpArticleSvg  *self,
                     cairo_t       *cr,
                     double         width,
                     double         height,
                     GError       **error)
{
  g_return_val_if_fail (MP_IS_ARTICLE_SVG (self), FALSE);
  g_return_val_if_fail (!self->rendering, FALSE);

  return rsvg (error)->render_document (self->handle, cr,
                                        &(RsvgRectangle) { 0, 0, width, height }, error);
}

void
mp_article_svg_get_size (MpArticleSvg *self,
                         double       *width,
                         double       *height)
{
  g_return_if_fail (MP_IS_ARTICLE_SVG (self));

  *width = self->width;
  *height = self->height;
}

/* -- size without the renderer ------------------------------------------- */

typedef struct {
  double   width;
  double   height;
  gboolean sized;
} SvgSize;

/* An absolute SVG length in pixels at 96 dpi, as librsvg reads it; FALSE
 * for relative ones (%, em, ex) and for anything else. */
static gboolean
parse_length (const char *text,
              double     *pixels)
{
  static const struct { const char *unit; double scale; } units[] = {
    { "", 1 }, { "px", 1 }, { "pt", 96.0 / 72 }, { "pc", 16 }, { "in", 96 },
    { "cm", 96 / 2.54 }, { "mm", 96 / 25.4 },
  };
  char *end;
  double value;

  if (text == NULL)
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value <= 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (end, units[i].unit) == 0)
      {
        *pixels = value * units[i].scale;
        return TRUE;
      }
  return FALSE;
}

static void
on_svg_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgSize *size = user_data;
  const char *width = NULL, *height = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "width"))
      width = values[i];
    else if (g_str_equal (names[i], "height"))
      height = values[i];
  size->sized = (g_str_equal (element, "svg") || g_str_has_suffix (element, ":svg")) &&
                parse_length (width, &size->width) && parse_length (height, &size->height);
  /* Only the root element matters: stop here. */
  g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "");
}

gboolean
mp_article_svg_probe_size (GFile *file,
                           int   *width,
                           int   *height)
{
  static const GMarkupParser parser = { on_svg_start, };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  SvgSize size = { 0, };
  char head[4096];
  gsize n_read = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  if (stream == NULL ||
      !g_input_stream_read_all (stream, head, sizeof head, &n_read, NULL, NULL))
    return FALSE;
  context = g_markup_parse_context_new (&parser, 0, &size, NULL);
  g_markup_parse_context_parse (context, head, n_read, NULL);
  /* The same fallback as a loaded figure without absolute dimensions. */
  *width = ceil (size.sized ? size.width : 640);
  *height = ceil (size.sized ? size.height : 400);
  return TRUE;
}

void
mp_article_svg_set_widget (MpArticleSvg *self,
                           GtkWidget    *widget)
{
  g_return_if_fail (MP_IS_ARTICLE_SVG (self));
  g_weak_ref_set (&self->widget, widget);
}

GdkTexture *
mp_article_svg_get_texture (MpArticleSvg *self)
{
  g_return_val_if_fail (MP_IS_ARTICLE_SVG (self), NULL);

  return self->texture;
}
