// The command lines a person types: `npm run bench -- …` and `node out/main/web.js …` say what
// they can do when asked (--help) or when given something they do not know, instead of running
// nothing, or something else, in silence.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { benchGroups, benchUsage, chooseBenches } from '../../scripts/bench/groups'
import { parseWebArguments, webUsage } from '../../src/main/webArguments'

describe('npm run bench', () => {
  it('lists every group, with what it measures, for --help and -h', () => {
    expect(chooseBenches(['--help'])).toEqual({ kind: 'help' })
    expect(chooseBenches(['search', '-h'])).toEqual({ kind: 'help' })
    for (const group of benchGroups) expect(benchUsage()).toContain(`  ${group.name}`)
  })

  it('names an unknown group instead of running nothing', () => {
    expect(chooseBenches(['serach'])).toEqual({ kind: 'unknown', names: ['serach'] })
    expect(chooseBenches(['search', 'foo', 'bar'])).toEqual({ kind: 'unknown', names: ['foo', 'bar'] })
  })

  it('runs the named groups, or all of them in order', () => {
    expect(chooseBenches(['search'])).toEqual({ kind: 'run', groups: ['search'] })
    expect(chooseBenches([])).toEqual({ kind: 'run', groups: benchGroups.map((group) => group.name) })
  })
})

describe('node out/main/web.js', () => {
  it('asks for the usage with --help or -h, which names every option', () => {
    expect(parseWebArguments(['--help'])).toEqual({ help: true })
    expect(parseWebArguments(['--port', '8123', '-h'])).toEqual({ help: true, port: 8123 })
    for (const option of ['--port', '--data-dir', '--help']) expect(webUsage).toContain(option)
  })

  it('reads --port and --data-dir, with a space or an equals sign', () => {
    expect(parseWebArguments(['--port=8123', '--data-dir', 'lib'])).toEqual({
      port: 8123,
      dataDir: resolve('lib')
    })
  })

  it.each([
    [['--prot', '8123'], /unknown option "--prot".*--help/],
    [['8123'], /unknown option "8123"/],
    [['--port'], /--port needs a value/],
    [['--port', 'eighty'], /--port takes a number from 0 to 65535, not "eighty"/]
  ])('refuses %j with a message that says what to do', (argv, message) => {
    expect(() => parseWebArguments(argv)).toThrow(message)
  })
})
