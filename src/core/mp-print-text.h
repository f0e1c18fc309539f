/* mp-print-text.h: Pango layouts for printed pages: a context measured in
 * points, and an article's inline text with its styles as attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "mp-markdown.h"

G_BEGIN_DECLS

typedef struct {
  const char     *family;   /* "Sans", "Serif", "Monospace" */
  double          size;     /* points */
  gboolean        bold;
  gboolean        italic;
  double          width;    /* points; <= 0: no wrapping */
  PangoWrapMode   wrap;
  PangoAlignment  align;
} MpPrintFont;

/* A cairo write function appending to the GByteArray @closure: a PDF, SVG
 * or PNG is made in memory, then written whole with the safe writer. */
cairo_status_t mp_print_append_bytes    (void                *closure,
                                         const unsigned char *data,
                                         unsigned int         length);

/* A context for @cr's font backend in which one Pango point is one unit of
 * @cr, with unhinted metrics: line breaks do not depend on the printer's
 * resolution, so a page measured once draws the same anywhere. */
PangoContext *mp_print_text_context_new (cairo_t           *cr);
/* Plain text; Pango never inserts hyphens where it breaks a word. */
PangoLayout  *mp_print_text_new         (PangoContext      *context,
                                         const char        *text,
                                         int                length,
                                         const MpPrintFont *font);
/* The bytes [@from, @to) of @inline_, with bold, italic, code, strike,
 * links (underlined, and the address after them in small type when it is
 * a web or mail address other than the text) and footnote references. */
PangoLayout  *mp_print_text_new_inline  (PangoContext      *context,
                                         const MpInline    *inline_,
                                         guint              from,
                                         guint              to,
                                         const MpPrintFont *font);

G_END_DECLS
