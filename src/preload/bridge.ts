// Builds the object the preload exposes as window.scholia: exactly the contract's methods, each
// sending its one argument object on its own `scholia:<method>` channel. Nothing else crosses:
// no ipcRenderer, no generic invoke, no channel chosen by the page. A call the main process did not
// answer (no handler registered yet, the process shutting down) comes back as the same 'internal'
// envelope a bug in a handler gives, never as Electron's own text ("Error invoking remote method…").
import { apiMethodNames, ipcChannelPrefix, type ScholiaBridge } from '../shared/contract'
import type { ApiResponse } from '../shared/types'
import { internalErrorMessage } from '../shared/userError'

export type Invoke = (channel: string, args: unknown) => Promise<unknown>

export function createBridge(invoke: Invoke): ScholiaBridge {
  const bridge: Record<string, (args: unknown) => Promise<unknown>> = {}
  for (const method of apiMethodNames) {
    const channel = ipcChannelPrefix + method
    // Only the argument is passed on, never the page's `this` or extra parameters.
    bridge[method] = (args: unknown) =>
      invoke(channel, args).catch((): ApiResponse<never> => ({
        ok: false,
        error: { code: 'internal', message: internalErrorMessage }
      }))
  }
  // Frozen so the page cannot add or replace methods on its copy either.
  return Object.freeze(bridge) as unknown as ScholiaBridge
}
