// The W3C's Web Annotation test suite (w3c/web-annotation-tests), when there is a copy of it: its
// JSON-schema assertions of every MUST of the model, compiled with Ajv. The copy lives outside the
// repository, so the environment variable below says where; without it, or when the folder is not
// there, the tests that use it are skipped and say why in one line.
import fs from 'node:fs'
import path from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv-draft-04'
import addFormats from 'ajv-formats'

/** Where the suite is: a folder, absolute or relative to the repository root. */
export const w3cSuiteVariable = 'SCHOLIA_W3C_SUITE'

const repositoryRoot = path.resolve(__dirname, '../..')

export interface Assertion {
  file: string
  expected: 'valid' | 'invalid'
  validate: ValidateFunction
}

export interface W3cSuite {
  root: string
  annotationMusts: Assertion[]
  collectionMusts: Assertion[]
}

export type W3cSuiteLookup = { found: true; suite: W3cSuite } | { found: false; reason: string }

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
}

/** The suite named by the environment, or why there is none. A folder that is there but broken throws. */
export function findW3cSuite(env: NodeJS.ProcessEnv = process.env): W3cSuiteLookup {
  const setting = env[w3cSuiteVariable]
  if (!setting) {
    return {
      found: false,
      reason: `${w3cSuiteVariable} is not set (.ci/run sets it to ../shared/peer/w3c-web-annotation-tests)`
    }
  }
  const root = path.resolve(repositoryRoot, setting)
  if (!fs.existsSync(path.join(root, 'definitions'))) {
    return { found: false, reason: `${w3cSuiteVariable}=${setting}, but ${root} holds no W3C suite` }
  }
  return { found: true, suite: loadSuite(root) }
}

function loadSuite(root: string): W3cSuite {
  // The assertion schemas carry the test harness's own keywords (expectedResult, errorMessage…),
  // so strict mode is off; formats (uri, date-time) come from ajv-formats as the suite expects.
  const ajv = new Ajv({ strict: false })
  addFormats(ajv)
  const definitions = path.join(root, 'definitions')
  for (const file of fs.readdirSync(definitions).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(readJson(path.join(definitions, file)) as object)
  }
  const load = (testFile: string): Assertion[] => {
    const test = readJson(path.join(root, testFile)) as { assertions: string[] }
    return test.assertions.map((file) => {
      const schema = readJson(path.join(root, file)) as { expectedResult: 'valid' | 'invalid' }
      return { file, expected: schema.expectedResult, validate: ajv.compile(schema) }
    })
  }
  return {
    root,
    annotationMusts: load('annotations/annotationMusts.test'),
    collectionMusts: load('collections/collectionMusts.test')
  }
}

/** The assertions that did not give their expected result (empty when the object conforms). */
export function failures(assertions: readonly Assertion[], value: unknown): string[] {
  return assertions
    .filter((assertion) => (assertion.validate(value) ? 'valid' : 'invalid') !== assertion.expected)
    .map((assertion) => path.basename(assertion.file))
}
