// A PDF's bytes on their way in: the HTTP bridge's upload endpoint (raw body, same checks, 413
// before reading), the schema both transports validate with, the PDF thread of the import worker
// (with page progress), and the service on a real library: stored once by the file's SHA-256, and
// nothing stored when a PDF is refused.
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { createImportRunners } from '../../src/main/services/importing/importRunners'
import { passwordMessage } from '../../src/main/services/importing/pdf/readPdf'
import { startHttpBridge, type HttpBridge } from '../../src/main/transport/httpBridge'
import { maxUploadBytes, type ApiHandlers } from '../../src/shared/contract'
import { validateApiArguments } from '../../src/shared/contractSchemas'
import { makeTempDir } from '../support/tempDir'
import { useTestBackend } from '../support/testBackend'

const fixtures = join(__dirname, '..', 'fixtures', 'pdf')
const groff = new Uint8Array(readFileSync(join(fixtures, 'groff-article.pdf')))

interface Reply {
  status: number
  body: string
}

function post(
  bridge: HttpBridge,
  path: string,
  headers: Record<string, string>,
  body: Uint8Array | string = ''
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path,
        method: 'POST',
        headers: { Host: `127.0.0.1:${bridge.port}`, ...headers }
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      }
    )
    request.on('error', reject)
    request.end(body)
  })
}

describe('the upload endpoint of the HTTP bridge', () => {
  const received: unknown[] = []
  const handlers = new Proxy({} as ApiHandlers, {
    get: (_target, name: string) => (args: Record<string, unknown>) => {
      received.push({ name, ...args })
      const bytes = args.bytes
      return { size: bytes instanceof Uint8Array ? bytes.byteLength : -1 }
    }
  })
  let bridge: HttpBridge
  const dir = makeTempDir()
  const token = { 'X-Scholia-Token': 'upload-token' }
  const octets = { ...token, 'Content-Type': 'application/octet-stream' }

  beforeAll(async () => {
    bridge = await startHttpBridge({ handlers, rendererDir: dir.path, token: 'upload-token' })
  })
  afterAll(async () => {
    await bridge.close()
    dir.remove()
  })

  it('passes the raw body as bytes and the query as the other arguments', async () => {
    const reply = await post(
      bridge,
      '/api/upload/importDocumentFile?fileName=a%20b.pdf&importId=abc-1',
      octets,
      groff
    )
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { size: groff.byteLength } })
    expect(received.at(-1)).toMatchObject({
      name: 'importDocumentFile',
      fileName: 'a b.pdf',
      importId: 'abc-1'
    })
  })

  it('asks for the token, the octet-stream type, a known upload method and valid arguments', async () => {
    const before = received.length
    const path = '/api/upload/importDocumentFile?fileName=a.pdf'
    expect((await post(bridge, path, { 'Content-Type': 'application/octet-stream' }, groff)).status).toBe(401)
    expect((await post(bridge, path, { ...token, 'Content-Type': 'application/json' }, '{}')).status).toBe(
      415
    )
    expect((await post(bridge, '/api/upload/listTags', octets, groff)).status).toBe(404)
    const cross = await post(bridge, path, { ...octets, Origin: 'http://evil.example' }, groff)
    expect(cross.status).toBe(403)
    const unknownArgument = await post(bridge, `${path}&extra=1`, octets, groff)
    expect(unknownArgument.status).toBe(400)
    expect(received.length).toBe(before)
  })

  it('answers 413 with a readable message from the declared length, before reading the body', async () => {
    const before = received.length
    const reply = await post(
      bridge,
      '/api/upload/importDocumentFile?fileName=big.pdf',
      { ...octets, 'Content-Length': String(maxUploadBytes + 1) },
      // Only a little of the declared body is ever sent: the answer must not wait for the rest.
      new Uint8Array(16)
    )
    expect(reply.status).toBe(413)
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringMatching(/imports texts of up to 50 MB/) as unknown
      }
    })
    expect(received.length).toBe(before)
  })

  it('cannot be reached with bytes inside JSON', async () => {
    const reply = await post(
      bridge,
      '/api/importDocumentFile',
      { ...token, 'Content-Type': 'application/json' },
      JSON.stringify({ fileName: 'a.pdf', bytes: [37, 80, 68, 70] })
    )
    expect(reply.status).toBe(400)
  })
})

describe('the arguments schema (both transports)', () => {
  it('takes a Uint8Array up to the import limit and refuses anything larger', () => {
    expect(validateApiArguments('importDocumentFile', { fileName: 'a.pdf', bytes: groff }).ok).toBe(true)
    const tooLarge = validateApiArguments('importDocumentFile', {
      fileName: 'a.pdf',
      bytes: new Uint8Array(maxUploadBytes + 1)
    })
    expect(tooLarge).toMatchObject({ ok: false, message: expect.stringMatching(/50 MB/) as unknown })
    expect(validateApiArguments('importDocumentFile', { fileName: 'a.pdf', bytes: 'JVBERi0=' }).ok).toBe(
      false
    )
  })

  it("does not walk a file's bytes one entry at a time when it looks for broken characters", () => {
    const entries = vi.spyOn(Object, 'entries')
    try {
      validateApiArguments('importDocumentFile', { fileName: 'a.pdf', bytes: groff })
      expect(entries.mock.calls.some(([value]) => value instanceof Uint8Array)).toBe(false)
    } finally {
      entries.mockRestore()
    }
  })
})

describe('the PDF thread of the import worker', () => {
  it('reads a PDF on its thread, reporting pages, and raises refusals as they are', async () => {
    const runners = createImportRunners({ workerPath: inject('workerPaths').importWorker })
    try {
      const progress: { pagesRead: number; pageCount: number }[] = []
      const prepared = await runners.parseFile({ fileName: 'groff-article.pdf', bytes: groff }, (report) =>
        progress.push(report)
      )
      expect(prepared.parsed).toMatchObject({ ok: true, metadata: { authors: ['Eungseo Kim'] } })
      expect(progress.at(-1)).toEqual({ pagesRead: 3, pageCount: 3 })
      expect(runners.mode()).toBe('worker')
      const encrypted = new Uint8Array(readFileSync(join(fixtures, 'encrypted.pdf')))
      await expect(
        runners.parseFile({ fileName: 'encrypted.pdf', bytes: encrypted }, () => undefined)
      ).rejects.toMatchObject({
        name: 'UserError',
        message: passwordMessage
      })
    } finally {
      await runners.close()
    }
  })
})

describe('importing a PDF into a library', () => {
  const state = useTestBackend()

  it('stores it once, known by the SHA-256 of its bytes', async () => {
    const { handlers } = state.current.backend
    const first = await handlers.importDocumentFile({ fileName: 'groff-article.pdf', bytes: groff })
    expect(first.existing).toBe(false)
    const again = await handlers.importDocumentFile({ fileName: 'renamed.pdf', bytes: groff })
    expect(again).toMatchObject({ existing: true, document: { id: first.document.id } })
    const view = await handlers.getDocument({ documentId: first.document.id })
    expect(view.blocks.filter((block) => block.kind === 'footnote')).toHaveLength(15)
  })

  it('updates a document from a newer PDF of it, finding its notes again', async () => {
    const { handlers } = state.current.backend
    const { document } = await handlers.importDocumentFile({ fileName: 'groff-article.pdf', bytes: groff })
    const view = await handlers.getDocument({ documentId: document.id })
    const passage = 'bilateral negotiations with the US have since been seen'
    const block = view.blocks.find((candidate) => candidate.text.includes(passage))
    if (!block) throw new Error('passage not found')
    const start = block.start + block.text.indexOf(passage)
    await handlers.createAnnotation({
      documentId: document.id,
      start,
      end: start + passage.length,
      colour: 'yellow'
    })
    const latex = new Uint8Array(readFileSync(join(fixtures, 'latex-two-column.pdf')))
    const updated = await handlers.updateDocumentFromFileBytes({
      documentId: document.id,
      fileName: 'latex-two-column.pdf',
      bytes: latex
    })
    expect(updated).toMatchObject({ unchanged: false, anchored: 1, orphaned: 0 })
    const again = await handlers.updateDocumentFromFileBytes({
      documentId: document.id,
      fileName: 'latex-two-column.pdf',
      bytes: latex
    })
    expect(again.unchanged).toBe(true)
  })

  it('stores nothing when a PDF is refused', async () => {
    const { handlers } = state.current.backend
    const before = (await handlers.listDocuments({})).length
    const refusals = [
      { fileName: 'encrypted.pdf', bytes: new Uint8Array(readFileSync(join(fixtures, 'encrypted.pdf'))) },
      { fileName: 'scanned.pdf', bytes: new Uint8Array(readFileSync(join(fixtures, 'scanned.pdf'))) },
      { fileName: 'cut.pdf', bytes: groff.slice(0, 500) },
      { fileName: 'notes.pdf', bytes: new TextEncoder().encode('just text') }
    ]
    for (const refusal of refusals)
      await expect(handlers.importDocumentFile(refusal)).rejects.toMatchObject({ name: 'UserError' })
    expect(await handlers.listDocuments({})).toHaveLength(before)
  })
})
