// Starts the built browser-mode server (out/main/web.js) on a fresh data folder and waits for the
// one line it prints with its URL. Used by the end-to-end tests and the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(__dirname, '..', '..')
export const webEntry = join(repoRoot, 'out', 'main', 'web.js')

export interface RunningServer {
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
  output: () => string
  stop(): Promise<void>
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'scholia-test-'))
}

export interface StartOptions {
  dataDir?: string
  args?: string[]
  /** Remove the data folder when stopped (default: only when this call created it). */
  cleanUp?: boolean
}

/** Runs web.js and resolves with its exit code and output (for starts that are meant to fail). */
export function runToExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [webEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
  })
}

export function startWebServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? freshDataDir()
  const cleanUp = options.cleanUp ?? options.dataDir === undefined
  const child = spawn(process.execPath, [webEntry, '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`web.js printed no URL in 20 s:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /Scholia is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(output)
      if (!match) return
      clearTimeout(timer)
      const url = match[1] as string
      resolvePromise({
        url,
        origin: new URL(url).origin,
        token: match[3] as string,
        dataDir,
        process: child,
        output: () => output,
        stop: () =>
          new Promise<void>((done) => {
            const finish = (): void => {
              if (cleanUp) rmSync(dataDir, { recursive: true, force: true })
              done()
            }
            if (child.exitCode !== null) return finish()
            child.once('exit', finish)
            child.kill('SIGTERM')
          })
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web.js exited with ${code} before it was ready:\n${output}`))
    })
  })
}
