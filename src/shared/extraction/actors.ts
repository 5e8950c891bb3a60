// Actors of a document — people, states and organisations — with every mention, the aliases
// the text uses for each (spelling variants, acronyms, capitals as metonyms, surnames alone)
// and the role the text gives a person. Footnotes, headings, citations and image credits are
// not read: the names there are authors and archives.

import nlp from 'compromise'
import { acronymDefinitions, nameCandidates, termTags } from './actorCandidates'
import { yearOf } from './calendar'
import { findDateExpressions } from './dates'
import type { RoleFinding } from './roles'
import { gazetteerForms, type GazetteerEntry } from './gazetteer'
import { stableId } from './hash'
import { capitalisedRuns, mendOcrName, nameKey, sameName, wordsBeforeIl } from './nameTokens'
import { issuedThings } from './notAgents'
import { splitSentences } from './sentences'
import { isDemonymMention, statePrefix } from './stateMentions'
import { bibliographicSpans, overlapsAny, proseRange, type Span } from './sources'
import type { Actor, ActorKind, ActorMention, ExtractionBlock, PassageProgress } from './types'

interface Draft {
  kind: ActorKind
  /** Surface forms that name this actor. */
  forms: Set<string>
  role: RoleFinding | null
  acronym: string | null
  longForm: string | null
  entry: GazetteerEntry | null
}

interface ProseBlock {
  block: ExtractionBlock
  range: Span
  excluded: Span[]
}

/** Words that make a run of names the name of a thing: "Vietnam War", "Convention of Constantinople". */
const thingWords =
  /^(?:War|Wars|Battle|Siege|Times|Journal|Review|Sea|Peninsula|Talks|Revolution|Treaty|Convention|Agreement|Accords?|Crisis|Studies|Post|News|Campaign|Incident|Doctrine|Declaration|Conference|Congress|Act|Plan|Canal|Strait|Straits|Street|University)$/

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function addRole(draft: Draft, role: RoleFinding | null): void {
  if (role && (!draft.role || role.rank > draft.role.rank)) draft.role = role
}

/** The years the prose speaks of, first to last; undefined when it names none. */
function yearsSpoken(prose: ProseBlock[]): { first: number; last: number } | undefined {
  const years = prose.flatMap(({ block, range }) =>
    findDateExpressions(block.text.slice(range.start, range.end))
      .filter((match) => match.note === undefined)
      .flatMap((match) => [yearOf(match.date.start), yearOf(match.date.end)])
  )
  return years.length === 0 ? undefined : { first: Math.min(...years), last: Math.max(...years) }
}

/** All actors of the blocks, in order of first mention; `onPassage` hears each prose passage read. */
export function extractActors(blocks: readonly ExtractionBlock[], onPassage?: PassageProgress): Actor[] {
  const prose: ProseBlock[] = blocks.flatMap((block) => {
    const range = proseRange(block)
    return range ? [{ block, range, excluded: bibliographicSpans(block.text) }] : []
  })
  // A place is a state's only in a text about the state's time: Prague in 1618 is not Czechoslovakia.
  const forms = gazetteerForms(yearsSpoken(prose))
  const isGazetteerForm = (text: string): boolean => forms.has(text)

  const sentencesOf = new Map(
    prose.map(({ block, range }) => [
      block.id,
      splitSentences(block.text).filter(
        (sentence) => sentence.start >= range.start && sentence.end <= range.end + 1
      )
    ])
  )
  const properWords = new Set<string>()
  const things = new Set<string>()
  for (const sentences of sentencesOf.values()) {
    for (const sentence of sentences) {
      for (const thing of issuedThings(sentence.text)) things.add(thing)
      for (const run of capitalisedRuns(sentence.text))
        for (const token of run) if (token.start > 0) properWords.add(token.text)
    }
  }

  const drafts: Draft[] = []
  const byEntry = new Map<GazetteerEntry, Draft>()
  const draftForEntry = (entry: GazetteerEntry): Draft => {
    let draft = byEntry.get(entry)
    if (!draft) {
      draft = { kind: entry.kind, forms: new Set(), role: null, acronym: null, longForm: null, entry }
      byEntry.set(entry, draft)
      drafts.push(draft)
    }
    return draft
  }
  const findByForm = (form: string, kind?: ActorKind): Draft | undefined =>
    drafts.find((draft) => (!kind || draft.kind === kind) && draft.forms.has(form))

  for (const [passage, { block }] of prose.entries()) {
    onPassage?.(passage, prose.length)
    const sentences = sentencesOf.get(block.id) ?? []
    for (const [index, sentence] of sentences.entries()) {
      for (const definition of acronymDefinitions(sentence.text)) {
        const known = forms.get(definition.acronym) ?? forms.get(definition.longForm)
        const draft: Draft = (known && !known.isCapital
          ? draftForEntry(known.entries[0] as GazetteerEntry)
          : undefined) ??
          findByForm(definition.acronym, 'organisation') ??
          findByForm(definition.longForm, 'organisation') ?? {
            kind: 'organisation',
            forms: new Set(),
            role: null,
            acronym: null,
            longForm: null,
            entry: null
          }
        if (!drafts.includes(draft)) drafts.push(draft)
        draft.forms.add(definition.acronym).add(definition.longForm)
        draft.acronym ??= definition.acronym
        draft.longForm ??= definition.longForm
      }
      const nextSentence = sentences[index + 1]?.text ?? ''
      // Tagged alone, a sentence gets the tags it gets within its paragraph (compromise tags
      // sentence by sentence; the extraction quality tests hold to the same results).
      let sentenceTags: ReturnType<typeof termTags> | undefined
      const tags = (): ReturnType<typeof termTags> => (sentenceTags ??= termTags(nlp, sentence.text))
      const context = { tags, offset: sentence.start, properWords, isGazetteerForm, nextSentence, things }
      for (const candidate of nameCandidates(sentence.text, context)) {
        if (candidate.kind === 'organisation') {
          if (!findByForm(candidate.name))
            drafts.push({
              kind: 'organisation',
              forms: new Set([candidate.name]),
              role: null,
              acronym: null,
              longForm: null,
              entry: null
            })
          continue
        }
        const variants = [candidate.name, ...(candidate.alias ? [candidate.alias] : [])]
        const matching = drafts.filter(
          (draft) =>
            draft.kind === 'person' &&
            [...draft.forms].some((form) => variants.some((variant) => sameName(form, variant)))
        )
        const [target, ...others] = matching
        const draft: Draft = target ?? {
          kind: 'person',
          forms: new Set(),
          role: null,
          acronym: null,
          longForm: null,
          entry: null
        }
        if (!target) drafts.push(draft)
        for (const other of others) {
          // The alias joined two people who were thought to be different: merge them.
          for (const form of other.forms) draft.forms.add(form)
          addRole(draft, other.role)
          drafts.splice(drafts.indexOf(other), 1)
        }
        for (const variant of variants) draft.forms.add(variant)
        addRole(draft, candidate.role)
      }
    }
  }

  linkShortNames(drafts, isGazetteerForm)
  const mentionsOf = collectMentions(prose, drafts, forms, draftForEntry)
  // An OCR "II" is mended to "Il" only in a name the text also writes with "Il".
  const ilAfter = wordsBeforeIl(prose.map(({ block }) => block.text).join('\n'))
  return drafts
    .map((draft) => ({ draft, mentions: mentionsOf.get(draft) ?? [] }))
    .filter(({ mentions }) => mentions.length > 0)
    .sort(
      (left, right) => (left.mentions[0] as ActorMention).start - (right.mentions[0] as ActorMention).start
    )
    .map(({ draft, mentions }) => toActor(draft, mentions, ilAfter))
}

/**
 * A one-word person ("Kim", "Nixon") is the same person as the one full name that starts or
 * ends with that word, and that word alone then counts as a mention of them.
 */
function linkShortNames(drafts: Draft[], isGazetteerForm: (text: string) => boolean): void {
  const people = drafts.filter((draft) => draft.kind === 'person')
  const ends = (draft: Draft): string[] =>
    [...draft.forms].flatMap((form) => {
      const words = mendOcrName(form).split(' ')
      return words.length > 1 ? [words[0] as string, words[words.length - 1] as string] : []
    })
  const wordsOf = (form: string): string[] => nameKeyWords(form)
  const isPartOf = (short: string[], long: string[]): boolean =>
    short.length < long.length &&
    (short.every((word, index) => long[index] === word) ||
      short.every((word, index) => long[long.length - short.length + index] === word))
  for (const short of [...people].sort((left, right) => maxWords(left) - maxWords(right))) {
    if (!drafts.includes(short)) continue
    const owners = people.filter(
      (draft) =>
        draft !== short &&
        drafts.includes(draft) &&
        [...short.forms].every((form) =>
          [...draft.forms].some((other) => isPartOf(wordsOf(form), wordsOf(other)))
        )
    )
    if (owners.length !== 1) continue
    const owner = owners[0] as Draft
    for (const form of short.forms) owner.forms.add(form)
    addRole(owner, short.role)
    drafts.splice(drafts.indexOf(short), 1)
  }
  // Words a full name starts or ends with, shared by no other person, name that person alone.
  const counts = new Map<string, number>()
  for (const draft of drafts.filter((candidate) => candidate.kind === 'person')) {
    for (const word of new Set(ends(draft))) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  for (const draft of drafts.filter((candidate) => candidate.kind === 'person')) {
    const words = [...draft.forms]
      .map((form) => mendOcrName(form).split(' '))
      .filter((words) => words.length > 1)
    const family = words[0]?.[0]
    if (family && family.length > 1 && counts.get(family) === 1 && !isGazetteerForm(family))
      draft.forms.add(family)
    const last = words[0]?.[words[0].length - 1]
    if (last && last.length > 2 && counts.get(last) === 1 && !isGazetteerForm(last) && !/^I+$/.test(last))
      draft.forms.add(last)
  }
  // Spelling variants a reader treats as the same: without diacritics, hyphen for space.
  for (const draft of drafts.filter((candidate) => candidate.kind === 'person')) {
    for (const form of [...draft.forms]) {
      draft.forms.add(form.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'))
      if (form.includes('-')) draft.forms.add(form.replace(/-/g, ' '))
    }
  }
}

function nameKeyWords(form: string): string[] {
  return mendOcrName(form)
    .split(/[\s-]+/)
    .map((word) => nameKey(word))
    .filter((word) => word !== '')
}

function maxWords(draft: Draft): number {
  return Math.max(...[...draft.forms].map((form) => nameKeyWords(form).length))
}

function collectMentions(
  prose: ProseBlock[],
  drafts: Draft[],
  forms: ReturnType<typeof gazetteerForms>,
  draftForEntry: (entry: GazetteerEntry) => Draft
): Map<Draft, ActorMention[]> {
  interface Hit {
    start: number
    end: number
    text: string
    form: string
    draft: Draft | null
    gazetteer: boolean
  }
  const formOwners = new Map<string, Draft>()
  for (const draft of drafts)
    for (const form of draft.forms) if (!formOwners.has(form)) formOwners.set(form, draft)
  const allForms = [...new Set([...formOwners.keys(), ...forms.keys()])].sort(
    (left, right) => right.length - left.length
  )
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}.])(?:${allForms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|\\.\\p{L})`,
    'gu'
  )

  const hitsByBlock = new Map<ProseBlock, Hit[]>()
  const capitalCounts = new Map<GazetteerEntry, number>()
  for (const item of prose) {
    const text = item.block.text.slice(0, item.range.end)
    // Names inside the name of a thing ("Vietnam War", "Korea Times") are not mentions.
    const thingSpans: Span[] = []
    for (const sentence of splitSentences(text)) {
      for (const run of capitalisedRuns(sentence.text)) {
        if (run.length > 1 && run.some((token) => thingWords.test(token.text))) {
          thingSpans.push({
            start: sentence.start + run[0]!.start,
            end: sentence.start + run[run.length - 1]!.end
          })
        }
      }
    }
    const hits: Hit[] = []
    for (const match of text.matchAll(pattern)) {
      const start = match.index
      const end = start + match[0].length
      if (start < item.range.start || overlapsAny(item.excluded, start, end)) continue
      if (hits.some((hit) => start < hit.end && end > hit.start)) continue // longer forms come first
      const owner = formOwners.get(match[0]) ?? null
      if (!owner && overlapsAny(thingSpans, start, end)) continue
      const known = forms.get(match[0])
      if (!owner && known?.isDemonym && !isDemonymMention(text, start, end)) continue
      hits.push({ start, end, text: match[0], form: match[0], draft: owner, gazetteer: !owner })
      if (known && !known.isCapital)
        for (const entry of known.entries) capitalCounts.set(entry, (capitalCounts.get(entry) ?? 0) + 1)
    }
    // An organisation named after its state ("United States Air Force") mentions the state too.
    for (const hit of [...hits]) {
      const isOrganisation =
        hit.draft?.kind === 'organisation' ||
        (hit.gazetteer && forms.get(hit.form)?.entries.every((entry) => entry.kind === 'organisation'))
      const prefix = isOrganisation ? statePrefix(hit.text, forms) : null
      if (prefix) {
        const end = hit.start + prefix.length
        hits.push({ start: hit.start, end, text: prefix, form: prefix, draft: null, gazetteer: true })
      }
    }
    hitsByBlock.set(item, hits)
  }

  const mentions = new Map<Draft, ActorMention[]>()
  for (const [item, hits] of hitsByBlock) {
    for (const hit of hits.sort((left, right) => left.start - right.start)) {
      let draft = hit.draft
      if (!draft) {
        const known = forms.get(hit.form)
        if (!known) continue
        // A capital shared by two entries (Moscow) goes to the one the text names more often.
        const entry = known.entries.reduce((best, entry) =>
          (capitalCounts.get(entry) ?? 0) > (capitalCounts.get(best) ?? 0) ? entry : best
        )
        draft = draftForEntry(entry)
        draft.forms.add(hit.form)
      }
      const list = mentions.get(draft) ?? []
      list.push({
        blockId: item.block.id,
        start: item.block.start + hit.start,
        end: item.block.start + hit.end,
        text: hit.text
      })
      mentions.set(draft, list)
    }
  }
  return mentions
}

function toActor(draft: Draft, mentions: ActorMention[], ilAfter: ReadonlySet<string>): Actor {
  let name: string
  if (draft.entry) name = draft.entry.name
  else if (draft.kind === 'organisation')
    name = draft.longForm ?? mostFrequent(mentions.map((mention) => mention.text))
  else {
    const full = mentions
      .map((mention) => mendOcrName(mention.text, ilAfter))
      .filter((text) => text.includes(' '))
    name = mostFrequent(full.length > 0 ? full : mentions.map((mention) => mention.text))
  }
  const aliases = [...new Set(mentions.map((mention) => mention.text))].filter((text) => text !== name)
  const acronym =
    draft.acronym ?? draft.entry?.acronyms.find((candidate) => aliases.includes(candidate)) ?? undefined
  const actor: Actor = {
    id: stableId('actor', draft.kind, nameKey(name)),
    name,
    kind: draft.kind,
    aliases,
    role: draft.role?.text ?? null,
    mentions
  }
  if (acronym) actor.acronym = acronym
  return actor
}

function mostFrequent(texts: string[]): string {
  const counts = new Map<string, number>()
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1)
  let best = texts[0] ?? ''
  for (const [text, count] of counts) if (count > (counts.get(best) ?? 0)) best = text
  return best
}
