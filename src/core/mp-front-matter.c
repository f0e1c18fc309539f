/* mp-front-matter.c: YAML (---) or TOML (+++) front matter (pure GLib)
 *
 * Static site generators and documentation tools put metadata between
 * two "---" (YAML) or "+++" (TOML) lines at the very top of a Markdown
 * file. Without this, CommonMark reads the block as a setext heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-front-matter.h"

#include <string.h>

/* Longer blocks are not front matter but a long document that happens to
 * start with a rule. */
#define MAX_LINES 200

/* The length of the line at @p (without its end), and where the next starts. */
static gsize
line_length (const char *p,
             const char *end,
             const char **next)
{
  const char *eol = memchr (p, '\n', end - p);
  gsize length;

  if (eol == NULL)
    eol = end;
  *next = eol < end ? eol + 1 : end;
  length = eol - p;
  if (length > 0 && p[length - 1] == '\r')
    length--;
  return length;
}

static gboolean
is_fence (const char *line,
          gsize       length,
          const char *fence)
{
  /* Trailing blanks are allowed after the fence. */
  if (length < 3 || strncmp (line, fence, 3) != 0)
    return FALSE;
  for (gsize i = 3; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;
  return TRUE;
}

static char *
unquote (char *value)
{
  gsize n;

  g_strstrip (value);
  n = strlen (value);
  if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
    {
      memmove (value, value + 1, n - 2);
      value[n - 2] = '\0';
    }
  return value;
}

/* A "key: value" (YAML) or "key = value" (TOML) line at the top level. */
static void
add_entry (MpFrontMatter *fm,
           const char    *line,
           gsize          length,
           char           separator)
{
  g_autofree char *copy = g_strndup (line, length);
  char *split;
  char *key, *value;

  if (length == 0 || g_ascii_isspace (line[0]) || line[0] == '#' || line[0] == '-' || line[0] == '[')
    return;
  split = strchr (copy, separator);
  if (split == NULL)
    return;
  *split = '\0';
  key = unquote (copy);
  value = unquote (split + 1);
  if (*key == '\0' || strchr (key, ' ') != NULL)
    return;
  if (g_ascii_strcasecmp (key, "title") == 0 && fm->title == NULL && *value != '\0')
    fm->title = g_strdup (value);
  else
    {
      g_ptr_array_add (fm->keys, g_strdup (key));
      g_ptr_array_add (fm->values, g_strdup (value));
    }
}

MpFrontMatter *
mp_front_matter_parse (const char *text,
                       gsize       length)
{
  const char *end = text + length, *p, *next;
  const char *fence;
  g_autoptr(MpFrontMatter) fm = NULL;
  gsize n;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  n = line_length (text, end, &next);
  if (is_fence (text, n, "---"))
    fence = "---";
  else if (is_fence (text, n, "+++"))
    fence = "+++";
  else
    return NULL;
  fm = g_new0 (MpFrontMatter, 1);
  fm->keys = g_ptr_array_new_with_free_func (g_free);
  fm->values = g_ptr_array_new_with_free_func (g_free);
  for (p = next, fm->n_lines = 1; p < end && fm->n_lines <= MAX_LINES; p = next)
    {
      n = line_length (p, end, &next);
      fm->n_lines++;
      /* YAML may close with "..." as well. */
      if (is_fence (p, n, fence) || (fence[0] == '-' && is_fence (p, n, "...")))
        {
          fm->length = next - text;
          return g_steal_pointer (&fm);
        }
      add_entry (fm, p, n, fence[0] == '-' ? ':' : '=');
    }
  return NULL;
}

void
mp_front_matter_free (MpFrontMatter *front_matter)
{
  if (front_matter == NULL)
    return;
  g_free (front_matter->title);
  g_ptr_array_unref (front_matter->keys);
  g_ptr_array_unref (front_matter->values);
  g_free (front_matter);
}
