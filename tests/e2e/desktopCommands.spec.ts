// The desktop menus' commands in the page, in the browser mode: the preload hands each command on
// as the same DOM event sent here (app/desktopCommands.ts), so the page's side of File › Library,
// View › Theme, Help › Keyboard shortcuts and the right-click menu's Highlight is tested in Chromium.
// Electron's side (the menus themselves) is in tests/unit/electronDesktop.test.ts.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { selectText } from './selection'

/** The event the page gets from the preload; `command` may be any string, as a forged one could. */
async function sendCommand(page: Page, command: string): Promise<void> {
  await page.evaluate((detail) => {
    window.dispatchEvent(new CustomEvent('scholia-desktop-command', { detail }))
  }, command)
}

test("the menus' commands do what the page's own buttons and shortcuts do", async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')

  // Right-click › Highlight on a selection: a highlight in the last colour, with its note.
  await selectText(page, 'crystallised into a strong sense of self-reliance')
  await sendCommand(page, 'highlight-selection')
  await expect(page.locator('mark', { hasText: 'strong sense of self-reliance' })).toBeVisible()

  // Right-click › Add note: the note editor opens on the selection, spell-checked where the system can.
  await selectText(page, 'Six-Party Talks')
  await sendCommand(page, 'note-on-selection')
  const editor = page.getByRole('complementary', { name: 'Notes' }).getByRole('textbox', { name: 'Note' })
  await expect(editor).toBeFocused()
  await expect(editor).toHaveAttribute('spellcheck', 'true')
  await editor.fill('Sent from the menu.')
  await page.getByRole('complementary', { name: 'Notes' }).getByRole('button', { name: 'Done' }).click()

  // Edit › Find in document…
  await sendCommand(page, 'find-in-document')
  await expect(page.getByRole('searchbox', { name: 'Find in document' })).toBeFocused()
  await page.keyboard.press('Escape')

  // File › Export… opens the reader's export panel.
  await sendCommand(page, 'open-export')
  await expect(page.getByRole('button', { name: 'Export file' })).toBeVisible()
  await page.keyboard.press('Escape')

  // View › Theme › Dark, saved like the reader settings' own choice.
  await sendCommand(page, 'theme-dark')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')

  // Help › Keyboard shortcuts lists the page's shortcuts.
  await sendCommand(page, 'show-shortcuts')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog.getByRole('row', { name: /Search everything/ })).toContainText(/Ctrl\+K|⌘K/)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)

  // A name not on the list does nothing; File › Library and Study › Statistics navigate.
  await sendCommand(page, 'delete-everything')
  await sendCommand(page, 'open-statistics')
  await expect(page).toHaveURL(/#\/stats$/)
  await sendCommand(page, 'open-library')
  await expect(page).toHaveURL(/#\/library$/)
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
