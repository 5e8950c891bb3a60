// A segment's sorted terms held as their UTF-8 bytes and the offsets where each term starts, rather
// than as one string object per term: a ten-million-word library has millions of (segment, term)
// pairs. A loaded segment's table is a view into the bytes read from SQLite, so loading decodes
// nothing; lookups compare bytes in place, and a term is only decoded when it is asked for.
// Terms sort by code point (which is UTF-8 byte order), not by UTF-16 unit as `<` does.

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * The UTF-8 bytes of lookup keys, kept for a while: the same key is looked up in every segment.
 * A caller may keep the bytes it was given; the cache only forgets them.
 */
const encodedKeys = new Map<string, Uint8Array>()
const encodedKeysKept = 2000

/** The UTF-8 bytes of a term held only for one query (not cached: caching each query's many terms churned). */
export function encodeTerm(term: string): Uint8Array {
  return encoder.encode(term)
}

/** The UTF-8 bytes of a key looked up in every segment, from the cache. */
export function encodeKey(key: string): Uint8Array {
  let bytes = encodedKeys.get(key)
  if (!bytes) {
    if (encodedKeys.size >= encodedKeysKept) encodedKeys.clear()
    encodedKeys.set(key, (bytes = encoder.encode(key)))
  }
  return bytes
}

/** A UTF-16 code unit mapped so that units compare in code point order (surrogates after U+FFFF's). */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800
}

/** Sorts strings by code point, the order of their UTF-8 bytes. */
export function compareByCodePoint(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x !== y) return codePointRank(x) - codePointRank(y)
  }
  return a.length - b.length
}

export class TermTable {
  /** Term i is `bytes[starts[i] … starts[i + 1])`. */
  private constructor(
    readonly bytes: Uint8Array,
    readonly starts: Uint32Array
  ) {}

  /** From terms already sorted by code point. */
  static fromSorted(terms: readonly string[]): TermTable {
    const encoded = terms.map((term) => encoder.encode(term))
    const starts = new Uint32Array(terms.length + 1)
    let total = 0
    encoded.forEach((bytes, index) => {
      starts[index] = total
      total += bytes.length
    })
    starts[terms.length] = total
    const bytes = new Uint8Array(total)
    encoded.forEach((term, index) => bytes.set(term, starts[index]))
    return new TermTable(bytes, starts)
  }

  /** From persisted bytes and starts (views, not copies). */
  static fromParts(bytes: Uint8Array, starts: Uint32Array): TermTable {
    return new TermTable(bytes, starts)
  }

  get length(): number {
    return this.starts.length - 1
  }

  /** Term i as a string (from its byte `from` on: 1 leaves out a field code). */
  at(index: number, from = 0): string {
    const start = (this.starts[index] as number) + from
    const end = this.starts[index + 1] as number
    const bytes = this.bytes.subarray(start, end)
    // Most terms are ASCII: those are made directly, as TextDecoder costs more than a short term.
    for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) >= 0x80) return decoder.decode(bytes)
    return String.fromCharCode.apply(null, bytes as unknown as number[])
  }

  /** A 32-bit FNV-1a hash of term i's bytes from byte `from` on: to recognise a term without decoding it. */
  hashAt(index: number, from = 0): number {
    let hash = 0x811c9dc5
    const end = this.starts[index + 1] as number
    for (let i = (this.starts[index] as number) + from; i < end; i++)
      hash = Math.imul(hash ^ (this.bytes[i] as number), 0x01000193)
    return hash >>> 0
  }

  /** Whether term i's bytes from byte `from` on are `bytes`. */
  equalsAt(index: number, from: number, bytes: Uint8Array): boolean {
    const start = (this.starts[index] as number) + from
    if ((this.starts[index + 1] as number) - start !== bytes.length) return false
    for (let i = 0; i < bytes.length; i++) if (this.bytes[start + i] !== bytes[i]) return false
    return true
  }

  /** Negative, zero or positive as term i sorts before, equal to or after `key` (UTF-8 bytes). */
  compareBytes(index: number, key: Uint8Array): number {
    const start = this.starts[index] as number
    const length = (this.starts[index + 1] as number) - start
    const shorter = Math.min(length, key.length)
    const bytes = this.bytes
    for (let i = 0; i < shorter; i++) {
      const difference = (bytes[start + i] as number) - (key[i] as number)
      if (difference !== 0) return difference
    }
    return length - key.length
  }

  /** Negative, zero or positive as term i sorts before, equal to or after `key`. */
  compare(index: number, key: string): number {
    return this.compareBytes(index, encodeKey(key))
  }

  /** Whether term i starts with `prefix`. */
  startsWith(index: number, prefix: string): boolean {
    const key = encodeKey(prefix)
    const start = this.starts[index] as number
    if ((this.starts[index + 1] as number) - start < key.length) return false
    const bytes = this.bytes
    for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key[i]) return false
    return true
  }

  /** First index whose term is ≥ `key`. */
  lowerBound(key: string): number {
    const bytes = encodeKey(key)
    let low = 0
    let high = this.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compareBytes(middle, bytes) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Index of `key`, or -1. */
  find(key: string): number {
    const bytes = encodeKey(key)
    const index = this.lowerBound(key)
    return index < this.length && this.compareBytes(index, bytes) === 0 ? index : -1
  }
}
