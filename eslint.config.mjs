// ESLint with typed rules over all TypeScript sources, and the layering rules that keep each
// folder from importing the ones above it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** An import of one of these src/main folders, written relative to any depth below src/main. */
const mainFolder = (...names) => ({
  regex: `^(\\.\\.?/)+(${names.join('|')})(/|$)`,
  message: `Layering: this folder sits below src/main/{${names.join(',')}} and must not import it.`
})
const electronOnly = {
  regex: '^electron(/|$)',
  message: "Layering: only src/main/electron (and the preload) import 'electron'."
}
const nodeOnly = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3'],
  message: 'Layering: the renderer runs in a browser page; Node modules belong to src/main.'
}
const noMain = {
  regex: '(^|/)main(/|$)',
  message: 'Layering: the renderer and preload reach src/main only through the contract in src/shared.'
}

/** One `no-restricted-imports` setting per folder (a later flat-config entry would replace, not add to, an earlier one). */
const layers = [
  {
    // The pure domain must not reach for Node, Electron, the DOM or any other layer.
    files: ['src/shared/**/*.ts'],
    patterns: [
      { group: ['node:*', 'fs', 'path', 'electron', 'better-sqlite3', 'react', 'react-dom'] },
      {
        regex: '^(\\.\\./)+(main|renderer|preload)(/|$)',
        message: 'Layering: src/shared imports no other layer.'
      }
    ]
  },
  { files: ['src/renderer/**/*.{ts,tsx}'], patterns: [noMain, electronOnly, nodeOnly] },
  { files: ['src/preload/**/*.ts'], patterns: [noMain] },
  {
    files: ['src/main/db/**/*.ts'],
    patterns: [electronOnly, mainFolder('app', 'transport', 'electron', 'services', 'web')]
  },
  {
    files: ['src/main/services/**/*.ts'],
    patterns: [electronOnly, mainFolder('app', 'transport', 'electron', 'web')]
  },
  { files: ['src/main/transport/**/*.ts'], patterns: [electronOnly, mainFolder('app', 'electron', 'web')] },
  { files: ['src/main/app/**/*.ts'], patterns: [electronOnly, mainFolder('transport', 'electron', 'web')] },
  { files: ['src/main/web.ts', 'src/main/webArguments.ts'], patterns: [electronOnly, mainFolder('electron')] }
].map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } }))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'playwright-report/**',
      '.shots/**',
      'native/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules }
  },
  // Layering, as VS Code's code-layering: each folder lists what it must not import. From the top:
  // the entry points (src/main/web.ts, src/main/electron/) → the composition root (src/main/app/)
  // → the transports' shared code (src/main/transport/) → services → db → shared. The renderer
  // and the preload talk to main only through the contract in shared.
  ...layers,
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked
  }
)
