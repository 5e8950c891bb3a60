// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then a Chromium that Playwright itself
// installed, then Debian's. Where there is none, says in one line how to get one.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const noChromiumMessage =
  'No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium fonts-nanum`), ' +
  'or set CHROMIUM_PATH to a Chromium/Chrome executable, or run `npx playwright install chromium` on a machine that can download it.'

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync
): string | null {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  let playwrightOwn: string | null = null
  try {
    playwrightOwn = chromium.executablePath()
  } catch {
    playwrightOwn = null
  }
  for (const candidate of [
    playwrightOwn,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser'
  ]) {
    if (candidate && exists(candidate)) return candidate
  }
  return null
}
