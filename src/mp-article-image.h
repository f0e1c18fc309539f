/* mp-article-image.h: an article's image, checked and decoded off the main
 * thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @base_dir: the article's folder, or NULL (then every image is refused).
 * The widget shows the image once a worker has checked and decoded it, or
 * a card with its alt text and why it is not shown. */
GtkWidget *mp_article_image_new        (const char *src,
                                        const char *alt,
                                        GFile      *base_dir);
/* The pixel size of the image @src stands for, read from the file's
 * header without decoding it (so that its place in the article is right
 * before it is shown); FALSE when it cannot be known that way. */
gboolean   mp_article_image_probe_size (const char *src,
                                        GFile      *base_dir,
                                        int        *width,
                                        int        *height);
/* Whether @widget, made by mp_article_image_new(), is still decoding. */
gboolean   mp_article_image_is_loading (GtkWidget  *widget);

G_END_DECLS
