// The Electron transport of the contract: one ipcMain.handle per API method on `scholia:<method>`.
// Every call is checked to come from the top frame of Scholia's own page, then goes through
// dispatchApiCall, which validates the arguments before any service sees them.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { apiMethodNames, ipcChannelPrefix, type ApiHandlers } from '../../shared/contract'
import type { ApiResponse } from '../../shared/types'
import { dispatchApiCall } from '../transport/dispatch'
import { isAppUrl } from './appOrigin'

type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'> | null | undefined

/** Only the top frame of a page from Scholia's own origin may call the API. */
export function isTrustedSender(frame: SenderFrame): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url)
}

export const untrustedSenderResponse: ApiResponse<never> = {
  ok: false,
  error: { code: 'refused', message: "This request did not come from Scholia's own window and was refused." }
}

/** Registers the handlers; the returned function removes them again. */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: ApiHandlers
): () => void {
  for (const method of apiMethodNames) {
    ipcMain.handle(ipcChannelPrefix + method, (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return Promise.resolve(untrustedSenderResponse)
      return dispatchApiCall(handlers, method, args)
    })
  }
  return () => {
    for (const method of apiMethodNames) ipcMain.removeHandler(ipcChannelPrefix + method)
  }
}
