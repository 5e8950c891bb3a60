// A long Markdown text for extraction at a book's length (the cards bench, the generation progress
// end-to-end test): the extraction fixtures, copy after copy, each copy's sentences marked with
// its number so that no two copies share a sentence (a cache would flatter them). Deterministic.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const fixtures = join(__dirname, '..', 'fixtures', 'extraction')

/** The fixture texts with their headings one level down, in name order. */
function fixtureTexts(): string[] {
  return readdirSync(fixtures)
    .filter((file) => /\.(md|txt)$/.test(file) && !file.startsWith('suspect'))
    .sort()
    .map((file) => readFileSync(join(fixtures, file), 'utf8').replace(/^#+ /gm, '### '))
}

/**
 * A Markdown text of about `words` words titled `title`; texts of another `variant` share no
 * sentence with it (the extraction thread's sentence cache would flatter a second run).
 */
export function longHistoryText(words: number, title: string, variant = ''): string {
  const texts = fixtureTexts()
  const parts = [`# ${title}`]
  let count = 0
  for (let copy = 0; count < words; copy++) {
    const text = texts[copy % texts.length] ?? ''
    parts.push(
      `## Part ${copy + 1}\n\n${text.replace(/\. (?=\p{Lu})/gu, `. In part ${copy + 1}${variant}, `)}`
    )
    count += text.split(/\s+/).length
  }
  return parts.join('\n\n')
}
