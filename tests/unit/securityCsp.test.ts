// The security scan evaluates the CSP Scholia really sends. Electronegativity only reads a policy
// written as a literal where the header is set, and noted "Failed to parse CSP" on the shared
// constant; the scan now loads that constant and gives it to the same evaluator.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateContentSecurityPolicy, loadContentSecurityPolicy } from '../../scripts/securityCsp.mjs'
import { contentSecurityPolicy } from '../../src/main/transport/csp'

describe('the CSP in the security scan', () => {
  it('is the policy both transports send, read from its source', async () => {
    expect(await loadContentSecurityPolicy(resolve(__dirname, '../..'))).toBe(contentSecurityPolicy)
  })

  it('has no high or medium finding, and says what to review', () => {
    const { failures, notes } = evaluateContentSecurityPolicy(contentSecurityPolicy)
    expect(failures).toEqual([])
    expect(notes.join('\n')).toMatch(/script-src/)
  })

  it.each([
    ['inline script and any host', "default-src 'none'; script-src 'unsafe-inline' *"],
    ['no object-src and a data: script', "script-src 'self' data:"]
  ])('fails a weak policy: %s', (_name, policy) => {
    expect(evaluateContentSecurityPolicy(policy).failures).not.toEqual([])
  })
})
