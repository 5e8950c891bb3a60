// Writes export files so that a failure never leaves a half-written file where a good one was:
// the data goes to a temporary file in the same folder (same file system, so the rename is atomic),
// is flushed to disk, then renamed over the target. On any error the temporary file is removed,
// the earlier file is untouched, and the error says in plain words what the person can do.
import { randomBytes } from 'node:crypto'
import { promises as nodeFs } from 'node:fs'
import path from 'node:path'

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
}

export interface WriteFileAtomicOptions {
  fs?: FileWriterFs
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
    await fs.rename(tempPath, targetPath)
    created = false
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined)
    if (created) await fs.unlink(tempPath).catch(() => undefined)
    throw toFileWriteError(error, targetPath)
  }
  await syncFolder(fs, folder)
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
