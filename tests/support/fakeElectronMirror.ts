// A stand-in for Electron's download host, for testing how `npm start` obtains Electron: a loopback
// HTTP server that Electron's own installer reaches through ELECTRON_MIRROR, serving a zip whose
// "electron" is a shell script recording that it ran, and the SHASUMS256.txt that checks it
// (electron_use_remote_checksums makes the installer read the checksums from the mirror).
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { strToU8, zipSync } from 'fflate'

/** The fake binary: writes its working folder and arguments, one a line, to $FAKE_ELECTRON_RECORD. */
const fakeElectronScript = '#!/bin/sh\nprintf "%s\\n" "$PWD" "$@" > "$FAKE_ELECTRON_RECORD"\n'

export type MirrorBehaviour = 'serve' | 'missing' | 'hang'

export interface FakeMirror {
  url: string
  requests: string[]
  close(): Promise<void>
}

export function electronZipName(version: string): string {
  return `electron-v${version}-${process.platform}-${process.arch}.zip`
}

/** A zip as Electron's release holds it: the executable (mode 0755), and the version file. */
export function fakeElectronZip(version: string): Uint8Array {
  const executable = { attrs: 0o100755 << 16, os: 3 } // 3: Unix, so the mode bits are read
  return zipSync({
    electron: [strToU8(fakeElectronScript), executable],
    version: strToU8(`v${version}`)
  })
}

export async function startFakeMirror(version: string, behaviour: MirrorBehaviour): Promise<FakeMirror> {
  const zip = Buffer.from(fakeElectronZip(version))
  const name = electronZipName(version)
  const checksum = createHash('sha256').update(zip).digest('hex')
  const requests: string[] = []
  const hanging: ServerResponse[] = []
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? ''
    requests.push(path)
    if (behaviour === 'hang') {
      hanging.push(response) // never answered: the installer's time limit must end the wait
      return
    }
    if (behaviour === 'serve' && path === `/v${version}/${name}`) {
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length })
      response.end(zip)
    } else if (behaviour === 'serve' && path === `/v${version}/SHASUMS256.txt`) {
      response.end(`${checksum} *${name}\n`)
    } else {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
