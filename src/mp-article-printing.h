/* mp-article-printing.h: the article printed through GtkPrintOperation,
 * with its figures and flowcharts drawn, and `masterplan --print-article`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "mp-article-print.h"

G_BEGIN_DECLS

/* The article's pages with the reader's figure rules: images only from
 * its own folder and within the reader's limits (mp-image-source.h), SVG
 * through librsvg, flowcharts laid out and drawn as in the flowchart pane.
 * Needs no display. */
MpArticlePrint          *mp_article_printing_new     (MpDocument  *document);
/* Prints @document: the print dialog, whose "Print to File" writes a PDF;
 * or, with @export_path, a PDF there without a dialog. */
GtkPrintOperationResult  mp_article_printing_run     (GtkWindow   *parent,
                                                      MpDocument  *document,
                                                      const char  *export_path,
                                                      GError     **error);
/* `masterplan --print-article OUT.pdf [FILE.md]` (the bundled article
 * without FILE). Returns the exit status: 0 done, 1 bad input, 2 bad
 * arguments. */
int                      mp_article_printing_cli_run (const char  *output,
                                                      const char  *input);

G_END_DECLS
