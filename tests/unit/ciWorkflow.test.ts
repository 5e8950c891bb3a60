// The GitHub workflow (.github/workflows/ci.yml) cannot run here: this checks that it has the jobs
// and steps that test the real Electron window and build the installers.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

interface Step {
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
interface Job {
  'runs-on': string
  if?: string
  needs?: string[]
  strategy?: { matrix: { os: string[] } }
  permissions?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: { push: { tags: string[]; branches: string[] }; pull_request: unknown }
  env: Record<string, string>
  jobs: Record<string, Job>
}

const root = resolve(__dirname, '..', '..')
const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')) as Workflow
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

function job(name: string): Job {
  const found = workflow.jobs[name]
  if (!found) throw new Error(`the workflow has no job "${name}"`)
  return found
}

/** Index of the first step that runs `command` (or uses `action`), -1 if none. */
function stepIndex(steps: Step[], match: { run?: RegExp; uses?: RegExp }): number {
  return steps.findIndex(
    (step) =>
      (match.run !== undefined && step.run !== undefined && match.run.test(step.run)) ||
      (match.uses !== undefined && step.uses !== undefined && match.uses.test(step.uses))
  )
}

/** Checks that each matcher finds a step, in this order. */
function expectStepsInOrder(steps: Step[], matchers: { run?: RegExp; uses?: RegExp }[]): void {
  const indices = matchers.map((matcher) => {
    const index = stepIndex(steps, matcher)
    expect(index, `a step ${String(matcher.run ?? matcher.uses)}`).toBeGreaterThanOrEqual(0)
    return index
  })
  expect(indices).toEqual([...indices].sort((a, b) => a - b))
}

const setUp = [{ uses: /^actions\/checkout@v4$/ }, { uses: /^actions\/setup-node@v4$/ }, { run: /^npm ci$/ }]

describe('.github/workflows/ci.yml', () => {
  it('runs on pushes, pull requests and version tags', () => {
    expect(workflow.on.push.tags).toEqual(['v*'])
    expect(workflow.on).toHaveProperty('pull_request')
  })

  it('sets up Node 24 in every job', () => {
    for (const [name, { steps }] of Object.entries(workflow.jobs)) {
      const setup = steps.find((step) => step.uses?.startsWith('actions/setup-node'))
      expect(setup?.with?.['node-version'], name).toBe(24)
    }
  })

  it('on Linux: npm ci, Chromium for Playwright, Electron, then the whole npm test under xvfb-run', () => {
    const linux = job('linux')
    expect(linux['runs-on']).toMatch(/^ubuntu-/)
    expectStepsInOrder(linux.steps, [
      ...setUp,
      { run: /npx playwright install --with-deps chromium/ },
      { run: /^npx install-electron$/ },
      { run: /^xvfb-run --auto-servernum -- npm test$/ },
      { uses: /^actions\/upload-artifact@v4$/ }
    ])
  })

  it('keeps the screenshot of the window as an artifact, even when a test failed', () => {
    for (const name of ['linux', 'desktop']) {
      const upload = job(name).steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))
      expect(upload?.if, name).toBe('always()')
      expect(String(upload?.with?.path)).toContain('test-results/electron')
    }
  })

  it('on macOS and Windows: the build, the unit tests and the Electron test', () => {
    const desktop = job('desktop')
    expect(desktop.strategy?.matrix.os).toEqual(['macos-latest', 'windows-latest'])
    expectStepsInOrder(desktop.steps, [
      ...setUp,
      { run: /^npx install-electron$/ },
      { run: /^npm run build$/ },
      { run: /^npm run test:unit$/ },
      { run: /^npm run test:electron$/ }
    ])
  })

  it('makes the Electron test fail rather than skip where it must run', () => {
    expect(workflow.env.SCHOLIA_ELECTRON_TEST).toBe('required')
  })

  it('on a version tag: npm run dist on all three systems, the installers attached to the release', () => {
    const release = job('release')
    expect(release.if).toBe("startsWith(github.ref, 'refs/tags/v')")
    expect(release.needs).toEqual(['linux', 'desktop'])
    expect(release.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(release.permissions).toEqual({ contents: 'write' })
    expectStepsInOrder(release.steps, [
      ...setUp,
      { run: /^npm run dist$/ },
      { uses: /^softprops\/action-gh-release@v2$/ }
    ])
    const files = String(release.steps.at(-1)?.with?.files)
    for (const pattern of ['dist/*.AppImage', 'dist/*.deb', 'dist/*.dmg', 'dist/*.exe'])
      expect(files).toContain(pattern)
  })

  it('runs scripts that package.json defines', () => {
    const scripts = Object.values(workflow.jobs)
      .flatMap((each) => each.steps)
      .flatMap((step) => [...(step.run ?? '').matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]!))
    for (const script of scripts) expect(packageJson.scripts, script).toHaveProperty(script)
  })
})

describe('.gitattributes', () => {
  it('checks text out with LF line ends everywhere, so Prettier passes on Windows', () => {
    const attributes = readFileSync(join(root, '.gitattributes'), 'utf8')
    expect(attributes).toMatch(/^\* text=auto eol=lf$/m)
  })
})
