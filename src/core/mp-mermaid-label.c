/* mp-mermaid-label.c: Mermaid label text to plain text and Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-mermaid-label.h"

#include <string.h>

typedef struct {
  const char *tag;    /* Pango tag name */
  char        marker; /* '*' or '_' for markdown emphasis, 0 for an HTML tag */
} OpenTag;

typedef struct {
  GString *plain;
  GString *markup;
  OpenTag  stack[16];
  guint    depth;
} LabelBuilder;

static const struct {
  const char *name;
  gunichar    ch;
} entities[] = {
  { "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "apos", '\'' },
  { "nbsp", 0xa0 }, { "copy", 0xa9 }, { "reg", 0xae }, { "trade", 0x2122 },
  { "hellip", 0x2026 }, { "mdash", 0x2014 }, { "ndash", 0x2013 }, { "larr", 0x2190 },
  { "rarr", 0x2192 }, { "uarr", 0x2191 }, { "darr", 0x2193 }, { "harr", 0x2194 },
  { "laquo", 0xab }, { "raquo", 0xbb }, { "deg", 0xb0 }, { "times", 0xd7 },
  { "divide", 0xf7 }, { "plusmn", 0xb1 }, { "le", 0x2264 }, { "ge", 0x2265 },
  { "ne", 0x2260 }, { "bull", 0x2022 }, { "middot", 0xb7 }, { "euro", 0x20ac },
  { "pound", 0xa3 }, { "yen", 0xa5 }, { "cent", 0xa2 }, { "sect", 0xa7 },
  { "para", 0xb6 }, { "frac12", 0xbd }, { "hearts", 0x2665 }, { "lsquo", 0x2018 },
  { "rsquo", 0x2019 }, { "ldquo", 0x201c }, { "rdquo", 0x201d }, { "num", '#' },
  { "semi", ';' }, { "colon", ':' }, { "lpar", '(' }, { "rpar", ')' },
  { "lsqb", '[' }, { "rsqb", ']' }, { "lcub", '{' }, { "rcub", '}' }, { "vert", '|' },
};

/* HTML tags Mermaid labels may use that Pango markup also knows. */
static const struct {
  const char *html;
  const char *pango;
} tags[] = {
  { "b", "b" }, { "strong", "b" }, { "i", "i" }, { "em", "i" }, { "u", "u" },
  { "s", "s" }, { "del", "s" }, { "sub", "sub" }, { "sup", "sup" },
  { "small", "small" }, { "big", "big" }, { "code", "tt" }, { "tt", "tt" },
};

static void
append_char (LabelBuilder *b,
             gunichar      ch)
{
  g_string_append_unichar (b->plain, ch);
  switch (ch)
    {
    case '&': g_string_append (b->markup, "&amp;"); break;
    case '<': g_string_append (b->markup, "&lt;"); break;
    case '>': g_string_append (b->markup, "&gt;"); break;
    case '"': g_string_append (b->markup, "&quot;"); break;
    case '\'': g_string_append (b->markup, "&apos;"); break;
    default: g_string_append_unichar (b->markup, ch); break;
    }
}

static void
push_tag (LabelBuilder *b,
          const char   *tag,
          char          marker)
{
  b->stack[b->depth].tag = tag;
  b->stack[b->depth].marker = marker;
  b->depth++;
  g_string_append_printf (b->markup, "<%s>", tag);
}

static void
pop_tag (LabelBuilder *b)
{
  b->depth--;
  g_string_append_printf (b->markup, "</%s>", b->stack[b->depth].tag);
}

/* "#quot;", "#35;" → the character; 0 when @p does not start an entity. */
static gsize
decode_entity (const char *p,
               const char *end,
               gunichar   *ch)
{
  const char *q = p + 1;
  g_autofree char *name = NULL;

  while (q < end && q - p < 12 && g_ascii_isalnum (*q))
    q++;
  if (q >= end || *q != ';' || q == p + 1)
    return 0;

  name = g_strndup (p + 1, q - p - 1);
  if (g_ascii_isdigit (name[0]))
    {
      guint64 value = g_ascii_strtoull (name, NULL, 10);

      if (value == 0 || value > 0x10ffff || !g_unichar_validate ((gunichar) value))
        return 0;
      *ch = (gunichar) value;
      return q - p + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (name, entities[i].name))
      {
        *ch = entities[i].ch;
        return q - p + 1;
      }
  return 0;
}

static int
find_open (LabelBuilder *b,
           const char   *tag)
{
  for (guint i = 0; i < b->depth; i++)
    if (g_str_equal (b->stack[i].tag, tag))
      return i;
  return -1;
}

/* An HTML tag: <br> becomes a line break, formatting tags become markup,
 * other tags are dropped as Mermaid's HTML labels would not show them.
 * Returns the bytes used, or 0 when @p does not start a tag. */
static gsize
handle_html_tag (LabelBuilder *b,
                 const char   *p,
                 const char   *end)
{
  const char *q = p + 1;
  gboolean closing = FALSE;
  g_autofree char *name = NULL;

  if (q < end && *q == '/')
    closing = TRUE, q++;
  if (q >= end || !g_ascii_isalpha (*q))
    return 0;
  while (q < end && g_ascii_isalnum (*q))
    q++;
  name = g_ascii_strdown (p + 1 + closing, q - p - 1 - closing);
  while (q < end && *q != '>' && *q != '<' && *q != '\n')
    q++;
  if (q >= end || *q != '>')
    return 0;
  q++;

  if (g_str_equal (name, "br"))
    {
      g_string_append_c (b->plain, '\n');
      g_string_append_c (b->markup, '\n');
      return q - p;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      if (!g_str_equal (name, tags[i].html))
        continue;
      if (!closing && b->depth < G_N_ELEMENTS (b->stack))
        push_tag (b, tags[i].pango, 0);
      else if (closing && b->depth > 0 && b->stack[b->depth - 1].marker == 0 &&
               g_str_equal (b->stack[b->depth - 1].tag, tags[i].pango))
        pop_tag (b);
      break;
    }
  return q - p;
}

/* Font Awesome icons ("fa:fa-car Car"): we draw no icons, so the token and
 * one space after it go. Returns the bytes used, or 0. */
static gsize
skip_icon (const char *start,
           const char *p,
           const char *end)
{
  static const char *prefixes[] = { "fa:fa-", "fab:fa-", "fas:fa-", "far:fa-", "fal:fa-", "fak:fa-", "fad:fa-" };
  const char *q = NULL;

  if (p > start && p[-1] != ' ')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes) && q == NULL; i++)
    {
      gsize n = strlen (prefixes[i]);

      if ((gsize) (end - p) > n && memcmp (p, prefixes[i], n) == 0 && g_ascii_isalnum (p[n]))
        q = p + n;
    }
  if (q == NULL)
    return 0;
  while (q < end && (g_ascii_isalnum (*q) || *q == '-'))
    q++;
  if (q < end && *q == ' ')
    q++;
  return q - p;
}

static gboolean
is_word_byte (const char *p,
              const char *start,
              const char *end)
{
  return p >= start && p < end && (g_ascii_isalnum (*p) || (guchar) *p >= 0x80);
}

/* Markdown emphasis: ** or __ bold, * or _ italic. Returns bytes used, or 0. */
static gsize
handle_emphasis (LabelBuilder *b,
                 const char   *start,
                 const char   *p,
                 const char   *end)
{
  char marker = *p;
  gsize len = (p + 1 < end && p[1] == marker) ? 2 : 1;
  const char *tag = len == 2 ? "b" : "i";
  const char *after = p + len;
  int open = find_open (b, tag);

  if (open >= 0)
    {
      if ((guint) open != b->depth - 1 || b->stack[open].marker != marker)
        return 0;
      if (marker == '_' && is_word_byte (after, start, end))
        return 0;
      pop_tag (b);
      return len;
    }

  if (b->depth >= G_N_ELEMENTS (b->stack) || after >= end || g_ascii_isspace (*after))
    return 0;
  if (marker == '_' && is_word_byte (p - 1, start, end))
    return 0;
  if (g_strstr_len (after, end - after, len == 2 ? (marker == '*' ? "**" : "__")
                                                 : (marker == '*' ? "*" : "_")) == NULL)
    return 0;
  push_tag (b, tag, marker);
  return len;
}

void
mp_mermaid_label_convert (const char  *text,
                          gsize        length,
                          gboolean     markdown,
                          char       **plain,
                          char       **markup)
{
  LabelBuilder b = { g_string_sized_new (length), g_string_sized_new (length + 8), { { 0 } }, 0 };
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gunichar ch = 0;
      gsize used = 0;

      if (*p == '#')
        used = decode_entity (p, end, &ch);
      if (used > 0)
        {
          append_char (&b, ch);
          p += used;
          continue;
        }
      if (*p == '<')
        used = handle_html_tag (&b, p, end);
      else if (*p == 'f')
        used = skip_icon (text, p, end);
      else if (markdown && (*p == '*' || *p == '_'))
        used = handle_emphasis (&b, text, p, end);
      if (used > 0)
        {
          p += used;
          continue;
        }
      append_char (&b, g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }

  while (b.depth > 0)
    pop_tag (&b);
  *plain = g_string_free (b.plain, FALSE);
  *markup = g_string_free (b.markup, FALSE);
}
