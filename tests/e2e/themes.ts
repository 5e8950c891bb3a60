// Both themes, applied the way the app applies them (and the system's too, for the "System" theme),
// with nothing animating: for the axe scans of every screen and for the screenshots in docs/screens/
// (helpers.ts).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

export const themes = ['light', 'dark'] as const

export async function applyTheme(page: Page, theme: (typeof themes)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
  await page.evaluate((value) => {
    document.documentElement.dataset.theme = value
  }, theme)
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Scans the page as it is now in both themes; what axe finds is added to `found`, named by state. */
export async function scanBothThemes(page: Page, state: string, found: string[]): Promise<void> {
  for (const theme of themes) {
    // Colours are read at rest.
    await applyTheme(page, theme)
    const results = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .withTags(wcagTags)
      .analyze()
    for (const violation of results.violations) {
      const where = violation.nodes
        .slice(0, 4)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n')
      found.push(`${state}, ${theme}: ${violation.id} (${violation.help})\n${where}`)
    }
  }
}
