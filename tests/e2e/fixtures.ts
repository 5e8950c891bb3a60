// Playwright fixtures: each test gets its own browser-mode server on a fresh data folder.
import { test as base, type Page, type Response } from '@playwright/test'
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

/**
 * The response to the next call of `method` whose arguments pass `matches`. Call it *before* the
 * action that saves, and await it after: a debounced save, or another save of the same method
 * (the theme before the text size), must not be taken for the one the test is waiting for.
 */
export function apiResponse(
  page: Page,
  method: string,
  matches: (args: Record<string, unknown>) => boolean = () => true
): Promise<Response> {
  return page.waitForResponse((response) => {
    if (!response.url().endsWith(`/api/${method}`)) return false
    const args = response.request().postDataJSON() as Record<string, unknown> | null
    return args !== null && matches(args)
  })
}
