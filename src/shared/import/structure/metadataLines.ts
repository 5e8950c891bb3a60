// Recognisers for the one-line pieces of an article's front matter: the keywords line and the
// citation line ("Journal, Volume 17, No. 2 (2018), pp. 71–79." or "Journal 17, no. 2 (2018): 71–79.").
// Each field is found by its own small pattern, so a citation written in another order still parses.

import type { Citation } from '../../types'

const keywordsPattern = /^(?:key ?words|index terms|tags)\s*[:：—–-]\s*(.+)$/i
const abstractLabelPattern = /^(?:abstract|summary)\s*[:.—–-]\s*/i

const yearPattern = /(?:^|[^\d])((?:1[5-9]|20)\d\d)(?!\d)/
const yearInParenthesesPattern = /\(\s*((?:1[5-9]|20)\d\d)\s*\)/
const volumePattern = /\bvol(?:ume)?\b\.?\s*(\d[\w]*)/i
const issuePattern = /\b(?:no|nr|issue|iss|number)\b\.?\s*(\d[\w/–-]*)/i
const pagesPattern = /\bpp?\.\s*(\d+(?:\s*[-–—]\s*\d+)?)/i
const pagesAfterYearPattern = /\)\s*[:,]\s*(\d+(?:\s*[-–—]\s*\d+)?)/
// Chicago style: the volume is a bare number right after the journal's name ("Studies 17, no. 2").
const bareVolumePattern = /^(\D*?\p{L})[\s,]+(\d{1,4})\s*(?=[,(:]|\s+no\b)/iu
// "on October 29, 1956" is a date, not "Journal 29, (1956)".
const monthAtEndPattern =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i
// A full stop after a lower-case word and before a capital ends a sentence: prose, not a reference.
const sentenceBreakPattern = /\p{Ll}{2,}[.!?]\s+\p{Lu}/u

/** Parses "Key words: a, b, c" (also "Keywords:", "Index terms:"); null when the line is not one. */
export function parseKeywordsLine(line: string): string[] | null {
  const match = keywordsPattern.exec(line.trim())
  if (!match?.[1]) return null
  const list = match[1].includes(';') ? match[1].split(';') : match[1].split(',')
  return list.map((keyword) => keyword.trim().replace(/\.$/, '').trim()).filter((keyword) => keyword !== '')
}

/** The text of a paragraph labelled "Abstract: …" without its label, or null. */
export function stripAbstractLabel(text: string): string | null {
  const match = abstractLabelPattern.exec(text)
  return match ? text.slice(match[0].length) : null
}

function trimJournal(text: string): string | null {
  const journal = text.replace(/[\s,.:;]+$/u, '').trim()
  return journal === '' ? null : journal
}

/**
 * Parses a citation line. It must carry a year and at least a volume, an issue or pages, and be
 * short: a sentence in the body that mentions a year is not a citation.
 */
export function parseCitationLine(line: string): Citation | null {
  const text = line.trim()
  if (text.length > 300 || text.includes('\n')) return null
  const year = yearInParenthesesPattern.exec(text) ?? yearPattern.exec(text)
  if (!year?.[1]) return null
  const volume = volumePattern.exec(text)
  const issue = issuePattern.exec(text)
  const pages = pagesPattern.exec(text) ?? pagesAfterYearPattern.exec(text)
  const bareMatch = volume ? null : bareVolumePattern.exec(text)
  const bare = bareMatch && !monthAtEndPattern.test((bareMatch[1] ?? '').trim()) ? bareMatch : null
  if (!volume && !issue && !pages && !bare) return null
  // Without an explicit "Volume"/"No." marker, a line of prose that happens to hold numbers is not a citation.
  if (!volume && !issue && sentenceBreakPattern.test(text)) return null

  let journal: string | null
  if (bare?.[1] !== undefined) {
    journal = trimJournal(bare[1])
  } else {
    const cuts = [volume?.index, issue?.index, year.index].filter(
      (index): index is number => index !== undefined
    )
    journal = trimJournal(text.slice(0, Math.min(...cuts)))
  }
  return {
    text,
    journal,
    volume: volume?.[1] ?? bare?.[2] ?? null,
    issue: issue?.[1] ?? null,
    year: Number(year[1]),
    pages: pages?.[1]?.replace(/\s+/g, '') ?? null
  }
}
