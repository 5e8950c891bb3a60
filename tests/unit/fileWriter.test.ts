// writeFileAtomic on real temporary folders: a new file, a replaced file, and failures injected
// through the fs parameter (disk full after a partial write, a read-only folder, a failed rename),
// each leaving the earlier file intact, no temporary file behind, and a message a person can act on.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  FileExistsError,
  FileWriteError,
  writeFileAtomic,
  writeFileBesideOthers,
  type FileWriterFs,
  type WritableFileHandle
} from '../../src/main/services/fileWriter'

let folder = ''
let target = ''
const earlier = 'earlier export — keep me'

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'scholia-writer-'))
  target = path.join(folder, 'notes.md')
})

afterEach(() => {
  fs.chmodSync(folder, 0o755)
  fs.rmSync(folder, { recursive: true, force: true })
})

function entries(): string[] {
  return fs.readdirSync(folder).sort()
}

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

/** The real file system, with one call replaced. */
function failing(overrides: Partial<FileWriterFs>): FileWriterFs {
  return {
    open: (file, flags, mode) => fs.promises.open(file, flags, mode),
    rename: (from, to) => fs.promises.rename(from, to),
    unlink: (file) => fs.promises.unlink(file),
    link: (from, to) => fs.promises.link(from, to),
    lstat: (file) => fs.promises.lstat(file),
    ...overrides
  }
}

/** Writes `limit` bytes for real, then fails every further write with ENOSPC (a disk filling up). */
function diskFullAfter(limit: number): FileWriterFs {
  return failing({
    open: async (file, flags, mode) => {
      const handle = await fs.promises.open(file, flags, mode)
      let left = limit
      const wrapped: WritableFileHandle = {
        write: async (buffer, offset, length, position) => {
          if (left <= 0) throw systemError('ENOSPC')
          const result = await handle.write(buffer, offset, Math.min(length, left), position)
          left -= result.bytesWritten
          return result
        },
        sync: () => handle.sync(),
        close: () => handle.close()
      }
      return wrapped
    }
  })
}

describe('writeFileAtomic', () => {
  it('writes a new file, as UTF-8, and leaves nothing else in the folder', async () => {
    await writeFileAtomic(target, 'héllo 👩‍🔬\r\n')
    expect(fs.readFileSync(target, 'utf8')).toBe('héllo 👩‍🔬\r\n')
    expect(entries()).toEqual(['notes.md'])
  })

  it('replaces an earlier file with the new content', async () => {
    fs.writeFileSync(target, earlier)
    const bytes = new Uint8Array(300_000).map((_, index) => index % 251)
    await writeFileAtomic(target, bytes)
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(bytes)
    expect(entries()).toEqual(['notes.md'])
  })

  it('keeps the earlier file and removes the partial one when the disk fills mid-write', async () => {
    fs.writeFileSync(target, earlier)
    const write = writeFileAtomic(target, 'x'.repeat(100_000), { fs: diskFullAfter(4096) })
    await expect(write).rejects.toBeInstanceOf(FileWriteError)
    await expect(write).rejects.toThrow(/^The disk is full: "notes\.md" could not be saved in /)
    await expect(write).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes.md'])
  })

  it('does not create the target when the disk is full and there was no earlier file', async () => {
    await expect(writeFileAtomic(target, 'x'.repeat(10_000), { fs: diskFullAfter(10) })).rejects.toThrow(
      /The disk is full/
    )
    expect(entries()).toEqual([])
  })

  it.each([
    ['EACCES', /^Scholia can't write to this folder: /],
    ['EPERM', /^Scholia can't write to this folder: /],
    ['EROFS', /^Scholia can't write to this folder: .* read-only disk/]
  ])('explains a folder it may not write to (%s at open)', async (code, message) => {
    fs.writeFileSync(target, earlier)
    const write = writeFileAtomic(target, 'new', {
      fs: failing({ open: () => Promise.reject(systemError(code)) })
    })
    await expect(write).rejects.toThrow(message)
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes.md'])
  })

  it('removes the temporary file when the final rename fails', async () => {
    fs.writeFileSync(target, earlier)
    const write = writeFileAtomic(target, 'new', {
      fs: failing({ rename: () => Promise.reject(systemError('EBUSY')) })
    })
    await expect(write).rejects.toThrow(/is open in another program/)
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes.md'])
  })

  it('names a folder that does not exist', async () => {
    await expect(writeFileAtomic(path.join(folder, 'gone', 'notes.md'), 'x')).rejects.toThrow(
      /^The folder .*gone doesn't exist/
    )
  })

  it('says what happened for an error it has no special words for', async () => {
    const write = writeFileAtomic(target, 'x', {
      fs: failing({ rename: () => Promise.reject(systemError('EIO')) })
    })
    await expect(write).rejects.toThrow(/^Scholia could not save "notes\.md" in .* \(EIO: injected\)/)
    expect(entries()).toEqual([])
  })

  const isRoot = process.getuid?.() === 0
  if (isRoot) {
    console.info(
      'fileWriter: skipping the chmod 0o555 test: running as root, where folder permissions do not stop writes'
    )
  }
  it.skipIf(isRoot)('refuses a real read-only folder (chmod 0o555) with the same message', async () => {
    fs.writeFileSync(target, earlier)
    fs.chmodSync(folder, 0o555)
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow(/^Scholia can't write to this folder: /)
    fs.chmodSync(folder, 0o755)
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes.md'])
  })
})

describe('writing into a folder the person chose (several exported files)', () => {
  it('never replaces a file already there: the new one gets " (2)", " (3)", as browsers name downloads', async () => {
    fs.writeFileSync(target, earlier)
    fs.writeFileSync(path.join(folder, 'notes (2).md'), earlier)
    const written = await writeFileBesideOthers(folder, 'notes.md', 'new')
    expect(path.basename(written)).toBe('notes (3).md')
    expect(fs.readFileSync(written, 'utf8')).toBe('new')
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(fs.readFileSync(path.join(folder, 'notes (2).md'), 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes (2).md', 'notes (3).md', 'notes.md'])
  })

  it('uses the plain name when it is free, and keeps names without an extension readable', async () => {
    expect(path.basename(await writeFileBesideOthers(folder, 'notes.md', 'a'))).toBe('notes.md')
    expect(path.basename(await writeFileBesideOthers(folder, 'README', 'a'))).toBe('README')
    expect(path.basename(await writeFileBesideOthers(folder, 'README', 'b'))).toBe('README (2)')
  })

  it('does not replace a file on a disk without hard links (FAT, exFAT) either', async () => {
    fs.writeFileSync(target, earlier)
    const noLinks = failing({ link: () => Promise.reject(systemError('EPERM')) })
    const written = await writeFileBesideOthers(folder, 'notes.md', 'new', { fs: noLinks })
    expect(path.basename(written)).toBe('notes (2).md')
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes (2).md', 'notes.md'])
  })

  it('refuses rather than replaces when asked not to overwrite, leaving no temporary file', async () => {
    fs.writeFileSync(target, earlier)
    await expect(writeFileAtomic(target, 'new', { overwrite: false })).rejects.toBeInstanceOf(FileExistsError)
    expect(fs.readFileSync(target, 'utf8')).toBe(earlier)
    expect(entries()).toEqual(['notes.md'])
  })
})
