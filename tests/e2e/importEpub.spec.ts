// An EPUB imported as a person does it (issue 13): picked with the library's import control, read
// on the back end's import thread, then opened with the book's chapters in Contents, a footnote
// opening beside its marker, and the note's text found by search; a DRM-protected book is refused
// with its reason and nothing is added.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { searchUntilFound } from './helpers'

const fixtures = join(__dirname, '..', 'fixtures', 'epub')
const epub = (name: string) => ({
  name,
  mimeType: 'application/epub+zip',
  buffer: readFileSync(join(fixtures, name))
})

test('an EPUB opens with its chapters in Contents, footnote pop-ups and its notes searchable', async ({
  page,
  scholia
}) => {
  await page.goto(`${scholia.origin}/?token=${scholia.token}#/library`)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await page.getByLabel('Import files').setInputFiles(epub('book3.epub'))
  const notice = page.getByRole('status').filter({ hasText: 'Imported “Rivers of the Peninsula' })
  await expect(notice).toBeVisible()
  await notice.getByRole('link', { name: 'Open it' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rivers of the Peninsula')
  await expect(page.locator('article')).toHaveAttribute('lang', 'en')
  const contents = page.getByRole('navigation', { name: 'Contents' })
  for (const chapter of ['One: The Han River', 'The Floods of 1925', 'Two: The Naktong', 'Three: Crossings'])
    await expect(contents.getByRole('link', { name: chapter })).toBeVisible()
  await contents.getByRole('link', { name: 'Two: The Naktong' }).click()
  await expect(page.getByRole('heading', { name: 'Two: The Naktong' })).toBeInViewport()

  await page.getByRole('button', { name: 'Note 1', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Footnote 1' })
  await expect(dialog).toContainText('The hangul 한강 means "great river"')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // A note's text is searchable.
  await searchUntilFound(page, 'wetlands', 'migrating birds')

  // A DRM-protected book: refused with the reason, nothing added.
  await page.goto(`${scholia.origin}/#/library`)
  await page.getByLabel('Import files').setInputFiles(epub('drm.epub'))
  await expect(page.getByText('drm.epub: This EPUB is protected by DRM')).toBeVisible()
  // The bundled article and the book, as before.
  await expect(page.getByRole('listitem')).toHaveCount(2)
})
