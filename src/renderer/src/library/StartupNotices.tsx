// What the back end must tell the person once after start-up (a damaged library restored from a
// backup): shown until dismissed. Mount it once near the top of the app.
import { useEffect, useState } from 'react'
import type { StartupNotice } from '../../../shared/library/types'
import { api } from '../api/client'
import './library.css'

export function StartupNotices() {
  const [notices, setNotices] = useState<StartupNotice[]>([])
  useEffect(() => {
    api
      .getStartupNotices({})
      .then(setNotices)
      .catch(() => setNotices([]))
  }, [])
  if (notices.length === 0) return null
  return (
    <div className="startup-notices" role="alert">
      {notices.map((notice, index) => (
        <p key={index}>{notice.message}</p>
      ))}
      <button type="button" className="tool-button" onClick={() => setNotices([])}>
        Understood
      </button>
    </div>
  )
}
