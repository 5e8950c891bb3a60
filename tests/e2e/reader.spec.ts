// The reader as a person uses it: the bundled article opens as a structured document, the contents
// navigate, footnotes open where they are referenced, and position and settings survive a reload.
import { apiResponse, expect, test } from './fixtures'

const title = 'The Sino-DPRK Split and Origins of US-DPRK Bilateralism'

test('the bundled article opens on first start with its title as the page heading', async ({
  page,
  scholia
}) => {
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page).toHaveURL(/#\/doc\//)
  // The token was swapped for a cookie: it is no longer in the address.
  expect(page.url()).not.toContain('token=')
  await expect(page.getByRole('heading', { name: 'Abstract' })).toBeVisible()
  await expect(page.getByText('Eungseo Kim', { exact: true })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Keywords' }).getByRole('listitem')).toHaveCount(6)
  // Figure captions are figures, not paragraphs.
  await expect(page.locator('figure figcaption')).toHaveCount(2)
  await expect(page.locator('figure figcaption').first()).toContainText('Figure 1.')
  await expect(page.getByRole('complementary', { name: 'Notes' })).toBeVisible()
})

test('Contents navigates to a section and marks where the reader is', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  const contents = page.getByRole('navigation', { name: 'Contents' })
  const sectionName = 'The Slide from Great Anticipation to Disappointment'
  await contents.getByRole('link', { name: sectionName }).click()
  const heading = page.getByRole('heading', { level: 2, name: sectionName })
  await expect(heading).toBeInViewport()
  await expect(contents.getByRole('link', { name: sectionName })).toHaveAttribute('aria-current', 'location')
  await expect(contents.getByRole('link', { name: 'Abstract' })).not.toHaveAttribute(
    'aria-current',
    'location'
  )
})

test('"Note 12" opens its footnote beside the marker, and Escape closes it', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  const marker = page.getByRole('button', { name: 'Note 12', exact: true })
  await marker.click()
  const dialog = page.getByRole('dialog', { name: 'Footnote 12' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText("Bernd Schaefer, 'North Korean")
  const markerBox = await marker.boundingBox()
  const dialogBox = await dialog.boundingBox()
  expect(markerBox && dialogBox).toBeTruthy()
  // Beside the marker: just below it, not somewhere else on the page.
  expect(Math.abs((dialogBox?.y ?? 0) - ((markerBox?.y ?? 0) + (markerBox?.height ?? 0)))).toBeLessThan(40)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(marker).toBeFocused()
  // The footnotes list at the end links back to the marker.
  await expect(page.locator('#fn-12')).toContainText("Bernd Schaefer, 'North Korean")
  await expect(page.getByRole('link', { name: 'Back to the reference of note 12' })).toHaveAttribute(
    'href',
    '#fnref-12'
  )
})

test('a reload keeps the reading position', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  const sectionName = "Détente and Pyongyang's Calculation for Survival"
  const heading = page.getByRole('heading', { level: 2, name: sectionName })
  const headingBlock = await heading.getAttribute('data-block-id')
  expect(headingBlock).toBeTruthy()
  // Positions are saved a moment after scrolling stops, and the smooth scroll saves on its way too:
  // wait for the save of the place it stops at, the section's heading, not for a fixed time.
  const arrived = apiResponse(page, 'saveReadingPosition', (args) => args.blockId === headingBlock)
  await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: sectionName }).click()
  await arrived
  const before = await page.evaluate(() => window.scrollY)
  expect(before).toBeGreaterThan(500)
  await page.reload()
  await expect(page.getByRole('heading', { level: 2, name: sectionName })).toBeInViewport()
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 80)
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 80)
})

test('reader settings apply at once and are remembered', async ({ page, scholia }) => {
  await page.goto(scholia.url)
  await page.getByRole('button', { name: 'Reader settings' }).click()
  // As on a busy machine: the theme's save goes out on its own before the size changes, and the
  // size's answer comes last. Saves are debounced and the theme is saved too, so only the response
  // to the save that carries the new size says it is stored.
  await page.route('**/api/updateSettings', async (route) => {
    const args = route.request().postDataJSON() as Record<string, unknown>
    await new Promise((resolve) => setTimeout(resolve, args.fontSize === 23 ? 1000 : 300))
    await route.continue()
  })
  const sizeSaved = apiResponse(page, 'updateSettings', (args) => args.fontSize === 23)
  const themeSent = page.waitForRequest(
    (request) =>
      request.url().endsWith('/api/updateSettings') && request.postData()?.includes('"dark"') === true
  )
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await themeSent
  const size = page.getByRole('slider', { name: 'Text size' })
  await size.fill('23')
  await expect(page.locator('article')).toHaveCSS('font-size', '23px')
  await sizeSaved
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('article')).toHaveCSS('font-size', '23px')
})

test('at 1024×768 the contents fold into a button while text and notes stay side by side', async ({
  page,
  scholia
}) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  await page.goto(scholia.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Contents' }).click()
  const contents = page.getByRole('navigation', { name: 'Contents' })
  await expect(contents).toBeVisible()
  await contents.getByRole('link', { name: 'Footnotes' }).click()
  await expect(page.getByRole('heading', { name: 'Footnotes' })).toBeInViewport()
  await expect(contents).toBeHidden()
  const article = await page.locator('article').boundingBox()
  const notes = await page.getByRole('complementary', { name: 'Notes' }).boundingBox()
  expect(article && notes).toBeTruthy()
  expect((notes?.x ?? 0) >= (article?.x ?? 0) + (article?.width ?? 0)).toBe(true)
})
