// A row's actions behind one small "Actions" button, as a menu: opened, focus goes to its first
// item; arrows move, Escape or a choice closes it and gives focus back to the button. The menu is
// drawn over the page (a portal with fixed position), so that a scrolling list does not clip it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

export interface RowAction {
  label: string
  run: () => void
  danger?: boolean
}

export function RowMenu({ name, actions }: { name: string; actions: RowAction[] }) {
  const [at, setAt] = useState<{ top: number; right: number } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const open = at !== null

  const close = (refocus: boolean): void => {
    setAt(null)
    if (refocus) button.current?.focus()
  }

  useLayoutEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus()
  }, [open])

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setAt(null)
    }
    const onScroll = (event: Event): void => {
      if (!menu.current?.contains(event.target as Node)) setAt(null)
    }
    document.addEventListener('pointerdown', onPointer)
    window.addEventListener('scroll', onScroll, true)
    window.addEventListener('resize', onScroll)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      window.removeEventListener('scroll', onScroll, true)
      window.removeEventListener('resize', onScroll)
    }
  }, [open])

  const onMenuKey = (event: React.KeyboardEvent): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])]
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    const move = (to: number): void => {
      event.preventDefault()
      items[(to + items.length) % items.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(index + 1)
    else if (event.key === 'ArrowUp') move(index - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(items.length - 1)
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault()
      close(true)
    }
  }

  return (
    <>
      <button
        type="button"
        ref={button}
        className="row-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Actions: ${name}`}
        onClick={() => {
          if (open) return close(false)
          const rect = button.current?.getBoundingClientRect()
          if (rect) setAt({ top: rect.bottom + 4, right: window.innerWidth - rect.right })
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {at &&
        createPortal(
          <div
            className="row-menu"
            role="menu"
            aria-label={`Actions: ${name}`}
            ref={menu}
            style={{ top: at.top, right: at.right }}
            onKeyDown={onMenuKey}
          >
            {actions.map((action) => (
              <button
                key={action.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={action.danger ? 'danger' : undefined}
                onClick={() => {
                  close(true)
                  action.run()
                }}
              >
                {action.label}
              </button>
            ))}
          </div>,
          document.body
        )}
    </>
  )
}
