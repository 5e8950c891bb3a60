// Annotating as a person does: select text, highlight it, write a note with a tag, reload, find
// it again in the notes list by tag, delete it and undo; overlapping highlights stay selectable.
import type { Page } from '@playwright/test'
import { apiResponse, expect, test } from './fixtures'
import { selectText } from './helpers'

const notes = (page: Page) => page.getByRole('complementary', { name: 'Notes' })

test('select, highlight, write a note with a tag, reload, find it by tag, delete and undo', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  await selectText(page, 'crystallised into a strong sense of self-reliance')
  const toolbar = page.getByRole('toolbar', { name: 'Selection' })
  await expect(toolbar).toBeVisible()
  await toolbar.getByRole('button', { name: 'Highlight: Key argument' }).click()
  await expect(page.locator('mark.hl-yellow', { hasText: 'strong sense of self-reliance' })).toBeVisible()
  await expect(notes(page).getByRole('article', { name: /^Key argument: / })).toBeVisible()

  await selectText(page, 'Six-Party Talks')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Add note' }).click()
  const editor = notes(page).getByRole('textbox', { name: 'Note' })
  await expect(editor).toBeFocused()
  await editor.fill('Compare with the **1994** Agreed Framework.')
  // The card shows the tag before the save lands (an optimistic update): wait for the save itself.
  const tagSaved = apiResponse(page, 'updateAnnotation', (args) =>
    JSON.stringify(args.tags ?? []).includes('negotiation')
  )
  await notes(page).getByRole('combobox', { name: 'Add tag' }).fill('negotiation')
  await notes(page).getByRole('combobox', { name: 'Add tag' }).press('Enter')
  await notes(page).getByRole('button', { name: 'Done' }).click()
  const card = notes(page).getByRole('article', { name: /Six-Party Talks/ })
  await expect(card.locator('strong')).toHaveText('1994')
  await expect(card.getByText('#negotiation')).toBeVisible()
  await tagSaved

  await page.reload()
  await notes(page).getByRole('button', { name: 'List' }).click()
  await notes(page).getByRole('combobox', { name: 'Tag' }).selectOption('negotiation')
  await expect(notes(page).getByText('1 of 2 notes')).toBeVisible()
  const found = notes(page).getByRole('article', { name: /Six-Party Talks/ })
  await expect(found).toContainText('Compare with the 1994 Agreed Framework.')
  await expect(notes(page).getByRole('article', { name: /^Key argument/ })).toHaveCount(0)

  await found.getByRole('button', { name: 'Delete' }).click()
  await expect(notes(page).getByRole('article', { name: /Six-Party Talks/ })).toHaveCount(0)
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
  await expect(notes(page).getByRole('article', { name: /Six-Party Talks/ })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Undone: Note deleted')

  // Ctrl+Z outside a text field undoes the last action too: here, delete it again, then undo.
  await notes(page)
    .getByRole('article', { name: /Six-Party Talks/ })
    .getByRole('button', { name: 'Delete' })
    .click()
  await expect(notes(page).getByRole('article', { name: /Six-Party Talks/ })).toHaveCount(0)
  await page.locator('body').press('Control+z')
  await expect(notes(page).getByRole('article', { name: /Six-Party Talks/ })).toBeVisible()
  await page.reload()
  await expect(notes(page).getByRole('article', { name: /Six-Party Talks/ })).toBeVisible()
})

test('overlapping highlights both show and each stays selectable', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await selectText(page, 'the goal of direct negotiations with the US')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight: Actor' })
    .click()
  await expect(notes(page).getByRole('article', { name: /^Actor: / })).toBeVisible()
  await selectText(page, 'direct negotiations')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight: Question' })
    .click()
  await expect(notes(page).getByRole('article', { name: /^Question: / })).toBeVisible()

  const inner = page.locator('mark.hl-pink.hl-overlap', { hasText: 'direct negotiations' })
  await expect(inner).toBeVisible()
  await expect(page.locator('mark.hl-blue', { hasText: 'the goal of' })).toBeVisible()

  await inner.click()
  await expect(notes(page).getByRole('article', { name: /^Question: / })).toBeFocused()
  await inner.click()
  await expect(notes(page).getByRole('article', { name: /^Actor: / })).toBeFocused()
  await page.locator('mark.hl-blue', { hasText: 'the goal of' }).click()
  await expect(notes(page).getByRole('article', { name: /^Actor: / })).toBeFocused()
})

test('keyboard: Ctrl+Shift+H highlights in the last colour, Ctrl+Shift+M opens a note', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await selectText(page, 'Rodong Sinmun')
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible()
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight: Evidence' })
    .click()
  await selectText(page, 'Tripartite Talks')
  await page.keyboard.press('Control+Shift+H')
  await expect(page.locator('mark.hl-purple', { hasText: 'Tripartite Talks' })).toBeVisible()
  await selectText(page, 'Cultural Revolution')
  await page.keyboard.press('Control+Shift+M')
  await expect(notes(page).getByRole('textbox', { name: 'Note' })).toBeFocused()
})

test('selecting a note scrolls to its passage; a note in HTML shows as text', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await selectText(page, 'Joint Communiqué')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Add note' }).click()
  await notes(page)
    .getByRole('textbox', { name: 'Note' })
    .fill('<img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3))')
  await notes(page).getByRole('button', { name: 'Done' }).click()
  const card = notes(page).getByRole('article', { name: /Joint Communiqué/ })
  await expect(card).toContainText('<img src=x onerror="alert(1)">')
  await expect(card.locator('img, script')).toHaveCount(0)
  await expect(card.locator('a[href^="javascript"]')).toHaveCount(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await card.getByRole('button', { name: /Joint Communiqué/ }).click()
  await expect(page.locator('mark', { hasText: 'Joint Communiqué' }).first()).toBeInViewport()
  expect(dialogs).toEqual([])
})

test('colour meanings can be renamed, and the new meaning shows wherever the colour does', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await page.getByRole('button', { name: 'Reader settings' }).click()
  const meaning = page.getByRole('textbox', { name: 'Meaning of the green highlight' })
  await expect(meaning).toHaveValue('Date')
  await meaning.fill('Turning point')
  await meaning.press('Enter')
  await page.getByRole('button', { name: 'Reader settings' }).click()
  await selectText(page, 'Rodong Sinmun')
  await page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: 'Highlight: Turning point' })
    .click()
  await expect(notes(page).getByRole('article', { name: /^Turning point: Rodong Sinmun/ })).toBeVisible()
  await expect(page.locator('mark.hl-green', { hasText: 'Rodong Sinmun' })).toHaveAttribute(
    'title',
    'Turning point'
  )
  await page.reload()
  await notes(page).getByRole('button', { name: 'List' }).click()
  await expect(notes(page).getByRole('article', { name: /^Turning point: / })).toBeVisible()
  await expect(notes(page).getByRole('group', { name: 'Filter by colour' })).toContainText('Turning point')
})

test('"Make card" proposes a cloze of the selected words in their sentence, saved with its passage', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await selectText(page, 'August 1956')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Make card' }).click()
  const dialog = page.getByRole('dialog', { name: 'Make card' })
  const cloze = dialog.getByRole('textbox', { name: /Cloze text/ })
  await expect(cloze).toHaveValue(/\{\{c1::August 1956\}\}/)
  await expect(cloze).toHaveValue(/failed coup attempt/)
  await expect(cloze).not.toHaveValue(/\n/)
  await dialog.getByRole('button', { name: 'Save card' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Card saved')
  await page.goto(`${scholia.origin}/#/cards`)
  await expect(page.getByText(/failed coup attempt/).first()).toBeVisible()
})

test('"Copy quote" puts the passage and its citation on the clipboard', async ({
  page,
  context,
  scholia
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: scholia.origin })
  await page.goto(scholia.url)
  await selectText(page, 'strong sense of self-reliance')
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Copy quote' }).click()
  await expect(page.getByRole('status')).toContainText('Quote copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(
    '“strong sense of self-reliance” (Eungseo Kim, "The Sino-DPRK Split and Origins of US-DPRK Bilateralism", European Journal of Korean Studies 17, no. 2 (2018): 71–79)'
  )
})

test('a note whose passage left the text is listed as orphaned and can be re-attached to a new selection', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await page.locator('article p.paragraph').first().waitFor()
  const edited = await page.evaluate(async () => {
    const post = async (method: string, body: unknown) =>
      (
        (await (
          await fetch(`/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body)
          })
        ).json()) as { value: unknown }
      ).value
    const [document] = (await post('listDocuments', {})) as { id: string }[]
    const view = (await post('getDocument', { documentId: document?.id })) as { blocks: { text: string }[] }
    const text = view.blocks.map((block) => block.text).join('\n\n')
    const start = text.indexOf('Six-Party Talks')
    await post('createAnnotation', {
      documentId: document?.id,
      start,
      end: start + 15,
      colour: 'pink',
      note: 'Which six?'
    })
    return document?.id
  })
  // The same document, updated from a file where that sentence was rewritten.
  await page.evaluate(async (documentId) => {
    const response = await fetch('/api/getDocument', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId })
    })
    const view = (
      (await response.json()) as {
        value: { metadata: { title: string }; blocks: { kind: string; text: string }[] }
      }
    ).value
    const markdown = [
      `# ${view.metadata.title}`,
      ...view.blocks
        .filter((block) => block.kind === 'paragraph')
        .map((block) => block.text.replace('than the Six-Party Talks', 'than any recent round of talks'))
    ].join('\n\n')
    await fetch('/api/updateDocumentFromFile', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ documentId, fileName: 'edited.md', text: markdown })
    })
  }, edited)
  await page.reload()
  const notes = page.getByRole('complementary', { name: 'Notes' })
  const orphans = notes.getByRole('region', { name: /Orphaned notes \(1\)/ })
  await expect(orphans).toBeVisible()
  await expect(orphans.getByRole('article', { name: /Six-Party Talks/ })).toContainText('Which six?')
  await selectText(page, 'any recent round of talks')
  await orphans.getByRole('button', { name: 'Re-attach to selection' }).click()
  await expect(notes.getByRole('region', { name: /Orphaned notes/ })).toHaveCount(0)
  await expect(page.locator('mark.hl-pink', { hasText: 'any recent round of talks' })).toBeVisible()
})
