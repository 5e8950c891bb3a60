// Validation of every API method's arguments, applied by the transports before a service sees them.
// Schemas are strict: unknown keys, wrong types and oversized strings are refused.
import { z } from 'zod'
import type { ApiArgs, ApiMethodName } from './contract'

const id = z.string().min(1).max(200)
const empty = z.strictObject({})

export const maxImportTextLength = 50 * 1024 * 1024

export const apiArgumentSchemas: { [K in ApiMethodName]: z.ZodType<ApiArgs<K>> } = {
  getAppInfo: empty,
  listDocuments: empty,
  getDocument: z.strictObject({ documentId: id }),
  importDocument: z.strictObject({
    fileName: z.string().min(1).max(1024),
    text: z.string().max(maxImportTextLength)
  }),
  removeDocument: z.strictObject({ documentId: id }),
  getSettings: empty,
  updateSettings: z.strictObject({
    fontSize: z.number().int().min(12).max(32).optional(),
    columnWidth: z.number().int().min(40).max(100).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional()
  }),
  getReadingPosition: z.strictObject({ documentId: id }),
  saveReadingPosition: z.strictObject({
    documentId: id,
    blockId: id,
    fraction: z.number().min(0).max(1)
  })
}

/** Validates `args` for `method`; returns a message a person (or developer) can act on when they are wrong. */
export function validateApiArguments<K extends ApiMethodName>(
  method: K,
  args: unknown
): { ok: true; value: ApiArgs<K> } | { ok: false; message: string } {
  const result = apiArgumentSchemas[method].safeParse(args ?? {})
  if (result.success) return { ok: true, value: result.data }
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : ''
  return { ok: false, message: `Invalid arguments for ${method}${where}: ${issue?.message ?? 'rejected'}` }
}
