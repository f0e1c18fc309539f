/* test-flow-export.c: SVG, PNG and PDF export, and `masterplan --export-flowchart`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <librsvg/rsvg.h>

#include "mp-flow-export.h"
#include "mp-flow-render.h"
#include "mp-mermaid-parser.h"

typedef struct {
  char         *dir;
  MpFlowchart  *chart;
  MpFlowWalk   *walk;
  MpFlowLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "flow-decision.mmd", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("mp-flow-export-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  fixture->chart = mp_flowchart_parse (text, -1, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->walk = mp_flow_walk_new (fixture->chart);
  /* Walk Yes, Yes: the exported drawing carries the path. */
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, mp_flowchart_find_node (fixture->chart, "S3")));
  g_assert_true (mp_flow_walk_choose_node (fixture->walk, mp_flowchart_find_node (fixture->chart, "S5")));
  fixture->layout = mp_flow_layout_new (fixture->chart, NULL, MP_FLOW_EDGE_LABELS_INLINE, &error);
  g_assert_no_error (error);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_all (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->layout);
  g_clear_object (&fixture->walk);
  g_clear_object (&fixture->chart);
}

/* Pixels that are neither white nor transparent. */
static guint
count_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = data + y * stride + 4 * x;

        if (p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
          ink++;
      }
  return ink;
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) owner = NULL;
  RsvgHandle *handle;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint ink;

  g_assert_true (mp_flow_export_to_file (fixture->layout, fixture->walk, path, &error));
  g_assert_no_error (error);
  handle = rsvg_handle_new_from_file (path, &error);
  g_assert_no_error (error);
  owner = G_OBJECT (handle);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  g_assert_cmpfloat (width, ==, ceil (mp_flow_layout_get_width (fixture->layout)));
  g_assert_cmpfloat (height, ==, ceil (mp_flow_layout_get_height (fixture->layout)));
  g_assert_cmpfloat (width, >, 300);
  g_assert_cmpfloat (height, >, 300);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cr = cairo_create (surface);
  g_assert_true (rsvg_handle_render_document (handle, cr,
                                              &(RsvgRectangle) { 0, 0, width, height }, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  ink = count_ink (surface);
  /* Seven nodes, six edges and their labels: far more than a speck, far
   * less than a filled page. */
  g_assert_cmpuint (ink, >, 2000);
  g_assert_cmpuint (ink, <, (guint) (width * height / 2));
  cairo_surface_destroy (surface);
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.PNG", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (mp_flow_export_to_file (fixture->layout, fixture->walk, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==,
                   (int) (2 * ceil (mp_flow_layout_get_width (fixture->layout))));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==,
                   (int) (2 * ceil (mp_flow_layout_get_height (fixture->layout))));
  g_assert_cmpuint (count_ink (surface), >, 8000);
  cairo_surface_destroy (surface);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (mp_flow_export_to_file (fixture->layout, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static void
test_bad_target (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.gif", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "dir", "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mp_flow_export_to_file (fixture->layout, NULL, path, &error));
  g_assert_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (mp_flow_export_to_file (fixture->layout, NULL, missing, &error));
  g_assert_error (error, MP_FLOW_EXPORT_ERROR, MP_FLOW_EXPORT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "The chart was not written: cannot write “"));
  g_assert_true (g_str_has_suffix (error->message, "chart.png”: the folder does not exist"));
}

/* An export through a symbolic link writes the link's target; the link
 * stays. (The export is drawn in memory first and written with the safe
 * writer, so a failed one leaves the previous file as it was.) */
static void
test_export_through_link (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *real_dir = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "chart.svg", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *link_text = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("real/chart.svg", link), ==, 0);
  g_assert_true (mp_flow_export_to_file (fixture->layout, NULL, link, &error));
  g_assert_no_error (error);
  link_text = g_file_read_link (link, NULL);
  g_assert_cmpstr (link_text, ==, "real/chart.svg");
  g_assert_true (g_file_get_contents (target, &svg, NULL, NULL));
  g_assert_true (g_str_has_suffix (g_strchomp (svg), "</svg>"));
  g_unlink (target);
  g_unlink (link);
  g_rmdir (real_dir);
}

static gboolean
node_dimmed (Fixture    *fixture,
             const char *id)
{
  return mp_flow_render_node_is_dimmed (fixture->walk, mp_flowchart_find_node (fixture->chart, id));
}

static gboolean
edge_dimmed (Fixture    *fixture,
             const char *from,
             const char *to)
{
  int a = mp_flowchart_find_node (fixture->chart, from), b = mp_flowchart_find_node (fixture->chart, to);

  for (guint i = 0; i < mp_flowchart_get_n_edges (fixture->chart); i++)
    {
      const MpFlowEdge *edge = mp_flowchart_get_edge (fixture->chart, i);

      if ((int) edge->from.index == a && (int) edge->to.index == b)
        return mp_flow_render_edge_is_dimmed (fixture->walk, i);
    }
  g_assert_not_reached ();
}

static void
test_walked_path_emphasis (Fixture       *fixture,
                           gconstpointer  data)
{
  /* At S5 after Yes, Yes: the path and the answers on offer stand out,
   * the alternatives not taken stand back. */
  g_assert_false (node_dimmed (fixture, "S1"));
  g_assert_false (node_dimmed (fixture, "S3"));
  g_assert_false (node_dimmed (fixture, "S5"));
  g_assert_false (node_dimmed (fixture, "S6"));
  g_assert_false (node_dimmed (fixture, "S7"));
  g_assert_true (node_dimmed (fixture, "S2"));
  g_assert_true (node_dimmed (fixture, "S4"));
  g_assert_false (edge_dimmed (fixture, "S1", "S3"));
  g_assert_false (edge_dimmed (fixture, "S5", "S6"));
  g_assert_true (edge_dimmed (fixture, "S1", "S2"));
  g_assert_true (edge_dimmed (fixture, "S6", "S7"));

  /* Before the first answer nothing is dimmed. */
  mp_flow_walk_restart (fixture->walk);
  g_assert_false (node_dimmed (fixture, "S2"));
  g_assert_false (edge_dimmed (fixture, "S6", "S7"));
  g_assert_false (mp_flow_render_node_is_dimmed (NULL, 0));
}

/* Runs the real binary without a display; returns its exit status. */
static int
run_masterplan (const char * const *args,
                char              **err)
{
  g_autofree char *binary = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "masterplan", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *good = g_build_filename (TEST_DATA_DIR, "flow-decision.mmd", NULL);
  g_autofree char *broken = g_build_filename (TEST_DATA_DIR, "flow-broken.mmd", NULL);
  g_autofree char *article = g_build_filename (TEST_DATA_DIR, "flow-article.md", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "cli.svg", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "cli.png", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "cli.txt", NULL);
  g_autofree char *expected = NULL;
  char *err = NULL;

  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", good, "-o", svg, NULL }, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  /* A parse error: FILE:LINE:COLUMN and the reason, exit status 1. */
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", broken, "-o", png, NULL }, &err), ==, 1);
  expected = g_strdup_printf ("%s:3:8: the link label is never closed", broken);
  g_assert_true (g_str_has_prefix (err, expected));
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  /* Markdown: the second block's error counts lines in the Markdown file. */
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", article, "--block", "2",
                                                      "-o", png, NULL }, &err), ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("%s:18:10: ", article);
  g_assert_true (g_str_has_prefix (err, expected));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", article, "-o", png, NULL }, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", article, "--block", "3",
                                                      "-o", png, NULL }, &err), ==, 2);
  g_free (expected);
  expected = g_strdup_printf ("masterplan: --block: %s has 2 mermaid blocks, no block 3; give a "
                              "block from 1 to 2\n", article);
  g_assert_cmpstr (err, ==, expected);
  g_clear_pointer (&err, g_free);

  /* Bad arguments: exit status 2. */
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", good, "-o", txt, NULL }, &err), ==, 2);
  g_assert_true (strstr (err, ".svg, .png or .pdf") != NULL);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", good, NULL }, &err), ==, 2);
  g_clear_pointer (&err, g_free);
}

/* A chart whose PNG would pass 64 megapixels (here 6748 × 15966) is
 * refused before anything is drawn, pointing to the formats without the
 * limit; the same chart exports as SVG. */
static void
test_cli_png_too_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *mmd = g_build_filename (fixture->dir, "wide.mmd", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "wide.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "wide.svg", NULL);
  g_autoptr(GString) text = g_string_new ("flowchart LR\n");
  char *err = NULL;

  for (guint i = 0; i < 60; i++)
    for (guint j = 0; j < 12; j++)
      g_string_append_printf (text, "  N%u_%u[\"Wide label text Wide label text Wide label text "
                              "Wide label text Wide label text\"] --> N%u_%u\n", i, j, i, j + 1);
  g_assert_true (g_file_set_contents (mmd, text->str, text->len, NULL));
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", mmd, "-o", png, NULL },
                                   &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "more than the 64 megapixels"));
  g_assert_nonnull (strstr (err, "export it as .svg or .pdf"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", mmd, "-o", svg, NULL },
                                   &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));
  g_unlink (mmd);
  g_unlink (svg);
}

/* A UTF-16 file says so at 1:1, and a folder is named before the reason. */
static void
test_cli_unreadable_inputs (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *utf16 = g_build_filename (fixture->dir, "utf16.mmd", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "charts.mmd", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *expected = NULL;
  /* "flowchart TD" in UTF-16LE after its byte order mark */
  const char bytes[] = "\xff\xfe" "f\0l\0o\0w\0c\0h\0a\0r\0t\0 \0T\0D\0\n\0";
  char *err = NULL;

  g_assert_true (g_file_set_contents (utf16, bytes, sizeof bytes - 1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", utf16, "-o", png, NULL }, &err), ==, 1);
  expected = g_strdup_printf ("%s:1:1: the file is UTF-16LE text", utf16);
  g_assert_true (g_str_has_prefix (err, expected));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--check-flowchart", utf16, NULL }, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, expected));
  g_clear_pointer (&err, g_free);
  g_free (expected);
  g_assert_cmpint (run_masterplan ((const char *[]) { "--export-flowchart", folder, "-o", png, NULL }, &err), ==, 1);
  expected = g_strdup_printf ("%s: this is a folder", folder);
  g_assert_true (g_str_has_prefix (err, expected));
  g_clear_pointer (&err, g_free);
  g_rmdir (folder);
  g_unlink (utf16);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/flow-export/svg", test_svg);
  ADD ("/flow-export/png", test_png);
  ADD ("/flow-export/pdf", test_pdf);
  ADD ("/flow-export/bad-target", test_bad_target);
  ADD ("/flow-export/through-link", test_export_through_link);
  ADD ("/flow-export/cli", test_cli);
  ADD ("/flow-export/cli-unreadable-inputs", test_cli_unreadable_inputs);
  ADD ("/flow-export/cli-png-too-large", test_cli_png_too_large);
  ADD ("/flow-export/walked-path", test_walked_path_emphasis);
#undef ADD

  return g_test_run ();
}
