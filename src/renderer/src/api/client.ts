// The renderer's only way to the back end. In Electron it calls the preload's bridge; in the
// browser mode it POSTs to the loopback HTTP bridge (the session cookie authenticates). Either way
// it unwraps the ApiResponse envelope: user-facing failures become ApiError with a readable message.
import {
  apiMethodNames,
  type ApiArgs,
  type ApiMethodName,
  type ApiResult,
  type ScholiaApi,
  type ScholiaBridge
} from '../../../shared/contract'
import type { ApiResponse, UserFacingError } from '../../../shared/types'

export class ApiError extends Error {
  readonly code: UserFacingError['code']

  constructor(error: UserFacingError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
  }
}

async function callOverHttp<K extends ApiMethodName>(
  method: K,
  args: ApiArgs<K>
): Promise<ApiResponse<ApiResult<K>>> {
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args ?? {})
  })
  try {
    return (await response.json()) as ApiResponse<ApiResult<K>>
  } catch {
    return {
      ok: false,
      error: {
        code: 'refused',
        message:
          response.status === 401
            ? 'This page lost its Scholia session. Open the link Scholia printed when it started.'
            : `Scholia did not answer (${response.status}).`
      }
    }
  }
}

function createApi(bridge: ScholiaBridge | undefined): ScholiaApi {
  const api: Partial<Record<ApiMethodName, unknown>> = {}
  for (const method of apiMethodNames) {
    api[method] = async (args: unknown) => {
      const response = bridge
        ? await (bridge[method] as (value: unknown) => Promise<ApiResponse<unknown>>)(args ?? {})
        : await callOverHttp(method, (args ?? {}) as never)
      if (!response.ok) throw new ApiError(response.error)
      return response.value
    }
  }
  return api as ScholiaApi
}

export const api: ScholiaApi = createApi(typeof window !== 'undefined' ? window.scholia : undefined)
