// The preload exposes exactly the contract's methods under window.scholia, each on its own channel,
// and the menus' commands under window.scholiaDesktop, only those on the closed list.
import { describe, expect, it, vi } from 'vitest'
import { apiMethodNames } from '../../src/shared/contract'
import { internalErrorMessage } from '../../src/shared/userError'
import { desktopCommandChannel, desktopCommands, type ScholiaDesktop } from '../../src/shared/desktopCommands'

type IpcListener = (event: unknown, payload: unknown) => void

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn((channel: string, args: unknown) => Promise.resolve({ ok: true, value: { channel, args } })),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>()
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: {
    invoke: fake.invoke,
    send: vi.fn(),
    on: (channel: string, listener: IpcListener) => {
      const set = fake.listeners.get(channel) ?? new Set()
      set.add(listener)
      fake.listeners.set(channel, set)
    },
    removeListener: (channel: string, listener: IpcListener) => fake.listeners.get(channel)?.delete(listener)
  }
}))

await import('../../src/preload/index')

function sendFromMain(channel: string, payload: unknown): void {
  for (const listener of fake.listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, payload)
}

describe('the preload bridge', () => {
  it('exposes window.scholia with exactly the contract methods, and window.scholiaDesktop', () => {
    expect([...fake.exposed.keys()]).toEqual(['scholia', 'scholiaDesktop'])
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

describe('a call the main process does not answer', () => {
  it("resolves to the 'internal' envelope with a readable message, not Electron's text", async () => {
    const bridge = fake.exposed.get('scholia') as Record<string, (args: unknown) => Promise<unknown>>
    fake.invoke.mockRejectedValueOnce(
      new Error(
        "Error invoking remote method 'scholia:listDocuments': Error: No handler registered for 'scholia:listDocuments'"
      )
    )
    const response = await bridge.listDocuments!({})
    expect(response).toEqual({ ok: false, error: { code: 'internal', message: internalErrorMessage } })
    expect(JSON.stringify(response)).not.toMatch(/invoking remote method|No handler registered/)
  })
})

describe("the menus' commands (window.scholiaDesktop)", () => {
  const desktop = () => fake.exposed.get('scholiaDesktop') as ScholiaDesktop

  it('has one frozen method, onCommand', () => {
    expect(Object.keys(desktop())).toEqual(['onCommand'])
    expect(Object.isFrozen(desktop())).toBe(true)
  })

  it('passes on the known commands, only their names, until the page stops listening', () => {
    const listener = vi.fn()
    const stop = desktop().onCommand(listener)
    for (const command of desktopCommands) sendFromMain(desktopCommandChannel, command)
    expect(listener.mock.calls).toEqual(desktopCommands.map((command) => [command]))
    stop()
    sendFromMain(desktopCommandChannel, 'open-library')
    expect(listener).toHaveBeenCalledTimes(desktopCommands.length)
    expect(fake.listeners.get(desktopCommandChannel)?.size).toBe(0)
  })

  it('drops anything not on the list', () => {
    const listener = vi.fn()
    const stop = desktop().onCommand(listener)
    for (const payload of [
      'rm -rf',
      '',
      null,
      42,
      { command: 'open-library' },
      ['open-library'],
      'OPEN-LIBRARY'
    ])
      sendFromMain(desktopCommandChannel, payload)
    sendFromMain('scholia:getDocument', 'open-library')
    expect(listener).not.toHaveBeenCalled()
    stop()
  })

  it('refuses a listener that is not a function', () => {
    expect(() => desktop().onCommand('alert(1)' as unknown as () => void)).toThrow(TypeError)
  })
})
