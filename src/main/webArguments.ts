// The browser mode's command line: `node out/main/web.js [--port N] [--data-dir DIR] [--help]`.
// Kept apart from web.ts, which starts a server when run, so that it can be tested on its own.
import { resolve } from 'node:path'
import { UserError } from '../shared/userError'

export interface WebArguments {
  port?: number
  dataDir?: string
  /** --help or -h: print the usage and start nothing. */
  help?: boolean
}

export const webUsage = `Usage: node out/main/web.js [--port N] [--data-dir DIR]
       npm run web -- [--port N] [--data-dir DIR]

Starts Scholia's browser mode: the app served on http://127.0.0.1 only, with a secret token.
Prints one line, "Scholia is running at http://127.0.0.1:PORT/?token=TOKEN", and runs until
interrupted (Ctrl+C).

  --port N          listen on port N (default: a free port chosen for this run)
  --data-dir DIR    the library folder (default: $SCHOLIA_DATA_DIR, else the desktop app's folder)
  -h, --help        print this and exit`

const withValue = new Set(['--port', '--data-dir'])

export function parseWebArguments(argv: readonly string[]): WebArguments {
  const parsed: WebArguments = {}
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i] ?? ''
    if (argument === '--help' || argument === '-h') {
      parsed.help = true
      continue
    }
    const [flag = '', inline] = argument.split('=', 2)
    if (!withValue.has(flag)) {
      throw new UserError(
        'invalid-input',
        `unknown option "${argument}". Run with --help to list the options.`
      )
    }
    const value = inline ?? argv[i + 1]
    if (value === undefined) throw new UserError('invalid-input', `${flag} needs a value`)
    if (inline === undefined) i++
    if (flag === '--port') {
      const port = Number(value)
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UserError('invalid-input', `--port takes a number from 0 to 65535, not "${value}"`)
      }
      parsed.port = port
    } else {
      parsed.dataDir = resolve(value)
    }
  }
  return parsed
}
