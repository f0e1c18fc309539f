/* mp-mermaid-parser.c: Mermaid flowchart text to MpFlowchart
 *
 * A hand-written scanner and recursive-descent parser. Statements are parsed
 * in a loop and chains (A --> B --> C …) iteratively, so input size never
 * turns into recursion depth; subgraphs use an explicit stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mp-mermaid-parser.h"

#include "mp-flowchart.h"
#include "mp-flow-shape.h"
#include "mp-flowchart-private.h"
#include "mp-mermaid-label.h"
#include "mp-utils.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (mp-mermaid-error-quark, mp_mermaid_error)

#define MAX_SUBGRAPH_DEPTH 64
#define MAX_EDGES 200000
#define NEAR_CHARS 24

typedef struct {
  int         index;
  const char *at;
} OpenSubgraph;

typedef struct {
  char *id;
  char *link;
  char *tooltip;
} Click;

typedef struct {
  const char   *src;
  const char   *end;
  const char   *p;
  guint         first_line;

  /* locate() cache: positions are asked for mostly in increasing order */
  const char   *loc_ptr;
  guint         loc_line;
  guint         loc_column;

  MpFlowchart  *chart;
  GError       *error;
  guint         error_line;
  guint         error_column;

  GArray       *open;         /* OpenSubgraph */
  GPtrArray    *class_uses;   /* pairs: id, class name */
  GPtrArray    *class_defs;   /* MpStyleRule, target = class name */
  GPtrArray    *styles;       /* MpStyleRule, target = id */
  GPtrArray    *link_styles;  /* MpStyleRule, edge index or -1 */
  GPtrArray    *clicks;       /* Click */
  GHashTable   *edge_ids;     /* user and automatic edge ids → index + 1 */
  GHashTable   *edge_pairs;   /* "from\x1fto" → edges so far */
  guint         n_auto_subgraphs;
  const char   *run_from;     /* run_has_link_id() cache */
  const char   *run_end;
  const char   *run_link_id;
  const char   *eol_from;     /* line_end() cache */
  const char   *eol;
} Parser;

typedef struct {
  char        *id;
  MpEdgeStroke stroke;
  MpEdgeEnd    start_end;
  MpEdgeEnd    end_end;
  guint        length;
  char        *label;
  char        *label_markup;
  const char  *at;
  guint        line;
  guint        column;
} Link;

/* ---- positions and errors ------------------------------------------------ */

static void
locate (Parser     *P,
        const char *at,
        guint      *line,
        guint      *column)
{
  if (at < P->loc_ptr)
    {
      P->loc_ptr = P->src;
      P->loc_line = 1;
      P->loc_column = 1;
    }
  for (const char *q = P->loc_ptr; q < at; q++)
    {
      if (*q == '\n')
        {
          P->loc_line++;
          P->loc_column = 1;
        }
      else if (((guchar) *q & 0xc0) != 0x80)
        P->loc_column++;
    }
  P->loc_ptr = at;
  *line = P->loc_line;
  *column = P->loc_column;
}

static char *
near_text (Parser     *P,
           const char *at)
{
  const char *q = at;
  guint n = 0;

  while (q < P->end && *q != '\n' && *q != '\r' && n < NEAR_CHARS)
    {
      q = MIN (g_utf8_next_char (q), P->end);
      n++;
    }
  while (q > at && (q[-1] == ' ' || q[-1] == '\t'))
    q--;
  if (q == at || !g_utf8_validate (at, q - at, NULL))
    return NULL;
  return g_strndup (at, q - at);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Parser     *P,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *near = NULL;
  guint line, column;
  va_list args;

  if (P->error != NULL)
    return FALSE;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  at = MIN (at, P->end);
  locate (P, at, &line, &column);
  near = near_text (P, at);
  P->error_line = line;
  P->error_column = column;
  if (near != NULL)
    /* Translators: LINE:COLUMN: what was expected (near “text”) */
    P->error = g_error_new (MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX, _("%u:%u: %s (near “%s”)"),
                            line + P->first_line - 1, column, what, near);
  else if (at >= P->end)
    P->error = g_error_new (MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX, _("%u:%u: %s (at the end of the text)"),
                            line + P->first_line - 1, column, what);
  else
    P->error = g_error_new (MP_MERMAID_ERROR, MP_MERMAID_ERROR_SYNTAX, _("%u:%u: %s (at the end of the line)"),
                            line + P->first_line - 1, column, what);
  return FALSE;
}

/* Accepts something Mermaid itself refuses, and says so: never silently. */
static void G_GNUC_PRINTF (3, 4)
warn (Parser     *P,
      const char *at,
      const char *format,
      ...)
{
  MpFlowWarning warning = { 0 };
  va_list args;

  va_start (args, format);
  warning.message = g_strdup_vprintf (format, args);
  va_end (args);
  locate (P, MIN (at, P->end), &warning.line, &warning.column);
  warning.line += P->first_line - 1;
  g_array_append_val (P->chart->warnings, warning);
}

/* ---- scanning ------------------------------------------------------------ */

static inline char
peek (Parser *P,
      gsize   k)
{
  return P->p + k < P->end ? P->p[k] : '\0';
}

static gboolean
looking_at (Parser     *P,
            const char *s)
{
  gsize n = strlen (s);

  return (gsize) (P->end - P->p) >= n && memcmp (P->p, s, n) == 0;
}

static void
skip_spaces (Parser *P)
{
  while (P->p < P->end && (*P->p == ' ' || *P->p == '\t' || *P->p == '\r'))
    P->p++;
}

static const char *
find_in_line (const char *p,
              const char *end,
              const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end && *p != '\n'; p++)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

static const char *
find_text (const char *p,
           const char *end,
           const char *needle)
{
  gsize n = strlen (needle);

  for (; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* The end of the current line; remembered, so that a 10 000-node chain on
 * one line does not cost a scan of the rest of the line per arrow. */
static const char *
line_end (Parser *P)
{
  if (P->eol == NULL || P->p < P->eol_from || P->p > P->eol)
    {
      const char *q = memchr (P->p, '\n', P->end - P->p);

      P->eol_from = P->p;
      P->eol = q != NULL ? q : P->end;
    }
  return P->eol;
}

/* %% comments to the end of the line; %%{ directives }%% (ignored). */
static gboolean
skip_comment (Parser *P)
{
  if (looking_at (P, "%%{"))
    {
      const char *close = find_text (P->p + 3, P->end, "}%%");

      if (close == NULL)
        return fail (P, P->p, _("directive is never closed: expected “}%%%%”"));
      P->p = close + 3;
      return TRUE;
    }
  P->p = line_end (P);
  return TRUE;
}

/* Whether only blanks come before @at on its line. */
static gboolean
starts_line (Parser     *P,
             const char *at)
{
  while (at > P->src && (at[-1] == ' ' || at[-1] == '\t' || at[-1] == '\r'))
    at--;
  return at == P->src || at[-1] == '\n';
}

static gboolean
skip_spaces_and_comments (Parser *P)
{
  skip_spaces (P);
  while (looking_at (P, "%%"))
    {
      /* Mermaid removes whole comment lines before parsing, and nothing else. */
      if (!looking_at (P, "%%{") && !starts_line (P, P->p))
        warn (P, P->p, _("Mermaid reads “%%%%” comments only on a line of their own and would refuse this line"));
      if (!skip_comment (P))
        return FALSE;
      skip_spaces (P);
    }
  return TRUE;
}

/* Blank lines, ";" separators, comments and directives between statements. */
static gboolean
skip_separators (Parser *P)
{
  for (;;)
    {
      if (!skip_spaces_and_comments (P))
        return FALSE;
      if (P->p < P->end && (*P->p == '\n' || *P->p == ';'))
        P->p++;
      else
        return TRUE;
    }
}

static gboolean
at_statement_end (Parser *P)
{
  return P->p >= P->end || *P->p == '\n' || *P->p == ';' || looking_at (P, "%%");
}

static gboolean
expect_statement_end (Parser     *P,
                      const char *what)
{
  if (!skip_spaces_and_comments (P))
    return FALSE;
  if (P->p >= P->end || *P->p == '\n' || *P->p == ';')
    return TRUE;
  return fail (P, P->p, _("unexpected text after %s: expected a new line or “;”"), what);
}

static gboolean
starts_with (const char *p,
             const char *end,
             const char *s)
{
  gsize n = s != NULL ? strlen (s) : 0;

  return n > 0 && (gsize) (end - p) >= n && memcmp (p, s, n) == 0;
}

/* How Mermaid's lexer reads the text at a token start inside a node id:
 * a piece of the id, a keyword (which it refuses there), or something else. */
typedef enum {
  ID_PIECE,
  ID_KEYWORD,
  ID_STOP,
} IdToken;

static const char *const id_keywords[] = {
  "style", "linkStyle", "interpolate", "classDef", "class", "flowchart-elk", "graph",
  "flowchart", "subgraph", "end", "_self", "_blank", "_parent", "_top",
};

static inline gboolean
is_word_byte (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* Mermaid's keyword rules end at a word boundary ("style.x" is the keyword
 * then ".x"; "style_x" is one id); "href", "click" and "call" need a blank. */
static gsize
match_id_keyword (Parser     *P,
                  const char *q)
{
  static const char *const blank_keywords[] = { "href", "click", "call" };

  for (guint i = 0; i < G_N_ELEMENTS (id_keywords); i++)
    {
      gsize n = strlen (id_keywords[i]);

      if (starts_with (q, P->end, id_keywords[i]) && (q + n >= P->end || !is_word_byte (q[n])))
        return n;
    }
  for (guint i = 0; i < G_N_ELEMENTS (blank_keywords); i++)
    {
      gsize n = strlen (blank_keywords[i]);

      if (starts_with (q, P->end, blank_keywords[i]) && q + n < P->end && g_ascii_isspace (q[n]))
        return n;
    }
  return 0;
}

/* Whether one of Mermaid's link rules matches at @q ("-->", "o--", "<-.",
 * "==", "~~~" …), which ends a node id. */
static gboolean
link_starts_at (Parser     *P,
                const char *q)
{
  if (q < P->end && (*q == 'x' || *q == 'o' || *q == '<'))
    q++;
  if (starts_with (q, P->end, "--") || starts_with (q, P->end, "==") || starts_with (q, P->end, "-."))
    return TRUE;
  if (q < P->end && *q == '-')
    q++;
  if (q < P->end && *q == '.')
    {
      while (q < P->end && *q == '.')
        q++;
      return q < P->end && *q == '-';
    }
  return starts_with (q, P->end, "~~~");
}

static gboolean
is_node_string_byte (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!\"#$%&'*+.`?\\_/", c) != NULL);
}

/* Mermaid's NODE_STRING: its characters, "-" unless before ">", "-" or ".",
 * and "=" unless before "=". */
static gsize
match_node_string (Parser     *P,
                   const char *from)
{
  const char *q = from;

  while (q < P->end)
    {
      if (is_node_string_byte (*q))
        q++;
      else if (*q == '-' && q + 1 < P->end && strchr (">-.", q[1]) == NULL)
        q++;
      else if (*q == '=' && (q + 1 >= P->end || q[1] != '='))
        q++;
      else
        break;
    }
  return q - from;
}

static IdToken
id_token (Parser     *P,
          const char *q,
          gsize      *len)
{
  gsize n;

  *len = 1;
  if (q >= P->end || *q == '"' || starts_with (q, P->end, "@{") || starts_with (q, P->end, ":::"))
    return ID_STOP;
  if ((n = match_id_keyword (P, q)) > 0)
    return (*len = n, ID_KEYWORD);
  if (starts_with (q, P->end, "default") && (q + 7 >= P->end || !is_word_byte (q[7])))
    return (*len = 7, ID_PIECE);
  if (g_ascii_isdigit (*q))
    {
      for (n = 0; q + n < P->end && g_ascii_isdigit (q[n]); n++)
        ;
      return (*len = n, ID_PIECE);
    }
  if (strchr ("#:&,*", *q) != NULL)
    return ID_PIECE;
  if (link_starts_at (P, q) || strchr ("([{<>^|;", *q) != NULL)
    return ID_STOP;
  if (*q == 'v' && (q + 1 >= P->end || !is_word_byte (q[1])))
    return ID_PIECE;
  if ((n = match_node_string (P, q)) > 0)
    return (*len = n, ID_PIECE);
  if (*q == '-')
    return ID_PIECE;
  if ((guchar) *q >= 0x80)
    {
      gunichar c = g_utf8_get_char_validated (q, P->end - q);

      /* Mermaid's id letters: the letters of the Basic Multilingual Plane */
      if (c != (gunichar) -1 && c != (gunichar) -2 && c <= 0xffff && g_unichar_isalpha (c))
        return (*len = g_utf8_skip[(guchar) *q], ID_PIECE);
    }
  return ID_STOP;
}

/* Mermaid's LINK_ID: "name@" before something other than "{" or a quote,
 * found anywhere in the run of non-blank text from @from. */
static gboolean
run_has_link_id (Parser     *P,
                 const char *from)
{
  /* Remembered per run, so that a long chain without blanks stays linear. */
  if (from < P->run_from || from >= P->run_end)
    {
      const char *q;

      P->run_from = from;
      P->run_link_id = NULL;
      for (q = from; q < P->end && !g_ascii_isspace (*q) && *q != '"'; q++)
        if (*q == '@' && q + 1 < P->end && q[1] != '{' && q[1] != '"')
          P->run_link_id = q;
      P->run_end = q;
    }
  return P->run_link_id != NULL && P->run_link_id > from;
}

/* A node id as Mermaid's lexer cuts it: pieces (letters, digits, "#", ":",
 * ",", "&", "*", "-", "." …) joined until a blank, a bracket, an arrow or a
 * class separator. *keyword_at (nullable) is set where a keyword would
 * split the id, which Mermaid refuses. */
static gsize
scan_id_checked (Parser      *P,
                 const char  *from,
                 const char **keyword_at)
{
  const char *q = from;

  if (keyword_at != NULL)
    *keyword_at = NULL;
  if (run_has_link_id (P, from))
    return 0;
  while (q < P->end)
    {
      gsize n;
      IdToken token = id_token (P, q, &n);

      if (token == ID_KEYWORD && keyword_at != NULL)
        *keyword_at = q;
      if (token != ID_PIECE)
        break;
      q += n;
    }
  return q - from;
}

static gsize
scan_id (Parser     *P,
         const char *from)
{
  return scan_id_checked (P, from, NULL);
}

static gsize
scan_word (Parser *P)
{
  const char *q = P->p;

  while (q < P->end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-'))
    q++;
  return q - P->p;
}

/* A class name: letters, digits, "_", and "-" between them (so that
 * "A:::hot-->B" is A of class hot, an arrow, and B). */
static gsize
scan_name (Parser *P)
{
  gsize n = 0;

  while (g_ascii_isalnum (peek (P, n)) || peek (P, n) == '_' ||
         (n > 0 && peek (P, n) == '-' && (g_ascii_isalnum (peek (P, n + 1)) || peek (P, n + 1) == '_')))
    n++;
  return n;
}

static char *
take_name (Parser *P)
{
  gsize n = scan_name (P);
  char *name = g_strndup (P->p, n);

  P->p += n;
  return name;
}

static gboolean
is_keyword (Parser     *P,
            const char *word,
            gsize       n)
{
  gsize len = strlen (word);
  char after;

  if (n != len || memcmp (P->p, word, len) != 0)
    return FALSE;
  after = peek (P, len);
  return after == '\0' || after == ' ' || after == '\t' || after == '\r' || after == '\n' ||
         after == ';' || after == ':' || after == '{';
}

/* ---- labels -------------------------------------------------------------- */

static gboolean
text_is_markdown (const char *text,
                  gsize       n)
{
  return n >= 2 && text[0] == '`' && text[n - 1] == '`';
}

typedef enum {
  LINES_JOIN,      /* unquoted text: the lines joined with a space */
  LINES_ONE_BREAK, /* @{ label }: one break however many new lines */
  LINES_KEPT,      /* quoted and markdown strings: every new line kept */
} LineMode;

/* White space that spans lines becomes one space or line breaks, without
 * the indentation around them. */
static char *
normalize_lines (const char *text,
                 gsize       n,
                 LineMode    mode)
{
  GString *joined = g_string_sized_new (n);

  for (gsize i = 0; i < n; i++)
    {
      gsize j = i;
      guint newlines = 0;

      while (j < n && g_ascii_isspace (text[j]))
        newlines += text[j++] == '\n';
      if (newlines == 0)
        g_string_append_c (joined, text[i]);
      else
        {
          if (mode == LINES_KEPT)
            for (guint k = 0; k < newlines; k++)
              g_string_append_c (joined, '\n');
          else
            g_string_append_c (joined, mode == LINES_ONE_BREAK ? '\n' : ' ');
          i = j - 1;
        }
    }
  return g_string_free (joined, FALSE);
}

/* Label text to plain text and markup: trimmed, entities decoded; "`…`"
 * inside quotes is a markdown string. */
static void
convert_text (const char  *text,
              gsize        n,
              gboolean     quoted,
              gboolean     breaks,
              char       **plain,
              char       **markup)
{
  gboolean markdown = quoted && text_is_markdown (text, n);
  LineMode mode = breaks ? LINES_ONE_BREAK : quoted ? LINES_KEPT : LINES_JOIN;
  g_autofree char *normalized = NULL;

  if (markdown)
    text++, n -= 2;
  while (n > 0 && g_ascii_isspace (*text))
    text++, n--;
  while (n > 0 && g_ascii_isspace (text[n - 1]))
    n--;
  if (memchr (text, '\n', n) != NULL)
    {
      normalized = normalize_lines (text, n, mode);
      text = normalized;
      n = strlen (normalized);
    }
  mp_mermaid_label_convert (text, n, markdown, plain, markup);
}

/* A "quoted string" at P->p (may span lines); P->p moves past it. */
static gboolean
take_quoted (Parser      *P,
             const char **text,
             gsize       *n)
{
  const char *close = memchr (P->p + 1, '"', P->end - P->p - 1);

  if (close == NULL)
    return fail (P, P->p, _("the quoted text is never closed: expected “\"”"));
  *text = P->p + 1;
  *n = close - P->p - 1;
  P->p = close + 1;
  return TRUE;
}

/* ---- nodes --------------------------------------------------------------- */

typedef struct {
  const char  *open;
  const char  *close;
  MpNodeShape  shape;
  const char  *close_alt;
  MpNodeShape  shape_alt;
  gboolean     fallback;  /* when unclosed, try the shorter openers */
} Bracket;

/* Longest openers first. */
static const Bracket brackets[] = {
  { "(((", ")))", MP_NODE_SHAPE_DOUBLE_CIRCLE, NULL, 0, FALSE },
  { "((", "))", MP_NODE_SHAPE_CIRCLE, NULL, 0, FALSE },
  { "([", "])", MP_NODE_SHAPE_STADIUM, NULL, 0, FALSE },
  { "(-", "-)", MP_NODE_SHAPE_ELLIPSE, NULL, 0, TRUE },
  { "(", ")", MP_NODE_SHAPE_ROUND, NULL, 0, FALSE },
  { "[[", "]]", MP_NODE_SHAPE_SUBROUTINE, NULL, 0, FALSE },
  { "[(", ")]", MP_NODE_SHAPE_CYLINDER, NULL, 0, FALSE },
  { "[/", "/]", MP_NODE_SHAPE_PARALLELOGRAM, "\\]", MP_NODE_SHAPE_TRAPEZOID, TRUE },
  { "[\\", "\\]", MP_NODE_SHAPE_PARALLELOGRAM_ALT, "/]", MP_NODE_SHAPE_TRAPEZOID_ALT, TRUE },
  { "[", "]", MP_NODE_SHAPE_RECT, NULL, 0, FALSE },
  { "{{", "}}", MP_NODE_SHAPE_HEXAGON, NULL, 0, FALSE },
  { "{", "}", MP_NODE_SHAPE_DIAMOND, NULL, 0, FALSE },
  { ">", "]", MP_NODE_SHAPE_ASYMMETRIC, NULL, 0, FALSE },
};

static MpFlowNode *
node_at (Parser *P,
         guint   index)
{
  return &g_array_index (P->chart->nodes, MpFlowNode, index);
}

static guint
intern_node (Parser     *P,
             const char *id,
             gsize       n,
             const char *at)
{
  g_autofree char *key = g_strndup (id, n);
  gpointer found = g_hash_table_lookup (P->chart->node_ids, key);
  MpFlowNode node = { 0 };

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  node.index = P->chart->nodes->len;
  node.id = g_steal_pointer (&key);
  mp_mermaid_label_convert (node.id, n, FALSE, &node.label, &node.label_markup);
  node.shape = MP_NODE_SHAPE_RECT;
  node.subgraph = -1;
  node.style.stroke_width = -1;
  locate (P, at, &node.line, &node.column);
  g_array_append_val (P->chart->nodes, node);
  g_hash_table_insert (P->chart->node_ids, node.id, GUINT_TO_POINTER (node.index + 1));
  return node.index;
}

/* A label of thousands of characters wraps into a node taller than any
 * screen (a 2 000-character one exported 8 640 × 11 902 pixels): the
 * label is cut, its formatting dropped, and the warning says so. */
static void
limit_label (Parser     *P,
             MpFlowNode *node)
{
  glong length = g_utf8_strlen (node->label, -1);
  MpFlowWarning warning = { 0 };
  g_autofree char *cut = NULL;

  if (length <= MP_MERMAID_MAX_LABEL_CHARS)
    return;
  cut = g_utf8_substring (node->label, 0, MP_MERMAID_MAX_LABEL_CHARS - 1);
  g_free (node->label);
  node->label = g_strconcat (cut, "…", NULL);
  g_free (node->label_markup);
  node->label_markup = g_markup_escape_text (node->label, -1);
  warning.line = node->line + P->first_line - 1;
  warning.column = node->column;
  warning.message = g_strdup_printf (_("the label of node “%s” is %ld characters long; only its first %d "
                                       "are shown: shorten it, or put the details in the article"),
                                     node->id, length, MP_MERMAID_MAX_LABEL_CHARS - 1);
  g_array_append_val (P->chart->warnings, warning);
}

static void
set_node_label (Parser      *P,
                guint        index,
                MpNodeShape  shape,
                char        *label,
                char        *markup)
{
  MpFlowNode *node = node_at (P, index);

  node->shape = shape;
  g_free (node->label);
  node->label = label;
  g_free (node->label_markup);
  node->label_markup = markup;
  limit_label (P, node);
}

/* Finds the closer of an unquoted label. Labels may continue on later lines
 * as in Mermaid. Mermaid's label text never holds a bracket, brace,
 * parenthesis, quote or (outside the slanted shapes) a pipe: *bad is set to
 * the first one, unless a new line came before it, where the label is more
 * likely never closed. */
static gboolean
find_closer (Parser         *P,
             const Bracket  *bracket,
             const char     *from,
             const char    **close,
             MpNodeShape    *shape,
             const char    **bad)
{
  const char *forbidden = bracket->close_alt != NULL ? "[](){}\"" : "[](){}|\"";
  gboolean later_line = FALSE;

  *bad = NULL;
  for (const char *q = from; q < P->end; q++)
    {
      if (starts_with (q, P->end, bracket->close))
        {
          *close = q, *shape = bracket->shape;
          return TRUE;
        }
      if (starts_with (q, P->end, bracket->close_alt))
        {
          *close = q, *shape = bracket->shape_alt;
          return TRUE;
        }
      if (*q == '\n')
        later_line = TRUE;
      else if (strchr (forbidden, *q) != NULL && *q != '\0')
        {
          /* A half closer ("((x)") reads best as a label never closed. */
          if (!later_line && *q != bracket->close[0])
            *bad = q;
          return FALSE;
        }
    }
  return FALSE;
}

static gboolean
parse_quoted_label (Parser        *P,
                    const Bracket *bracket,
                    guint          index)
{
  const char *text;
  gsize n;
  char *label, *markup;
  const char *close_at;
  MpNodeShape shape;

  if (!take_quoted (P, &text, &n))
    return FALSE;
  skip_spaces (P);
  close_at = P->p;
  if (looking_at (P, bracket->close))
    shape = bracket->shape;
  else if (bracket->close_alt != NULL && looking_at (P, bracket->close_alt))
    shape = bracket->shape_alt;
  else
    return fail (P, close_at, _("expected “%s” after the quoted label; write #quot; for a quote inside it"),
                 bracket->close);

  P->p += strlen (shape == bracket->shape ? bracket->close : bracket->close_alt);
  convert_text (text, n, TRUE, FALSE, &label, &markup);
  set_node_label (P, index, shape, label, markup);
  return TRUE;
}

/* "A[|borders:lt|text]": Mermaid's vertex properties, which we skip. */
static const char *
skip_vertex_props (Parser        *P,
                   const Bracket *bracket,
                   const char    *from)
{
  const char *close;

  if (bracket->shape != MP_NODE_SHAPE_RECT || from >= P->end || *from != '|')
    return from;
  close = find_in_line (from + 1, P->end, "|");
  if (close == NULL || memchr (from, ']', close - from) != NULL)
    return from;
  return close + 1;
}

static gboolean
parse_bracket_label (Parser *P,
                     guint   index)
{
  const char *start = P->p;

  for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
    {
      const Bracket *bracket = &brackets[i];
      const char *from, *close, *bad;
      MpNodeShape shape;
      char *label, *markup;

      if (!looking_at (P, bracket->open))
        continue;
      from = skip_vertex_props (P, bracket, start + strlen (bracket->open));
      P->p = from;
      skip_spaces (P);
      if (peek (P, 0) == '"')
        return parse_quoted_label (P, bracket, index);
      P->p = start;
      if (!find_closer (P, bracket, from, &close, &shape, &bad))
        {
          /* "[/path]" as a rectangle whose text starts with a slash. */
          if (bracket->fallback)
            {
              warn (P, start, _("Mermaid reads “%s” as the start of a slanted or ellipse shape and would refuse this label: put it in quotes, as in A[\"%s…\"]"),
                    bracket->open, bracket->open + 1);
              continue;
            }
          if (bad != NULL)
            return fail (P, bad, _("Mermaid refuses “%c” in a label without quotes: put the whole label in quotes, as in A[\"a %c b\"]"),
                         *bad, *bad);
          return fail (P, start, _("“%s” is never closed: expected “%s”"),
                       bracket->open, bracket->close);
        }
      convert_text (from, close - from, FALSE, FALSE, &label, &markup);
      set_node_label (P, index, shape, label, markup);
      P->p = close + strlen (shape == bracket->shape ? bracket->close : bracket->close_alt);
      return TRUE;
    }
  return TRUE;
}

/* A name from "@{ shape: … }": Mermaid refuses a name outside its
 * registry; we draw a rectangle (or the shape an internal spelling means)
 * and say so. */
static MpNodeShape
shape_from_name (Parser     *P,
                 const char *name,
                 const char *at,
                 MpNodeShape current)
{
  MpNodeShape shape = MP_NODE_SHAPE_RECT;

  switch (mp_flow_shape_lookup (name, &shape))
    {
    case MP_SHAPE_NAME_VALID:
      return shape;
    case MP_SHAPE_NAME_INTERNAL:
      warn (P, at, _("Mermaid refuses the shape name “%s” (shape names are lower case, without “_”): write “%s”"),
            name, mp_flow_shape_get_name (shape));
      return shape;
    case MP_SHAPE_NAME_UNKNOWN:
    default:
      warn (P, at, _("Mermaid has no shape named “%s” and would refuse the chart; it is drawn as a rectangle"), name);
      return *name == '\0' ? current : MP_NODE_SHAPE_RECT;
    }
}

/* A YAML-ish value without its quotes, if it has some. */
static char *
unquote_value (const char *value,
               gsize       n)
{
  g_autofree char *v = g_strstrip (g_strndup (value, n));

  n = strlen (v);
  if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0])
    return g_strndup (v + 1, n - 2);
  return g_steal_pointer (&v);
}

typedef struct {
  MpNodeShape  shape;
  char        *label;
  char        *markup;
  gboolean     has_picture; /* icon or img: no text unless labelled */
} ShapeData;

/* The indentation of @at's line, in bytes. */
static gsize
indent_of (Parser     *P,
           const char *at)
{
  const char *line = at;
  const char *q;

  while (line > P->src && line[-1] != '\n')
    line--;
  for (q = line; q < at && (*q == ' ' || *q == '\t'); q++)
    ;
  return q - line;
}

/* A YAML block scalar ("label: |" then lines indented under the key):
 * lines joined with "\n" ("|") or spaces (">"). P->p ends at the new line
 * before the first line that is not part of it. */
static char *
take_block_scalar (Parser   *P,
                   gsize     key_indent,
                   gboolean  folded)
{
  GString *text = g_string_new (NULL);
  const char *q = line_end (P);

  while (q < P->end)
    {
      const char *line = q + 1;
      const char *eol = memchr (line, '\n', P->end - line);
      const char *s = line;

      eol = eol != NULL ? eol : P->end;
      while (s < eol && g_ascii_isspace (*s))
        s++;
      if (s < eol && ((gsize) (s - line) <= key_indent || *s == '}'))
        break;
      if (s < eol && text->len > 0)
        g_string_append_c (text, folded ? ' ' : '\n');
      while (eol > s && g_ascii_isspace (eol[-1]))
        eol--;
      g_string_append_len (text, s, eol - s);
      q = memchr (line, '\n', P->end - line);
      q = q != NULL ? q : P->end;
    }
  P->p = q;
  return g_string_free (text, FALSE);
}

/* A value after "key:": "quoted" (over lines too), a block scalar, or plain
 * text to the next comma, new line or "}". */
static gboolean
take_data_value (Parser      *P,
                 const char  *key_at,
                 char       **value,
                 gboolean    *quoted)
{
  const char *q = P->p;
  char c = peek (P, 0);

  if (c == '"' || c == '\'')
    {
      const char *close = memchr (P->p + 1, c, P->end - P->p - 1);

      if (close == NULL)
        return fail (P, P->p, _("the quoted text is never closed: expected “%c”"), c);
      *value = g_strndup (P->p + 1, close - P->p - 1);
      *quoted = TRUE;
      P->p = close + 1;
      return TRUE;
    }
  if (c == '|' || c == '>')
    {
      const char *after = P->p + 1;

      while (after < P->end && (*after == '-' || *after == '+' || *after == ' ' || *after == '\t' || *after == '\r'))
        after++;
      if (after >= P->end || *after == '\n')
        {
          *value = take_block_scalar (P, indent_of (P, key_at), c == '>');
          return TRUE;
        }
    }
  while (q < P->end && *q != ',' && *q != '}' && *q != '\n')
    q++;
  *value = g_strstrip (g_strndup (P->p, q - P->p));
  P->p = q;
  return TRUE;
}

/* One "key: value" of an @{ … } block; shape and label are used. */
static gboolean
parse_data_item (Parser    *P,
                 ShapeData *data)
{
  const char *key_at = P->p;
  const char *q = P->p;
  const char *value_at;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  gboolean quoted = FALSE;

  while (q < P->end && *q != ':' && *q != ',' && *q != '}' && *q != '\n')
    q++;
  if (q >= P->end || *q != ':')
    return fail (P, key_at, _("expected “key: value” in the “@{ … }” block"));
  key = g_strstrip (g_strndup (key_at, q - key_at));
  P->p = q + 1;
  skip_spaces (P);
  value_at = P->p;
  if (!take_data_value (P, key_at, &value, &quoted))
    return FALSE;

  if (g_str_equal (key, "shape"))
    data->shape = shape_from_name (P, value, value_at, data->shape);
  else if (g_str_equal (key, "icon") || g_str_equal (key, "img"))
    data->has_picture |= *value != '\0';
  else if (g_str_equal (key, "label"))
    {
      g_free (data->label);
      g_free (data->markup);
      convert_text (value, strlen (value), quoted, TRUE, &data->label, &data->markup);
    }
  return TRUE;
}

/* "@{ shape: x, label: "…" }", items split at commas and new lines. */
static gboolean
parse_shape_data (Parser *P,
                  guint   index)
{
  const char *open = P->p;
  ShapeData data = { node_at (P, index)->shape, NULL, NULL, FALSE };
  gboolean ok = TRUE;

  P->p += 2;
  for (;;)
    {
      while (P->p < P->end && (g_ascii_isspace (*P->p) || *P->p == ','))
        P->p++;
      if (P->p >= P->end)
        {
          ok = fail (P, open, _("“@{” is never closed: expected “}”"));
          break;
        }
      if (*P->p == '}')
        {
          P->p++;
          break;
        }
      if (!parse_data_item (P, &data))
        {
          ok = FALSE;
          break;
        }
    }

  /* As in Mermaid, a picture without a label of its own shows no text. */
  if (ok && data.label == NULL && data.has_picture &&
      g_str_equal (node_at (P, index)->label, node_at (P, index)->id))
    {
      data.label = g_strdup ("");
      data.markup = g_strdup ("");
    }
  if (ok && data.label != NULL)
    set_node_label (P, index, data.shape, g_steal_pointer (&data.label), g_steal_pointer (&data.markup));
  else if (ok)
    node_at (P, index)->shape = data.shape;
  g_free (data.label);
  g_free (data.markup);
  return ok;
}

static void
add_class_use (Parser     *P,
               const char *id,
               const char *name)
{
  g_ptr_array_add (P->class_uses, g_strdup (id));
  g_ptr_array_add (P->class_uses, g_strdup (name));
}

static gboolean
subgraph_is_inside (Parser *P,
                    int     inner,
                    int     outer)
{
  if (inner == outer)
    return FALSE;
  while (inner >= 0)
    {
      if (inner == outer)
        return TRUE;
      inner = g_array_index (P->chart->subgraphs, MpFlowSubgraph, inner).parent;
    }
  return FALSE;
}

static void
claim_for_subgraph (Parser *P,
                    guint   index)
{
  MpFlowNode *node = node_at (P, index);

  int innermost;

  if (P->open->len == 0)
    return;
  /* As in Mermaid, where inner subgraphs close, and so claim, first. */
  innermost = g_array_index (P->open, OpenSubgraph, P->open->len - 1).index;
  if (node->subgraph < 0 || subgraph_is_inside (P, innermost, node->subgraph))
    node->subgraph = innermost;
}

/* id, then an optional shape, then optional ":::class" */
static gboolean
parse_node (Parser *P,
            GArray *group)
{
  const char *at = P->p;
  const char *keyword;
  gsize n = scan_id_checked (P, P->p, &keyword);
  guint index;

  if (keyword != NULL)
    return fail (P, keyword, _("Mermaid reads “%.*s” here as a keyword, not as part of a node id: rename the node (for example “%.*s_node”)"),
                 (int) match_id_keyword (P, keyword), keyword, (int) match_id_keyword (P, keyword), keyword);
  if (n == 0)
    return fail (P, at, _("expected a node id"));
  index = intern_node (P, at, n, at);
  P->p += n;
  claim_for_subgraph (P, index);

  /* "A@{ … }", "A[text]", or both: "A[text]@{ shape: … }" */
  if (!looking_at (P, "@{") && !parse_bracket_label (P, index))
    return FALSE;
  if (looking_at (P, "@{") && !parse_shape_data (P, index))
    return FALSE;

  while (looking_at (P, ":::"))
    {
      g_autofree char *name = NULL;

      P->p += 3;
      name = take_name (P);
      if (*name == '\0')
        return fail (P, P->p, _("expected a class name after “:::”"));
      add_class_use (P, node_at (P, index)->id, name);
    }
  g_array_append_val (group, index);
  return TRUE;
}

static gboolean
parse_group (Parser *P,
             GArray *group)
{
  g_array_set_size (group, 0);
  if (!parse_node (P, group))
    return FALSE;
  for (;;)
    {
      skip_spaces (P);
      if (peek (P, 0) != '&')
        return TRUE;
      P->p++;
      skip_spaces (P);
      if (!parse_node (P, group))
        return FALSE;
    }
}

/* ---- links --------------------------------------------------------------- */

static MpEdgeEnd
end_from_char (char c)
{
  switch (c)
    {
    case '>': case '<': return MP_EDGE_END_ARROW;
    case 'o': return MP_EDGE_END_CIRCLE;
    case 'x': return MP_EDGE_END_CROSS;
    default: return MP_EDGE_END_NONE;
    }
}

static gsize
count_run (const char *p,
           const char *end,
           char        c)
{
  const char *q = p;

  while (q < end && *q == c)
    q++;
  return q - p;
}

/* The end of an arrow at @p made of @c ("-->", "---", "==o" …); returns its
 * byte length or 0, and fills *length and *end as Mermaid counts them. */
static gsize
match_arrow_tail (const char *p,
                  const char *stop,
                  char        c,
                  guint      *length,
                  MpEdgeEnd  *end)
{
  gsize n = count_run (p, stop, c);

  if (n < 2)
    return 0;
  if (p + n < stop && (p[n] == '>' || p[n] == 'o' || p[n] == 'x'))
    {
      *length = n - 1;
      *end = end_from_char (p[n]);
      return n + 1;
    }
  if (n >= 3)
    {
      *length = n - 2;
      *end = MP_EDGE_END_NONE;
      return n;
    }
  return 0;
}

/* Dotted tails: "-.->", "-..-", and in "-. text .->" the ".->" part. */
static gsize
match_dotted_tail (const char *p,
                   const char *stop,
                   guint      *length,
                   MpEdgeEnd  *end)
{
  gsize dots = count_run (p, stop, '.');

  if (dots == 0 || p + dots >= stop || p[dots] != '-')
    return 0;
  *length = dots;
  if (p + dots + 1 < stop && (p[dots + 1] == '>' || p[dots + 1] == 'o' || p[dots + 1] == 'x'))
    {
      *end = end_from_char (p[dots + 1]);
      return dots + 2;
    }
  *end = MP_EDGE_END_NONE;
  return dots + 1;
}

static gboolean
set_link_text (Parser     *P,
               Link       *link,
               const char *text,
               gsize       n)
{
  gboolean quoted;

  while (n > 0 && g_ascii_isspace (*text))
    text++, n--;
  while (n > 0 && g_ascii_isspace (text[n - 1]))
    n--;
  quoted = n >= 2 && text[0] == '"' && text[n - 1] == '"';
  if (quoted)
    text++, n -= 2;
  if (n == 0)
    return TRUE;
  convert_text (text, n, quoted, FALSE, &link->label, &link->label_markup);
  return TRUE;
}

/* As Mermaid counts a closed arrow: a start head that is not the end
 * head's twin ("x-->", "<---") is no head but one more unit of length. */
static void
match_heads (Link *link)
{
  if (link->start_end != MP_EDGE_END_NONE && link->start_end != link->end_end)
    {
      link->start_end = MP_EDGE_END_NONE;
      if (link->stroke != MP_EDGE_STROKE_DOTTED)
        link->length++;
    }
  link->length = MIN (link->length, 10);
}

/* "-- text -->", "-. text .->", "== text ==>": find the closing arrow. */
static gboolean
parse_link_text (Parser     *P,
                 Link       *link,
                 char        c,
                 const char *opener)
{
  const char *stop = line_end (P);
  const char *text = P->p;

  for (const char *q = P->p; q < stop; q++)
    {
      gsize used = 0;

      if (*q == '"')
        {
          const char *close = memchr (q + 1, '"', stop - q - 1);

          if (close == NULL)
            break;
          q = close;
          continue;
        }
      if (c == '.' && *q == '.')
        used = match_dotted_tail (q, stop, &link->length, &link->end_end);
      else if (c != '.' && *q == c)
        used = match_arrow_tail (q, stop, c, &link->length, &link->end_end);
      if (used > 0 && q > text)
        {
          P->p = q + used;
          match_heads (link);
          return set_link_text (P, link, text, q - text);
        }
    }
  return fail (P, opener, _("the link text is never closed: expected an arrow such as “%s”"),
               c == '.' ? ".->" : c == '=' ? "==>" : "-->");
}

/* Unquoted "|text|" holds no bracket, brace, parenthesis or quote in Mermaid. */
static gboolean
check_pipe_text (Parser     *P,
                 const char *from,
                 const char *to)
{
  const char *a = from, *b = to;

  while (a < b && g_ascii_isspace (*a))
    a++;
  while (b > a && g_ascii_isspace (b[-1]))
    b--;
  if (b - a >= 2 && *a == '"' && b[-1] == '"')
    return TRUE;
  for (const char *q = from; q < to; q++)
    if (strchr ("[](){}\"", *q) != NULL)
      return fail (P, q, _("Mermaid refuses “%c” in a link label without quotes: put the whole label in quotes, as in |\"a %c b\"|"),
                   *q, *q);
  return TRUE;
}

static gboolean
parse_pipe_label (Parser *P,
                  Link   *link)
{
  const char *open = P->p;
  const char *stop = line_end (P);
  const char *q = P->p + 1;

  while (q < stop && g_ascii_isspace (*q))
    q++;
  /* A quoted label may hold "|" and go on over several lines. */
  if (q < stop && *q == '"')
    {
      const char *close = memchr (q + 1, '"', P->end - q - 1);

      if (close != NULL)
        {
          const char *eol = memchr (close, '\n', P->end - close);

          q = close;
          stop = eol != NULL ? eol : P->end;
        }
    }
  q = memchr (q, '|', stop - q);
  if (q == NULL)
    return fail (P, open, _("the link label is never closed: expected “|”"));
  if (!check_pipe_text (P, open + 1, q))
    return FALSE;
  P->p = q + 1;
  return set_link_text (P, link, open + 1, q - open - 1);
}

static gboolean
is_arrow_start (char c)
{
  return c == '-' || c == '=' || c == '~' || c == '.';
}

/* "e1@" before an arrow, the arrow's position, and a start marker (<, o, x). */
static void
parse_link_head (Parser *P,
                 Link   *link)
{
  gsize n = 0;
  char c, c2;

  /* Stops at an arrow's first character too, so a long chain costs no rescans. */
  while (P->p + n < P->end && !g_ascii_isspace (P->p[n]) && strchr ("\"@-=~<|.", P->p[n]) == NULL)
    n++;
  c = peek (P, n + 1);
  c2 = peek (P, n + 2);
  if (n > 0 && peek (P, n) == '@' &&
      (is_arrow_start (c) || c == '<' || ((c == 'o' || c == 'x') && (c2 == '-' || c2 == '=' || c2 == '.'))))
    {
      link->id = g_strndup (P->p, n);
      P->p += n + 1;
    }
  link->at = P->p;
  locate (P, link->at, &link->line, &link->column);
  link->length = 1;

  c = peek (P, 0);
  if ((c == '<' || c == 'o' || c == 'x') && (peek (P, 1) == '-' || peek (P, 1) == '=' || peek (P, 1) == '.'))
    {
      link->start_end = end_from_char (c);
      P->p++;
    }
}

/* Blanks, new lines and whole comment lines: what Mermaid's link rules take
 * around an arrow ("A -->" then "B" on the next line is one edge). */
static void
skip_blank_lines (Parser *P)
{
  for (;;)
    {
      while (P->p < P->end && g_ascii_isspace (*P->p))
        P->p++;
      if (!looking_at (P, "%%") || looking_at (P, "%%{") || !starts_line (P, P->p))
        return;
      P->p = line_end (P);
    }
}

/* One of -->, ---, -.->, ==>, ~~~, <-->, o--o, x--x …, optionally with an
 * "id@" before it and a "|label|" or inline text. */
static gboolean
parse_link (Parser *P,
            Link   *link)
{
  const char *stop = line_end (P);
  const char *after;
  gsize used = 0;
  gsize run;
  char c;

  parse_link_head (P, link);
  c = peek (P, 0);
  run = count_run (P->p, stop, c);
  if (c == '~' && run >= 3)
    {
      link->stroke = MP_EDGE_STROKE_INVISIBLE;
      link->length = run - 2;
      used = run;
    }
  else if (c == '.' || (c == '-' && run == 1 && peek (P, 1) == '.'))
    {
      /* "-.->", "-. text .->", and ".->" without its leading dash */
      gsize dash = c == '-' ? 1 : 0;

      link->stroke = MP_EDGE_STROKE_DOTTED;
      used = match_dotted_tail (P->p + dash, stop, &link->length, &link->end_end);
      if (used == 0 && dash == 1)
        {
          P->p += 1 + count_run (P->p + 1, stop, '.');
          return parse_link_text (P, link, '.', link->at);
        }
      used += used > 0 ? dash : 0;
    }
  else if ((c == '-' || c == '=') && run >= 2)
    {
      link->stroke = c == '=' ? MP_EDGE_STROKE_THICK : MP_EDGE_STROKE_NORMAL;
      used = match_arrow_tail (P->p, stop, c, &link->length, &link->end_end);
      if (used == 0)
        {
          P->p += run;
          return parse_link_text (P, link, c, link->at);
        }
    }
  if (used == 0)
    return fail (P, link->at, _("expected an arrow such as “-->”, “---”, “-.->”, “==>” or “~~~”"));

  P->p += used;
  match_heads (link);
  after = P->p;
  skip_blank_lines (P);
  if (peek (P, 0) == '|')
    return parse_pipe_label (P, link);
  P->p = after;
  return TRUE;
}

static void
link_clear (Link *link)
{
  g_clear_pointer (&link->id, g_free);
  g_clear_pointer (&link->label, g_free);
  g_clear_pointer (&link->label_markup, g_free);
}

/* Mermaid names an edge without an id of its own "L_FROM_TO_N", N being 0
 * for the first edge between the two and then the count so far plus one;
 * "L_A_B_0@{ … }" addresses it. */
static void
add_automatic_edge_id (Parser           *P,
                       const MpFlowEdge *edge)
{
  const char *from = node_at (P, edge->from.index)->id;
  const char *to = node_at (P, edge->to.index)->id;
  char *pair = g_strconcat (from, "\x1f", to, NULL);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (P->edge_pairs, pair));
  char *id = g_strdup_printf ("L_%s_%s_%u", from, to, count == 0 ? 0 : count + 1);

  g_hash_table_insert (P->edge_pairs, pair, GUINT_TO_POINTER (count + 1));
  if (!g_hash_table_contains (P->edge_ids, id))
    g_hash_table_insert (P->edge_ids, id, GUINT_TO_POINTER (edge->index + 1));
  else
    g_free (id);
}

static gboolean
add_edges (Parser *P,
           GArray *from,
           GArray *to,
           Link   *link)
{
  /* "A & B & … --> C & D & …" multiplies: keep a hostile chart bounded. */
  if ((guint64) from->len * to->len > MAX_EDGES - P->chart->edges->len)
    return fail (P, link->at, _("too many links: a chart may have at most %d"), MAX_EDGES);
  for (guint i = 0; i < from->len; i++)
    for (guint j = 0; j < to->len; j++)
      {
        MpFlowEdge edge = { 0 };

        edge.index = P->chart->edges->len;
        edge.from.index = g_array_index (from, guint, i);
        edge.to.index = g_array_index (to, guint, j);
        if (link->id != NULL && !g_hash_table_contains (P->edge_ids, link->id))
          {
            edge.id = g_strdup (link->id);
            g_hash_table_insert (P->edge_ids, g_strdup (link->id), GUINT_TO_POINTER (edge.index + 1));
          }
        else
          add_automatic_edge_id (P, &edge);
        edge.label = g_strdup (link->label);
        edge.label_markup = g_strdup (link->label_markup);
        edge.stroke = link->stroke;
        edge.start_end = link->start_end;
        edge.end_end = link->end_end;
        edge.length = MAX (link->length, 1);
        edge.style.stroke_width = -1;
        edge.line = link->line;
        edge.column = link->column;
        g_array_append_val (P->chart->edges, edge);
      }
  return TRUE;
}

/* Mermaid's link rules begin by taking blanks and new lines, so a line that
 * starts with an arrow continues from the node that ended the line before. */
static gboolean
continues_on_next_line (Parser *P)
{
  const char *was = P->p;

  if (peek (P, 0) != '\n')
    return FALSE;
  skip_blank_lines (P);
  if (P->p < P->end && link_starts_at (P, P->p))
    return TRUE;
  P->p = was;
  return FALSE;
}

/* A node group, then any number of (link, node group): iterative, so a chain
 * of any length costs no stack. */
static gboolean
parse_vertex_statement (Parser *P)
{
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!parse_group (P, left))
    return FALSE;
  for (;;)
    {
      Link link = { 0 };
      const char *after;
      GArray *swap;

      skip_spaces (P);
      if (!continues_on_next_line (P) && at_statement_end (P))
        return TRUE;
      if (strchr (")]}", peek (P, 0)) != NULL && peek (P, 0) != '\0')
        return fail (P, P->p, _("unexpected “%c” after a node's label: put a label with brackets in quotes, as in A[\"f(x)\"]"),
                     peek (P, 0));
      if (!parse_link (P, &link))
        {
          link_clear (&link);
          return FALSE;
        }
      skip_spaces (P);
      after = P->p;
      skip_blank_lines (P);
      if (at_statement_end (P))
        {
          link_clear (&link);
          return fail (P, after, _("expected a node after the arrow"));
        }
      if (!parse_group (P, right))
        {
          link_clear (&link);
          return FALSE;
        }
      if (!add_edges (P, left, right, &link))
        {
          link_clear (&link);
          return FALSE;
        }
      link_clear (&link);
      swap = left, left = right, right = swap;
    }
}

/* ---- styles -------------------------------------------------------------- */

static void
add_prop (GPtrArray  *props,
          const char *item,
          const char *colon,
          const char *end)
{
  MpStyleProp *prop = g_new0 (MpStyleProp, 1);
  g_autofree char *key = g_strndup (item, colon - item);

  prop->key = g_ascii_strdown (g_strstrip (key), -1);
  prop->value = g_strstrip (g_strndup (colon + 1, end - colon - 1));
  g_ptr_array_add (props, prop);
}

/* "stroke-dasharray: 5,5": a part without a colon continues the last value. */
static void
append_to_last_prop (GPtrArray  *props,
                     const char *part,
                     const char *end)
{
  MpStyleProp *last = g_ptr_array_index (props, props->len - 1);
  g_autofree char *text = g_strstrip (g_strndup (part, end - part));
  char *value = g_strconcat (last->value, ",", text, NULL);

  g_free (last->value);
  last->value = value;
}

/* Mermaid turns "#word;" into a character entity before it parses: a
 * colour such as "#fff;" then swallows the ";", and the statement after it
 * on the same line becomes part of this style (or a parse error). */
static void
check_entity_semicolon (Parser     *P,
                        const char *semicolon)
{
  const char *w = semicolon;
  const char *rest = semicolon + 1;

  while (w > P->src && (g_ascii_isalnum (w[-1]) || w[-1] == '_'))
    w--;
  if (w == semicolon || w == P->src || w[-1] != '#')
    return;
  while (rest < P->end && (*rest == ' ' || *rest == '\t' || *rest == '\r'))
    rest++;
  if (rest >= P->end || *rest == '\n')
    return;
  warn (P, w - 1, _("Mermaid reads “%.*s” as a character entity, so its “;” does not end the statement: Mermaid joins the rest of the line to this style or refuses it; start the next statement on a new line"),
        (int) (semicolon - w + 2), w - 1);
}

/* "fill:#f9f,stroke:#333,stroke-width:4px" to the end of the statement;
 * commas inside parentheses (rgb(…)) do not split. */
static GPtrArray *
parse_style_list (Parser *P)
{
  g_autoptr(GPtrArray) props = mp_style_props_new ();
  const char *item = P->p;
  int depth = 0;

  if (at_statement_end (P))
    {
      fail (P, P->p, _("expected styles such as “fill:#f9f,stroke:#333”"));
      return NULL;
    }
  for (const char *q = P->p;; q++)
    {
      gboolean done = q >= P->end || *q == '\n' || *q == ';';

      if (q < P->end && *q == ';')
        check_entity_semicolon (P, q);
      if (!done && *q == '(')
        depth++;
      else if (!done && *q == ')' && depth > 0)
        depth--;
      else if (done || (*q == ',' && depth == 0))
        {
          const char *colon = memchr (item, ':', q - item);
          const char *s = item;

          while (s < q && g_ascii_isspace (*s))
            s++;
          /* Mermaid takes any text here; a part without a colon
           * continues the last value ("stroke-dasharray: 5,5"). */
          if (colon == NULL && props->len > 0)
            append_to_last_prop (props, s, q);
          else if (colon != NULL && colon > s)
            add_prop (props, s, colon, q);
          item = q + 1;
          if (done)
            {
              P->p = q;
              return g_steal_pointer (&props);
            }
        }
    }
}

static gboolean
expect_space (Parser     *P,
              const char *what)
{
  if (peek (P, 0) != ' ' && peek (P, 0) != '\t')
    return fail (P, P->p, _("expected a space after %s"), what);
  skip_spaces (P);
  return TRUE;
}

static MpStyleRule *
new_rule (const char *target,
          int         edge,
          GPtrArray  *props)
{
  MpStyleRule *rule = g_new0 (MpStyleRule, 1);

  rule->target = g_strdup (target);
  rule->edge = edge;
  rule->props = g_ptr_array_ref (props);
  return rule;
}

/* Mermaid's ids may hold commas, which "class A,B name" splits at. */
static void
add_split_ids (GPtrArray  *names,
               const char *text,
               gsize       n)
{
  g_autofree char *all = g_strndup (text, n);
  g_auto(GStrv) parts = g_strsplit (all, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (names, g_strdup (parts[i]));
}

/* A comma-separated list of names (ids or classes), never empty on success. */
static GPtrArray *
parse_name_list (Parser     *P,
                 gboolean    ids,
                 const char *what)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      gsize n = ids ? scan_id (P, P->p) : scan_name (P);

      if (n == 0)
        {
          fail (P, P->p, _("expected %s"), what);
          return NULL;
        }
      if (ids)
        add_split_ids (names, P->p, n);
      else
        g_ptr_array_add (names, g_strndup (P->p, n));
      P->p += n;
      if (peek (P, 0) != ',')
        return g_steal_pointer (&names);
      P->p++;
      skip_spaces (P);
    }
}

static gboolean
parse_class_def (Parser *P)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) props = NULL;

  P->p += strlen ("classDef");
  skip_spaces (P);
  names = parse_name_list (P, FALSE, _("a class name after “classDef”"));
  if (names == NULL || (!at_statement_end (P) && !expect_space (P, _("the class name"))))
    return FALSE;
  props = parse_style_list (P);
  if (props == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (P->class_defs, new_rule (g_ptr_array_index (names, i), -1, props));
  return TRUE;
}

static gboolean
parse_class (Parser *P)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) classes = NULL;

  P->p += strlen ("class");
  skip_spaces (P);
  ids = parse_name_list (P, TRUE, _("a node id after “class”"));
  if (ids == NULL)
    return FALSE;
  if (!expect_space (P, _("the node ids")))
    return FALSE;
  classes = parse_name_list (P, FALSE, _("a class name after the node ids"));
  if (classes == NULL)
    return FALSE;
  /* Ids times classes multiplies like "&" does. */
  if ((guint64) ids->len * classes->len > MAX_EDGES - P->class_uses->len / 2)
    return fail (P, P->p, _("too many class assignments: a chart may have at most %d"), MAX_EDGES);
  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < classes->len; j++)
      add_class_use (P, g_ptr_array_index (ids, i), g_ptr_array_index (classes, j));
  return TRUE;
}

static gboolean
parse_style (Parser *P)
{
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) props = NULL;
  gsize n;

  P->p += strlen ("style");
  skip_spaces (P);
  n = scan_id (P, P->p);
  if (n == 0)
    return fail (P, P->p, _("expected a node id after “style”"));
  id = g_strndup (P->p, n);
  /* Mermaid's "style" declares the node it names, unless it is a subgraph. */
  if (mp_flowchart_find_subgraph (P->chart, id) < 0)
    intern_node (P, P->p, n, P->p);
  P->p += n;
  if (!expect_space (P, _("the node id")))
    return FALSE;
  props = parse_style_list (P);
  if (props == NULL)
    return FALSE;
  g_ptr_array_add (P->styles, new_rule (id, -1, props));
  return TRUE;
}

static gboolean
parse_link_indices (Parser *P,
                    GArray *indices)
{
  for (;;)
    {
      const char *at = P->p;
      gsize n = 0;
      guint64 value = 0;
      int index;

      /* By hand: the source need not end with a NUL. */
      while (g_ascii_isdigit (peek (P, n)))
        value = n < 10 ? value * 10 + (peek (P, n) - '0') : value, n++;
      if (n == 0)
        return fail (P, at, _("expected a link number or “default” after “linkStyle”"));
      if (n > 9 || value >= P->chart->edges->len)
        return fail (P, at, ngettext ("there is no link number %.*s: the chart has %u link so far, numbered from 0",
                                      "there is no link number %.*s: the chart has %u links so far, numbered from 0",
                                      P->chart->edges->len),
                     (int) n, at, P->chart->edges->len);
      index = value;
      g_array_append_val (indices, index);
      P->p += n;
      if (peek (P, 0) != ',')
        return TRUE;
      P->p++;
    }
}

static gboolean
parse_link_style (Parser *P)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) props = NULL;

  P->p += strlen ("linkStyle");
  skip_spaces (P);
  if (looking_at (P, "default"))
    {
      int all = -1;

      P->p += strlen ("default");
      g_array_append_val (indices, all);
    }
  else if (!parse_link_indices (P, indices))
    return FALSE;
  if (!expect_space (P, _("the link numbers")))
    return FALSE;
  if (looking_at (P, "interpolate"))
    {
      P->p += strlen ("interpolate");
      skip_spaces (P);
      P->p += scan_word (P);
      skip_spaces (P);
      if (at_statement_end (P))
        return TRUE;
    }
  props = parse_style_list (P);
  if (props == NULL)
    return FALSE;
  for (guint i = 0; i < indices->len; i++)
    g_ptr_array_add (P->link_styles, new_rule (NULL, g_array_index (indices, int, i), props));
  return TRUE;
}

/* ---- click, accessibility ------------------------------------------------ */

static void
click_free (Click *click)
{
  g_free (click->id);
  g_free (click->link);
  g_free (click->tooltip);
  g_free (click);
}

static gboolean
take_string (Parser  *P,
             char   **out)
{
  const char *text;
  gsize n;
  g_autofree char *markup = NULL;

  if (!take_quoted (P, &text, &n))
    return FALSE;
  mp_mermaid_label_convert (text, n, FALSE, out, &markup);
  return TRUE;
}

/* "callback", "call callback(args)": names a script function, which we never run. */
static gboolean
skip_callback (Parser *P)
{
  gsize n = scan_word (P);

  if (n == 4 && looking_at (P, "call") && (peek (P, 4) == ' ' || peek (P, 4) == '\t'))
    {
      P->p += 4;
      skip_spaces (P);
      n = scan_word (P);
    }
  if (n == 0)
    return fail (P, P->p, _("expected a URL in quotes or a callback name"));
  P->p += n;
  if (peek (P, 0) == '(')
    {
      const char *close = memchr (P->p, ')', line_end (P) - P->p);

      if (close == NULL)
        return fail (P, P->p, _("expected “)” after the callback arguments"));
      P->p = close + 1;
    }
  return TRUE;
}

static gboolean
parse_click_target (Parser *P,
                    Click  *click)
{
  gsize n = scan_word (P);

  if (n == 4 && looking_at (P, "href"))
    {
      P->p += 4;
      skip_spaces (P);
      if (peek (P, 0) != '"')
        return fail (P, P->p, _("expected a URL in quotes after “href”"));
    }
  if (peek (P, 0) == '"')
    return take_string (P, &click->link);
  return skip_callback (P);
}

static gboolean
parse_click (Parser *P)
{
  Click *click = g_new0 (Click, 1);
  gsize n;

  g_ptr_array_add (P->clicks, click);
  P->p += strlen ("click");
  skip_spaces (P);
  n = scan_id (P, P->p);
  if (n == 0)
    return fail (P, P->p, _("expected a node id after “click”"));
  click->id = g_strndup (P->p, n);
  P->p += n;
  if (!expect_space (P, _("the node id")) || !parse_click_target (P, click))
    return FALSE;
  skip_spaces (P);
  if (peek (P, 0) == '"' && !take_string (P, &click->tooltip))
    return FALSE;
  skip_spaces (P);
  if (looking_at (P, "_blank") || looking_at (P, "_self") || looking_at (P, "_parent") ||
      looking_at (P, "_top"))
    P->p += scan_word (P);
  /* Mermaid's strict security level never follows script URLs; neither do we. */
  if (click->link != NULL && g_ascii_strncasecmp (g_strstrip (click->link), "javascript:", 11) == 0)
    g_clear_pointer (&click->link, g_free);
  return TRUE;
}

static char *
take_rest_of_line (Parser *P)
{
  const char *stop = line_end (P);
  char *text = g_strstrip (g_strndup (P->p, stop - P->p));

  P->p = stop;
  return text;
}

/* accDescr { … }: lines trimmed, joined with "\n". */
static gboolean
parse_acc_block (Parser *P)
{
  const char *open = P->p;
  const char *close = memchr (P->p, '}', P->end - P->p);
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (close == NULL)
    return fail (P, open, _("“accDescr {” is never closed: expected “}”"));
  body = g_strndup (open + 1, close - open - 1);
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }
  g_free (P->chart->acc_description);
  P->chart->acc_description = g_string_free (g_steal_pointer (&text), FALSE);
  P->p = close + 1;
  return TRUE;
}

static gboolean
parse_acc (Parser     *P,
           const char *keyword)
{
  gboolean title = g_str_equal (keyword, "accTitle");

  P->p += strlen (keyword);
  skip_spaces (P);
  if (!title && peek (P, 0) == '{')
    return parse_acc_block (P);
  if (peek (P, 0) != ':')
    return fail (P, P->p, title ? _("expected “:” after “accTitle”")
                                : _("expected “:” or “{” after “accDescr”"));
  P->p++;
  if (title)
    {
      g_free (P->chart->acc_title);
      P->chart->acc_title = take_rest_of_line (P);
    }
  else
    {
      g_free (P->chart->acc_description);
      P->chart->acc_description = take_rest_of_line (P);
    }
  return TRUE;
}

/* ---- direction, subgraphs ------------------------------------------------ */

static gboolean
take_direction (Parser          *P,
                MpFlowDirection *direction)
{
  static const struct {
    const char      *word;
    MpFlowDirection  direction;
  } words[] = {
    { "TB", MP_FLOW_DIRECTION_TB }, { "TD", MP_FLOW_DIRECTION_TB },
    { "BT", MP_FLOW_DIRECTION_BT }, { "LR", MP_FLOW_DIRECTION_LR },
    { "RL", MP_FLOW_DIRECTION_RL }, { "v", MP_FLOW_DIRECTION_TB },
    { "^", MP_FLOW_DIRECTION_BT }, { ">", MP_FLOW_DIRECTION_LR },
    { "<", MP_FLOW_DIRECTION_RL },
  };
  gsize n = scan_word (P);

  if (n == 0 && P->p < P->end && strchr ("^<>", *P->p) != NULL && *P->p != '\0')
    n = 1;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (n == strlen (words[i].word) && memcmp (P->p, words[i].word, n) == 0)
      {
        *direction = words[i].direction;
        P->p += n;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_direction (Parser *P)
{
  MpFlowDirection direction;

  P->p += strlen ("direction");
  skip_spaces (P);
  if (!take_direction (P, &direction))
    return fail (P, P->p, _("expected TB, TD, BT, LR or RL after “direction”"));
  if (P->open->len > 0)
    {
      int index = g_array_index (P->open, OpenSubgraph, P->open->len - 1).index;
      MpFlowSubgraph *subgraph = &g_array_index (P->chart->subgraphs, MpFlowSubgraph, index);

      subgraph->has_direction = TRUE;
      subgraph->direction = direction;
    }
  else
    P->chart->direction = direction;
  return TRUE;
}

/* "[title]" or "["title"]" after a subgraph id. */
static gboolean
parse_subgraph_title (Parser  *P,
                      char   **title,
                      char   **markup)
{
  const char *open = P->p;
  const char *text;
  gsize n;

  P->p++;
  skip_spaces (P);
  if (peek (P, 0) == '"')
    {
      if (!take_quoted (P, &text, &n))
        return FALSE;
      skip_spaces (P);
      if (peek (P, 0) != ']')
        return fail (P, P->p, _("expected “]” after the quoted title"));
      convert_text (text, n, TRUE, FALSE, title, markup);
    }
  else
    {
      const char *close = find_in_line (P->p, line_end (P), "]");

      if (close == NULL)
        return fail (P, open, _("“[” is never closed: expected “]”"));
      convert_text (P->p, close - P->p, FALSE, FALSE, title, markup);
      P->p = close;
    }
  P->p++;
  return TRUE;
}

static char *
take_statement_text (Parser *P)
{
  const char *start = P->p;
  const char *q = P->p;

  while (q < P->end && *q != '\n' && *q != ';' &&
         !(*q == '%' && q + 1 < P->end && q[1] == '%'))
    q++;
  P->p = q;
  return g_strstrip (g_strndup (start, q - start));
}

/* After "subgraph": id, id [title], id["title"], "title", or words. */
static gboolean
parse_subgraph_head (Parser  *P,
                     char   **id,
                     char   **title,
                     char   **markup)
{
  g_autofree char *words = NULL;
  const char *start = P->p;
  const char *text;
  gsize n = scan_id (P, P->p);

  if (peek (P, 0) == '"')
    {
      if (!take_quoted (P, &text, &n))
        return FALSE;
      convert_text (text, n, TRUE, FALSE, title, markup);
      if (strpbrk (*title, " \t\n") == NULL && **title != '\0')
        *id = g_strdup (*title);
      return TRUE;
    }
  if (n == 0 && at_statement_end (P))
    {
      *title = g_strdup ("");
      *markup = g_strdup ("");
      return TRUE;
    }
  if (n == 0)
    return fail (P, P->p, _("expected a subgraph id or title after “subgraph”"));

  P->p += n;
  skip_spaces (P);
  if (peek (P, 0) == '[')
    {
      *id = g_strndup (start, n);
      return parse_subgraph_title (P, title, markup);
    }
  if (at_statement_end (P))
    {
      *id = g_strndup (start, n);
      convert_text (start, n, FALSE, FALSE, title, markup);
      return TRUE;
    }
  /* "subgraph title with spaces": the id is generated. */
  P->p = start;
  words = take_statement_text (P);
  convert_text (words, strlen (words), FALSE, FALSE, title, markup);
  return TRUE;
}

static gboolean
parse_subgraph (Parser *P)
{
  const char *at = P->p;
  MpFlowSubgraph subgraph = { 0 };
  OpenSubgraph open;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;

  if (P->open->len >= MAX_SUBGRAPH_DEPTH)
    return fail (P, at, _("subgraphs are nested more than %d deep"), MAX_SUBGRAPH_DEPTH);
  P->p += strlen ("subgraph");
  skip_spaces (P);
  if (!parse_subgraph_head (P, &id, &title, &markup))
    return FALSE;
  if (id == NULL)
    id = g_strdup_printf ("subGraph%u", P->n_auto_subgraphs++);

  subgraph.index = P->chart->subgraphs->len;
  subgraph.id = g_steal_pointer (&id);
  subgraph.title = g_steal_pointer (&title);
  subgraph.title_markup = g_steal_pointer (&markup);
  subgraph.parent = P->open->len > 0 ? g_array_index (P->open, OpenSubgraph, P->open->len - 1).index : -1;
  subgraph.nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  subgraph.style.stroke_width = -1;
  g_array_append_val (P->chart->subgraphs, subgraph);
  if (!g_hash_table_contains (P->chart->subgraph_ids, subgraph.id))
    g_hash_table_insert (P->chart->subgraph_ids, subgraph.id, GUINT_TO_POINTER (subgraph.index + 1));

  open.index = subgraph.index;
  open.at = at;
  g_array_append_val (P->open, open);
  return TRUE;
}

static gboolean
parse_end (Parser *P)
{
  if (P->open->len == 0)
    return fail (P, P->p, _("“end” without a subgraph to close"));
  g_array_set_size (P->open, P->open->len - 1);
  P->p += 3;
  return TRUE;
}

/* ---- statements ---------------------------------------------------------- */

/* "e1@{ animate: true }" after an edge with id e1: accepted, ignored. */
static gboolean
skip_edge_data (Parser *P,
                gsize   n)
{
  const char *open = P->p + n + 1;
  const char *close = memchr (open, '}', P->end - open);

  if (close == NULL)
    return fail (P, open, _("“@{” is never closed: expected “}”"));
  P->p = close + 1;
  return TRUE;
}

static gboolean
parse_statement (Parser *P)
{
  gsize n = scan_word (P);
  gsize id_len;

  if (is_keyword (P, "subgraph", n))
    return parse_subgraph (P);
  if (is_keyword (P, "end", n))
    return parse_end (P);
  if (is_keyword (P, "direction", n))
    return parse_direction (P);
  if (is_keyword (P, "classDef", n))
    return parse_class_def (P);
  if (is_keyword (P, "class", n))
    return parse_class (P);
  if (is_keyword (P, "style", n))
    return parse_style (P);
  if (is_keyword (P, "linkStyle", n))
    return parse_link_style (P);
  if (is_keyword (P, "click", n))
    return parse_click (P);
  if (is_keyword (P, "accTitle", n))
    return parse_acc (P, "accTitle");
  if (is_keyword (P, "accDescr", n))
    return parse_acc (P, "accDescr");

  id_len = scan_id (P, P->p);
  if (id_len > 0 && peek (P, id_len) == '@' && peek (P, id_len + 1) == '{')
    {
      g_autofree char *id = g_strndup (P->p, id_len);

      if (g_hash_table_contains (P->edge_ids, id) &&
          !g_hash_table_contains (P->chart->node_ids, id))
        return skip_edge_data (P, id_len);
    }
  if (id_len == 0 && match_id_keyword (P, P->p) > 0)
    return parse_vertex_statement (P);  /* which names the keyword */
  if (id_len == 0)
    return fail (P, P->p, _("expected a node id or a statement"));
  return parse_vertex_statement (P);
}

static gboolean
parse_statements (Parser *P)
{
  for (;;)
    {
      if (!skip_separators (P))
        return FALSE;
      if (P->p >= P->end)
        break;
      if (!parse_statement (P) || !expect_statement_end (P, _("the statement")))
        return FALSE;
    }
  if (P->open->len > 0)
    {
      const OpenSubgraph *open = &g_array_index (P->open, OpenSubgraph, P->open->len - 1);
      const MpFlowSubgraph *subgraph = &g_array_index (P->chart->subgraphs, MpFlowSubgraph, open->index);

      return fail (P, open->at, _("subgraph “%s” is never closed: expected “end”"), subgraph->id);
    }
  return TRUE;
}

/* ---- front matter and header --------------------------------------------- */

static gboolean
line_is_fence (const char *p,
               const char *end)
{
  if (end - p < 3 || memcmp (p, "---", 3) != 0)
    return FALSE;
  for (p += 3; p < end && *p != '\n'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* "---" … "---" YAML before the header; only its top-level title is used. */
static gboolean
parse_front_matter (Parser *P)
{
  const char *open = P->p;

  P->p = line_end (P);
  while (P->p < P->end)
    {
      P->p++;
      if (line_is_fence (P->p, P->end))
        {
          P->p = line_end (P);
          return TRUE;
        }
      if (looking_at (P, "title:"))
        {
          g_autofree char *value = NULL;

          P->p += strlen ("title:");
          value = take_rest_of_line (P);
          g_free (P->chart->title);
          P->chart->title = unquote_value (value, strlen (value));
        }
      else
        P->p = line_end (P);
    }
  return fail (P, open, _("the front matter is never closed: expected “---”"));
}

static gboolean
parse_header (Parser *P)
{
  gsize n;
  const char *at;

  if (looking_at (P, "\xef\xbb\xbf"))
    P->p += 3;
  while (P->p < P->end && g_ascii_isspace (*P->p))
    P->p++;
  if (line_is_fence (P->p, P->end) && !parse_front_matter (P))
    return FALSE;
  if (!skip_separators (P))
    return FALSE;
  if (P->p >= P->end)
    {
      locate (P, P->end, &P->error_line, &P->error_column);
      /* Translators: LINE:COLUMN: message */
      g_set_error (&P->error, MP_MERMAID_ERROR, MP_MERMAID_ERROR_EMPTY, _("%u:%u: %s"),
                   P->error_line + P->first_line - 1, P->error_column,
                   _("The flowchart is empty: it needs a “flowchart” or “graph” line"));
      return FALSE;
    }

  at = P->p;
  n = scan_word (P);
  if (!is_keyword (P, "flowchart", n) && !is_keyword (P, "graph", n) &&
      !is_keyword (P, "flowchart-elk", n))
    return fail (P, at, _("expected “flowchart” or “graph” to start the chart"));
  P->p += n;
  skip_spaces (P);
  if (!at_statement_end (P))
    {
      MpFlowDirection direction;

      if (!take_direction (P, &direction))
        return fail (P, P->p, _("expected a direction (TB, TD, BT, LR or RL) after “%.*s”"),
                     (int) n, at);
      P->chart->direction = direction;
    }
  return expect_statement_end (P, _("the header"));
}

/* ---- resolving ----------------------------------------------------------- */

static gboolean
subgraph_within (MpFlowchart *chart,
                 int          inner,
                 int          outer,
                 guint        max_steps)
{
  for (guint step = 0; inner >= 0 && step <= max_steps; step++)
    {
      if (inner == outer)
        return TRUE;
      inner = g_array_index (chart->subgraphs, MpFlowSubgraph, inner).parent;
    }
  return FALSE;
}

static guint
subgraph_depth (MpFlowchart *chart,
                int          index)
{
  guint depth = 0;

  while (depth <= MAX_SUBGRAPH_DEPTH && index >= 0)
    {
      index = g_array_index (chart->subgraphs, MpFlowSubgraph, index).parent;
      depth++;
    }
  return depth;
}

/* As in Mermaid, a subgraph named inside another one ("subgraph A; B; end"
 * where B is a subgraph) is nested in it. Never makes a cycle; if nesting
 * this way would go deeper than the limit, only the written nesting stays. */
static void
nest_named_subgraphs (Parser    *P,
                      const int *alias)
{
  MpFlowchart *chart = P->chart;
  guint n_subgraphs = chart->subgraphs->len;
  g_autofree int *written = g_new (int, MAX (n_subgraphs, 1));
  gboolean too_deep = FALSE;

  for (guint i = 0; i < n_subgraphs; i++)
    written[i] = g_array_index (chart->subgraphs, MpFlowSubgraph, i).parent;

  for (guint i = 0; i < chart->nodes->len; i++)
    {
      int owner = node_at (P, i)->subgraph;
      MpFlowSubgraph *named;

      if (alias[i] < 0 || owner < 0)
        continue;
      named = &g_array_index (chart->subgraphs, MpFlowSubgraph, alias[i]);
      if (named->parent < 0 && !subgraph_within (chart, owner, alias[i], n_subgraphs))
        named->parent = owner;
    }

  for (guint i = 0; i < n_subgraphs && !too_deep; i++)
    too_deep = subgraph_depth (chart, i) > MAX_SUBGRAPH_DEPTH;
  for (guint i = 0; too_deep && i < n_subgraphs; i++)
    g_array_index (chart->subgraphs, MpFlowSubgraph, i).parent = written[i];
}

/* A node whose id names a subgraph stands for that subgraph in edges. */
static void
resolve_subgraph_aliases (Parser *P)
{
  MpFlowchart *chart = P->chart;
  guint n = chart->nodes->len;
  g_autofree int *alias = g_new (int, n);
  g_autofree guint *remap = g_new (guint, n);
  GArray *kept;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      alias[i] = mp_flowchart_find_subgraph (chart, node_at (P, i)->id);
      any |= alias[i] >= 0;
    }
  if (!any)
    return;
  nest_named_subgraphs (P, alias);

  kept = g_array_sized_new (FALSE, TRUE, sizeof (MpFlowNode), n);
  g_hash_table_remove_all (chart->node_ids);
  for (guint i = 0; i < n; i++)
    {
      MpFlowNode *node = node_at (P, i);

      if (alias[i] >= 0)
        continue;
      remap[i] = kept->len;
      node->index = kept->len;
      g_array_append_val (kept, *node);
      memset (node, 0, sizeof *node);
      g_hash_table_insert (chart->node_ids, g_array_index (kept, MpFlowNode, remap[i]).id,
                           GUINT_TO_POINTER (remap[i] + 1));
    }
  /* The old array frees only the aliases: moved nodes were zeroed. */
  g_array_set_size (chart->nodes, 0);
  g_array_append_vals (chart->nodes, kept->data, kept->len);
  g_array_unref (kept);

  for (guint i = 0; i < chart->edges->len; i++)
    {
      MpFlowEdge *edge = &g_array_index (chart->edges, MpFlowEdge, i);
      MpFlowEndpoint *ends[] = { &edge->from, &edge->to };

      for (guint k = 0; k < 2; k++)
        {
          guint old = ends[k]->index;

          ends[k]->is_subgraph = alias[old] >= 0;
          ends[k]->index = alias[old] >= 0 ? (guint) alias[old] : remap[old];
        }
    }
}

static void
add_unique (GPtrArray  *list,
            const char *name)
{
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), name))
      return;
  g_ptr_array_add (list, g_strdup (name));
}

static char **
list_to_strv (GPtrArray *list)
{
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

static void
resolve_classes (Parser *P)
{
  MpFlowchart *chart = P->chart;
  GPtrArray **node_lists = g_new0 (GPtrArray *, chart->nodes->len);
  GPtrArray **subgraph_lists = g_new0 (GPtrArray *, chart->subgraphs->len);
  GPtrArray **edge_lists = g_new0 (GPtrArray *, chart->edges->len);

  for (guint i = 0; i < chart->nodes->len; i++)
    node_lists[i] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < chart->subgraphs->len; i++)
    subgraph_lists[i] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < chart->edges->len; i++)
    edge_lists[i] = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i + 1 < P->class_uses->len; i += 2)
    {
      const char *id = g_ptr_array_index (P->class_uses, i);
      const char *name = g_ptr_array_index (P->class_uses, i + 1);
      int node = mp_flowchart_find_node (chart, id);
      int subgraph = mp_flowchart_find_subgraph (chart, id);
      int edge = GPOINTER_TO_INT (g_hash_table_lookup (P->edge_ids, id)) - 1;

      if (node >= 0)
        add_unique (node_lists[node], name);
      else if (subgraph >= 0)
        add_unique (subgraph_lists[subgraph], name);
      else if (edge >= 0)
        add_unique (edge_lists[edge], name);
    }

  for (guint i = 0; i < chart->nodes->len; i++)
    node_at (P, i)->classes = list_to_strv (node_lists[i]);
  for (guint i = 0; i < chart->subgraphs->len; i++)
    g_array_index (chart->subgraphs, MpFlowSubgraph, i).classes = list_to_strv (subgraph_lists[i]);
  for (guint i = 0; i < chart->edges->len; i++)
    g_array_index (chart->edges, MpFlowEdge, i).classes = list_to_strv (edge_lists[i]);
  g_free (node_lists);
  g_free (subgraph_lists);
  g_free (edge_lists);
}

static void
style_free (MpFlowStyle *style)
{
  mp_flow_style_clear (style);
  g_free (style);
}

/* The style a class gives, from all its classDefs in order. Styles are
 * resolved once per class or rule and then merged, so that however many
 * nodes, classes and style parts a (hostile) chart has, this stays linear. */
static GHashTable *
class_styles_new (Parser *P)
{
  GHashTable *styles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) style_free);

  for (guint i = 0; i < P->class_defs->len; i++)
    {
      MpStyleRule *rule = g_ptr_array_index (P->class_defs, i);
      MpFlowStyle *style = g_hash_table_lookup (styles, rule->target);

      if (style == NULL)
        {
          style = g_new0 (MpFlowStyle, 1);
          style->stroke_width = -1;
          g_hash_table_insert (styles, rule->target, style);
        }
      mp_flow_style_apply (style, rule->props);
    }
  return styles;
}

static void
merge_classes (GHashTable   *styles,
               char * const *classes,
               MpFlowStyle  *style)
{
  for (guint k = 0; classes[k] != NULL; k++)
    {
      const MpFlowStyle *class_style = g_hash_table_lookup (styles, classes[k]);

      if (class_style != NULL)
        mp_flow_style_merge (style, class_style);
    }
}

static void
apply_classes (Parser     *P,
               GHashTable *styles)
{
  MpFlowchart *chart = P->chart;
  const MpFlowStyle *fallback = g_hash_table_lookup (styles, "default");

  for (guint i = 0; i < chart->nodes->len; i++)
    {
      MpFlowNode *node = node_at (P, i);
      gboolean defined = FALSE;

      for (guint k = 0; node->classes[k] != NULL; k++)
        defined |= g_hash_table_contains (styles, node->classes[k]);
      /* Mermaid gives "default" to the nodes no other class styles. */
      if (!defined && fallback != NULL)
        mp_flow_style_merge (&node->style, fallback);
      merge_classes (styles, node->classes, &node->style);
    }
  for (guint i = 0; i < chart->subgraphs->len; i++)
    {
      MpFlowSubgraph *subgraph = &g_array_index (chart->subgraphs, MpFlowSubgraph, i);

      merge_classes (styles, subgraph->classes, &subgraph->style);
    }
  for (guint i = 0; i < chart->edges->len; i++)
    {
      MpFlowEdge *edge = &g_array_index (chart->edges, MpFlowEdge, i);

      merge_classes (styles, edge->classes, &edge->style);
    }
}

/* linkStyle: "default" rules first, then numbered ones in order. A rule
 * naming many links shares one style list, resolved once. */
static void
apply_link_styles (Parser *P)
{
  MpFlowchart *chart = P->chart;
  g_autoptr(GHashTable) resolved = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) style_free);
  MpFlowStyle fallback = { NULL, NULL, NULL, NULL, -1 };

  for (guint i = 0; i < P->link_styles->len; i++)
    {
      MpStyleRule *rule = g_ptr_array_index (P->link_styles, i);

      if (rule->edge < 0)
        mp_flow_style_apply (&fallback, rule->props);
    }
  for (guint e = 0; e < chart->edges->len; e++)
    mp_flow_style_merge (&g_array_index (chart->edges, MpFlowEdge, e).style, &fallback);
  mp_flow_style_clear (&fallback);

  for (guint i = 0; i < P->link_styles->len; i++)
    {
      MpStyleRule *rule = g_ptr_array_index (P->link_styles, i);
      MpFlowStyle *style;

      if (rule->edge < 0 || (guint) rule->edge >= chart->edges->len)
        continue;
      style = g_hash_table_lookup (resolved, rule->props);
      if (style == NULL)
        {
          style = g_new0 (MpFlowStyle, 1);
          style->stroke_width = -1;
          mp_flow_style_apply (style, rule->props);
          g_hash_table_insert (resolved, rule->props, style);
        }
      mp_flow_style_merge (&g_array_index (chart->edges, MpFlowEdge, rule->edge).style, style);
    }
}

/* Later rules win; "style" beats classes, classes beat "default". */
static void
resolve_styles (Parser *P)
{
  MpFlowchart *chart = P->chart;
  g_autoptr(GHashTable) styles = class_styles_new (P);

  apply_classes (P, styles);
  for (guint i = 0; i < P->styles->len; i++)
    {
      MpStyleRule *rule = g_ptr_array_index (P->styles, i);
      int node = mp_flowchart_find_node (chart, rule->target);
      int subgraph = mp_flowchart_find_subgraph (chart, rule->target);

      if (node >= 0)
        mp_flow_style_apply (&node_at (P, node)->style, rule->props);
      else if (subgraph >= 0)
        mp_flow_style_apply (&g_array_index (chart->subgraphs, MpFlowSubgraph, subgraph).style,
                             rule->props);
    }
  apply_link_styles (P);
}

static void
resolve_clicks (Parser *P)
{
  for (guint i = 0; i < P->clicks->len; i++)
    {
      Click *click = g_ptr_array_index (P->clicks, i);
      int index = mp_flowchart_find_node (P->chart, click->id);
      MpFlowNode *node;

      if (index < 0)
        continue;
      node = node_at (P, index);
      if (click->link != NULL)
        mp_utils_set_str (&node->link, click->link);
      if (click->tooltip != NULL)
        mp_utils_set_str (&node->tooltip, click->tooltip);
    }
}

static void
resolve (Parser *P)
{
  MpFlowchart *chart = P->chart;

  resolve_subgraph_aliases (P);
  resolve_classes (P);
  resolve_styles (P);
  resolve_clicks (P);
  for (guint i = 0; i < chart->nodes->len; i++)
    {
      int subgraph = node_at (P, i)->subgraph;

      if (subgraph >= 0)
        g_array_append_val (g_array_index (chart->subgraphs, MpFlowSubgraph, subgraph).nodes, i);
    }
  mp_flowchart_index (chart);
}

static void
parser_clear (Parser *P)
{
  g_clear_object (&P->chart);
  g_clear_error (&P->error);
  g_clear_pointer (&P->open, g_array_unref);
  g_clear_pointer (&P->class_uses, g_ptr_array_unref);
  g_clear_pointer (&P->class_defs, g_ptr_array_unref);
  g_clear_pointer (&P->styles, g_ptr_array_unref);
  g_clear_pointer (&P->link_styles, g_ptr_array_unref);
  g_clear_pointer (&P->clicks, g_ptr_array_unref);
  g_clear_pointer (&P->edge_ids, g_hash_table_unref);
  g_clear_pointer (&P->edge_pairs, g_hash_table_unref);
}

static void
parser_init (Parser     *P,
             const char *source,
             gsize       length,
             guint       first_line)
{
  memset (P, 0, sizeof *P);
  P->src = P->p = P->loc_ptr = source;
  P->end = source + length;
  P->first_line = MAX (first_line, 1);
  P->loc_line = P->loc_column = 1;
  P->chart = mp_flowchart_new_empty ();
  P->open = g_array_new (FALSE, FALSE, sizeof (OpenSubgraph));
  P->class_uses = g_ptr_array_new_with_free_func (g_free);
  P->class_defs = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_style_rule_free);
  P->styles = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_style_rule_free);
  P->link_styles = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_style_rule_free);
  P->clicks = g_ptr_array_new_with_free_func ((GDestroyNotify) click_free);
  P->edge_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  P->edge_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

MpFlowchart *
mp_flowchart_parse (const char  *source,
                    gssize       length,
                    guint        first_line,
                    guint       *error_line,
                    guint       *error_column,
                    GError     **error)
{
  Parser P;
  const char *bad = NULL;
  MpFlowchart *chart = NULL;

  g_return_val_if_fail (source != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = "";
  if (length < 0)
    length = strlen (source);
  parser_init (&P, source, length, first_line);

  if (!g_utf8_validate (source, length, &bad))
    fail (&P, bad, _("the text is not valid UTF-8"));
  else if (parse_header (&P) && parse_statements (&P))
    {
      resolve (&P);
      chart = g_steal_pointer (&P.chart);
    }

  if (chart == NULL)
    {
      if (error_line != NULL)
        *error_line = P.error_line;
      if (error_column != NULL)
        *error_column = P.error_column;
      g_propagate_error (error, g_steal_pointer (&P.error));
    }
  parser_clear (&P);
  return chart;
}
