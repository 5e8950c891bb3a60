// The original PDF kept in the library (issue 12, "Show page"): stored with its document in one
// transaction, back after Undo of a removal, given to a document imported before PDFs were kept
// when the same PDF is imported again, replaced or dropped by "Update from file…", and carried by
// every copy of the library — backups, "Restore from backup", whole-library export and import —
// and returned by getDocumentPdf over IPC-style calls and the HTTP bridge as raw bytes.
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openBackend, type Backend } from '../../src/main/app/compositionRoot'
import { withReadOnlyDatabase } from '../../src/main/services/backupService'
import { noPdfMessage } from '../../src/main/services/documentService'
import { startHttpBridge } from '../../src/main/transport/httpBridge'
import { maxUploadBytes, uploadLimit } from '../../src/shared/contract'
import { validateApiArguments } from '../../src/shared/contractSchemas'
import { makeTempDir } from '../support/tempDir'
import { resourcesDir } from '../support/testBackend'

const fixtures = join(__dirname, '..', 'fixtures', 'pdf')
const groff = new Uint8Array(readFileSync(join(fixtures, 'groff-article.pdf')))
const latex = new Uint8Array(readFileSync(join(fixtures, 'latex-two-column.pdf')))

const cleanups: (() => void | Promise<void>)[] = []
let clock = 1_700_000_000_000
const now = () => clock

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

function start(dataDir = tempDir()): Backend {
  const backend = openBackend({ dataDir, mode: 'web', resourcesDir, now })
  cleanups.push(() => backend.close())
  return backend
}

function tempDir(): string {
  const dir = makeTempDir()
  cleanups.push(dir.remove)
  return dir.path
}

async function importGroff(backend: Backend): Promise<string> {
  return (await backend.handlers.importDocumentFile({ fileName: 'groff-article.pdf', bytes: groff })).document
    .id
}

/** The handler as a promise (a refusal thrown at once becomes a rejection). */
async function pdfOf(backend: Backend, documentId: string): Promise<Uint8Array> {
  return backend.handlers.getDocumentPdf({ documentId })
}

function storedPdfCount(backend: Backend): number {
  return (backend.db.prepare('SELECT count(*) AS n FROM document_pdfs').get() as { n: number }).n
}

describe('the PDF of an imported document', () => {
  it('is kept with it, byte for byte; a document from a text has none and says what to do', async () => {
    const backend = start()
    const [bundled] = await backend.handlers.listDocuments({})
    const documentId = await importGroff(backend)
    expect(await backend.handlers.getDocumentPdf({ documentId })).toEqual(groff)
    expect((await backend.handlers.getDocument({ documentId })).hasPdf).toBe(true)
    expect((await backend.handlers.getDocument({ documentId: bundled?.id ?? '' })).hasPdf).toBe(false)
    await expect(pdfOf(backend, bundled?.id ?? '')).rejects.toThrow(noPdfMessage)
  })

  it('goes with a removal and comes back with its Undo', async () => {
    const backend = start()
    const documentId = await importGroff(backend)
    await backend.handlers.removeDocument({ documentId })
    await expect(pdfOf(backend, documentId)).rejects.toMatchObject({ code: 'not-found' })
    await backend.handlers.restoreDocument({ documentId })
    expect(await backend.handlers.getDocumentPdf({ documentId })).toEqual(groff)
  })

  it('is stored once; the same PDF imported again gives it to a document that lacked it', async () => {
    const backend = start()
    const documentId = await importGroff(backend)
    await importGroff(backend)
    expect(storedPdfCount(backend)).toBe(1)
    // A document imported before Scholia kept PDFs.
    backend.db.prepare('DELETE FROM document_pdfs').run()
    const again = await backend.handlers.importDocumentFile({ fileName: 'renamed.pdf', bytes: groff })
    expect(again).toMatchObject({ existing: true, document: { id: documentId } })
    expect(await backend.handlers.getDocumentPdf({ documentId })).toEqual(groff)
  })

  it('is replaced by a newer PDF of the document, and dropped when a text file replaces it', async () => {
    const backend = start()
    const documentId = await importGroff(backend)
    await backend.handlers.updateDocumentFromFileBytes({ documentId, fileName: 'newer.pdf', bytes: latex })
    expect(await backend.handlers.getDocumentPdf({ documentId })).toEqual(latex)
    const text = '# A text now\n\nIts pages are no longer those of any PDF.\n'
    await backend.handlers.updateDocumentFromFile({ documentId, fileName: 'edited.md', text })
    expect((await backend.handlers.getDocument({ documentId })).hasPdf).toBe(false)
  })

  it('is not stored, and neither is its document, when storing it fails', async () => {
    const backend = start()
    const before = await backend.handlers.listDocuments({})
    backend.db.exec(
      "CREATE TEMP TRIGGER fail_pdf BEFORE INSERT ON document_pdfs BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    await expect(importGroff(backend)).rejects.toThrow(/disk full/)
    expect(await backend.handlers.listDocuments({})).toEqual(before)
    expect(storedPdfCount(backend)).toBe(0)
  })
})

describe('copies of the library carry the PDFs', () => {
  it('a backup holds them (checked), and "Restore from backup" brings them back', async () => {
    const dataDir = tempDir()
    const backend = start(dataDir)
    const documentId = await importGroff(backend)
    const backup = await backend.handlers.backupNow({})
    const inBackup = withReadOnlyDatabase(join(dataDir, 'backups', backup.fileName), undefined, (db) =>
      db.prepare('SELECT bytes FROM document_pdfs WHERE document_id = ?').get(documentId)
    ) as { bytes: Buffer } | undefined
    expect(new Uint8Array(inBackup?.bytes ?? [])).toEqual(groff)

    clock += 1000
    await backend.handlers.updateDocumentFromFile({
      documentId,
      fileName: 'edited.md',
      text: '# Edited\n\nA text.\n'
    })
    expect((await backend.handlers.getDocument({ documentId })).hasPdf).toBe(false)
    await backend.handlers.restoreBackup({ fileName: backup.fileName })
    expect(await backend.handlers.getDocumentPdf({ documentId })).toEqual(groff)
  })

  it('a whole-library export imported on another computer has them', async () => {
    const source = start()
    const documentId = await importGroff(source)
    const [file] = (await source.handlers.exportFiles({ documentId: null, format: 'library' })).files
    const target = start()
    await target.handlers.importLibrary({
      fileName: file?.fileName ?? '',
      bytes: Buffer.from(file?.content ?? '', 'base64')
    })
    expect(await target.handlers.getDocumentPdf({ documentId })).toEqual(groff)
  })
})

describe('getDocumentPdf over the HTTP bridge', () => {
  function post(
    port: number,
    path: string,
    body: string | Buffer,
    type = 'application/json'
  ): Promise<{ status: number; type: string; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: { Host: `127.0.0.1:${port}`, 'Content-Type': type, 'X-Scholia-Token': 't' }
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              type: String(response.headers['content-type']),
              body: Buffer.concat(chunks)
            })
          )
        }
      )
      request.on('error', reject)
      request.end(body)
    })
  }

  it('answers with the raw bytes, and with the JSON envelope when there is no PDF', async () => {
    const backend = start()
    const [bundled] = await backend.handlers.listDocuments({})
    const documentId = await importGroff(backend)
    const renderer = tempDir()
    const bridge = await startHttpBridge({ handlers: backend.handlers, rendererDir: renderer, token: 't' })
    cleanups.push(() => bridge.close())
    const found = await post(bridge.port, '/api/getDocumentPdf', JSON.stringify({ documentId }))
    expect(found.status).toBe(200)
    expect(found.type).toBe('application/octet-stream')
    expect(new Uint8Array(found.body)).toEqual(groff)
    const none = await post(bridge.port, '/api/getDocumentPdf', JSON.stringify({ documentId: bundled?.id }))
    expect(none.status).toBe(404)
    expect(JSON.parse(none.body.toString())).toMatchObject({ ok: false, error: { message: noPdfMessage } })
  })

  it('takes a whole library back as raw bytes, allowed far more than a text', async () => {
    const source = start()
    const documentId = await importGroff(source)
    const [file] = (await source.handlers.exportFiles({ documentId: null, format: 'library' })).files
    const target = start()
    const bridge = await startHttpBridge({ handlers: target.handlers, rendererDir: tempDir(), token: 't' })
    cleanups.push(() => bridge.close())
    const reply = await post(
      bridge.port,
      `/api/upload/importLibrary?fileName=${encodeURIComponent(file?.fileName ?? '')}`,
      Buffer.from(file?.content ?? '', 'base64'),
      'application/octet-stream'
    )
    expect(reply.status).toBe(200)
    expect(await target.handlers.getDocumentPdf({ documentId })).toEqual(groff)
    // Its PDFs are in it: a library may be far larger than the 50 MB of one imported file.
    expect(uploadLimit('importLibrary')).toBeGreaterThan(maxUploadBytes * 10)
    const big = validateApiArguments('importLibrary', {
      fileName: 'big.scholia',
      bytes: new Uint8Array(maxUploadBytes + 1)
    })
    expect(big.ok).toBe(true)
  })
})
