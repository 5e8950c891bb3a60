// Security scan of the Electron code (src/main, src/preload) with Electronegativity, offline.
// Writes reports/electronegativity.sarif and fails on: any HIGH or MEDIUM finding (a MEDIUM one
// that was reviewed carries `// eng-disable CHECK_ID — reason` on its line and is not reported),
// any file Electronegativity could not parse, and any eng-disable comment without its reason.
// Usage: node scripts/securityScan.mjs [--root <repository root>]
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cspSource, evaluateContentSecurityPolicy, loadContentSecurityPolicy } from './securityCsp.mjs'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const rootFlag = process.argv.indexOf('--root')
const scanRoot = rootFlag > 0 ? resolve(process.argv[rootFlag + 1] ?? '.') : projectRoot
const scannedFolders = ['src/main', 'src/preload']
const sarifPath = join(projectRoot, 'reports', 'electronegativity.sarif')
// Checks that need the network: this one downloads Electron's release list from GitHub. The
// Electron version is pinned in package.json and reviewed when it changes.
const excludedChecks = ['AvailableSecurityFixesGlobalCheck']

const require = createRequire(import.meta.url)
const electronegativityDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const electronVersion = require('electron/package.json').version

/**
 * Electronegativity fetches translations (and, in the check excluded above, release data) with
 * `got`. Replacing that module in the require cache before loading the tool keeps the scan
 * offline and deterministic: it falls back to its bundled English texts.
 */
function keepOffline() {
  const toolRequire = createRequire(join(electronegativityDir, 'dist', 'locales', 'i18n.js'))
  const gotPath = toolRequire.resolve('got')
  const offline = Object.assign(() => Promise.reject(new Error('offline scan')), {
    head: () => Promise.reject(new Error('offline scan')),
    get: () => Promise.reject(new Error('offline scan'))
  })
  const stub = new Module(gotPath)
  stub.filename = gotPath
  stub.loaded = true
  stub.exports = offline
  require.cache[gotPath] = stub
  process.env.LANG = 'en-US'
}

/** The scanned folders copied into a temp dir laid out like the repository, so paths read src/…. */
function stageSources() {
  const stage = mkdtempSync(join(tmpdir(), 'scholia-scan-'))
  for (const folder of scannedFolders) {
    cpSync(join(scanRoot, folder), join(stage, folder), { recursive: true })
  }
  return stage
}

function listSourceFiles(dir) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listSourceFiles(path))
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry.name)) files.push(path)
  }
  return files
}

/** eng-disable comments whose check list is not followed by a reason (at least a few words). */
function disablesWithoutReason(stage) {
  const problems = []
  for (const file of listSourceFiles(stage)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const match = /(?:\/\/|\/\*)[ \t]*eng-disable[ \t]+[\w \t]+(.*)$/.exec(line)
        if (!match) return
        const reason = (match[1] ?? '').replace(/^[\s—–:-]+/, '').replace(/\*\/\s*$/, '')
        if (reason.trim().split(/\s+/).length < 3) {
          problems.push(`${relative(stage, file)}:${index + 1}: eng-disable without a reason beside it`)
        }
      })
  }
  return problems
}

const sarifLevels = { HIGH: 'error', MEDIUM: 'warning', LOW: 'note', INFORMATIONAL: 'note' }

function toSarif(issues, errors, stage) {
  const rules = [...new Set(issues.map((issue) => issue.id))]
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Electronegativity',
            informationUri: 'https://github.com/doyensec/electronegativity',
            version: require('@doyensec/electronegativity/package.json').version,
            rules: rules.map((id) => ({
              id,
              helpUri: `https://github.com/doyensec/electronegativity/wiki/${id}`
            }))
          }
        },
        invocations: [
          {
            executionSuccessful: errors.every((error) => error.tolerable),
            toolExecutionNotifications: errors.map((error) => ({
              level: error.tolerable ? 'warning' : 'error',
              message: { text: error.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: relative(stage, error.file) } } }]
            }))
          }
        ],
        results: issues.map((issue) => ({
          ruleId: issue.id,
          ruleIndex: rules.indexOf(issue.id),
          level: sarifLevels[issue.severity.name] ?? 'note',
          message: { text: `${issue.description} (${issue.severity.name}, ${issue.confidence.name})` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: issue.file },
                region: {
                  startLine: Math.max(1, issue.location.line),
                  startColumn: issue.location.column + 1
                }
              }
            }
          ]
        }))
      }
    ]
  }
}

async function main() {
  keepOffline()
  const stage = stageSources()
  try {
    const run = require('@doyensec/electronegativity')
    // The tool prints one line when its (stubbed) translation download fails; nothing else.
    const log = console.log
    console.log = (...args) => {
      if (!String(args[0]).startsWith('Could not retrieve updated translations')) log(...args)
    }
    let result
    try {
      result = await run(
        {
          input: stage,
          isRelative: true,
          electronVersionOverride: electronVersion,
          excludeFromScan: excludedChecks,
          customScan: [],
          parserPlugins: []
        },
        false
      )
    } finally {
      console.log = log
    }
    const { issues, errors } = result
    mkdirSync(dirname(sarifPath), { recursive: true })
    writeFileSync(sarifPath, JSON.stringify(toSarif(issues, errors, stage), null, 2) + '\n')

    // The tool's CSP check reads string literals only; a CSP it could not read (no sample) is the
    // shared constant, which is evaluated here instead of being left as "Failed to parse CSP".
    const unreadCsp = (issue) => issue.id === 'CSP_GLOBAL_CHECK' && issue.sample === undefined
    const policy = evaluateContentSecurityPolicy(await loadContentSecurityPolicy(scanRoot))
    const where = (issue) =>
      issue.file === 'N/A' ? '(whole application)' : `${issue.file}:${issue.location.line}`
    const failures = [
      ...issues
        .filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM')
        .map((issue) => `${where(issue)}: ${issue.severity.name} ${issue.id} — ${issue.description}`),
      ...errors
        .filter((error) => !error.tolerable)
        .map((error) => `${relative(stage, error.file)}: could not be parsed — ${error.message}`),
      ...disablesWithoutReason(stage),
      ...policy.failures.map((finding) => `${cspSource}: the CSP — ${finding}`)
    ]
    const notes = issues
      .filter((issue) => issue.severity.name !== 'HIGH' && issue.severity.name !== 'MEDIUM')
      .filter((issue) => !unreadCsp(issue))
      .map((issue) => `${where(issue)}: ${issue.severity.name} ${issue.id} — ${issue.description}`)
    for (const note of notes) console.log(`  note: ${note}`)
    const unread = issues.filter(unreadCsp).map(where)
    console.log(
      `  CSP: ${cspSource} evaluated with csp-evaluator${unread.length > 0 ? ` (Electronegativity sees only a variable at ${unread.join(', ')})` : ''}: ` +
        `${policy.failures.length} high or medium, ${policy.notes.length} to review`
    )
    for (const note of policy.notes) console.log(`  note: ${cspSource}: ${note}`)
    for (const error of errors.filter((e) => e.tolerable)) {
      console.log(`  parser warning: ${relative(stage, error.file)} — ${error.message}`)
    }
    for (const failure of failures) console.log(`  FAIL: ${failure}`)
    const count = (name) => issues.filter((issue) => issue.severity.name === name).length
    console.log(
      `Electronegativity ${failures.length === 0 ? 'passed' : 'FAILED'} on ${scannedFolders.join(' + ')} ` +
        `(Electron ${electronVersion}): ${count('HIGH')} high, ${count('MEDIUM')} medium, ` +
        `${count('LOW')} low, ${count('INFORMATIONAL')} informational, ` +
        `${errors.filter((e) => !e.tolerable).length} unparsable — ${relative(projectRoot, sarifPath)}`
    )
    process.exitCode = failures.length === 0 ? 0 : 1
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error('Scholia security scan could not run:', error)
  process.exitCode = 1
})
