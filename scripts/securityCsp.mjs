// The Content-Security-Policy, evaluated as the policy it is. Electronegativity's CSP check reads
// only a policy written as a string literal where the header is set; Scholia's comes from one
// constant (src/main/transport/csp.ts) shared by the Electron session and the browser mode, so
// the tool saw a variable and noted "Failed to parse CSP". Here the constant itself is loaded and
// given to the same evaluator the tool uses (Google's csp-evaluator, as @doyensec/csp-evaluator).
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const electronegativityRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'))
const evaluator = electronegativityRequire('@doyensec/csp-evaluator')

export const cspSource = 'src/main/transport/csp.ts'

/** The policy Scholia sends, read from its TypeScript source under `root`. */
export async function loadContentSecurityPolicy(root) {
  const { tsImport } = await import('tsx/esm/api')
  const module = await tsImport(join(root, cspSource), import.meta.url)
  return module.contentSecurityPolicy
}

/** csp-evaluator's findings on `policy`: syntax errors and high or medium ones fail, the rest are notes. */
export function evaluateContentSecurityPolicy(policy) {
  const { severities } = evaluator
  const parsed = new evaluator.CspParser(policy).csp
  const findings = new evaluator.CspEvaluator(parsed, evaluator.Version.CSP3).evaluate()
  const failing = new Set([severities.HIGH, severities.SYNTAX, severities.MEDIUM])
  const describe = (finding) => `${finding.directive}: ${finding.description}`
  return {
    failures: findings.filter((finding) => failing.has(finding.severity)).map(describe),
    notes: findings.filter((finding) => !failing.has(finding.severity)).map(describe)
  }
}
