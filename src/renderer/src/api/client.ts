// The renderer's only way to the back end. In Electron it calls the preload's bridge; in the
// browser mode it POSTs to the loopback HTTP bridge (the session cookie authenticates). Either way
// it unwraps the ApiResponse envelope: user-facing failures become ApiError with a readable message.
import {
  apiMethodNames,
  isBinaryResultMethod,
  isBinaryUploadMethod,
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

/** A binary upload (a PDF's bytes) as the raw body, its other arguments in the query; else JSON. */
function httpRequest(method: ApiMethodName, args: unknown): { url: string; init: RequestInit } {
  if (isBinaryUploadMethod(method)) {
    const { bytes, ...rest } = args as { bytes: Uint8Array } & Record<string, string | undefined>
    const query = new URLSearchParams()
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) query.set(key, value)
    return {
      url: `/api/upload/${method}?${query.toString()}`,
      init: { headers: { 'Content-Type': 'application/octet-stream' }, body: bytes as BodyInit }
    }
  }
  return {
    url: `/api/${method}`,
    init: { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args ?? {}) }
  }
}

async function callOverHttp<K extends ApiMethodName>(
  method: K,
  args: ApiArgs<K>
): Promise<ApiResponse<ApiResult<K>>> {
  const { url, init } = httpRequest(method, args)
  const response = await fetch(url, { ...init, method: 'POST', credentials: 'same-origin' })
  // A file (a PDF) comes back as its raw bytes; a failure as the JSON envelope.
  if (
    response.ok &&
    isBinaryResultMethod(method) &&
    (response.headers.get('Content-Type') ?? '').startsWith('application/octet-stream')
  ) {
    return { ok: true, value: new Uint8Array(await response.arrayBuffer()) }
  }
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
            : response.status === 413
              ? 'The file is larger than the 50 MB import limit. Split it into smaller files and import those.'
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
