// Selecting text in the article as a drag would (a DOM selection over its text): shared by the specs
// that highlight, annotate or send the menus' commands on a selection.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Selects `quote` in the article the way a drag would: a DOM selection over its text, inside one
 * block even when it runs over several text nodes (a page break, emphasis or a footnote marker
 * between): the block's text is its text nodes outside markers ([data-marker]), as the reader counts it.
 */
export async function selectText(page: Page, quote: string): Promise<void> {
  await page.locator('article p.paragraph').first().waitFor()
  const found = await page.evaluate((text) => {
    for (const block of document.querySelectorAll('article [data-block-id]')) {
      const nodes: Text[] = []
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[data-marker]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT
      })
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
      const index = nodes
        .map((node) => node.data)
        .join('')
        .indexOf(text)
      if (index < 0) continue
      const pointAt = (offset: number): [Text, number] => {
        let left = offset
        for (const node of nodes) {
          if (left <= node.data.length) return [node, left]
          left -= node.data.length
        }
        const last = nodes[nodes.length - 1] as Text
        return [last, last.data.length]
      }
      const range = document.createRange()
      range.setStart(...pointAt(index))
      range.setEnd(...pointAt(index + text.length))
      block.scrollIntoView({ block: 'center' })
      const selection = document.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      return true
    }
    return false
  }, quote)
  expect(found, `"${quote}" is in one block of the article`).toBe(true)
}
