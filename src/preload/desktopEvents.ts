// Builds window.scholiaDesktop: the one way the main process speaks to the page first — the menus'
// commands. Only names on the closed list in shared/desktopCommands reach the page, and only the
// name: never the IPC event, ipcRenderer or a channel the page could choose.
import {
  desktopCommandChannel,
  isDesktopCommand,
  type DesktopCommand,
  type ScholiaDesktop
} from '../shared/desktopCommands'

/** Listens on a channel; the returned function stops listening. */
export type Subscribe = (channel: string, listener: (event: unknown, payload: unknown) => void) => () => void

export function createDesktopEvents(subscribe: Subscribe): ScholiaDesktop {
  return Object.freeze({
    onCommand(listener: (command: DesktopCommand) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onCommand needs a function.')
      return subscribe(desktopCommandChannel, (_event, payload) => {
        if (isDesktopCommand(payload)) listener(payload)
      })
    }
  })
}
