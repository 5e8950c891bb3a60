// Writes export files so that a failure never leaves a half-written file where a good one was:
// the data goes to a temporary file in the same folder (same file system, so the rename is atomic),
// is flushed to disk, then renamed over the target. On any error the temporary file is removed,
// the earlier file is untouched, and the error says in plain words what the person can do.
// A file the person did not choose is never replaced: with `overwrite: false` the temporary file is
// hard-linked to the target, which fails if the name is taken, and the caller picks another name.
import { randomBytes } from 'node:crypto'
import { promises as nodeFs } from 'node:fs'
import path from 'node:path'
import { numberedFileName } from '../../shared/export/fileNames'

/** The parts of an open file the writer uses (node's FileHandle fits). */
export interface WritableFileHandle {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null
  ): Promise<{ bytesWritten: number }>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The file-system calls the writer makes; tests pass their own to inject failures. */
export interface FileWriterFs {
  open(filePath: string, flags: string, mode?: number): Promise<WritableFileHandle>
  rename(oldPath: string, newPath: string): Promise<void>
  unlink(filePath: string): Promise<void>
  /** Fails with EEXIST when newPath exists: the atomic "create, never replace". */
  link(existingPath: string, newPath: string): Promise<void>
  lstat(filePath: string): Promise<unknown>
}

export interface WriteFileAtomicOptions {
  fs?: FileWriterFs
  /** false: refuse (FileExistsError) rather than replace a file already at the target. Default true. */
  overwrite?: boolean
}

/** A write that failed, with a message a person can act on; `code` is the system error code. */
export class FileWriteError extends Error {
  readonly code: string
  constructor(message: string, code: string, cause: unknown) {
    super(message, { cause })
    this.name = 'FileWriteError'
    this.code = code
  }
}

/** The target name is taken (writeFileAtomic with `overwrite: false`): nothing was written there. */
export class FileExistsError extends Error {
  constructor(readonly targetPath: string) {
    super(`${targetPath} already exists`)
    this.name = 'FileExistsError'
  }
}

/** Codes of file systems without hard links (FAT, exFAT, some network shares). */
const noHardLinks = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'])

async function exists(fs: FileWriterFs, filePath: string): Promise<boolean> {
  try {
    await fs.lstat(filePath)
    return true
  } catch {
    return false
  }
}

/** Moves the finished temporary file to the target without replacing anything there. */
async function placeWithoutReplacing(fs: FileWriterFs, tempPath: string, targetPath: string): Promise<void> {
  try {
    await fs.link(tempPath, targetPath)
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new FileExistsError(targetPath)
    if (!noHardLinks.has(errorCode(error))) throw error
    // No hard links here: check, then rename (a file made in between could still be replaced).
    if (await exists(fs, targetPath)) throw new FileExistsError(targetPath)
    await fs.rename(tempPath, targetPath)
    return
  }
  // The file is in place under its name; a leftover hidden temporary name is harmless.
  await fs.unlink(tempPath).catch(() => undefined)
}

export async function writeFileAtomic(
  targetPath: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {}
): Promise<void> {
  const fs: FileWriterFs = options.fs ?? nodeFs
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
  const folder = path.dirname(targetPath)
  // Hidden, unique, and in the target's folder: a rename across file systems would not be atomic.
  const tempPath = path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: WritableFileHandle | null = null
  let created = false
  try {
    handle = await fs.open(tempPath, 'wx', 0o666)
    created = true
    let written = 0
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, null)
      if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
      written += bytesWritten
    }
    await handle.sync()
    const closing = handle
    handle = null
    await closing.close()
    if (options.overwrite === false) await placeWithoutReplacing(fs, tempPath, targetPath)
    else await fs.rename(tempPath, targetPath)
    created = false
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined)
    if (created) await fs.unlink(tempPath).catch(() => undefined)
    if (error instanceof FileExistsError) throw error
    throw toFileWriteError(error, targetPath)
  }
  await syncFolder(fs, folder)
}

/** Copies a folder may already hold of one name before a write gives up on it. */
const maxNumberedCopies = 1000

/**
 * Writes `data` into `folder` as `fileName`, or as "name (2).ext", "name (3).ext", … when that
 * name is taken, as browsers and Finder do: nothing already in the folder is replaced. Returns the
 * path written.
 */
export async function writeFileBesideOthers(
  folder: string,
  fileName: string,
  data: string | Uint8Array,
  options: Omit<WriteFileAtomicOptions, 'overwrite'> = {}
): Promise<string> {
  for (let copy = 1; copy <= maxNumberedCopies; copy++) {
    const targetPath = path.join(folder, copy === 1 ? fileName : numberedFileName(fileName, copy))
    try {
      await writeFileAtomic(targetPath, data, { ...options, overwrite: false })
      return targetPath
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error
    }
  }
  throw new FileWriteError(
    `${folder} already holds ${maxNumberedCopies} files named like "${fileName}". Choose another folder and export again.`,
    'EEXIST',
    null
  )
}

/** Makes the rename itself durable. Not possible everywhere (Windows refuses to open folders): best effort. */
async function syncFolder(fs: FileWriterFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // The file is written and renamed; only its durability across a power cut is less certain.
  }
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code
  }
  return 'UNKNOWN'
}

export function toFileWriteError(error: unknown, targetPath: string): FileWriteError {
  const code = errorCode(error)
  const folder = path.dirname(targetPath)
  const name = path.basename(targetPath)
  const kept = 'Any earlier file with that name was left as it was.'
  const messages: Record<string, string> = {
    ENOSPC: `The disk is full: "${name}" could not be saved in ${folder}. Free some space, or choose another disk, and export again. ${kept}`,
    EDQUOT: `The disk is full (your storage quota is used up): "${name}" could not be saved in ${folder}. Free some space and export again. ${kept}`,
    EACCES: `Scholia can't write to this folder: ${folder}. Choose another folder, or allow writing to this one, and export again. ${kept}`,
    EPERM: `Scholia can't write to this folder: ${folder}. Choose another folder, or allow writing to this one, and export again. ${kept}`,
    EROFS: `Scholia can't write to this folder: ${folder} is on a read-only disk. Choose a folder on another disk and export again. ${kept}`,
    ENOENT: `The folder ${folder} doesn't exist (any more). Choose another folder and export again.`,
    ENOTDIR: `${folder} is not a folder. Choose a folder and export again.`,
    EISDIR: `There is a folder named "${name}" in ${folder}. Choose another file name and export again.`,
    ENAMETOOLONG: `The file name "${name}" is too long for this disk. Choose a shorter name and export again.`,
    EBUSY: `"${name}" is open in another program. Close it there and export again. ${kept}`,
    ETXTBSY: `"${name}" is open in another program. Close it there and export again. ${kept}`
  }
  const detail = error instanceof Error ? error.message : String(error)
  const message = messages[code] ?? `Scholia could not save "${name}" in ${folder} (${detail}). ${kept}`
  return new FileWriteError(message, code, error)
}
