/* test-image-source.c: which article images are opened, and which are
 * refused before they are decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "mp-image-source.h"
#include "mp-test-utils.h"

typedef struct {
  char  *top;       /* holds the article's folder and what lies beside it */
  GFile *article;   /* TOP/article */
} Folders;

static void
write_file (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "not really an image", -1, &error));
  g_assert_no_error (error);
}

static void
make_link (const char *target,
           const char *path)
{
  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* TOP/article/{inside.png, figures/b.png, my chart.svg} and the
 * secrets beside it, TOP/outside/{secret.png, deep/x.png}. */
static void
folders_set_up (Folders       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *article = NULL;

  f->top = g_dir_make_tmp ("mp-image-source-XXXXXX", &error);
  g_assert_no_error (error);
  article = g_build_filename (f->top, "article", NULL);
  g_assert_cmpint (g_mkdir_with_parents (article, 0700), ==, 0);
  {
    g_autofree char *figures = g_build_filename (article, "figures", NULL);
    g_autofree char *deep = g_build_filename (f->top, "outside", "deep", NULL);

    g_assert_cmpint (g_mkdir (figures, 0700), ==, 0);
    g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  }
  {
    const char *files[] = { "article/inside.png", "article/figures/b.png",
                            "article/my chart.svg", "outside/secret.png",
                            "outside/deep/x.png" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (f->top, files[i], NULL);

        write_file (path);
      }
  }
  f->article = g_file_new_for_path (article);
}

static void
folders_tear_down (Folders       *f,
                   gconstpointer  data)
{
  mp_test_remove_tree (f->top);
  g_free (f->top);
  g_object_unref (f->article);
}

static char *
in_top (Folders    *f,
        const char *name)
{
  return g_build_filename (f->top, name, NULL);
}

static void
assert_refused (Folders    *f,
                const char *src)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = mp_image_source_resolve (src, f->article, &error);

  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

static void
assert_resolves_to (Folders    *f,
                    const char *src,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = mp_image_source_resolve (src, f->article, &error);
  g_autofree char *real_top = realpath (f->top, NULL);
  g_autofree char *want = g_build_filename (real_top, expected, NULL);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (file);
  path = g_file_get_path (file);
  g_assert_cmpstr (path, ==, want);
}

static void
test_names (Folders       *f,
            gconstpointer  data)
{
  static const char *refused[] = {
    "/etc/passwd", "https://example.org/a.png", "file:///etc/x.png", "../x.png",
    "a/../../x.png", "", "data:image/png;base64,AAAA", "../outside/secret.png",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (f, refused[i]);
  assert_resolves_to (f, "my%20chart.svg", "article/my chart.svg");
  assert_resolves_to (f, "figures/../inside.png", "article/inside.png");
  assert_resolves_to (f, "figures/b.png", "article/figures/b.png");
  g_assert_null (mp_image_source_resolve ("x.png", NULL, NULL));
}

/* A link.png inside the folder pointing outside it, absolutely or by a
 * relative path, is refused; a link to a file inside it is followed. */
static void
test_linked_file (Folders       *f,
                  gconstpointer  data)
{
  g_autofree char *secret = in_top (f, "outside/secret.png");
  g_autofree char *absolute_link = in_top (f, "article/link.png");
  g_autofree char *relative_link = in_top (f, "article/figures/up.png");
  g_autofree char *inner_link = in_top (f, "article/same.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  make_link (secret, absolute_link);
  make_link ("../../outside/secret.png", relative_link);
  make_link ("figures/b.png", inner_link);

  file = mp_image_source_resolve ("link.png", f->article, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "link"));
  assert_refused (f, "figures/up.png");
  /* The real file is opened, not the link. */
  assert_resolves_to (f, "same.png", "article/figures/b.png");
}

/* A linked folder inside the article's folder pointing elsewhere. */
static void
test_linked_folder (Folders       *f,
                    gconstpointer  data)
{
  g_autofree char *outside = in_top (f, "outside");
  g_autofree char *link = in_top (f, "article/borrowed");
  g_autofree char *inner = in_top (f, "article/pictures");

  make_link (outside, link);
  make_link ("figures", inner);
  assert_refused (f, "borrowed/secret.png");
  assert_refused (f, "borrowed/deep/x.png");
  assert_resolves_to (f, "pictures/b.png", "article/figures/b.png");
}

/* The article's folder itself reached through a link is no reason to
 * refuse its own images. */
static void
test_linked_article_folder (Folders       *f,
                            gconstpointer  data)
{
  g_autofree char *link = in_top (f, "article-link");
  g_autoptr(GFile) linked = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  make_link ("article", link);
  linked = g_file_new_for_path (link);
  file = mp_image_source_resolve ("inside.png", linked, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_clear_object (&file);
  file = mp_image_source_resolve ("../outside/secret.png", linked, NULL);
  g_assert_null (file);
}

static void
test_missing (Folders       *f,
              gconstpointer  data)
{
  g_autofree char *dangling = in_top (f, "article/dangling.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  file = mp_image_source_resolve ("nothing.png", f->article, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  make_link ("gone.png", dangling);
  file = mp_image_source_resolve ("dangling.png", f->article, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_pixel_limits (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_image_source_check_size (6000, 4000, NULL));
  g_assert_true (mp_image_source_check_size (MP_IMAGE_MAX_SIDE, 2048, NULL));
  g_assert_false (mp_image_source_check_size (20000, 20000, &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20000 × 20000"));
  g_clear_error (&error);
  /* Thin but long: every side is limited too. */
  g_assert_false (mp_image_source_check_size (100000, 10, &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (mp_image_source_check_size (0, 10, &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_INVALID);
}

/* One entity of @entity_size bytes used @uses times. */
static char *
svg_with_entity (guint entity_size,
                 guint uses)
{
  g_autoptr(GString) svg = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY e \"");
  g_autofree char *value = g_strnfill (entity_size, 'a');

  g_string_append_printf (svg, "%s\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>", value);
  for (guint i = 0; i < uses; i++)
    g_string_append (svg, "&e;");
  g_string_append (svg, "</text></svg>\n");
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

static void
test_svg_entities (void)
{
  g_autofree char *small = svg_with_entity (40, 20);
  g_autofree char *quadratic = svg_with_entity (50000, 3000);
  const char *nested =
    "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><svg><text>&g;&g;</text></svg>";
  const char *loop = "<!DOCTYPE svg [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><svg>&a;</svg>";
  const char *external = "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>";
  const char *illustrator = "<!DOCTYPE svg [<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">]>"
                            "<svg xmlns=\"&ns_svg;\"><rect/></svg>";
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (mp_image_source_check_svg (small, strlen (small), NULL));
  g_assert_true (mp_image_source_check_svg (illustrator, strlen (illustrator), NULL));
  g_assert_false (mp_image_source_check_svg (quadratic, strlen (quadratic), &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX);
  g_clear_error (&error);
  g_assert_false (mp_image_source_check_svg (nested, strlen (nested), &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX);
  g_clear_error (&error);
  g_assert_false (mp_image_source_check_svg (loop, strlen (loop), &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX);
  g_clear_error (&error);
  g_assert_false (mp_image_source_check_svg (external, strlen (external), &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_COMPLEX);
  /* The check reads the text once: far under a second even when shared. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_svg_size (void)
{
  gsize length = MP_IMAGE_MAX_SVG_BYTES + 1;
  g_autofree char *text = g_malloc0 (length);
  g_autoptr(GError) error = NULL;

  memset (text, ' ', length);
  g_assert_false (mp_image_source_check_svg (text, length, &error));
  g_assert_error (error, MP_IMAGE_ERROR, MP_IMAGE_ERROR_TOO_LARGE);
}

/* librsvg's "Error domain 1 code 26 …" become the place and the reason. */
static void
test_svg_messages (void)
{
  struct { const char *raw; const char *expected; } cases[] = {
    { "XML parse error: Error domain 1 code 26 on line 2 column 14 of data: Entity 'foo' not defined\n",
      "fig.svg:2:14: it uses the entity “&foo;”, which it does not define" },
    { "XML parse error: Error domain 1 code 4 on line 1 column 1 of data: Start tag expected, '<' not found\n",
      "fig.svg:1:1: it is not an SVG file: no tag starts where one should" },
    { "XML parse error: Error domain 1 code 76 on line 3 column 7 of data: Opening and ending tag mismatch: g line 2 and svg\n",
      "fig.svg:3:7: it is not well-formed XML (the parser says: Opening and ending tag mismatch: g line 2 and svg)" },
    { "XML parse error: Input file is too short", "fig.svg: the file is empty or cut short" },
    { "XML does not have <svg> root",
      "fig.svg: it is XML but not an SVG image (its first element is not <svg>)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = mp_image_source_describe_svg_error ("fig.svg", cases[i].raw);

      g_assert_cmpstr (message, ==, cases[i].expected);
      g_assert_null (strstr (message, "domain"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/image-source/names", Folders, NULL, folders_set_up, test_names, folders_tear_down);
  g_test_add ("/image-source/linked-file", Folders, NULL, folders_set_up, test_linked_file, folders_tear_down);
  g_test_add ("/image-source/linked-folder", Folders, NULL, folders_set_up, test_linked_folder,
              folders_tear_down);
  g_test_add ("/image-source/linked-article-folder", Folders, NULL, folders_set_up,
              test_linked_article_folder, folders_tear_down);
  g_test_add ("/image-source/missing", Folders, NULL, folders_set_up, test_missing, folders_tear_down);
  g_test_add_func ("/image-source/pixel-limits", test_pixel_limits);
  g_test_add_func ("/image-source/svg-entities", test_svg_entities);
  g_test_add_func ("/image-source/svg-size", test_svg_size);
  g_test_add_func ("/image-source/svg-messages", test_svg_messages);
  return g_test_run ();
}
