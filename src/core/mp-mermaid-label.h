/* mp-mermaid-label.h: Mermaid label text to plain text and Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes entities ("#quot;", "#35;"), turns <br> into "\n", keeps
 * <b>/<i>/… as markup and drops other HTML tags and Font Awesome icons; with
 * @markdown, **bold** and _italic_ too. @text must be valid UTF-8. The markup
 * is always well formed. */
void mp_mermaid_label_convert (const char  *text,
                               gsize        length,
                               gboolean     markdown,
                               char       **plain,
                               char       **markup);

G_END_DECLS
