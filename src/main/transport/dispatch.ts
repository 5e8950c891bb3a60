// The single entry point both transports use: checks the method name, validates the arguments
// against the contract's schema, calls the service, and wraps the outcome in an ApiResponse.
import { isApiMethodName, type ApiHandlers, type ApiMethodName } from '../../shared/contract'
import { validateApiArguments } from '../../shared/contractSchemas'
import type { ApiResponse } from '../../shared/types'
import { UserError } from '../../shared/userError'

export async function dispatchApiCall(
  handlers: ApiHandlers,
  method: string,
  args: unknown
): Promise<ApiResponse<unknown>> {
  if (!isApiMethodName(method)) {
    return {
      ok: false,
      error: { code: 'invalid-input', message: `Unknown API method: ${method.slice(0, 80)}` }
    }
  }
  const validated = validateApiArguments(method, args)
  if (!validated.ok) return { ok: false, error: { code: 'invalid-input', message: validated.message } }
  try {
    const handler = handlers[method] as (value: unknown) => unknown
    const value = await handler(validated.value)
    return { ok: true, value: value ?? null }
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
}

export type { ApiMethodName }
