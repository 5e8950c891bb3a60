// Types for scripts/securityCsp.mjs, for the TypeScript tests that import it.
export const cspSource: string
export function loadContentSecurityPolicy(root: string): Promise<string>
export function evaluateContentSecurityPolicy(policy: string): { failures: string[]; notes: string[] }
