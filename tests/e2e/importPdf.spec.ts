// A PDF imported as a person does it: picked in the library, read on the back end's import thread,
// then opened in the reader with its title, headings and footnote pop-ups, its text found by search;
// the same PDF again is
// offered as the document already there, and a protected PDF is refused with the reason.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { RunningServer } from '../support/webServer'
import { expect, test } from './fixtures'
import { searchUntilFound } from './helpers'

const fixtures = join(__dirname, '..', 'fixtures', 'pdf')
const pdf = (name: string) => ({
  name,
  mimeType: 'application/pdf',
  buffer: readFileSync(join(fixtures, name))
})

async function openLibrary(page: Page, scholia: RunningServer): Promise<void> {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
}

test('a PDF picked in the library opens in the reader with its headings and footnote pop-ups', async ({
  page,
  scholia
}) => {
  await openLibrary(page, scholia)
  await page.getByLabel('Import files').setInputFiles(pdf('chromium-article.pdf'))
  const notice = page.getByRole('status').filter({ hasText: 'Imported “The Sino-DPRK Split' })
  await expect(notice).toBeVisible()
  await notice.getByRole('link', { name: 'Open it' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'The Sino-DPRK Split and Origins of US-DPRK Bilateralism'
  )
  await expect(
    page.getByRole('heading', { name: "Détente and Pyongyang's Calculation for Survival" })
  ).toBeVisible()
  const marker = page.getByRole('button', { name: 'Note 3', exact: true })
  await marker.click()
  const dialog = page.getByRole('dialog', { name: 'Footnote 3' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('Hong Sökryul (홍석률)')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Its text is searchable, Hangul included.
  await searchUntilFound(page, '김일성', 'chuch')

  // The same file again: the document already there is offered.
  await page.goto(`${scholia.origin}/#/library`)
  await page.getByLabel('Import files').setInputFiles(pdf('chromium-article.pdf'))
  await expect(page.getByText('is already in your library.')).toBeVisible()

  // A protected PDF: refused with the reason, nothing added.
  await page.getByLabel('Import files').setInputFiles(pdf('encrypted.pdf'))
  await expect(page.getByText('encrypted.pdf: This PDF is protected by a password')).toBeVisible()
  await expect(page.getByRole('listitem')).toHaveCount(2)
})
