/* mp-article-printing.c: the article printed through GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-article-printing.h"

#include <glib/gi18n.h>

#include "mp-article-svg.h"
#include "mp-flow-layout.h"
#include "mp-flow-render.h"
#include "mp-image-source.h"
#include "mp-mermaid-parser.h"
#include "mp-window.h"

/* Figures are sized as on screen: a CSS pixel is 3/4 of a point. */
#define POINTS_PER_PIXEL 0.75

static gboolean
is_svg (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".svg") || g_str_has_suffix (lower, ".svgz");
}

static cairo_surface_t *
recording_new (double   width,
               double   height,
               cairo_t **cr)
{
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  *cr = cairo_create (surface);
  return surface;
}

static cairo_surface_t *
load_svg (GFile       *file,
          const char  *src,
          double      *width,
          double      *height,
          GError     **error)
{
  g_autoptr(MpArticleSvg) svg = mp_article_svg_new_from_file (file, src, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (svg == NULL)
    return NULL;
  mp_article_svg_get_size (svg, width, height);
  *width *= POINTS_PER_PIXEL;
  *height *= POINTS_PER_PIXEL;
  surface = recording_new (*width, *height, &cr);
  ok = mp_article_svg_draw (svg, cr, *width, *height, error);
  cairo_destroy (cr);
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static cairo_surface_t *
texture_surface (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);

  /* GDK's default memory format is cairo's ARGB32. */
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The header's size within the reader's limits, then the bitmap. */
static cairo_surface_t *
load_bitmap (GFile   *file,
             double  *width,
             double  *height,
             GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GdkTexture) texture = NULL;
  int w = 0, h = 0;

  if (path != NULL)
    {
      if (gdk_pixbuf_get_file_info (path, &w, &h) == NULL)
        {
          g_set_error_literal (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID,
                               _("it is not an image in a format the reader can show "
                                 "(PNG, JPEG, GIF, WebP, TIFF or SVG)"));
          return NULL;
        }
      if (!mp_image_source_check_size (w, h, error))
        return NULL;
    }
  texture = gdk_texture_new_from_file (file, error);
  if (texture == NULL)
    return NULL;
  *width = gdk_texture_get_width (texture) * POINTS_PER_PIXEL;
  *height = gdk_texture_get_height (texture) * POINTS_PER_PIXEL;
  return texture_surface (texture);
}

static cairo_surface_t *
load_image (const char  *src,
            GFile       *base_dir,
            double      *width,
            double      *height,
            gpointer     user_data,
            GError     **error)
{
  g_autoptr(GFile) file = mp_image_source_resolve (src, base_dir, error);

  if (file == NULL)
    return NULL;
  if (is_svg (file))
    return load_svg (file, src, width, height, error);
  return load_bitmap (file, width, height, error);
}

static void
prefix_file_name (GError     **error,
                  GError      *local,
                  const char  *file_name)
{
  g_set_error (error, local->domain, local->code, "%s:%s", file_name, local->message);
}

/* The flowchart laid out as in the pane, in the light palette, in vectors. */
static cairo_surface_t *
draw_mermaid (const MpMermaidBlock *block,
              const char           *file_name,
              double               *width,
              double               *height,
              gpointer              user_data,
              GError              **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(MpFlowchart) chart = mp_flowchart_parse (block->source, -1, block->line, NULL, NULL,
                                                     &local);
  g_autoptr(MpFlowLayout) layout = NULL;
  MpFlowPalette palette;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (chart != NULL)
    layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &local);
  if (layout == NULL)
    {
      prefix_file_name (error, local, file_name);
      return NULL;
    }
  *width = mp_flow_layout_get_width (layout);
  *height = mp_flow_layout_get_height (layout);
  surface = recording_new (*width, *height, &cr);
  mp_flow_palette_init (&palette, FALSE);
  mp_flow_render (cr, layout, NULL, &palette);
  cairo_destroy (cr);
  *width *= POINTS_PER_PIXEL;
  *height *= POINTS_PER_PIXEL;
  return surface;
}

MpArticlePrint *
mp_article_printing_new (MpDocument *document)
{
  static const MpArticlePrintFigures figures = { load_image, draw_mermaid };
  MpArticlePrint *print = mp_article_print_new (document);

  mp_article_print_set_figures (print, &figures, NULL);
  return print;
}

/* -- GtkPrintOperation ------------------------------------------------------ */

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                MpArticlePrint    *print)
{
  guint n_pages = mp_article_print_paginate (print, gtk_print_context_get_cairo_context (context),
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              MpArticlePrint    *print)
{
  mp_article_print_draw_page (print, gtk_print_context_get_cairo_context (context), (guint) page);
}

/* A4 or Letter as the locale has it, like the brief. */
static GtkPageSetup *
default_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (mp_brief_paper_default () == MP_BRIEF_PAPER_LETTER
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (setup, paper);
  return setup;
}

/* "Print to File" offers the article's own name. */
static GtkPrintSettings *
print_settings (MpDocument *document)
{
  GtkPrintSettings *settings = gtk_print_settings_new ();
  GFile *file = mp_document_get_file (document);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : g_strdup ("article");
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  return settings;
}

GtkPrintOperationResult
mp_article_printing_run (GtkWindow   *parent,
                         MpDocument  *document,
                         const char  *export_path,
                         GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(MpArticlePrint) print = mp_article_printing_new (document);
  g_autoptr(GtkPageSetup) setup = default_page_setup ();
  g_autoptr(GtkPrintSettings) settings = print_settings (document);

  g_return_val_if_fail (MP_IS_DOCUMENT (document), GTK_PRINT_OPERATION_RESULT_ERROR);

  /* The pages keep their own margins, the same as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_job_name (operation, mp_document_get_title (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), print);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, parent, error);
    }
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}

/* -- command line ----------------------------------------------------------- */

int
mp_article_printing_cli_run (const char *output,
                             const char *input)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(MpDocument) document = NULL;
  g_autoptr(MpArticlePrint) print = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (output != NULL, 2);

  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr ("masterplan: %s\n", _("--print-article writes a PDF: OUT must end in .pdf"));
      return 2;
    }
  file = input != NULL ? g_file_new_for_commandline_arg (input)
                       : g_file_new_for_uri (MP_BUNDLED_ARTICLE_URI);
  document = mp_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  print = mp_article_printing_new (document);
  if (!mp_article_print_write_pdf (print, mp_brief_paper_default (), output, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
