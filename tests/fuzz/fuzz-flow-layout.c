/* fuzz-flow-layout.c: Mermaid text → MpFlowchart → Graphviz layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "mp-flow-layout.h"
#include "mp-mermaid-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpFlowchart) chart = NULL;
  g_autoptr(MpFlowLayout) layout = NULL;

  /* dot is super-linear: keep inputs small so that each run stays fast. */
  if (size > 4096)
    return 0;
  chart = mp_flowchart_parse ((const char *) data, size, 1, NULL, NULL, &error);
  if (chart == NULL || mp_flowchart_get_n_nodes (chart) > 150)
    return 0;

  layout = mp_flow_layout_new (chart, NULL, MP_FLOW_EDGE_LABELS_EXTERNAL, &error);
  if (layout == NULL)
    {
      /* Only the size limits may refuse a chart, and they say so. */
      g_assert_error (error, MP_FLOW_LAYOUT_ERROR, MP_FLOW_LAYOUT_ERROR_FAILED);
      g_assert_true (strstr (error->message, "too") != NULL);
      return 0;
    }
  g_assert_cmpfloat (mp_flow_layout_get_width (layout), >=, 0);
  g_assert_cmpfloat (mp_flow_layout_get_height (layout), >=, 0);
  for (guint i = 0; i < mp_flowchart_get_n_nodes (chart); i++)
    {
      const MpFlowLayoutNode *node = mp_flow_layout_get_node (layout, i);

      g_assert_nonnull (node);
      g_assert_true (isfinite (node->x) && isfinite (node->y));
      g_assert_cmpfloat (node->box.width, >, 0);
    }
  return 0;
}
