// Types for scripts/startDecisions.mjs, for the TypeScript tests that import it.
export interface DiskAndEnvironment {
  electronDir: string
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  exists: (path: string) => boolean
  readText: (path: string) => string
}

export type StartMode =
  | { mode: 'electron'; executable: string }
  | { mode: 'download' }
  | { mode: 'web'; reason: string }
  | { mode: 'error'; reason: string }

export function findElectronExecutable(options: DiskAndEnvironment): string | null
export function hasDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean
export function decideStartMode(options: DiskAndEnvironment): StartMode
export function electronArguments(argv: readonly string[]): { dataDir: string | undefined; rest: string[] }
export function runningUrl(line: string): string | null
export function browserOpenCommand(
  options: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; commandExists: (name: string) => boolean },
  url: string
): { command: string; args: string[] } | null
export function postinstallDownloadPlan(options: {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
}): { download: true } | { download: false; reason: string }
export function downloadTimeoutSeconds(env: NodeJS.ProcessEnv, fallback: number): number
export function installerFailureReason(options: {
  timedOut: boolean
  timeoutSeconds: number
  code: number | null
  output: string
}): string
