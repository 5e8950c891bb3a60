// Keeping work safe, at the foot of the library: the automatic backups (make one now, restore
// one), and the whole library as one .scholia file to move to another computer and import there.
import { useRef, useState } from 'react'
import type { BackupInfo } from '../../../shared/library/types'
import { api } from '../api/client'
import { formatDayTime } from '../app/dates'
import { useToast } from '../app/toast'
import { deliverExport } from '../export/deliverExport'
import { readFileBytes } from './importFiles'

const kindLabel: Record<BackupInfo['kind'], string> = {
  daily: 'Daily',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
  manual: 'Made by hand'
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

type Pending = { kind: 'restore'; backup: BackupInfo } | { kind: 'import'; file: File }

export function LibraryTools({ onLibraryReplaced }: { onLibraryReplaced: () => void }) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; tone: 'info' | 'error' } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const toast = useToast()

  async function refresh(): Promise<void> {
    setBackups(await api.listBackups({}))
  }

  async function act(work: () => Promise<string | null>): Promise<void> {
    setBusy(true)
    setMessage(null)
    try {
      const text = await work()
      if (text) setMessage({ text, tone: 'info' })
      await refresh()
    } catch (cause) {
      setMessage({ text: cause instanceof Error ? cause.message : String(cause), tone: 'error' })
    } finally {
      setBusy(false)
      setPending(null)
    }
  }

  async function confirmPending(): Promise<void> {
    if (!pending) return
    await act(async () => {
      const result =
        pending.kind === 'restore'
          ? await api.restoreBackup({ fileName: pending.backup.fileName })
          : await api.importLibrary({
              fileName: pending.file.name,
              bytes: await readFileBytes(pending.file, () => undefined)
            })
      onLibraryReplaced()
      return result.message
    })
  }

  return (
    <details className="library-tools" onToggle={(event) => event.currentTarget.open && void refresh()}>
      <summary>Backups and moving your library</summary>
      <p className="muted">
        Scholia backs up your library once a day when it changed, and before every update. A backup or an
        imported library replaces the current one; the current one is backed up first.
      </p>
      <div className="library-tools-actions">
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={() => void act(async () => `Backup made: ${(await api.backupNow({})).fileName}`)}
        >
          Back up now
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const done = await deliverExport({ documentId: null, format: 'library' })
              if (done) toast({ message: done })
              return null
            })
          }
        >
          Export library (.scholia)
        </button>
        <button
          type="button"
          className="tool-button"
          disabled={busy}
          onClick={() => fileInput.current?.click()}
        >
          Import library…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".scholia,.sqlite3,.sqlite,.db"
          aria-label="Import library file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) setPending({ kind: 'import', file })
          }}
        />
      </div>
      {pending && (
        <div className="confirm-box" role="alertdialog" aria-label="Replace the library?">
          <p>
            {pending.kind === 'restore'
              ? `Replace your library with the backup of ${formatDayTime(pending.backup.createdAt)}? Changes made since then will not be in it.`
              : `Replace your library with ${pending.file.name}? Everything in the current library is replaced by its contents.`}{' '}
            The current library is backed up first.
          </p>
          <div className="details-actions">
            <button type="button" className="tool-button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="tool-button primary-button"
              disabled={busy}
              onClick={() => void confirmPending()}
            >
              Replace library
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`library-notice ${message.tone}`}>
          {message.text}
        </p>
      )}
      {backups && backups.length === 0 && <p className="muted">No backups yet.</p>}
      {backups && backups.length > 0 && (
        <ul className="backup-list">
          {backups.map((backup) => (
            <li key={backup.fileName}>
              <span>{formatDayTime(backup.createdAt)}</span>
              <span className="muted">
                {kindLabel[backup.kind]} · {size(backup.bytes)}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => setPending({ kind: 'restore', backup })}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
