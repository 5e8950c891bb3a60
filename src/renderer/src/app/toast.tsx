// Toasts: short messages at the bottom of the window, announced politely to screen readers, with
// an optional action ("Undo"). Undone actions are announced here too.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode
} from 'react'
import { onUndo, undo, type UndoEntry } from './undo'

export interface ToastOptions {
  message: string
  /** An action from the undo history: the toast shows an "Undo" button for it. */
  undoEntry?: UndoEntry
  tone?: 'info' | 'error'
}

interface Toast extends ToastOptions {
  id: number
}

const ToastContext = createContext<(options: ToastOptions) => void>(() => undefined)

export function useToast(): (options: ToastOptions) => void {
  return useContext(ToastContext)
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, number>())

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id))
    window.clearTimeout(timers.current.get(id))
    timers.current.delete(id)
  }, [])

  const show = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++
      setToasts((current) => [...current.slice(-2), { ...options, id }])
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), options.undoEntry ? 8000 : 4000)
      )
    },
    [dismiss]
  )

  useEffect(
    () =>
      onUndo((entry, outcome, error) => {
        setToasts((current) => current.filter((toast) => toast.undoEntry !== entry))
        show(
          outcome === 'undone'
            ? { message: `Undone: ${entry.label}` }
            : {
                message: `Could not undo: ${error instanceof Error ? error.message : String(error)}`,
                tone: 'error'
              }
        )
      }),
    [show]
  )

  const value = useMemo(() => show, [show])
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast${toast.tone === 'error' ? ' toast-error' : ''}`}>
            <span>{toast.message}</span>
            {toast.undoEntry && (
              <button type="button" className="toast-action" onClick={() => void undo(toast.undoEntry)}>
                Undo
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={() => dismiss(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}
