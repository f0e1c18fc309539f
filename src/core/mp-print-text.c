/* mp-print-text.c: Pango layouts for printed pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-print-text.h"

#include <pango/pangocairo.h>
#include <string.h>

/* Where a link's address goes into the printed text: after its end. */
typedef struct {
  guint       at;
  const char *url;
} Insertion;

cairo_status_t
mp_print_append_bytes (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

PangoContext *
mp_print_text_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

static void
apply_font (PangoLayout       *layout,
            const MpPrintFont *font)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, font->family != NULL ? font->family : "Sans");
  pango_font_description_set_size (desc, (int) (font->size * PANGO_SCALE));
  if (font->bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (font->italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, font->width > 0 ? (int) (font->width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, font->wrap);
  pango_layout_set_alignment (layout, font->align);
}

static void
add_attr (PangoAttrList  *list,
          PangoAttribute *attr,
          guint           start,
          guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (list, attr);
}

/* A hyphen Pango adds at a break is not in the text: copied or searched,
 * the printed words would not be the article's. */
static PangoAttrList *
no_hyphens (void)
{
  PangoAttrList *list = pango_attr_list_new ();

  pango_attr_list_insert (list, pango_attr_insert_hyphens_new (FALSE));
  return list;
}

PangoLayout *
mp_print_text_new (PangoContext      *context,
                   const char        *text,
                   int                length,
                   const MpPrintFont *font)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = no_hyphens ();

  g_return_val_if_fail (text != NULL && font != NULL, layout);

  apply_font (layout, font);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text, length);
  return layout;
}

static gboolean
shows_address (const MpInline *inline_,
               const MpSpan   *span)
{
  g_autofree char *scheme = NULL;
  const char *url = span->target;
  gsize text_length = span->end - span->start;

  if (span->type != MP_SPAN_LINK || url == NULL || span->id != NULL)
    return FALSE;
  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL || !(g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
                          g_str_equal (scheme, "mailto")))
    return FALSE;
  if (g_str_equal (scheme, "mailto"))
    url += strlen ("mailto:");
  /* An autolink's text is its address already. */
  return !(strlen (url) == text_length &&
           strncmp (inline_->text->str + span->start, url, text_length) == 0);
}

static int
compare_insertions (gconstpointer a,
                    gconstpointer b)
{
  const Insertion *ia = a, *ib = b;

  return ia->at < ib->at ? -1 : ia->at > ib->at;
}

static GArray *
find_insertions (const MpInline *inline_,
                 guint           from,
                 guint           to)
{
  GArray *insertions = g_array_new (FALSE, FALSE, sizeof (Insertion));

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);

      if (span->end > from && span->end <= to && shows_address (inline_, span))
        {
          Insertion insertion = { span->end, span->target };

          g_array_append_val (insertions, insertion);
        }
    }
  g_array_sort (insertions, compare_insertions);
  return insertions;
}

static const char *
address_text (const char *url)
{
  return g_str_has_prefix (url, "mailto:") ? url + strlen ("mailto:") : url;
}

/* The byte in the printed text of the article's byte @at; with @after, past
 * the addresses inserted at @at. */
static guint
map_offset (GArray *insertions,
            guint   from,
            guint   at,
            gboolean after)
{
  guint offset = at - from;

  for (guint i = 0; i < insertions->len; i++)
    {
      const Insertion *ins = &g_array_index (insertions, Insertion, i);

      if (ins->at > at || (ins->at == at && !after))
        break;
      /* " (" + address + ")" */
      offset += strlen (address_text (ins->url)) + 3;
    }
  return offset;
}

static GString *
printed_text (const MpInline *inline_,
              GArray         *insertions,
              guint           from,
              guint           to)
{
  GString *out = g_string_sized_new (to - from + 16);
  guint pos = from;

  for (guint i = 0; i < insertions->len; i++)
    {
      const Insertion *ins = &g_array_index (insertions, Insertion, i);

      g_string_append_len (out, inline_->text->str + pos, ins->at - pos);
      g_string_append_printf (out, " (%s)", address_text (ins->url));
      pos = ins->at;
    }
  g_string_append_len (out, inline_->text->str + pos, to - pos);
  return out;
}

static void
add_span_attrs (PangoAttrList     *list,
                const MpSpan      *span,
                guint              start,
                guint              end,
                const MpPrintFont *font)
{
  switch (span->type)
    {
    case MP_SPAN_BOLD:
      add_attr (list, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
      break;
    case MP_SPAN_ITALIC:
      add_attr (list, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
      break;
    case MP_SPAN_CODE:
      add_attr (list, pango_attr_family_new ("Monospace"), start, end);
      add_attr (list, pango_attr_scale_new (0.9), start, end);
      /* A light grey that a grayscale printer keeps. */
      add_attr (list, pango_attr_background_new (0xeeee, 0xeeee, 0xeeee), start, end);
      break;
    case MP_SPAN_STRIKE:
      add_attr (list, pango_attr_strikethrough_new (TRUE), start, end);
      break;
    case MP_SPAN_LINK:
      add_attr (list, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
      break;
    case MP_SPAN_SUPERSCRIPT:
      add_attr (list, pango_attr_rise_new ((int) (font->size * 0.35 * PANGO_SCALE)), start, end);
      add_attr (list, pango_attr_scale_new (0.7), start, end);
      break;
    case MP_SPAN_IMAGE:
      break;
    }
}

static void
add_address_attrs (PangoAttrList *list,
                   GArray        *insertions,
                   guint          from)
{
  for (guint i = 0; i < insertions->len; i++)
    {
      const Insertion *ins = &g_array_index (insertions, Insertion, i);
      guint start = map_offset (insertions, from, ins->at, FALSE);
      guint end = map_offset (insertions, from, ins->at, TRUE);

      /* Only the address, in small dark grey: it reads as an aside. */
      add_attr (list, pango_attr_scale_new (0.85), start + 1, end);
      add_attr (list, pango_attr_foreground_new (0x4444, 0x4444, 0x4444), start + 1, end);
    }
}

PangoLayout *
mp_print_text_new_inline (PangoContext      *context,
                          const MpInline    *inline_,
                          guint              from,
                          guint              to,
                          const MpPrintFont *font)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoAttrList) attrs = no_hyphens ();
  g_autoptr(GArray) insertions = NULL;
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (inline_ != NULL && font != NULL, layout);
  g_return_val_if_fail (from <= to && to <= inline_->text->len, layout);

  insertions = find_insertions (inline_, from, to);
  text = printed_text (inline_, insertions, from, to);
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const MpSpan *span = &g_array_index (inline_->spans, MpSpan, i);
      guint start = CLAMP (span->start, from, to), end = CLAMP (span->end, from, to);

      if (end > start)
        add_span_attrs (attrs, span, map_offset (insertions, from, start, TRUE),
                        map_offset (insertions, from, end, FALSE), font);
    }
  add_address_attrs (attrs, insertions, from);
  apply_font (layout, font);
  pango_layout_set_text (layout, text->str, (int) text->len);
  pango_layout_set_attributes (layout, attrs);
  return layout;
}
