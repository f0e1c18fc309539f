/* mp-bar-chart.c: placeholder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* Not written yet. */
