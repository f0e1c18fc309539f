/* mp-brief.h: the decision brief's content, gathered from the walk, the
 * ranking and the user's choice (pure GLib)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mp-costs.h"
#include "mp-flow-walk.h"
#include "mp-scorer.h"
#include "mp-value-plot.h"

G_BEGIN_DECLS

/* How many programs of the ranking the brief shows. */
#define MP_BRIEF_TOP 5
/* Above this many ranked programs the brief leaves out how sure the
 * ranking is: sampling them would take seconds. */
#define MP_BRIEF_MAX_CONFIDENCE_PROGRAMS 2000
/* The "why" the brief prints: a longer text is cut at a word with "…" so
 * the brief stays within two pages (where it is written, the user is told). */
#define MP_BRIEF_WHY_MAX_CHARS 600

#define MP_BRIEF_ERROR (mp_brief_error_quark ())

typedef enum {
  MP_BRIEF_ERROR_ANSWERS,  /* --answers names no question, or no such answer */
  MP_BRIEF_ERROR_CHOICE,   /* the chosen id names no program */
} MpBriefError;

/* A question and its answer, or a step passed on the way (@answer NULL). */
typedef struct {
  char *question;
  char *answer;
} MpBriefStep;

typedef struct {
  char   *id;
  char   *name;
  char   *kind;                      /* the kind's label */
  guint   rank;                      /* 1-based */
  double  score;
  double  contributions[MP_N_CRITERIA];
  MpProgramCosts costs;              /* for the brief's circumstances */
  /* How sure: shares of the sampled weightings (when has_confidence). */
  double  p_first;
  double  p_top3;
  guint   rank_p5;
  guint   rank_p95;
} MpBriefEntry;

/* A snapshot: later changes of the walk or the ranking do not reach it. */
typedef struct {
  GDateTime *date;
  GPtrArray *steps;            /* MpBriefStep*: the questions as answered */
  char      *outcome;          /* NULL when the walk has not reached one */
  char      *explanation;      /* the outcome's note, or NULL */
  char      *stopped_at;       /* where an unfinished walk stands, or NULL */
  MpWeights  weights;
  gboolean   has_scores;
  guint      n_ranked;
  GArray    *top;              /* MpBriefEntry, at most MP_BRIEF_TOP */
  char      *choice_id;        /* NULL: no choice made; "" : none of them */
  char      *choice_name;
  int        choice_rank;      /* 1-based rank of the choice, 0 when not ranked */
  char      *why;
  /* Set before mp_brief_set_ranking(); costs are shown when has_costs. */
  MpCircumstances circumstances;
  gboolean   has_costs;
  /* Set by mp_brief_set_ranking(): rank confidence with the default
   * spread and samples and a fixed seed, so the same inputs give the same
   * figures; and the value chart's plot. */
  gboolean   has_confidence;
  double     confidence_spread;
  guint      confidence_samples;
  MpValuePlot *value_plot;
  /* Set by mp_brief_set_tradeoff(): the weights the trade-off answers
   * suggest, scaled like the sliders' (when has_tradeoff_weights), and a
   * sentence on where they differ or contradict each other, or NULL. */
  guint      n_tradeoff_answers;
  gboolean   has_tradeoff_weights;
  MpWeights  tradeoff_weights;
  char      *tradeoff_note;
} MpBrief;

GQuark   mp_brief_error_quark     (void);
/* An empty brief dated now. */
MpBrief *mp_brief_new             (void);
void     mp_brief_free            (MpBrief        *brief);
void     mp_brief_set_walk        (MpBrief        *brief,
                                   MpFlowWalk     *walk);
void     mp_brief_set_ranking     (MpBrief        *brief,
                                   MpScorer       *scorer);
/* @answers: the trade-off answers as the planner keeps them ("" or NULL
 * for none); unreadable text is taken as none. Call after
 * mp_brief_set_ranking(), so the answers are compared with its weights. */
void     mp_brief_set_tradeoff    (MpBrief        *brief,
                                   const char     *answers);
/* @choice_id: a program's id, "none", or NULL/"" for no choice. FALSE with
 * @error when the id names no program of @scorer's store. Call after
 * mp_brief_set_ranking(), so the choice's rank is known. */
gboolean mp_brief_set_choice      (MpBrief        *brief,
                                   MpScorer       *scorer,
                                   const char     *choice_id,
                                   const char     *why,
                                   GError        **error);

/* Walks @walk from its start by answers "S1=Yes,S3=Yes,S5=No" (question
 * node id = edge label, labels compared without case); steps with a single
 * way on are followed. FALSE with @error naming the bad part. */
gboolean mp_brief_apply_answers   (MpFlowWalk     *walk,
                                   const char     *answers,
                                   GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpBrief, mp_brief_free)

G_END_DECLS
