/* mp-article-image.c: an article's image, checked and decoded off the main
 * thread
 *
 * The image's place is a box holding a picture of the size its header
 * gives. A worker checks the file against the reader's limits (pixels,
 * SVG entities, see mp-image-source.c) and decodes it; the picture then
 * gets the bitmap, or the box shows a card saying why the image is not
 * shown. So neither a slow decoder nor a hostile file stops the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-image.h"

#include <glib/gi18n.h>

#include "mp-article-svg.h"
#include "mp-image-source.h"

static gboolean
is_svg (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return g_str_has_suffix (name, ".svg") || g_str_has_suffix (name, ".SVG") ||
         g_str_has_suffix (name, ".svgz");
}

gboolean
mp_article_image_probe_size (const char *src,
                             GFile      *base_dir,
                             int        *width,
                             int        *height)
{
  g_autoptr(GFile) file = mp_image_source_resolve (src, base_dir, NULL);
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (file == NULL)
    return FALSE;
  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".svgz"))
    return FALSE;
  if (is_svg (file))
    return mp_article_svg_probe_size (file, width, height);
  /* PNG and JPEG: the header says it. Resources have no path: those wait. */
  path = g_file_get_path (file);
  return path != NULL && gdk_pixbuf_get_file_info (path, width, height) != NULL &&
         *width > 0 && *height > 0;
}

/* In the worker: the header's size within the limits, then the bitmap. */
static GdkPaintable *
decode_bitmap (GFile   *file,
               GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  int width = 0, height = 0;

  /* The bundled article's resources are ours: only files are checked. */
  if (path != NULL)
    {
      if (gdk_pixbuf_get_file_info (path, &width, &height) == NULL)
        {
          g_set_error_literal (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID,
                               _("it is not an image in a format the reader can show "
                                 "(PNG, JPEG, GIF, WebP, TIFF or SVG)"));
          return NULL;
        }
      if (!mp_image_source_check_size (width, height, error))
        return NULL;
    }
  return GDK_PAINTABLE (gdk_texture_new_from_file (file, error));
}

typedef struct {
  GFile *file;
  char  *src;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_object_unref (job->file);
  g_free (job->src);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  GdkPaintable *paintable;

  if (is_svg (job->file))
    paintable = GDK_PAINTABLE (mp_article_svg_new_from_file (job->file, job->src, &error));
  else
    paintable = decode_bitmap (job->file, &error);
  if (paintable == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, paintable, g_object_unref);
}

static GtkWidget *
placeholder_new (const char *alt,
                 const char *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *alt_label = gtk_label_new (alt != NULL && *alt != '\0' ? alt : _("Image"));
  GtkWidget *reason_label = gtk_label_new (reason);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("image-missing-symbolic"));
  gtk_label_set_wrap (GTK_LABEL (alt_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (alt_label), 0);
  gtk_label_set_wrap (GTK_LABEL (reason_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (reason_label), 0);
  gtk_label_set_selectable (GTK_LABEL (reason_label), TRUE);
  gtk_widget_add_css_class (reason_label, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), alt_label);
  gtk_box_append (GTK_BOX (texts), reason_label);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "mp-image-placeholder");
  gtk_widget_add_css_class (box, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, alt, -1);
  return box;
}

static GtkWidget *
refused_new (const char   *src,
             const char   *alt,
             const GError *error)
{
  g_autofree char *reason = NULL;

  /* An SVG's parse error already says FILE:LINE:COLUMN. */
  if (g_error_matches (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID) && g_str_has_prefix (error->message, src))
    /* Translators: why an image is not shown: "SRC:LINE:COLUMN: REASON" */
    reason = g_strdup_printf (_("Image not shown (%s)"), error->message);
  else
    /* Translators: why an image is not shown: "SRC: REASON" */
    reason = g_strdup_printf (_("Image not shown (%s: %s)"), src, error->message);
  return placeholder_new (alt, reason);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GtkWidget) frame = g_weak_ref_get (user_data);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GError) error = NULL;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GtkWidget *picture;

  g_weak_ref_clear (user_data);
  g_free (user_data);
  paintable = g_task_propagate_pointer (G_TASK (result), &error);
  if (frame == NULL)
    return;
  g_object_set_data (G_OBJECT (frame), "mp-image-loading", NULL);
  picture = gtk_widget_get_first_child (frame);
  if (paintable == NULL)
    {
      gtk_box_append (GTK_BOX (frame),
                      refused_new (job->src, gtk_picture_get_alternative_text (GTK_PICTURE (picture)), error));
      gtk_box_remove (GTK_BOX (frame), picture);
      /* The card has its own height, not the image's. */
      gtk_widget_set_size_request (frame, -1, -1);
      g_object_set_data (G_OBJECT (frame), "mp-image-width", NULL);
      g_object_set_data (G_OBJECT (frame), "mp-image-height", NULL);
      gtk_widget_add_css_class (frame, "mp-image-refused");
      return;
    }
  if (MP_IS_ARTICLE_SVG (paintable))
    mp_article_svg_set_widget (MP_ARTICLE_SVG (paintable), picture);
  gtk_picture_set_paintable (GTK_PICTURE (picture), paintable);
}

static GtkWidget *
picture_new (const char *alt)
{
  GtkWidget *picture = gtk_picture_new ();

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, alt, -1);
  gtk_widget_set_tooltip_text (picture, alt);
  gtk_widget_set_hexpand (picture, TRUE);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_add_css_class (picture, "mp-image");
  return picture;
}

static void
start_loading (GtkWidget  *frame,
               GFile      *file,
               const char *src)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *frame_ref = g_new0 (GWeakRef, 1);
  LoadJob *job = g_new0 (LoadJob, 1);

  job->file = g_object_ref (file);
  job->src = g_strdup (src);
  g_weak_ref_init (frame_ref, frame);
  g_object_set_data (G_OBJECT (frame), "mp-image-loading", GINT_TO_POINTER (TRUE));
  task = g_task_new (NULL, NULL, on_loaded, frame_ref);
  g_task_set_source_tag (task, start_loading);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

GtkWidget *
mp_article_image_new (const char *src,
                      const char *alt,
                      GFile      *base_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *frame;
  int width = 0, height = 0;

  g_return_val_if_fail (src != NULL, NULL);

  file = mp_image_source_resolve (src, base_dir, &error);
  if (file == NULL)
    return refused_new (src, alt, error);
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "mp-image-frame");
  gtk_box_append (GTK_BOX (frame), picture_new (alt));
  /* The view sizes the frame from these before the bitmap exists. */
  if (mp_article_image_probe_size (src, base_dir, &width, &height))
    {
      g_object_set_data (G_OBJECT (frame), "mp-image-width", GINT_TO_POINTER (width));
      g_object_set_data (G_OBJECT (frame), "mp-image-height", GINT_TO_POINTER (height));
    }
  start_loading (frame, file, src);
  return frame;
}

gboolean
mp_article_image_is_loading (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return g_object_get_data (G_OBJECT (widget), "mp-image-loading") != NULL;
}
