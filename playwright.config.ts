// End-to-end tests: the real renderer in Chromium, driven through the browser mode with a fresh
// data folder per test.
import { defineConfig } from '@playwright/test'
import { findChromium, noChromiumMessage } from './tests/support/findChromium'

const executablePath = findChromium()
if (!executablePath) {
  console.error(noChromiumMessage)
  process.exit(1)
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
      ]
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure'
  }
})
