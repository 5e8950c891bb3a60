// Playwright fixtures: each test gets its own browser-mode server on a fresh data folder.
import { test as base } from '@playwright/test'
import { startWebServer, type RunningServer } from '../support/webServer'

export const test = base.extend<{ scholia: RunningServer }>({
  // Playwright reads the fixture's dependencies from the destructuring pattern: it must be there, even empty.
  // eslint-disable-next-line no-empty-pattern
  scholia: async ({}, use) => {
    const server = await startWebServer()
    await use(server)
    await server.stop()
  }
})

export { expect } from '@playwright/test'
