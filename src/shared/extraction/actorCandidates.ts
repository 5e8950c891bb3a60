// Candidate names of people and organisations in one sentence, with the evidence for each:
// compromise's person tags, a title or role next to the name, an acronym spelled out, or a
// name acting as the subject of a verb. Anything without evidence is left out: a missed minor
// actor costs less than a flashcard about "Cultural Revolution" as a person.

import type nlp from 'compromise'
import {
  capitalisedRuns,
  connectors,
  initialsMatch,
  isAcronym,
  isCapitalised,
  isNameWord,
  isRegnalNumeral,
  mendOcrName,
  tokenize,
  type Token
} from './nameTokens'
import { isCurrencyName } from './notAgents'
import {
  findRole,
  isCapitalisedName,
  isRoleOf,
  isTitle,
  roleNounBefore,
  titles,
  type RoleFinding
} from './roles'

type TermTags = Map<number, string[]>

export interface NameCandidate {
  kind: 'person' | 'organisation'
  name: string
  /** Offsets relative to the block's text. */
  start: number
  end: number
  role: RoleFinding | null
  /** A name in parentheses right after this one ("Kim Il Sung (Kim Il-sŏng)"). */
  alias: string | null
  acronym: string | null
}

export const functionWords = new Set(
  `the a an in on at for from by with without to of and but or nor yet so as if when while after before since until
  during despite although though because however moreover indeed also even both either neither this that these those
  its their his her our my your it he she they we i you there here then thus therefore consequently accordingly
  clearly first second third finally meanwhile along among between through under over such some many most all each
  every other another according following unlike like within upon once not no only later earlier today instead
  furthermore nevertheless nonetheless still perhaps certainly initially eventually subsequently similarly likewise
  overall why what who how where which whereas whether unless against toward towards into onto about above below
  january february march april may june july august september october november december monday tuesday wednesday
  thursday friday saturday sunday figure table see ibid image source`.split(/\s+/)
)

/** Forms of address that open a speech ("Fellow-Citizens of the Senate"): the audience, not actors. */
const addressWords =
  /^(?:fellow-citizens|fellow|gentlemen|ladies|senators|friends|countrymen|brethren|citizens|my)$/

/** A single word naming a group of people ("Protestants", "Athenians", "Royalists"), not one person. */
const groupPlural = /(?:ans|ants|ents|ists|ites|ians|ards)$/

export const organisationHeads = new Set(
  `assembly command commission commissions council congress parliament senate party movement committee organisation
  organization union league agency association academy institute bank fund force forces army navy front alliance federation
  corporation company society ministry department office bureau service foundation nations community board authority
  administration centre center university college school church government cabinet secretariat court police guard
  corps group coalition tribunal directorate`.split(/\s+/)
)

const notPersonWords = new Set(
  `war wars revolution agreement treaty talks communiqué communique peninsula doctrine pact accord accords crisis
  incident programme program plan act law declaration summit era period dynasty empire republic kingdom sea ocean
  river mountain mountains island islands strait bay gulf province region city street square palace hall bridge line
  zone world bloc coast valley lake desert north south east west northeast southeast northwest southwest asia europe
  africa americas pacific atlantic armistice resolution conference convention charter constitution rebellion
  uprising crusade purge campaign reform reforms policy day games olympics cup prize award journal review times post
  news press studies history project archive library papers bulletin christmas easter god bible internet`.split(
    /\s+/
  )
)

/**
 * "Catherine of Aragon", "Gerard of Cremona": a given name (compromise knows it as one) with "of"
 * and a capitalised place is one person's name.
 */
function bynameAfterGivenName(run: Token[], tagsAt: (token: Token) => string[]): boolean {
  return run.length === 3 && tagsAt(run[0] as Token).includes('FirstName') && isCapitalised(run[2]!.text)
}

/** Words naming an office: a run holding one is a role ("US Vice President"), not an organisation. */
const officeWords = new Set([
  'president',
  'chairman',
  'chairwoman',
  'secretary',
  'minister',
  'premier',
  'ambassador',
  'vice'
])

/** Verbs whose subject is a person: a lone unknown name before one of them is someone. */
const humanVerbs =
  /^(?:urged|persuaded|proposed|told|wrote|said|argued|believed|decided|married|resolved|hoped|feared|insisted|promised|warned|claimed|abjured|confessed|preached|painted|composed|reigned)$/

const verbTags = new Set(['Verb', 'PastTense', 'PresentTense', 'Modal', 'Auxiliary', 'Copula'])
const personTags = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName']
const determiners = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
  'these',
  'those'
])

/** compromise's tags of each term of `text`, keyed by the term's start offset. */
export function termTags(nlpInstance: typeof nlp, text: string): TermTags {
  const tags: TermTags = new Map()
  const sentences = nlpInstance(text).json({ offset: true, terms: { offset: true } }) as Array<{
    terms: Array<{ tags: string[]; offset: { start: number } }>
  }>
  for (const sentence of sentences) for (const term of sentence.terms) tags.set(term.offset.start, term.tags)
  return tags
}

function stripPossessive(token: Token): Token {
  const match = /['’]s?$/.exec(token.text)
  return match
    ? { ...token, text: token.text.slice(0, match.index), end: token.end - match[0].length }
    : token
}

/**
 * Acronyms the sentence spells out: "Long Form (ACR)" and "ACR (Long Form" — the closing
 * parenthesis is not required, since OCR loses them. Offsets relative to the sentence.
 */
export function acronymDefinitions(
  sentence: string
): Array<{ acronym: string; longForm: string; longStart: number; acronymStart: number }> {
  const found: Array<{ acronym: string; longForm: string; longStart: number; acronymStart: number }> = []
  const tokens = tokenize(sentence)
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token
    const before = sentence.slice(0, token.start)
    if (isAcronym(token.text) && /\(\s*$/.test(before) && /^\s*\)/.test(sentence.slice(token.end))) {
      // Long Form (ACR): the longest run of words just before the parenthesis whose initials match.
      const run = capitalisedRuns(before.replace(/\s*\(\s*$/, '')).pop()
      if (!run || run[run.length - 1]!.end < before.replace(/\s*\(\s*$/, '').length) continue
      for (let first = 0; first < run.length; first++) {
        const words = run.slice(first)
        if (words[0]!.text === 'The') continue
        if (
          initialsMatch(
            words.map((word) => word.text),
            token.text
          )
        ) {
          const longStart = words[0]!.start
          found.push({
            acronym: token.text,
            longForm: sentence.slice(longStart, words[words.length - 1]!.end),
            longStart,
            acronymStart: token.start
          })
          break
        }
      }
    } else if (isAcronym(token.text) && /^\s*\(/.test(sentence.slice(token.end))) {
      // ACR (Long Form…: the longest run of words just inside the parenthesis whose initials match.
      const open = sentence.indexOf('(', token.end) + 1
      const run = capitalisedRuns(sentence.slice(open))[0]
      if (!run || sentence.slice(open, open + run[0]!.start).trim() !== '') continue
      for (let last = run.length; last > 0; last--) {
        const words = run.slice(0, last)
        if (connectors.has(words[last - 1]!.text)) continue
        if (
          initialsMatch(
            words.map((word) => word.text),
            token.text
          )
        ) {
          found.push({
            acronym: token.text,
            longForm: sentence.slice(open + words[0]!.start, open + words[last - 1]!.end),
            longStart: open + words[0]!.start,
            acronymStart: token.start
          })
          break
        }
      }
    }
  }
  return found
}

export interface CandidateContext {
  /**
   * compromise's tags of the sentence's terms, keyed by offsets in the sentence; asked for only
   * when a run of capitalised words gets as far as needing them (tagging was most of extraction's
   * time, and most sentences never need it).
   */
  tags: () => TermTags
  /** Offset of the sentence in the block's text. */
  offset: number
  /** Capitalised words seen somewhere other than at the start of a sentence. */
  properWords: Set<string>
  /** Surface forms the gazetteer knows; runs made only of these are left to it. */
  isGazetteerForm: (text: string) => boolean
  /** The text of the following sentence ('' at the end of a block), for pronouns. */
  nextSentence: string
  /** Names the text makes the object of issuing or enacting ("introduced the Deutsche Mark"). */
  things: ReadonlySet<string>
}

/** "Gandhi and Jawaharlal Nehru" is two names; "Bank for Reconstruction and Development" is one. */
function splitRuns(runs: Token[][]): Token[][] {
  return runs.flatMap((run) => {
    const last = run[run.length - 1]!.text.toLowerCase()
    if (organisationHeads.has(last)) return [run]
    const parts: Token[][] = [[]]
    for (const token of run) {
      if (token.text === 'and') parts.push([])
      else parts[parts.length - 1]!.push(token)
    }
    return parts.filter((part) => part.length > 0)
  })
}

/** Person and organisation candidates of one sentence; offsets relative to the block. */
export function nameCandidates(sentence: string, context: CandidateContext): NameCandidate[] {
  const candidates: NameCandidate[] = []
  const tagsAt = (token: Token): string[] => context.tags().get(token.start) ?? []
  const allTokens = tokenize(sentence)
  for (const fullRun of splitRuns(capitalisedRuns(sentence))) {
    let run = fullRun.map((token, index) => (index === fullRun.length - 1 ? stripPossessive(token) : token))
    const atSentenceStart = run[0]!.start === allTokens[0]?.start
    // "Fellow-Citizens of the Senate": a speech's form of address names its audience.
    if (addressWords.test(run[0]!.text.toLowerCase())) continue
    // "Suddenly Queequeg", "Finally Kim": an adverb opening the sentence is not part of the name.
    const opening = run[0]!
    if (
      atSentenceStart &&
      run.length > 1 &&
      /\p{Ll}ly$/u.test(opening.text) &&
      tagsAt(opening).includes('Adverb') &&
      !personTags.some((tag) => tagsAt(opening).includes(tag))
    )
      run = run.slice(1)
    // Drop function words and titles in front; a title right before a name is a sign of a person
    // ("Commodore Sloat"), one followed by "of" is an office ("the Secretary of War").
    let titled = false
    let office = false
    while (run.length > 0 && (functionWords.has(run[0]!.text.toLowerCase()) || isTitle(run[0]!.text))) {
      titled = isTitle(run[0]!.text) && run[1] !== undefined && isCapitalised(run[1].text)
      // "Queen of Scots", "Duke of Somerset": what follows the title's "of" is its domain.
      office ||= isTitle(run[0]!.text) && run[1]?.text === 'of'
      run = run.slice(1)
    }
    // (The domain may be an organisation: "President of the Royal Society".)
    if (office && !organisationHeads.has(run[run.length - 1]?.text.toLowerCase() ?? '')) continue
    while (run.length > 0 && !isNameWord(run[0]!.text)) run = run.slice(1)
    if (run.length === 0) continue
    // "Philip II of Spain", "King Frederick II of Denmark": after a regnal numeral or a title,
    // "of" and a state the gazetteer knows say where the person reigned; the name ends before it.
    const of = run.findIndex(
      (token, index) =>
        index > 0 &&
        token.text === 'of' &&
        context.isGazetteerForm(sentence.slice(run[index + 1]?.start ?? 0, run[run.length - 1]!.end))
    )
    if (of > 0 && (titled || isRegnalNumeral(run[of - 1]!.text))) run = run.slice(0, of)
    // "Kim II Sung": an OCR "II" inside a name is the name "Il", not an acronym.
    const words = mendOcrName(run.map((token) => token.text).join(' ')).split(' ')
    const lower = words.map((word) => word.toLowerCase())
    const start = run[0]!.start
    // "Mary, Queen of Scots,", "Edward Seymour, Duke of Somerset,": a title of a place set off by
    // commas belongs to the name.
    const styled =
      /^,\s+(?:Queen|King|Duke|Duchess|Earl|Countess|Prince|Princess|Lord|Lady)\s+of\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?(?=\s*,)/u.exec(
        sentence.slice(run[run.length - 1]!.end)
      )
    const end = run[run.length - 1]!.end + (styled?.[0].length ?? 0)
    const name = sentence.slice(start, end)
    // "Henry VIII", "Darius I", "Pope Pius V": a name and a regnal numeral make a monarch or pope.
    const regnal = words.length > 1 && isRegnalNumeral(words[words.length - 1] as string)
    // "Frederick the Great", "Aristides the Just": a name and an epithet.
    const epithet = words.length === 3 && words[1] === 'the' && isCapitalised(words[2] as string)
    if (
      words.every(
        (word) =>
          context.isGazetteerForm(word) ||
          connectors.has(word) ||
          /^(?:Sino|Anglo|Franco|Russo|Indo|Afro|Euro|Austro)$/.test(word) ||
          word
            .split('-')
            .every(
              (part) => context.isGazetteerForm(part) || /^(?:Sino|Anglo|Franco|Russo|Indo|Afro)$/.test(part)
            )
      )
    )
      continue
    if (context.isGazetteerForm(name)) continue
    // "the two Koreas": the plural of a place is not a person.
    if (run.length === 1 && /s$/.test(name) && context.isGazetteerForm(name.slice(0, -1))) continue
    // "Protestants", "Athenians": a group of people, not one.
    if (run.length === 1 && groupPlural.test(name)) continue

    // "China and the Soviet Union" is two states, not an organisation called "… Union".
    const endsWithKnownName = words.some(
      (_, index) =>
        index > 0 &&
        connectors.has(words[index - 1] as string) &&
        context.isGazetteerForm(words.slice(index).join(' '))
    )
    if (endsWithKnownName) continue
    if (
      run.length >= 2 &&
      organisationHeads.has(lower[lower.length - 1] as string) &&
      !lower.some((word) => officeWords.has(word))
    ) {
      candidates.push({
        kind: 'organisation',
        name,
        start: context.offset + start,
        end: context.offset + end,
        role: null,
        alias: null,
        acronym: null
      })
      continue
    }
    if (
      lower.some(
        (word, index) =>
          notPersonWords.has(word) ||
          organisationHeads.has(word) ||
          (functionWords.has(word) &&
            !(epithet && index === 1) &&
            !(regnal && index === lower.length - 1) &&
            !(word === 'of' && index === 1 && bynameAfterGivenName(run, tagsAt)))
      )
    )
      continue
    if (
      words.some(
        (word, index) =>
          (isAcronym(word) && !(index > 0 && isRegnalNumeral(word))) ||
          context.isGazetteerForm(word) ||
          /(?:ism|isation|ization|ist|ists|ese|ish)$/.test(word)
      )
    )
      continue
    const tagSets = run.map(tagsAt)
    if (isCurrencyName(words, tagSets) || context.things.has(name)) continue
    // A role is looked for before the whole run, title included: "Pope" is not part of a role.
    const role = findRole(sentence, fullRun[0]!.start, end)
    // "Pericles, who led the city": a relative "who" is said of people; so is an epithet given
    // after the name ("Aristides, called the Just").
    const whoFollows = /^\s*,\s+(?:who|whom|whose\b|(?:called|known as|surnamed)\s+the\s+\p{Lu})/u.test(
      sentence.slice(end)
    )
    const strong =
      styled !== null ||
      role !== null ||
      titled ||
      regnal ||
      epithet ||
      whoFollows ||
      roleNounBefore(sentence.slice(0, fullRun[0]!.start)) !== null
    // compromise's tags of places, adjectives and plurals ("Pericles" is a plural to it) count
    // against a name only when nothing else says it is a person.
    if (
      !strong &&
      tagSets.some(
        (tags) =>
          (tags.includes('Place') ||
            tags.includes('Demonym') ||
            tags.includes('Adjective') ||
            tags.includes('Plural')) &&
          !personTags.some((tag) => tags.includes(tag))
      )
    )
      continue

    const tagged = tagSets.some(
      (tags, index) => personTags.some((tag) => tags.includes(tag)) && !titles.has(lower[index] as string)
    )
    const position = allTokens.findIndex((token) => token.start === start)
    const previous = allTokens[position - 1]?.text.toLowerCase()
    const next = allTokens.find((token) => token.start >= fullRun[fullRun.length - 1]!.end)
    const followedByVerb =
      next !== undefined &&
      /^\s+$/.test(sentence.slice(fullRun[fullRun.length - 1]!.end, next.start)) &&
      tagsAt(next).some((tag) => verbTags.has(tag)) &&
      (previous === undefined || !determiners.has(previous)) &&
      // "the quarrel over Kashmir led to": after a preposition a name is not the subject.
      !(allTokens[position - 1] && tagsAt(allTokens[position - 1] as Token).includes('Preposition'))
    // A lone unknown word followed by a verb is a person only if a personal pronoun follows it.
    const pronounFollows = /\b(?:he|his|him|himself|she|her|hers|herself)\b/i.test(
      sentence.slice(end) + ' ' + context.nextSentence
    )
    const proper = !atSentenceStart || run.length > 1 || words.every((word) => context.properWords.has(word))
    // "Alcibiades urged", "Themistocles persuaded": verbs only people are the subject of.
    const humanVerbFollows = followedByVerb && humanVerbs.test(sentence.slice(next.start, next.end))
    const previousToken = allTokens[position - 1]
    // "at Vera Cruz": right after a preposition of place, a name is a place.
    const afterPlacePreposition =
      previousToken !== undefined &&
      /^\s+$/.test(sentence.slice(previousToken.end, start)) &&
      /^(?:at|in|near|into|across|from|to|toward|towards|through|via)$/i.test(previousToken.text)
    // compromise's person tag alone is weak: "at Vera Cruz", "the Julian calendar" are no one.
    const attributive =
      run.length === 1 &&
      previous !== undefined &&
      determiners.has(previous) &&
      /^\s+\p{Ll}/u.test(sentence.slice(end))
    const weakTag =
      tagged &&
      !strong &&
      !followedByVerb &&
      (afterPlacePreposition || attributive || isRoleOf(sentence.slice(0, start)))
    if (!(
      strong ||
      (tagged && !weakTag) ||
      (followedByVerb && proper && (run.length > 1 || pronounFollows || humanVerbFollows))
    ))
      continue

    const parenthesis = /^\s*\(([^()]{3,60})\)/.exec(sentence.slice(end))
    // "William Cecil, later Lord Burghley,": the name the person was known by later.
    const later =
      /^,\s+(?:later|afterwards|formerly)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})\s*[,;.]/u.exec(
        sentence.slice(end)
      )
    const alias =
      parenthesis &&
      isCapitalisedName(parenthesis[1] as string) &&
      !isAcronym((parenthesis[1] as string).trim())
        ? (parenthesis[1] as string).trim()
        : (later?.[1] ?? null)
    candidates.push({
      kind: 'person',
      name,
      start: context.offset + start,
      end: context.offset + end,
      role,
      alias,
      acronym: null
    })
  }
  return candidates
}
