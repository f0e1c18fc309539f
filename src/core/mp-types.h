/* mp-types.h: forward declarations and enums shared between modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MpDocument     MpDocument;
typedef struct _MpFlowchart    MpFlowchart;
typedef struct _MpFlowWalk     MpFlowWalk;
typedef struct _MpProgram      MpProgram;
typedef struct _MpProgramStore MpProgramStore;
typedef struct _MpScorer       MpScorer;

/* The five criteria of the weighting panel, in the article's order. */
typedef enum {
  MP_CRITERION_FACULTY,
  MP_CRITERION_SCHOLARSHIP,
  MP_CRITERION_FUNDING,
  MP_CRITERION_FLEXIBILITY,
  MP_CRITERION_BRAND,
  MP_N_CRITERIA
} MpCriterion;

typedef enum {
  MP_PROGRAM_KIND_MASTERS,
  MP_PROGRAM_KIND_CERTIFICATE,
  MP_PROGRAM_KIND_FELLOWSHIP,
  MP_PROGRAM_KIND_SHORT_COURSE,
  MP_PROGRAM_KIND_FACULTY_DEVELOPMENT,
  MP_N_PROGRAM_KINDS
} MpProgramKind;

typedef enum {
  MP_PROGRAM_FORMAT_ONLINE,
  MP_PROGRAM_FORMAT_HYBRID,
  MP_PROGRAM_FORMAT_IN_PERSON,
  MP_N_PROGRAM_FORMATS
} MpProgramFormat;

/* Which kinds the ranking shows; the flowchart's outcome can suggest one. */
typedef enum {
  MP_KIND_FILTER_ALL,
  MP_KIND_FILTER_MASTERS,
  MP_KIND_FILTER_ALTERNATIVES,
} MpKindFilter;

G_END_DECLS
