// The Playwright Electron test (tests/electron): runs the built app where an Electron binary
// exists (`npm run build` first); elsewhere it is skipped and this config says why, once.
import { defineConfig } from '@playwright/test'
import { electronTestAvailability } from './tests/electron/electronAvailability'

const availability = electronTestAvailability()
// On GitHub's runners (.github/workflows/ci.yml) the window can always open: a skip there would hide
// a broken install, so it fails instead.
if (availability.skipReason !== null && process.env.SCHOLIA_ELECTRON_TEST === 'required')
  throw new Error(`Electron test: SCHOLIA_ELECTRON_TEST=required, but ${availability.skipReason}`)
// Workers load this file too: only the runner process prints.
if (availability.skipReason !== null && process.env.TEST_WORKER_INDEX === undefined)
  console.log(`Electron test: ${availability.skipReason}`)

export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.electron.spec.ts',
  outputDir: 'test-results/electron',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']]
})
