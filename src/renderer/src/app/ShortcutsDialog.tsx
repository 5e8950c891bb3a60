// Help › Keyboard shortcuts: the page's shortcuts, listed from the same table its key handlers
// and the desktop menu use (shared/shortcuts.ts), written as this system writes them.
import { shortcutLabel, shortcutList } from '../../../shared/shortcuts'
import { Modal } from '../study'

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const mac = navigator.platform.startsWith('Mac')
  return (
    <Modal
      title="Keyboard shortcuts"
      onClose={onClose}
      closeOnBackdrop
      head={
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <table className="shortcuts-table">
        <tbody>
          {shortcutList.map((entry) => (
            <tr key={entry.label}>
              <th scope="row">{entry.label}</th>
              <td>
                <kbd>{typeof entry.keys === 'string' ? entry.keys : shortcutLabel(entry.keys, mac)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}
