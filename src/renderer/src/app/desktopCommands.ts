// The desktop menus' commands in the page. The preload's window.scholiaDesktop hands them over
// once, here, and they go on as a DOM event on window, so that each screen listens with
// useDesktopCommands and the browser-mode tests can send the same event the menus do. A command
// does what the page's own button or shortcut does; it is never more than that.
import { useEffect, useRef } from 'react'
import { isDesktopCommand, type DesktopCommand } from '../../../shared/desktopCommands'

export const desktopCommandEvent = 'scholia-desktop-command'

/** Called once at start-up; in the browser mode there is no window.scholiaDesktop and nothing to do. */
export function forwardDesktopCommands(): void {
  window.scholiaDesktop?.onCommand((command) => {
    window.dispatchEvent(new CustomEvent(desktopCommandEvent, { detail: command }))
  })
}

export type DesktopCommandHandlers = Partial<Record<DesktopCommand, () => void>>

/** Runs the handler of each command that arrives while the component is mounted. */
export function useDesktopCommands(handlers: DesktopCommandHandlers): void {
  const current = useRef(handlers)
  useEffect(() => {
    current.current = handlers
  })
  useEffect(() => {
    const listener = (event: Event): void => {
      const command = (event as CustomEvent<unknown>).detail
      if (isDesktopCommand(command)) current.current[command]?.()
    }
    window.addEventListener(desktopCommandEvent, listener)
    return () => window.removeEventListener(desktopCommandEvent, listener)
  }, [])
}
