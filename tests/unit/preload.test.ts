// The preload exposes exactly the contract's methods under window.scholia, each on its own channel.
import { describe, expect, it, vi } from 'vitest'
import { apiMethodNames } from '../../src/shared/contract'

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, args: unknown) => Promise.resolve({ ok: true, value: { channel, args } }))
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: { invoke: fake.invoke, send: vi.fn(), on: vi.fn() }
}))

await import('../../src/preload/index')

describe('the preload bridge', () => {
  it('exposes one object, window.scholia, with exactly the contract methods', () => {
    expect([...fake.exposed.keys()]).toEqual(['scholia'])
    const bridge = fake.exposed.get('scholia') as Record<string, unknown>
    expect(Object.keys(bridge).sort()).toEqual([...apiMethodNames].sort())
    for (const name of apiMethodNames) expect(typeof bridge[name]).toBe('function')
    expect(Object.isFrozen(bridge)).toBe(true)
  })

  it('sends each call on its prefixed channel and returns the envelope unopened', async () => {
    const bridge = fake.exposed.get('scholia') as Record<
      string,
      (args: unknown, extra?: unknown) => Promise<unknown>
    >
    const response = await bridge.getDocument!({ documentId: 'doc-1' }, 'ignored extra argument')
    expect(fake.invoke).toHaveBeenLastCalledWith('scholia:getDocument', { documentId: 'doc-1' })
    expect(response).toEqual({
      ok: true,
      value: { channel: 'scholia:getDocument', args: { documentId: 'doc-1' } }
    })
    for (const name of apiMethodNames) {
      await bridge[name]!({})
      expect(fake.invoke).toHaveBeenLastCalledWith(`scholia:${name}`, {})
    }
  })
})
