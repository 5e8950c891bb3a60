// The library across restarts and processes, and documents with hostile content.
import { test as base, expect } from '@playwright/test'
import { existsSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { freshDataDir, runToExit, startWebServer } from '../support/webServer'
import { test } from './fixtures'
import { annotate, importMarkdown } from './helpers'

base('a second start does not import the bundled article again', async ({ page }) => {
  const dataDir = freshDataDir()
  try {
    const first = await startWebServer({ dataDir })
    await page.goto(first.url)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
    await first.stop()

    const second = await startWebServer({ dataDir })
    await page.goto(second.url)
    await page.goto(`${second.origin}/#/library`)
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
    await expect(page.getByRole('listitem')).toHaveCount(1)
    await second.stop()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

base('a second process on the same data folder is refused with a clear message', async () => {
  const dataDir = freshDataDir()
  try {
    const first = await startWebServer({ dataDir })
    const second = await runToExit(['--data-dir', dataDir])
    expect(second.code).not.toBe(0)
    expect(second.stderr).toContain('already open')
    expect(second.stdout).not.toContain('Scholia is running at')
    await first.stop()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

base('web.js --help prints the usage and starts nothing; an unknown option says what to do', async () => {
  const help = await runToExit(['--help'])
  expect(help.code).toBe(0)
  expect(help.stdout).toMatch(/^Usage: node out\/main\/web.js/)
  expect(help.stdout).toContain('--data-dir DIR')
  expect(help.stdout).not.toMatch(/running at http:\/\/127\.0\.0\.1:\d/)
  const typo = await runToExit(['--prot', '8123'])
  expect(typo.code).toBe(2)
  expect(typo.stderr).toContain('unknown option "--prot"')
  expect(typo.stdout).toBe('')
})

base('a removed bundled article stays removed after a restart', async ({ page }) => {
  const dataDir = freshDataDir()
  try {
    const first = await startWebServer({ dataDir })
    await page.goto(first.url)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const removed = await page.evaluate(async () => {
      const post = (method: string, body: unknown): Promise<Response> =>
        fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body)
        })
      const list = (await (await post('listDocuments', {})).json()) as { value: { id: string }[] }
      return (await post('removeDocument', { documentId: list.value[0]?.id })).ok
    })
    expect(removed).toBe(true)
    await first.stop()

    const again = await startWebServer({ dataDir })
    await page.goto(again.url)
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
    await expect(page.getByText('Your library is empty')).toBeVisible()
    await again.stop()
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('a document with scripts and javascript: links is shown as inert text', async ({ page, scholia }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const hostile = [
    '# A <img src=x onerror="window.__pwned=1">Hostile Text',
    '',
    'First paragraph with <script>window.__pwned = 2</script> inside and a [link](javascript:window.__pwned=3).',
    '',
    '<svg onload="window.__pwned=4"></svg> <details open ontoggle="window.__pwned=5">x</details>',
    '',
    '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>'
  ].join('\n')
  const documentId = await page.evaluate(async (text) => {
    const response = await fetch('/api/importDocument', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'hostile.md', text })
    })
    const body = (await response.json()) as { ok: boolean; value: { document: { id: string } } }
    return body.value.document.id
  }, hostile)
  await page.goto(`${scholia.origin}/#/doc/${documentId}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hostile Text')
  await expect(page.locator('article')).toContainText('First paragraph with')
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  await expect(
    page.locator('article script, article img, article svg, article iframe, article details')
  ).toHaveCount(0)
  await expect(page.locator('article a[href^="javascript"]')).toHaveCount(0)
})

test('an empty file is refused with a message a person can act on', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const result = await page.evaluate(async () => {
    const response = await fetch('/api/importDocument', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileName: 'empty.md', text: '  \n\n ' })
    })
    return {
      status: response.status,
      body: (await response.json()) as { ok: boolean; error?: { message: string } }
    }
  })
  expect(result.body.ok).toBe(false)
  expect(result.body.error?.message).toMatch(/empty/i)
})

for (const hash of ['#/doc/%E0%A4%A', '#/deck/%']) {
  test(`a malformed link (${hash}) opens home instead of a blank page`, async ({ page, scholia }) => {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(scholia.url)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
    await page.goto(`${scholia.origin}/${hash}`)
    await page.reload()
    // Home opens the only document: the bundled article, under its own well-formed address.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
    await expect(page).toHaveURL(/#\/doc\/[\w-]+$/)
    expect(errors).toEqual([])
  })
}

base('a port already in use is named, and the library is closed and unlocked', async () => {
  const dataDir = freshDataDir()
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  try {
    const port = (blocker.address() as AddressInfo).port
    const refused = await runToExit(['--data-dir', dataDir, '--port', String(port)])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain(`port ${port} is already in use`)
    expect(existsSync(join(dataDir, 'scholia.lock'))).toBe(false)
    const next = await startWebServer({ dataDir })
    await next.stop()
  } finally {
    blocker.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('"Update from file…" in the library keeps the notes it finds and lists the one whose passage went', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  const paragraphs = [
    'The armistice of 1953 ended the fighting but settled nothing about the border.',
    'In 1961 the two states signed a treaty of friendship and mutual assistance.',
    'By 1966 the press of each side attacked the other in editorials.'
  ]
  const { documentId } = await importMarkdown(
    page,
    'A Text That Changes',
    `# A Text That Changes\n\n${paragraphs.join('\n\n')}\n`
  )
  await annotate(page, documentId, 'treaty of friendship', { colour: 'yellow', note: 'Signed in July.' })
  await annotate(page, documentId, 'attacked the other in editorials', {
    colour: 'pink',
    note: 'Which papers?'
  })
  await page.getByRole('link', { name: 'Library', exact: true }).click()
  const edited = [
    '# A Text That Changes',
    'An editor put this paragraph first.',
    paragraphs[0],
    paragraphs[1]
  ].join('\n\n')
  await page.getByLabel('Update A Text That Changes from file').setInputFiles({
    name: 'changed.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(edited, 'utf8')
  })
  await expect(
    page.getByText('Updated “A Text That Changes” from changed.md: 1 note or card found again, 1 not found')
  ).toBeVisible()

  await page.goto(`${scholia.origin}/#/doc/${documentId}`)
  await expect(page.getByText('An editor put this paragraph first.')).toBeVisible()
  await expect(page.locator('mark.hl-yellow', { hasText: 'treaty of friendship' })).toBeVisible()
  const orphans = page
    .getByRole('complementary', { name: 'Notes' })
    .getByRole('region', { name: /Orphaned notes \(1\)/ })
  await expect(orphans.getByRole('article', { name: /attacked the other in editorials/ })).toContainText(
    'Which papers?'
  )
})
