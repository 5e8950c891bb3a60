// The first look at a book's chapters, before any is converted: which links are note references,
// which elements are the notes they point at (in the same chapter or another), which links in a
// note lead back to its reference, and where a chapter the contents name starts. EPUB 3 says it
// with `epub:type` (noteref, footnote, endnote, rearnote) and ARIA roles (doc-noteref,
// doc-footnote, doc-endnote); older books with classes (`footnote-ref`) or a bare link round a
// raised number (`<a href="#fn3"><sup>3</sup></a>`). Elements are named by their ordinal in
// their file, counted as htmlToMarkdown counts them (the same tokenizer, htmlTokens).
import { boundedParser, htmlParserOptions } from '../htmlTokens'
import { resolveHref, type ContentsEntry } from './bookPackage'

export interface ChapterSource {
  path: string
  html: string
}

/** What the conversion of one chapter is asked to do (see HtmlOptions). */
export interface ChapterPlan {
  noteRefs: Map<number, number>
  noteBodies: Map<number, number>
  dropped: Set<number>
  headingsBefore: Map<number, string>
  /** The contents' label for the chapter as a whole, when the contents point at the file itself. */
  title: string | null
}

interface ElementInfo {
  path: string
  ordinal: number
  name: string
  /** The nearest block element around it (itself when it is one), by ordinal, and the element. */
  block: number
  blockInfo: ElementInfo | null
  /** A heading opened inside it before any text did. */
  startsWithHeading: boolean
  /** A heading opened inside it (a section, then, not a note). */
  holdsHeading: boolean
  /** Typed as one note (footnote, endnote, rearnote). */
  typedNote: boolean
  /** The typed note it is in (itself when it is one). */
  inNote: ElementInfo | null
  /** The ordinal of the last element inside it (its own when it holds none): its descendants are ordinal+1…end. */
  end: number
}

interface LinkInfo {
  path: string
  ordinal: number
  target: string | null
  typedRef: boolean
  classRef: boolean
  backlink: boolean
  raised: boolean
  text: string
  /** Ids of the link and the elements around it up to its block (where a backlink would point). */
  homeIds: string[]
  block: number
  /** The first thing in its block (notes start with the link back to their reference). */
  leadsBlock: boolean
  insideTypedNote: boolean
}

const blockNames = new Set([
  'p',
  'div',
  'li',
  'aside',
  'section',
  'article',
  'dd',
  'dt',
  'blockquote',
  'td',
  'footer',
  'body',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6'
])
/** A note is one of these: never the whole page, nor a heading. */
const noteBodyNames = new Set([
  'p',
  'div',
  'li',
  'aside',
  'section',
  'dd',
  'dt',
  'blockquote',
  'footer',
  'span'
])
const headingNames = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

const tokens = (value: string | undefined) => (value ?? '').toLowerCase().split(/\s+/).filter(Boolean)
const noteTypes = new Set(['footnote', 'endnote', 'rearnote', 'note', 'doc-footnote', 'doc-endnote'])
const refClass =
  /^(?:footnote-?ref(?:erence)?|noteref|note-ref|fnref|fn-ref|endnote-?ref|ftnref|footnote-?link|footnote-?call|noteanchor|fnanchor)$/
const backClass = /^(?:footnote-?back(?:ref|link)?|fnback|backlink|back-?link|note-?back)$/
/** A reference's own text: a number, a letter or a sign, perhaps in brackets. */
const markerText = /^\s*[[(]?\s*(?:\d{1,4}|[a-z]|[*†‡§¶]{1,3})\s*[\])]?\s*$/i

const key = (path: string, id: string) => `${path}#${id}`

/** Reads every chapter once: elements with ids, typed notes and links. */
function scan(chapters: readonly ChapterSource[]) {
  const ids = new Map<string, ElementInfo>()
  const links: LinkInfo[] = []
  const typedNotes: ElementInfo[] = []
  for (const chapter of chapters) {
    interface Frame {
      info: ElementInfo
      id: string | null
      hasText: boolean
      link: LinkInfo | null
    }
    const stack: Frame[] = []
    let ordinal = 0
    const parser = boundedParser(
      chapter.html,
      {
        onopentag(name, attributes) {
          ordinal += 1
          const parent = stack.at(-1)
          const isBlock = blockNames.has(name)
          const types = [...tokens(attributes['epub:type']), ...tokens(attributes.role)]
          const info: ElementInfo = {
            path: chapter.path,
            ordinal,
            name,
            block: isBlock ? ordinal : (parent?.info.block ?? ordinal),
            blockInfo: isBlock ? null : (parent?.info.blockInfo ?? parent?.info ?? null),
            startsWithHeading: false,
            holdsHeading: false,
            typedNote: types.some((type) => noteTypes.has(type)),
            inNote: parent?.info.inNote ?? null,
            end: ordinal
          }
          if (info.typedNote && info.inNote === null) info.inNote = info
          if (headingNames.has(name)) {
            for (let index = stack.length - 1; index >= 0; index -= 1) {
              const frame = stack[index]
              if (!frame || frame.info.holdsHeading) break
              frame.info.holdsHeading = true
              if (!frame.hasText) frame.info.startsWithHeading = true
            }
          }
          const id = attributes.id ?? attributes.name ?? null
          if (id !== null && !ids.has(key(chapter.path, id))) ids.set(key(chapter.path, id), info)
          if (info.inNote === info) typedNotes.push(info)
          let link: LinkInfo | null = null
          if (name === 'a' && attributes.href !== undefined) {
            const target = resolveHref(chapter.path, attributes.href)
            const classes = tokens(attributes.class)
            const homeIds: string[] = []
            if (id !== null) homeIds.push(key(chapter.path, id))
            for (let index = stack.length - 1; index >= 0; index -= 1) {
              const frame = stack[index]
              if (!frame) break
              if (frame.id !== null) homeIds.push(key(chapter.path, frame.id))
              if (frame.info.ordinal === info.block) break
            }
            const blockFrame = stack.find((frame) => frame.info.ordinal === info.block)
            link = {
              path: chapter.path,
              ordinal,
              target: target?.fragment ? key(target.path, target.fragment) : null,
              typedRef: types.includes('noteref') || types.includes('doc-noteref'),
              classRef: classes.some((name) => refClass.test(name)),
              backlink:
                types.includes('backlink') ||
                types.includes('doc-backlink') ||
                classes.some((name) => backClass.test(name)),
              raised: stack.some((frame) => frame.info.name === 'sup'),
              text: '',
              homeIds,
              block: info.block,
              leadsBlock: !(blockFrame?.hasText ?? false),
              insideTypedNote: stack.some((frame) => frame.info.typedNote)
            }
            links.push(link)
          }
          stack.push({ info, id, hasText: false, link: link ?? parent?.link ?? null })
          if (name === 'sup' && parent?.link) parent.link.raised = true
        },
        ontext(text) {
          const frame = stack.at(-1)
          if (frame?.link) frame.link.text += text
          if (text.trim() === '') return
          // Elements around one that has text have it too: marking stops at the first one marked.
          for (let index = stack.length - 1; index >= 0; index -= 1) {
            const open = stack[index]
            if (!open || open.hasText) break
            open.hasText = true
          }
        },
        onclosetag() {
          const closed = stack.pop()
          if (closed) closed.info.end = ordinal
        }
      },
      htmlParserOptions,
      { deepestOpen: 0 }
    )
    parser.write(chapter.html)
    parser.end()
  }
  return { ids, links, typedNotes }
}

/** The element a reference's note is: the target, or the block around it when the target is a bare anchor. */
function noteElement(target: ElementInfo | undefined): ElementInfo | null {
  if (!target) return null
  if (target.inNote) return target.inNote
  if (target.typedNote) return target
  // A link to a section (it holds a heading) is a cross-reference, not a note.
  if (noteBodyNames.has(target.name)) return target.holdsHeading ? null : target
  const block = target.blockInfo
  return block && noteBodyNames.has(block.name) && !block.holdsHeading ? block : null
}

/** Whether a link is inside one of the notes: by file, the notes' ranges of ordinals, searched by halves. */
function insideAny(bodies: readonly ElementInfo[]): (link: LinkInfo) => boolean {
  const byPath = new Map<string, ElementInfo[]>()
  for (const body of bodies) {
    const list = byPath.get(body.path)
    if (list) list.push(body)
    else byPath.set(body.path, [body])
  }
  for (const list of byPath.values()) list.sort((left, right) => left.ordinal - right.ordinal)
  return (link) => {
    const list = byPath.get(link.path) ?? []
    let low = 0
    let high = list.length - 1
    // The last note starting at or before the link; notes do not overlap (a note inside a note is one).
    while (low <= high) {
      const middle = (low + high) >> 1
      if ((list[middle]?.ordinal ?? 0) <= link.ordinal) low = middle + 1
      else high = middle - 1
    }
    const candidate = list[high]
    return candidate !== undefined && link.ordinal <= candidate.end
  }
}

/** Plans every chapter's conversion: notes numbered 1, 2, 3… in the order the book refers to them. */
export function planChapters(
  chapters: readonly ChapterSource[],
  contents: readonly ContentsEntry[]
): Map<string, ChapterPlan> {
  const { ids, links, typedNotes } = scan(chapters)
  const plans = new Map<string, ChapterPlan>(
    chapters.map((chapter) => [
      chapter.path,
      {
        noteRefs: new Map(),
        noteBodies: new Map(),
        dropped: new Set(),
        headingsBefore: new Map(),
        title: null
      }
    ])
  )
  const candidates = links.filter((link) => {
    if (link.target === null || link.backlink || link.insideTypedNote) return false
    const target = ids.get(link.target)
    if (!target || (target.path === link.path && target.block === link.block)) return false
    return (
      link.typedRef ||
      link.classRef ||
      // A bare link is a reference when its text is a marker set apart (raised, or in brackets)
      // standing after some text: a note starts with its link back.
      (markerText.test(link.text) &&
        !link.leadsBlock &&
        (link.raised || /^\s*[[(]/.test(link.text) || target.typedNote))
    )
  })
  // A reference and the link back from its note can look alike: the one pointing at the other's
  // home is the link back when it starts its block (or, failing that, comes later).
  const byHome = new Map<string, LinkInfo[]>()
  for (const link of candidates) {
    for (const id of link.homeIds) {
      const list = byHome.get(id)
      if (list) list.push(link)
      else byHome.set(id, [link])
    }
  }
  const order = new Map(chapters.map((chapter, index) => [chapter.path, index]))
  const later = (a: LinkInfo, b: LinkInfo) =>
    (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || a.ordinal - b.ordinal
  const backlinks = new Set<LinkInfo>()
  for (const link of candidates) {
    if (link.typedRef || link.target === null) continue
    for (const other of byHome.get(link.target) ?? []) {
      if (other === link || !other.target || !link.homeIds.includes(other.target)) continue
      const linkIsBack = link.leadsBlock !== other.leadsBlock ? link.leadsBlock : later(link, other) > 0
      if (linkIsBack) backlinks.add(link)
    }
  }
  const numbers = new Map<string, number>()
  let next = 1
  const refHomes = new Set<string>()
  const bodies: ElementInfo[] = []
  const within = (element: ElementInfo, link: LinkInfo) =>
    element.path === link.path && element.ordinal <= link.ordinal && link.ordinal <= element.end
  for (const link of candidates) {
    if (backlinks.has(link) || link.target === null) continue
    const body = noteElement(ids.get(link.target))
    // A link to an element around it is no note reference (the note would hold its own marker).
    if (!body || within(body, link)) continue
    const bodyKey = `${body.path}@${body.ordinal}`
    let number = numbers.get(bodyKey)
    if (number === undefined) {
      number = next++
      numbers.set(bodyKey, number)
      plans.get(body.path)?.noteBodies.set(body.ordinal, number)
      bodies.push(body)
    }
    plans.get(link.path)?.noteRefs.set(link.ordinal, number)
    for (const id of link.homeIds) refHomes.add(id)
  }
  // Notes the text never points at are notes still, numbered after the others.
  for (const note of typedNotes) {
    const bodyKey = `${note.path}@${note.ordinal}`
    if (numbers.has(bodyKey)) continue
    numbers.set(bodyKey, next)
    plans.get(note.path)?.noteBodies.set(note.ordinal, next++)
    bodies.push(note)
  }
  // Links back from a note to its reference are left out of the note's text; a link elsewhere
  // to a reference ("see note 3") keeps its words.
  const inBody = insideAny(bodies)
  for (const link of links) {
    if (plans.get(link.path)?.noteRefs.has(link.ordinal)) continue
    const pointsBack = link.target !== null && refHomes.has(link.target) && inBody(link)
    if (link.backlink || backlinks.has(link) || pointsBack) plans.get(link.path)?.dropped.add(link.ordinal)
  }
  for (const entry of contents) {
    const plan = plans.get(entry.path)
    if (!plan) continue
    const target = entry.fragment === null ? undefined : ids.get(key(entry.path, entry.fragment))
    if (!target) {
      plan.title ??= entry.label
      continue
    }
    // Where the text already has the heading (the target is one, is in one, or starts with one).
    const inHeading = target.blockInfo !== null && headingNames.has(target.blockInfo.name)
    if (headingNames.has(target.name) || inHeading || target.startsWithHeading) continue
    if (plan.headingsBefore.has(target.ordinal)) continue
    plan.headingsBefore.set(target.ordinal, entry.label)
  }
  return plans
}
