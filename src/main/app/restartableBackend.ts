// A back end that can close and reopen its services around a swap of the database file
// ("Restore from backup", "Import library") while the transports keep the same handlers object:
// every handler forwards to the services open at the time of the call.
import { apiMethodNames, type ApiHandlers } from '../../shared/contract'
import type { Backend } from './compositionRoot'
import { UserError } from '../../shared/userError'

export interface LibraryControl {
  /**
   * Closes the services, runs `swap` on the closed database file and opens everything again.
   * When the swapped-in library does not open, `undoSwap` puts the previous one back and that
   * one is opened instead; the error is then reported to the person.
   */
  reopenAfter(swap: () => void, undoSwap: () => void): void
}

export function createRestartableBackend(open: (control: LibraryControl) => Backend): Backend {
  let current: Backend
  const control: LibraryControl = {
    reopenAfter(swap, undoSwap) {
      current.close()
      try {
        swap()
      } catch (error) {
        current = open(control)
        throw error
      }
      try {
        current = open(control)
      } catch (error) {
        undoSwap()
        current = open(control)
        throw new UserError(
          'refused',
          `The library could not be opened, so the previous one was put back: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
  }
  current = open(control)
  const handlers = Object.fromEntries(
    apiMethodNames.map((method) => [
      method,
      (args: unknown) => (current.handlers[method] as (value: unknown) => unknown)(args)
    ])
  ) as unknown as ApiHandlers
  return {
    handlers,
    get db() {
      return current.db
    },
    close() {
      current.close()
    }
  }
}
