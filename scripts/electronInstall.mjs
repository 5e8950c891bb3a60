// Runs Electron's own installer (node_modules/electron/install.js: @electron/get, honouring
// ELECTRON_MIRROR, electron_config_cache and the rest of Electron's download settings) under a
// time limit, keeping its output to name the reason if it fails. Used by `npm start` and by the
// postinstall step.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { installerFailureReason } from './startDecisions.mjs'

/** Resolves with { ok: true } or { ok: false, reason } — never rejects. */
export function runElectronInstaller({ electronDir, timeoutSeconds, env = process.env }) {
  return new Promise((resolve) => {
    let output = ''
    let timedOut = false
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const keep = (chunk) => {
      // The first lines hold the error; a long stack is not needed.
      if (output.length < 16_384) output += chunk.toString('utf8')
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 2_000).unref()
    }, timeoutSeconds * 1000)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ ok: false, reason: `Electron's installer could not run: ${error.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0 && !timedOut) resolve({ ok: true })
      else resolve({ ok: false, reason: installerFailureReason({ timedOut, timeoutSeconds, code, output }) })
    })
  })
}
