// The single entry point both transports use: checks the method name, validates the arguments
// against the contract's schema, calls the service, and wraps the outcome in an ApiResponse.
// It never throws: a UserError becomes its own envelope, and any other exception (a bug) the
// 'internal' one, logged with its stack, so the renderer sees the same shape over IPC and HTTP.
import { isApiMethodName, type ApiHandlers, type ApiMethodName } from '../../shared/contract'
import { validateApiArguments } from '../../shared/contractSchemas'
import type { ApiResponse, UserFacingError } from '../../shared/types'
import { internalErrorMessage, UserError } from '../../shared/userError'

export { internalErrorMessage }

export type DispatchLog = (message: string) => void

const logToConsole: DispatchLog = (message) => console.error(message)

function failure(code: UserFacingError['code'], message: string): ApiResponse<never> {
  return { ok: false, error: { code, message } }
}

export async function dispatchApiCall(
  handlers: ApiHandlers,
  method: string,
  args: unknown,
  log: DispatchLog = logToConsole
): Promise<ApiResponse<unknown>> {
  if (!isApiMethodName(method)) return failure('not-found', `Unknown API method: ${method.slice(0, 80)}`)
  try {
    const validated = validateApiArguments(method, args)
    if (!validated.ok) return failure('invalid-input', validated.message)
    const handler = handlers[method] as (value: unknown) => unknown
    const value = await handler(validated.value)
    return { ok: true, value: value ?? null }
  } catch (error) {
    if (error instanceof UserError) return failure(error.code, error.message)
    log(
      `Scholia: internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    )
    return failure('internal', internalErrorMessage)
  }
}

export type { ApiMethodName }
