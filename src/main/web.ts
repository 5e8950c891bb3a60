// Browser mode: the same main-process services and the same renderer, served over a loopback
// HTTP bridge. `npm run web [-- --port N] [-- --data-dir DIR]`; prints exactly one line with the URL
// (`--help` prints the usage instead).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openBackend, type Backend } from './app/compositionRoot'
import { LibraryInUseError } from './app/libraryLock'
import { defaultDataDir } from './app/paths'
import { UserError } from '../shared/userError'
import { startHttpBridge, type HttpBridge } from './transport/httpBridge'
import { parseWebArguments, webUsage } from './webArguments'

async function main(): Promise<void> {
  const appRoot = join(__dirname, '..', '..')
  let args: ReturnType<typeof parseWebArguments>
  try {
    args = parseWebArguments(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    console.error(`Scholia: ${error.message}`)
    process.exit(2)
  }
  if (args.help) {
    console.log(webUsage)
    return
  }
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string })
    .version
  let backend: Backend
  try {
    backend = openBackend({
      dataDir: args.dataDir ?? defaultDataDir(),
      ownDataDir: args.dataDir === undefined && !process.env.SCHOLIA_DATA_DIR,
      mode: 'web',
      resourcesDir: join(appRoot, 'resources'),
      version
    })
  } catch (error) {
    if (error instanceof LibraryInUseError || error instanceof UserError) {
      console.error(`Scholia: ${error.message}`)
      process.exit(error instanceof LibraryInUseError ? 3 : 2)
    }
    throw error
  }
  let bridge: HttpBridge
  try {
    bridge = await startHttpBridge({
      handlers: backend.handlers,
      rendererDir: join(__dirname, '..', 'renderer'),
      port: args.port,
      log: (message) => console.error(message)
    })
  } catch (error) {
    // Close the library (and release its lock) before exiting, so the next start finds it free.
    backend.close()
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Scholia: port ${args.port} is already in use (by another program, or another Scholia server). Choose another with --port, or leave --port out to get a free one.`
      )
      process.exit(4)
    }
    throw error
  }
  console.log(`Scholia is running at ${bridge.url}`)

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void bridge.close().finally(() => {
      backend.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Scholia could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
