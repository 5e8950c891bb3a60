// Roles and titles: the words that say a name is a person's ("Cardinal", "the Spartan admiral",
// ", professor of mathematics at Padua,") and the role a sentence gives them, for "Who was …?"
// cards. A role must be headed by a role noun: "the operation of the departments of the
// Quartermaster-General" is about departments, and asks about no one.

import { connectors, isCapitalised } from './nameTokens'

export interface RoleFinding {
  text: string
  /** 3 = in parentheses after the name, 2 = appositive after, 1 = appositive before. */
  rank: number
}

export const titles = new Set(
  `president chairman chairwoman premier prime minister general marshal admiral king queen emperor empress prince
  princess secretary ambassador dr mr mrs ms senator governor pope professor prof comrade colonel captain lieutenant
  sir lord lady chancellor chief judge justice mayor bishop cardinal tsar czar shah sultan vice foreign deputy
  commodore elector electress duke duchess earl archbishop archduke archduchess margrave baron baroness tsarina
  khan caliph emir doge regent pharaoh treasurer chamberlain protector`.split(/\s+/)
)

/** A title, or an office whose last part is one ("Quartermaster-General", "Attorney-General"). */
export function isTitle(word: string): boolean {
  const lower = word.toLowerCase().replace(/\.$/, '')
  return titles.has(lower) || (lower.includes('-') && titles.has(lower.split('-').pop() as string))
}

export const roleNouns =
  /\b(?:president|chairman|chairwoman|chair|secretary|minister|premier|leader|diplomat|ambassador|envoy|general|marshal|admiral|commander|officer|king|queen|emperor|empress|prince|princess|pope|founder|head|director|chief|governor|senator|mayor|spokes(?:man|woman|person)|advis[eo]r|professor|historian|scholar|author|writer|editor|journalist|poet|scientist|physicist|chemist|mathematician|engineer|inventor|explorer|bishop|cardinal|priest|chancellor|dictator|revolutionary|activist|member|representative|delegate|deputy|consul|official|negotiator|politician|statesman|economist|philosopher|painter|composer|architect|lawyer|judge|captain|colonel|lieutenant|commissioner|monarch|ruler|tsar|czar|shah|sultan|regent|heir|viceroy|barrister|nationalist|officer|wife|husband|son|daughter|brother|sister|father|mother|widow|widower|canon|theologian|nobleman|noblewoman|astronomer|tyrant|satrap|archon|tribune|pharaoh|caliph|khan|emir|vizier|doge|elector|duke|duchess|earl|commodore|spymaster|historian)s?\b/i

/** One role noun, whole: "admiral", "generals". */
const roleNounWord = new RegExp(`^${roleNouns.source.slice(2, -2)}$`, 'i')

/**
 * The phrase ending in a role noun right before a name ("the Spartan admiral Lysander", "his
 * general Mardonius"), or null.
 */
export function roleNounBefore(before: string): string | null {
  const match = /(?:^|\s)((?:the|a|an|his|her|their|its)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+))\s+$/iu.exec(
    before
  )
  const phrase = match?.[1]
  // "the death of his father Henry VII" is about a death; "the calendar that Pope …" is a clause.
  return phrase !== undefined &&
    roleNounWord.test(match?.[2] as string) &&
    isRolePhrase(phrase) &&
    !/\s(?:that|which|who|whom)\s/i.test(phrase)
    ? phrase
    : null
}

/** True when `before` ends with a role and "of": "the governor of " is followed by a place. */
export function isRoleOf(before: string): boolean {
  const word = /([\p{L}-]+)\s+of\s+$/u.exec(before)?.[1]
  return word !== undefined && roleNounWord.test(word)
}

/**
 * A phrase that gives a role: a role noun at its head, before any "of" ("the Chairman of the
 * …", "the military governor of …"), never only after it ("the operation of the several
 * departments of the Quartermaster-General" is about departments).
 */
export function isRolePhrase(phrase: string): boolean {
  // "one of the ten generals" is headed by what it is one of.
  const head = phrase.replace(/^\s*one\s+of\s+/i, '').split(/\s+of\s+/)[0] as string
  return roleNouns.test(head) && phrase.length <= 120 && !/^\s*\p{Lu}+\s*$/u.test(phrase)
}

/** The role the sentence gives the name at [start, end), if any. */
export function findRole(sentence: string, start: number, end: number): RoleFinding | null {
  const after = sentence.slice(end)
  const parenthesis = /^\s*\(([^()]{3,120})\)/.exec(after)
  if (parenthesis && isRolePhrase(parenthesis[1] as string) && !isCapitalisedName(parenthesis[1] as string)) {
    return { text: (parenthesis[1] as string).trim(), rank: 3 }
  }
  const appositive = /^,\s+((?:the|a|an|then|former|later|one)\s[^,;]*?)(?=\s*(?:[,;]|\.(?:\s|$)|$))/i.exec(
    after
  )
  if (appositive && isRolePhrase(appositive[1] as string))
    return { text: (appositive[1] as string).trim(), rank: 2 }
  // "Galileo Galilei, professor of mathematics at Padua, built": a role without an article.
  const bare = /^,\s+(\p{Ll}[^,;]*?)(?=\s*(?:[,;]|\.(?:\s|$)|$))/u.exec(after)
  if (bare && roleNouns.exec(bare[1] as string)?.index === 0 && isRolePhrase(bare[1] as string))
    return { text: (bare[1] as string).trim(), rank: 2 }
  const before = /(?:^|[,;(:]\s*|\s)((?:the|a|an)\s+[^,;()]{2,80}?),\s*$/i.exec(sentence.slice(0, start))
  if (before && isRolePhrase(before[1] as string)) return { text: (before[1] as string).trim(), rank: 1 }
  // "the Spartan admiral Lysander": a role noun right before the name.
  const noun = roleNounBefore(sentence.slice(0, start))
  // "the historian Herodotus" says too little to ask "Who was the historian?"; it is evidence only.
  if (noun && /^(?:the|a|an)\s/i.test(noun) && noun.split(/\s+/).length >= 3) return { text: noun, rank: 1 }
  // A bare title ("King", "Sir") is too little to ask "Who was …?" about.
  return null
}

/** A name rather than a role: "Kim Il-sŏng", not "the US Vice President". */
export function isCapitalisedName(text: string): boolean {
  const words = text.trim().split(/\s+/)
  return (
    words.length <= 5 &&
    isCapitalised(words[0] ?? '') &&
    !roleNouns.test(text) &&
    words.every((word) => isCapitalised(word) || connectors.has(word))
  )
}
