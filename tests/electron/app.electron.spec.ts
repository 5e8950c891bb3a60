// The desktop app end to end, in the real Electron window: first start, a highlight and a note
// that survive a restart, search and a review, an export through the save dialog (stubbed in the
// main process), scholia: links from the system and from a second instance, and the menu's
// Import…. Skipped, saying why, where Electron cannot run (our machines cannot download it);
// .github/workflows/ci.yml runs it on Linux, macOS and Windows and keeps a screenshot.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { apiMethodNames } from '../../src/shared/contract'
import { selectText } from '../e2e/selection'
import { electronTestAvailability, projectRoot } from './electronAvailability'
import { launchScholia, runSecondInstance } from './launch'

const availability = electronTestAvailability()

test.describe.configure({ mode: 'serial' })

let dataDir = ''
test.beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'scholia-electron-'))
})
test.afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})
test.beforeEach(() => {
  test.skip(availability.executable === null, availability.skipReason ?? '')
})

async function withApp(
  run: (app: ElectronApplication, page: Page) => Promise<void>,
  extraArguments: string[] = []
): Promise<void> {
  const app = await launchScholia(availability.executable!, dataDir, extraArguments)
  try {
    const page = await app.firstWindow()
    await run(app, page)
  } finally {
    await app.close()
  }
}

const notes = (page: Page) => page.getByRole('complementary', { name: 'Notes' })

function documentIdIn(url: string): string {
  return decodeURIComponent(url.split('#/doc/')[1]?.split('?')[0] ?? '')
}

/** Clicks a menu item in the application menu, as a person would from the menu bar. */
async function clickMenuItem(app: ElectronApplication, menuLabel: string, itemLabel: string): Promise<void> {
  await app.evaluate(
    ({ Menu, BrowserWindow }, labels) => {
      const menu = Menu.getApplicationMenu()?.items.find(
        (item) => item.label.replace('&', '') === labels.menu
      )
      const item = menu?.submenu?.items.find((entry) => entry.label === labels.item)
      if (!item) throw new Error(`no menu item ${labels.menu} › ${labels.item}`)
      const click = item.click as (event: unknown, window: unknown, contents: unknown) => void
      click(undefined, BrowserWindow.getAllWindows()[0], undefined)
    },
    { menu: menuLabel, item: itemLabel }
  )
}

test('the first start shows the bundled article, with only the two bridges exposed', async () => {
  await withApp(async (_app, page) => {
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Sino-DPRK Split')
    expect(page.url()).toMatch(/^app:\/\/scholia\//)
    const exposed = await page.evaluate(() => {
      const scope = globalThis as unknown as Record<string, unknown>
      return {
        bridge: Object.keys((scope.scholia as object | undefined) ?? {}).sort(),
        desktop: Object.keys((scope.scholiaDesktop as object | undefined) ?? {}),
        require: typeof scope.require,
        process: typeof scope.process
      }
    })
    expect(exposed).toEqual({
      bridge: [...apiMethodNames].sort(),
      desktop: ['onCommand'],
      require: 'undefined',
      process: 'undefined'
    })
    // The CI workflow keeps this picture of the real window as an artifact.
    await page.screenshot({ path: test.info().outputPath('window.png') })
  })
})

test('a highlight and a note survive a restart of the app', async () => {
  await withApp(async (_app, page) => {
    await selectText(page, 'crystallised into a strong sense of self-reliance')
    await page
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: 'Highlight: Key argument' })
      .click()
    await selectText(page, 'Six-Party Talks')
    await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Add note' }).click()
    await notes(page).getByRole('textbox', { name: 'Note' }).fill('Written in the desktop app.')
    await notes(page).getByRole('button', { name: 'Done' }).click()
    await expect(notes(page).getByText('Written in the desktop app.')).toBeVisible()
  })
  await withApp(async (_app, page) => {
    await expect(page.locator('mark', { hasText: 'strong sense of self-reliance' }).first()).toBeVisible()
    await expect(notes(page).getByText('Written in the desktop app.')).toBeVisible()
  })
})

test('search finds a passage, and one card is reviewed', async () => {
  await withApp(async (_app, page) => {
    await expect(page).toHaveURL(/#\/doc\//)
    const documentId = documentIdIn(page.url())
    await page.keyboard.press('Control+k')
    const box = page.getByRole('searchbox', { name: 'Search' })
    await box.pressSequentially('nixon beij')
    await expect(
      page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()
    ).toBeVisible()
    await box.press('ArrowDown')
    await box.press('Enter')
    await expect(page).toHaveURL(/\?at=\d+$/)

    await page.evaluate((id) => window.location.assign(`#/deck/${encodeURIComponent(id)}`), documentId)
    await page.getByRole('button', { name: 'Generate cards' }).click()
    const suggestions = page.getByRole('list', { name: 'Suggestions' }).getByRole('listitem')
    await suggestions.first().getByRole('button', { name: 'Accept' }).click({ timeout: 30_000 })
    await page.getByRole('link', { name: 'Study, 1 due' }).click()
    await page.keyboard.press('Space')
    await page.keyboard.press('3')
    await expect(page.getByRole('progressbar', { name: 'Session progress' })).toHaveAttribute(
      'aria-valuenow',
      '1'
    )
  })
})

test('an export is written where the save dialog says', async () => {
  const target = join(dataDir, 'exported notes.md')
  await withApp(async (app, page) => {
    // The save dialog, stubbed in the main process: the file the person would have chosen.
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath })
    }, target)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    await page.getByRole('radio', { name: /Markdown/ }).check()
    await page.getByRole('button', { name: 'Export file' }).click()
    await expect.poll(() => existsSync(target)).toBe(true)
    expect(readFileSync(target, 'utf8')).toContain('Written in the desktop app.')
  })
})

test('scholia: links open their passage, also from a second instance, which exits', async () => {
  await withApp(async (app, page) => {
    await expect(page).toHaveURL(/#\/doc\//)
    const documentId = documentIdIn(page.url())
    // macOS hands links over as 'open-url'.
    await app.evaluate(({ app: electronApp }, link) => {
      electronApp.emit('open-url', { preventDefault: () => undefined }, link)
    }, `scholia://open?doc=${documentId}&at=120`)
    await expect(page).toHaveURL(new RegExp(`#/doc/${documentId}\\?at=120$`))

    // Windows and Linux start a second instance with the link: it hands it over and exits.
    const code = await runSecondInstance(availability.executable!, dataDir, [
      `scholia://open?doc=${documentId}&at=240`
    ])
    expect(code).toBe(0)
    await expect(page).toHaveURL(new RegExp(`#/doc/${documentId}\\?at=240$`))
  })
})

test("the menu's Import… imports the chosen file and shows it; so does a file given on the command line", async () => {
  const fixture = join(projectRoot, 'tests', 'fixtures', 'import', 'markdown-footnotes.md')
  await withApp(async (app, page) => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [filePath] })
    }, fixture)
    await clickMenuItem(app, 'File', 'Import…')
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Notes on Markdown Footnotes')
  })
  const plainText = join(projectRoot, 'tests', 'fixtures', 'import', 'plain-no-headings.txt')
  await withApp(
    async (_app, page) => {
      await expect(page.getByRole('heading', { level: 1 })).toContainText('A Plain Note on Reading')
      const titles = await page.evaluate(async () => {
        type Bridge = { listDocuments: (args: object) => Promise<{ value: { title: string }[] }> }
        const bridge = (globalThis as unknown as { scholia: Bridge }).scholia
        return (await bridge.listDocuments({})).value.map((document) => document.title)
      })
      expect(titles).toEqual(
        expect.arrayContaining(['Notes on Markdown Footnotes', 'A Plain Note on Reading'])
      )
    },
    [plainText]
  )
})
