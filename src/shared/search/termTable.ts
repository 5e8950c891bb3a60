// A segment's sorted terms held as one string and the offsets where each term starts, rather than
// as one string object per term: a ten-million-word library has millions of (segment, term)
// pairs, and a string object each cost about 200 MB of heap and most of the restart time.
// Lookups compare character codes in place; a term is only cut out as a string when asked for.

export class TermTable {
  /** `starts[i]` is where term i begins in `text`; `starts[length]` is one past the end (+1). */
  private constructor(
    readonly text: string,
    private readonly starts: Uint32Array
  ) {}

  /** From terms already sorted (and free of newlines, as index terms are). */
  static fromSorted(terms: readonly string[]): TermTable {
    return TermTable.fromJoined(terms.join('\n'))
  }

  /** From the terms joined by newlines, as they are persisted. */
  static fromJoined(text: string): TermTable {
    if (text.length === 0) return new TermTable('', new Uint32Array([0]))
    let count = 1
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++
    const starts = new Uint32Array(count + 1)
    let index = 1
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[index++] = at + 1
    starts[count] = text.length + 1
    return new TermTable(text, starts)
  }

  get length(): number {
    return this.starts.length - 1
  }

  /** Term i as a string (from its character `from` on: 1 leaves out a field code). */
  at(index: number, from = 0): string {
    return this.text.slice((this.starts[index] as number) + from, (this.starts[index + 1] as number) - 1)
  }

  /** Negative, zero or positive as term i sorts before, equal to or after `key` (UTF-16 order, as `<`). */
  compare(index: number, key: string): number {
    const start = this.starts[index] as number
    const length = (this.starts[index + 1] as number) - 1 - start
    const shorter = Math.min(length, key.length)
    for (let i = 0; i < shorter; i++) {
      const difference = this.text.charCodeAt(start + i) - key.charCodeAt(i)
      if (difference !== 0) return difference
    }
    return length - key.length
  }

  /** Whether term i starts with `prefix`. */
  startsWith(index: number, prefix: string): boolean {
    const start = this.starts[index] as number
    if ((this.starts[index + 1] as number) - 1 - start < prefix.length) return false
    return this.text.startsWith(prefix, start)
  }

  /** First index whose term is ≥ `key`. */
  lowerBound(key: string): number {
    let low = 0
    let high = this.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.compare(middle, key) < 0) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Index of `key`, or -1. */
  find(key: string): number {
    const index = this.lowerBound(key)
    return index < this.length && this.compare(index, key) === 0 ? index : -1
  }
}
