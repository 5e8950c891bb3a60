// Selecting text in the article as a drag would (a DOM selection over its text): shared by the specs
// that highlight, annotate or send the menus' commands on a selection.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Selects `quote` in the article the way a drag would: a DOM selection over its text. */
export async function selectText(page: Page, quote: string): Promise<void> {
  await page.locator('article p.paragraph').first().waitFor()
  const found = await page.evaluate((text) => {
    const article = document.querySelector('article')
    if (!article) return false
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(text)
      if (index < 0) continue
      const range = document.createRange()
      range.setStart(node, index)
      range.setEnd(node, index + text.length)
      node.parentElement?.scrollIntoView({ block: 'center' })
      const selection = document.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return true
    }
    return false
  }, quote)
  expect(found, `"${quote}" is in one text node of the article`).toBe(true)
}
