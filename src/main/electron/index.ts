// Entry point of the Electron main process (built to out/main/index.js): wires the real back end
// into the shell. Everything testable lives in shell.ts and the modules it uses.
import { openBackend } from '../app/compositionRoot'
import { LibraryInUseError } from '../app/libraryLock'
import { startShell } from './shell'

startShell({
  openBackend,
  isUserFacingStartupError: (error): error is Error => error instanceof LibraryInUseError,
  bundleDir: __dirname
}).catch((error: unknown) => {
  console.error('Scholia: the Electron shell failed to start:', error)
  process.exit(1)
})
