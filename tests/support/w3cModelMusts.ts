// The MUSTs of the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) that
// Scholia's export touches, written out by hand so that they are checked on every machine; the
// W3C's own test suite, when it is found beside the repository, checks the same export again.
// Each function returns the problems it found, as "where: what", and [] for a conforming object.

export const annoContext = 'http://www.w3.org/ns/anno.jsonld'

/** §3.3.5: the motivations the model defines (a body's purpose is one too). */
const motivations = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging'
])

type Json = Record<string, unknown>

const setTypes = new Set(['Choice', 'Composite', 'List', 'Independents'])

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An absolute IRI: a scheme, a colon, and no white space (RFC 3987 in the form exports use). */
export const isIri = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/u.test(value)

const isNonNegativeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

/** xsd:dateTime in UTC written with "Z", as §3.3.1 requires of created, modified and generated. */
export function isUtcDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const match = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/.exec(value)
  if (!match) return false
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second))
  // Date.UTC rolls 30 February over into March: a date that moved was not a date.
  return (
    date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60
  )
}

/** A value given once or as a list: the model allows both for most properties. */
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])

/** §3.1 and §5: anno.jsonld is the context, given as a string when it is the only one. */
function contextProblems(value: unknown, where: string): string[] {
  if (value === annoContext) return []
  if (Array.isArray(value) && value.includes(annoContext)) {
    return value.length === 1 ? [`${where}: a single @context must be given as a string`] : []
  }
  return [`${where}: @context must be, or include, ${annoContext}`]
}

function typeProblems(value: unknown, expected: string, where: string): string[] {
  return asList(value).includes(expected) ? [] : [`${where}: type must be, or include, ${expected}`]
}

function idProblems(value: unknown, where: string): string[] {
  return isIri(value) ? [] : [`${where}: id must be exactly one IRI`]
}

function dateProblems(object: Json, where: string): string[] {
  return ['created', 'modified', 'generated']
    .filter((key) => key in object && !isUtcDateTime(object[key]))
    .map((key) => `${where}: ${key} must be an xsd:dateTime in UTC ending in "Z"`)
}

function motivationProblems(value: unknown, where: string): string[] {
  if (value === undefined) return []
  return asList(value)
    .filter(
      (motivation) => !(typeof motivation === 'string' && (motivations.has(motivation) || isIri(motivation)))
    )
    .map((motivation) => `${where}: ${JSON.stringify(motivation)} is not a motivation of §3.3.5`)
}

/** §4.2.1, §4.2.4 and §4.2.5 (fragment, quote and position) on one selector and its refinements (§4.2.9). */
function selectorProblems(selector: unknown, where: string): string[] {
  if (isIri(selector)) return []
  if (!isObject(selector)) return [`${where}: a selector must be an IRI or an object`]
  const refined = 'refinedBy' in selector ? selectorProblems(selector.refinedBy, `${where}.refinedBy`) : []
  return [...refined, ...ownSelectorProblems(selector, where)]
}

function ownSelectorProblems(selector: Json, where: string): string[] {
  if (selector.type === 'TextQuoteSelector') {
    const problems = typeof selector.exact === 'string' ? [] : [`${where}: exact must be exactly one string`]
    for (const key of ['prefix', 'suffix']) {
      if (key in selector && typeof selector[key] !== 'string')
        problems.push(`${where}: ${key} must be a string`)
    }
    return problems
  }
  if (selector.type === 'TextPositionSelector') {
    const problems = ['start', 'end']
      .filter((key) => !isNonNegativeInteger(selector[key]))
      .map((key) => `${where}: ${key} must be exactly one non-negative integer`)
    // The segment runs from start up to, not including, end: an end before the start describes none.
    if (problems.length === 0 && (selector.end as number) < (selector.start as number)) {
      problems.push(`${where}: end must not come before start`)
    }
    return problems
  }
  if (selector.type === 'FragmentSelector') {
    // §4.2.1: exactly one value; at most one conformsTo, the IRI of the fragment's specification.
    const problems = typeof selector.value === 'string' ? [] : [`${where}: value must be exactly one string`]
    if ('conformsTo' in selector && !isIri(selector.conformsTo))
      problems.push(`${where}: conformsTo must be exactly one IRI`)
    return problems
  }
  return typeof selector.type === 'string' ? [] : [`${where}: a selector must have a type`]
}

/** §3.2 and §4: a target (or body) is an IRI or an object; a SpecificResource has one source IRI. */
function resourceProblems(resource: unknown, where: string): string[] {
  if (isIri(resource)) return []
  if (!isObject(resource)) return [`${where}: must be an IRI or an object`]
  const problems: string[] = []
  // §3.2.7–3.2.8: a Choice, Composite, List or Independents set holds its resources in `items`.
  if (typeof resource.type === 'string' && setTypes.has(resource.type)) {
    if (!Array.isArray(resource.items)) return [`${where}: a ${resource.type} must list its items`]
    resource.items.forEach((item, index) => problems.push(...bodyProblems(item, `${where}.items[${index}]`)))
    return problems
  }
  if (resource.type === 'SpecificResource' || 'selector' in resource || 'source' in resource) {
    if (!isIri(resource.source) && !(isObject(resource.source) && isIri(resource.source.id))) {
      problems.push(`${where}: source must be exactly one IRI (or a resource with one)`)
    }
    if ('selector' in resource) {
      asList(resource.selector).forEach((selector, index) =>
        problems.push(...selectorProblems(selector, `${where}.selector[${index}]`))
      )
    }
    if ('styleClass' in resource && typeof resource.styleClass !== 'string') {
      problems.push(`${where}: styleClass must be a string`)
    }
  } else if (!('id' in resource) && !('value' in resource)) {
    problems.push(`${where}: an object without an id must be an embedded body with a value`)
  }
  return problems
}

/** §3.2.4 and §3.2.5: an embedded textual body has exactly one string value. */
function bodyProblems(body: unknown, where: string): string[] {
  if (isObject(body) && (body.type === 'TextualBody' || 'value' in body)) {
    const problems = typeof body.value === 'string' ? [] : [`${where}: value must be exactly one string`]
    if ('format' in body && typeof body.format !== 'string')
      problems.push(`${where}: format must be a string`)
    return [...problems, ...motivationProblems(body.purpose, where)]
  }
  return resourceProblems(body, where)
}

export interface AnnotationCheck {
  /** Inside a collection's page, an annotation takes the collection's @context and need not repeat it. */
  embedded?: boolean
}

/** The model's MUSTs for one annotation (§3.1–§3.3 and §4). */
export function annotationProblems(value: unknown, { embedded = false }: AnnotationCheck = {}): string[] {
  if (!isObject(value)) return ['annotation: must be a JSON object']
  const where = `annotation ${typeof value.id === 'string' ? value.id : '(no id)'}`
  const problems = [
    ...(embedded && !('@context' in value) ? [] : contextProblems(value['@context'], where)),
    ...idProblems(value.id, where),
    ...typeProblems(value.type, 'Annotation', where),
    ...dateProblems(value, where),
    ...motivationProblems(value.motivation, where)
  ]
  const targets = value.target === undefined ? [] : asList(value.target)
  if (targets.length === 0) problems.push(`${where}: must have at least one target`)
  targets.forEach((target, index) => problems.push(...resourceProblems(target, `${where} target[${index}]`)))
  if ('bodyValue' in value) {
    if (typeof value.bodyValue !== 'string') problems.push(`${where}: bodyValue must be exactly one string`)
    if ('body' in value) problems.push(`${where}: bodyValue and body must not both be given`)
  }
  if ('body' in value) {
    asList(value.body).forEach((body, index) =>
      problems.push(...bodyProblems(body, `${where} body[${index}]`))
    )
  }
  if ('stylesheet' in value) {
    const sheet = value.stylesheet
    const embedded = isObject(sheet) && sheet.type === 'CssStylesheet' && typeof sheet.value === 'string'
    if (!isIri(sheet) && !(isObject(sheet) && isIri(sheet.id)) && !embedded) {
      problems.push(`${where}: an embedded stylesheet must be a CssStylesheet with a string value`)
    }
  }
  return problems
}

/** §5.2: a page of a collection, with every annotation it holds. */
export function pageProblems(value: unknown, where = 'page'): string[] {
  if (isIri(value)) return []
  if (!isObject(value)) return [`${where}: must be an IRI or an AnnotationPage object`]
  const problems = [...idProblems(value.id, where), ...typeProblems(value.type, 'AnnotationPage', where)]
  if (!Array.isArray(value.items)) return [...problems, `${where}: items must be a list of annotations`]
  if ('startIndex' in value && !isNonNegativeInteger(value.startIndex)) {
    problems.push(`${where}: startIndex must be a non-negative integer`)
  }
  for (const item of value.items) problems.push(...annotationProblems(item, { embedded: true }))
  return problems
}

/** §5.1: an AnnotationCollection and its embedded pages. */
export function collectionProblems(value: unknown): string[] {
  if (!isObject(value)) return ['collection: must be a JSON object']
  const where = 'collection'
  const problems = [
    ...contextProblems(value['@context'], where),
    ...idProblems(value.id, where),
    ...typeProblems(value.type, 'AnnotationCollection', where),
    ...dateProblems(value, where)
  ]
  if ('label' in value && typeof value.label !== 'string') problems.push(`${where}: label must be a string`)
  if ('total' in value && !isNonNegativeInteger(value.total)) {
    problems.push(`${where}: total must be a non-negative integer`)
  }
  if (isNonNegativeInteger(value.total) && value.total > 0 && !('first' in value)) {
    problems.push(`${where}: a collection with annotations must give its first page`)
  }
  if ('first' in value) problems.push(...pageProblems(value.first, `${where}.first`))
  if ('last' in value) problems.push(...pageProblems(value.last, `${where}.last`))
  return problems
}
