/* fuzz-markdown.c: Markdown text → MpDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "mp-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDocument) document = NULL;

  document = mp_document_new_from_data ((const char *) data, size, NULL, &error);
  g_assert ((document == NULL) == (error != NULL));
  if (document != NULL)
    {
      guint n = mp_document_get_n_mermaid_blocks (document);

      g_assert_nonnull (mp_document_get_title (document));
      for (guint i = 0; i < n; i++)
        g_assert_nonnull (mp_document_get_mermaid_block (document, i)->source);
    }
  return 0;
}
