// Reads the ZIP archive an EPUB is, under limits that hold whatever the archive says about itself.
// Entries are listed from the central directory; an entry is inflated only when asked for, by
// fflate's streaming Inflate fed a little at a time, and every byte it actually produces is
// counted: over 200 MB in all, or more than 100 times an entry's compressed size (once past a
// small grace), and reading stops with a refusal. The sizes an archive declares can lie, so they
// are only a first check. (fflate's unzipSync trusts them: it allocates the declared size and
// inflates the whole entry into it, which is why it is not used here.) Pure code: no node:, no DOM.
import { Inflate } from 'fflate'

export interface ZipLimits {
  totalBytes: number
  ratio: number
  ratioGraceBytes: number
  entries: number
}

export const zipLimits: ZipLimits = {
  /** Bytes inflated from all the entries read, together. */
  totalBytes: 200 * 1024 * 1024,
  /** Inflated bytes per compressed byte, for each entry. */
  ratio: 100,
  /** An entry may inflate this much before its ratio is judged (tiny entries compress oddly). */
  ratioGraceBytes: 100 * 1024,
  entries: 10_000
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  declaredSize: number
  localHeaderOffset: number
  encrypted: boolean
}

/** A refusal of the archive, with the reason a person is told. */
export class ZipRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ZipRefusal'
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`

export const zipBombMessage = (detail: string) =>
  `This archive inflates far beyond its size (${detail}): it looks like a "zip bomb", and was not read further. Nothing was imported.`
export const tooManyEntriesMessage = (entries: number) =>
  `This archive holds more than ${entries.toLocaleString('en')} files; an EPUB book holds a few hundred at most. Nothing was imported.`
export const damagedZipMessage = (reason: string) =>
  `This file could not be read as a ZIP archive (an EPUB is one): ${reason}. It is damaged or not an EPUB. Nothing was imported.`

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0

const endOfCentralDirectory = 0x06054b50
const centralHeader = 0x02014b50
const localHeader = 0x04034b50

function findEndRecord(bytes: Uint8Array): number {
  // The record is 22 bytes and may be followed by a comment of up to 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (u32(bytes, at) === endOfCentralDirectory) return at
  }
  throw new ZipRefusal(damagedZipMessage('its table of contents (the central directory) is missing'))
}

/** ZIP64 sizes and offset, from the extra field, for the fields the fixed header left at 0xFFFFFFFF. */
function readZip64Extra(
  extra: Uint8Array,
  entry: { compressedSize: number; declaredSize: number; localHeaderOffset: number }
): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = u16(extra, at)
    const size = u16(extra, at + 2)
    if (id === 0x0001) {
      let field = at + 4
      const take = (): number => {
        const value = u32(extra, field) + u32(extra, field + 4) * 0x100000000
        field += 8
        return value
      }
      if (entry.declaredSize === 0xffffffff) entry.declaredSize = take()
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take()
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take()
      return
    }
    at += 4 + size
  }
}

/** The entries of the central directory; refused past `zipLimits.entries`. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = zipLimits): ZipEntry[] {
  const end = findEndRecord(bytes)
  let at = u32(bytes, end + 16)
  const directoryEnd = Math.min(bytes.length, at + u32(bytes, end + 12))
  const names = new TextDecoder('utf-8')
  const entries: ZipEntry[] = []
  // Walked to its end (the record's entry count wraps at 65,536), never past the limit.
  while (at + 46 <= directoryEnd && u32(bytes, at) === centralHeader) {
    if (entries.length >= limits.entries) throw new ZipRefusal(tooManyEntriesMessage(limits.entries))
    const nameLength = u16(bytes, at + 28)
    const extraLength = u16(bytes, at + 30)
    const commentLength = u16(bytes, at + 32)
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      compressedSize: u32(bytes, at + 20),
      declaredSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42)
    }
    const extraStart = at + 46 + nameLength
    readZip64Extra(bytes.subarray(extraStart, extraStart + extraLength), entry)
    entries.push(entry)
    at = extraStart + extraLength + commentLength
  }
  if (entries.length === 0) throw new ZipRefusal(damagedZipMessage('it lists no files'))
  return entries
}

/** An archive whose entries are inflated on demand, under one budget for all of them. */
export class ZipArchive {
  readonly entries: ZipEntry[]
  private readonly byName = new Map<string, ZipEntry>()
  /** Books made on systems that ignore case link `Text/Ch1.xhtml` to `text/ch1.xhtml`: found too. */
  private readonly byLowerName = new Map<string, ZipEntry>()
  /** Bytes inflated so far, from every entry read. */
  inflated = 0

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits = zipLimits
  ) {
    this.entries = listZipEntries(bytes, limits)
    // The first of two entries with one name wins, as in most readers.
    for (const entry of this.entries) {
      if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry)
      const lower = entry.name.toLowerCase()
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, entry)
    }
    const declared = this.entries.reduce((sum, entry) => sum + entry.declaredSize, 0)
    if (declared > limits.totalBytes)
      throw new ZipRefusal(zipBombMessage(`its files declare ${megabytes(declared)} in all`))
  }

  private find(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase())
  }

  has(name: string): boolean {
    return this.find(name) !== undefined
  }

  /** The entry's bytes, or null when the archive has no entry of that name. */
  read(name: string): Uint8Array | null {
    const entry = this.find(name)
    if (!entry) return null
    if (entry.encrypted)
      throw new ZipRefusal(
        `The archive's file ${name} is encrypted with a password, so it cannot be read. Nothing was imported.`
      )
    const at = entry.localHeaderOffset
    if (u32(this.bytes, at) !== localHeader)
      throw new ZipRefusal(damagedZipMessage(`the file ${name} is not where the archive says`))
    const start = at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28)
    const data = this.bytes.subarray(start, start + entry.compressedSize)
    if (data.length < entry.compressedSize)
      throw new ZipRefusal(damagedZipMessage(`the file ${name} is cut short`))
    if (entry.method === 0) {
      this.count(data.length)
      return data
    }
    if (entry.method !== 8)
      throw new ZipRefusal(
        damagedZipMessage(
          `the file ${name} is compressed with method ${entry.method}, which EPUB does not allow`
        )
      )
    return this.inflate(data, entry)
  }

  private count(produced: number): void {
    this.inflated += produced
    if (this.inflated > this.limits.totalBytes)
      throw new ZipRefusal(zipBombMessage(`more than ${megabytes(this.limits.totalBytes)} once inflated`))
  }

  private inflate(data: Uint8Array, entry: ZipEntry): Uint8Array {
    const chunks: Uint8Array[] = []
    let size = 0
    const inflater = new Inflate((chunk) => {
      size += chunk.length
      this.count(chunk.length)
      const { ratio, ratioGraceBytes } = this.limits
      if (size > ratioGraceBytes && size > entry.compressedSize * ratio) {
        throw new ZipRefusal(
          zipBombMessage(`its file ${entry.name} inflates more than ${ratio} times its compressed size`)
        )
      }
      chunks.push(chunk)
    })
    // A little at a time: a deflate stream can inflate about 1,000 times, so one step makes at most ~16 MB.
    const step = 16 * 1024
    try {
      for (let offset = 0; offset < data.length || offset === 0; offset += step) {
        inflater.push(data.subarray(offset, offset + step), offset + step >= data.length)
      }
    } catch (error) {
      if (error instanceof ZipRefusal) throw error
      throw new ZipRefusal(damagedZipMessage(`the file ${entry.name} does not inflate (${String(error)})`))
    }
    const out = new Uint8Array(size)
    let offset = 0
    for (const chunk of chunks) {
      out.set(chunk, offset)
      offset += chunk.length
    }
    return out
  }
}
