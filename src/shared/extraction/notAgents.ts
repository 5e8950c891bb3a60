// Capitalised names that are not agents, told apart by general signs rather than lists of names:
// currencies ("Deutsche Mark", "French Franc") and whatever a sentence says was introduced,
// issued, signed or enacted ("introduced the Deutsche Mark"): those are instruments and
// documents, not people. Treaties, plans, acts and doctrines are left out of actors elsewhere
// (actorCandidates' notPersonWords, actors' thingWords): they are documents or events, which a
// date card about their signing or launch covers; they never get a "Who was …?" card.

import { capitalisedRuns } from './nameTokens'

/**
 * Currency units. "won" is not among them: it is a common syllable of Korean given names
 * ("Kim Won-hong") and a verb, and the Korean currency is written in lower case.
 */
const currencyWords = new Set(
  `mark marks reichsmark reichsmarks ostmark dollar dollars franc francs pound pounds sterling rouble roubles ruble
  rubles lira lire peseta pesetas escudo escudos guilder guilders gulden drachma drachmas rupee rupees peso pesos
  yen yuan renminbi euro euros shilling shillings krone kroner krona kronor zloty dinar dinars rial riyal forint
  koruna`.split(/\s+/)
)

/** Verbs whose object is an instrument or a document, never a person: "introduced the …". */
const issuingVerb =
  /\b(?:introduced|introduce|introduces|issued|issue|issues|adopted|signed|ratified|printed|minted|devalued|revalued|abolished|launched|unveiled|published|enacted|drafted|circulated)\s+(?:the|a|an|its|their|his|her|a\s+new|the\s+new)\s+$/i

/**
 * True when the run of capitalised words `words` (with compromise's tags of each) names a
 * currency: compromise tags some ("Franc"), and a name ending in a currency unit ("Deutsche
 * Mark") is one unless the word before is a first name ("Ezra Pound" is a poet).
 */
export function isCurrencyName(words: string[], tags: string[][]): boolean {
  if (tags.some((termTags) => termTags.includes('Currency'))) return true
  const last = words[words.length - 1]?.toLowerCase() ?? ''
  if (!currencyWords.has(last)) return false
  if (words.length === 1) return true
  return !(tags[tags.length - 2] ?? []).includes('FirstName')
}

/**
 * The capitalised names `sentence` makes the object of issuing or enacting ("introduced the
 * Deutsche Mark" → "Deutsche Mark"). The whole text then treats them as things, wherever else
 * they stand.
 */
export function issuedThings(sentence: string): string[] {
  return capitalisedRuns(sentence)
    .filter((run) => issuingVerb.test(sentence.slice(0, run[0]!.start)))
    .map((run) => sentence.slice(run[0]!.start, run[run.length - 1]!.end).replace(/['’]s?$/, ''))
}
