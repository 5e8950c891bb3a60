// Gives the renderer the type of what the preload exposes. Absent in the browser mode, hence optional.
import type { ScholiaBridge } from '../shared/contract'
import type { ScholiaDesktop } from '../shared/desktopCommands'

declare global {
  interface Window {
    scholia?: ScholiaBridge
    scholiaDesktop?: ScholiaDesktop
  }
}

export {}
