// Sentence splitting for extraction, with offsets. compromise's splitter already knows
// abbreviations ("D.C.", "U.S.", "Dr.", initials such as "J. R."), so it does the deciding;
// this module only maps its sentences back onto offsets in the block's text. Only compromise's
// tokenizer runs here (its sentences are those of a full parse): tagging a paragraph costs ten
// times as much, and is done only where a name needs it (termTags in actorCandidates.ts).

import nlp from 'compromise'

export interface Sentence {
  /** Offsets in the text that was split. */
  start: number
  end: number
  text: string
}

/** A year's era and the full stop after it, then a capital: the end of a sentence. */
const eraFullStop = /(\d\s*(?:BCE|BC|AD|CE)\.|\d\s*(?:B\.C\.E\.|B\.C\.|A\.D\.))(\s+)(?=\p{Lu})/gu

// Extraction splits the same paragraphs several times (events, actors, cards, salience), one pass
// over the whole text each: the cache must hold a whole book's paragraphs, or every pass evicts
// what the next one needs and compromise splits each paragraph again (a 200,000-word book has
// ~4,000; 512 made its suggestions take 3× as long per word as a short text's).
const cache = new Map<string, Sentence[]>()
const cacheSize = 16_384

/** Splits a paragraph into sentences; leading/trailing whitespace is not part of a sentence. */
export function splitSentences(text: string): Sentence[] {
  const cached = cache.get(text)
  if (cached) return cached.map((sentence) => ({ ...sentence }))
  const sentences = split(text)
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string)
  cache.set(text, sentences)
  return sentences.map((sentence) => ({ ...sentence }))
}

function split(text: string): Sentence[] {
  const pieces = nlp.tokenize(text).sentences().out('array') as string[]
  const sentences: Sentence[] = []
  let cursor = 0
  for (const piece of pieces) {
    const trimmed = piece.trim()
    if (trimmed === '') continue
    // compromise returns the sentence text unchanged, so it is found in order; a piece it
    // altered (never seen, but possible) is located by its first word instead of being lost.
    let start = text.indexOf(trimmed, cursor)
    let end = start + trimmed.length
    if (start < 0) {
      const firstWord = trimmed.split(/\s+/)[0] ?? trimmed
      start = text.indexOf(firstWord, cursor)
      if (start < 0) continue
      end = Math.min(text.length, start + trimmed.length)
    }
    // compromise reads "BC." as an abbreviation and runs on into the next sentence: "… began in
    // 447 BC. The historian …" is two sentences.
    let from = start
    for (const boundary of text.slice(start, end).matchAll(eraFullStop)) {
      const cut = start + boundary.index + (boundary[1] as string).length
      sentences.push({ start: from, end: cut, text: text.slice(from, cut) })
      from = cut + (boundary[2] as string).length
    }
    sentences.push({ start: from, end, text: text.slice(from, end) })
    cursor = end
  }
  // Whatever compromise dropped at the end (it should not) still belongs to the last sentence.
  const last = sentences[sentences.length - 1]
  const rest = text.slice(cursor)
  if (last && rest.trim() !== '') {
    last.end = cursor + rest.trimEnd().length
    last.text = text.slice(last.start, last.end)
  } else if (!last && text.trim() !== '') {
    const start = text.length - text.trimStart().length
    sentences.push({ start, end: text.trimEnd().length, text: text.trim() })
  }
  return sentences
}

/** The sentence of `sentences` that contains `offset`, or undefined. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  return sentences.find((sentence) => offset >= sentence.start && offset < sentence.end)
}
