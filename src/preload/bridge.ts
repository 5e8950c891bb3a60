// Builds the object the preload exposes as window.scholia: exactly the contract's methods, each
// sending its one argument object on its own `scholia:<method>` channel. Nothing else crosses:
// no ipcRenderer, no generic invoke, no channel chosen by the page.
import { apiMethodNames, ipcChannelPrefix, type ScholiaBridge } from '../shared/contract'

export type Invoke = (channel: string, args: unknown) => Promise<unknown>

export function createBridge(invoke: Invoke): ScholiaBridge {
  const bridge: Record<string, (args: unknown) => Promise<unknown>> = {}
  for (const method of apiMethodNames) {
    const channel = ipcChannelPrefix + method
    // Only the argument is passed on, never the page's `this` or extra parameters.
    bridge[method] = (args: unknown) => invoke(channel, args)
  }
  // Frozen so the page cannot add or replace methods on its copy either.
  return Object.freeze(bridge) as unknown as ScholiaBridge
}
