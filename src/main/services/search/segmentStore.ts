// The persisted search segments (table search_segments, migration 3): one row per segment with
// the stamp of what it covers, read at start-up instead of rebuilding.
import type { Db } from '../../db/connection'

export interface StoredSegmentInfo {
  key: string
  stamp: string
  words: number
}

export function createSegmentStore(db: Db) {
  const list = db.prepare<[], StoredSegmentInfo>('SELECT key, stamp, words FROM search_segments')
  const read = db.prepare<[string], { data: Buffer }>('SELECT data FROM search_segments WHERE key = ?')
  const write = db.prepare(
    `INSERT INTO search_segments (key, stamp, words, data, built_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET stamp = excluded.stamp, words = excluded.words, data = excluded.data, built_at = excluded.built_at`
  )
  const remove = db.prepare('DELETE FROM search_segments WHERE key = ?')
  return {
    list: (): StoredSegmentInfo[] => list.all(),
    read: (key: string): Uint8Array | null => read.get(key)?.data ?? null,
    write(key: string, stamp: string, words: number, data: Uint8Array, now: number): void {
      write.run(key, stamp, words, Buffer.from(data.buffer, data.byteOffset, data.byteLength), now)
    },
    remove(key: string): void {
      remove.run(key)
    }
  }
}

export type SegmentStore = ReturnType<typeof createSegmentStore>
