// Starting the built Electron app for a test: on a data folder of the test's own, with the
// environment that lets Chromium run in CI containers, and the command line a person's system would
// give it (a file to import, a scholia: link).
import { spawn } from 'node:child_process'
import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { projectRoot } from './electronAvailability'

function environment(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value
  }
  env.SCHOLIA_DATA_DIR = dataDir
  return env
}

// Chromium refuses to run as root with its OS sandbox (CI containers); the page sandbox stays on.
const rootOnly = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : [])

export function launchScholia(
  executablePath: string,
  dataDir: string,
  extraArguments: string[] = []
): Promise<ElectronApplication> {
  return electron.launch({
    executablePath,
    args: [...rootOnly(), projectRoot, ...extraArguments],
    cwd: projectRoot,
    env: environment(dataDir)
  })
}

/** Starts a second instance, as the system does for a link or "Open with"; resolves with its exit code. */
export function runSecondInstance(
  executablePath: string,
  dataDir: string,
  extraArguments: string[]
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(executablePath, [...rootOnly(), projectRoot, ...extraArguments], {
      cwd: projectRoot,
      env: environment(dataDir),
      stdio: 'ignore'
    })
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error('the second instance did not exit within 30 s'))
    }, 30_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}
