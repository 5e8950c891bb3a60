// The layering rules in eslint.config.mjs, checked on the imports they exist to refuse: each layer
// is linted with one forbidden import and one permitted one, as if the line were in a real file of
// that folder. Only the layering rule runs, so that no TypeScript program is built.
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports'
  })
})

/** The no-restricted-imports messages for `source` imported from `filePath`. */
async function layeringErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import type { X } from '${source}'\nexport type Y = X\n`, {
    filePath
  })
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message)
}

const forbidden: [string, string, string][] = [
  ['the renderer never imports main', 'src/renderer/src/app/App.tsx', '../../../main/app/compositionRoot'],
  ['the renderer never imports electron', 'src/renderer/src/api/client.ts', 'electron'],
  ['the renderer never imports Node', 'src/renderer/src/api/client.ts', 'node:fs'],
  ['the preload never imports main', 'src/preload/bridge.ts', '../main/transport/dispatch'],
  ['services never import electron', 'src/main/services/readerService.ts', 'electron'],
  [
    'services never import upwards from main/app',
    'src/main/services/study/cardService.ts',
    '../../app/paths'
  ],
  ['services never import a transport', 'src/main/services/readerService.ts', '../transport/dispatch'],
  ['db never imports electron', 'src/main/db/connection.ts', 'electron'],
  ['db never imports upwards from main/app', 'src/main/db/migrations/index.ts', '../../app/paths'],
  ['db never imports services', 'src/main/db/repositories/cardRepository.ts', '../../services/fileWriter'],
  ['transports never import upwards from main/app', 'src/main/transport/httpBridge.ts', '../app/paths'],
  ['transports never import electron', 'src/main/transport/httpBridge.ts', 'electron'],
  ['the composition root never imports electron', 'src/main/app/compositionRoot.ts', 'electron'],
  [
    'the composition root never imports the Electron shell',
    'src/main/app/compositionRoot.ts',
    '../electron/window'
  ],
  ['the browser mode never imports electron', 'src/main/web.ts', 'electron'],
  ['shared never imports main', 'src/shared/types.ts', '../main/app/paths'],
  ['shared never imports Node', 'src/shared/types.ts', 'node:path']
]

const permitted: [string, string, string][] = [
  ['the renderer imports the contract', 'src/renderer/src/app/App.tsx', '../../../shared/contract'],
  ['services import the database layer', 'src/main/services/readerService.ts', '../db/connection'],
  ['services import UserError from shared', 'src/main/services/readerService.ts', '../../shared/userError'],
  ['the composition root imports services', 'src/main/app/compositionRoot.ts', '../services/readerService'],
  ['the Electron shell imports electron', 'src/main/electron/window.ts', 'electron'],
  ['the Electron shell opens the back end', 'src/main/electron/index.ts', '../app/compositionRoot'],
  ['the preload imports electron', 'src/preload/index.ts', 'electron']
]

describe('layering', () => {
  it.each(forbidden)('%s', async (_rule, filePath, source) => {
    expect(await layeringErrors(filePath, source)).toEqual([expect.stringMatching(/./)])
  })

  it.each(permitted)('%s', async (_rule, filePath, source) => {
    expect(await layeringErrors(filePath, source)).toEqual([])
  })
})
