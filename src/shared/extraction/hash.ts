// Stable short ids for extracted things: the same input always gives the same id, across runs
// and machines, so regenerated suggestions can be matched with ones already accepted or rejected.

/** cyrb53: a fast 53-bit string hash with good spread; not cryptographic (ids, not secrets). */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** An id made of a prefix and the hash of the parts (joined with a separator that text rarely holds). */
export function stableId(prefix: string, ...parts: Array<string | number>): string {
  return `${prefix}_${hash53(parts.join('\u241f')).toString(36)}`
}
