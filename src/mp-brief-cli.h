/* mp-brief-cli.h: `masterplan --brief OUT.pdf`, the brief without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *output;
  const char *weights;   /* "faculty=90,…" or NULL for the article's */
  const char *programs;  /* a programs file, or NULL for the samples */
  const char *answers;   /* "S1=Yes,S3=Yes,S5=No" or NULL */
  const char *choice;    /* a program id, "none", or NULL */
  const char *why;
  const char *funding;   /* "none", "all" or USD, or NULL: costs are left out */
  const char *hours;     /* hours a week, or NULL */
} MpBriefCliArgs;

/* Returns the exit status: 0 written, 1 a bad file (programs or output),
 * 2 bad arguments. Messages go to stderr. */
int mp_brief_cli_run (const MpBriefCliArgs *args);

G_END_DECLS
