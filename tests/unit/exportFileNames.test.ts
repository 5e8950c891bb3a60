// Safe export file names: BAD_INPUTS item 18 (path tricks, reserved and forbidden names, length
// in bytes, names differing only in case) and item 12 (bidi controls in titles).
import { describe, expect, it } from 'vitest'
import { createUniqueFileNamer, safeFileName } from '../../src/shared/export/fileNames'

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8')

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'md', 'etc_passwd.md'],
    ['..', 'md', 'untitled.md'],
    ['/absolute/path', 'csv', 'absolute_path.csv'],
    ['a/../b', 'md', 'a_b.md'],
    ['C:\\Windows\\notes', 'md', 'C__Windows_notes.md'],
    ['a:b*c?d"e<f>g|h', 'txt', 'a_b_c_d_e_f_g_h.txt'],
    ['trailing dots...', 'md', 'trailing dots.md'],
    ['trailing spaces   ', 'md', 'trailing spaces.md'],
    ['.hidden', 'md', 'hidden.md'],
    ['line\nbreak\ttab', 'md', 'linebreaktab.md'],
    ['evil\u202Egnp.exe', 'md', 'evilgnp.exe.md'],
    ['iso\u2066late\u2069', 'md', 'isolate.md'],
    ['', 'md', 'untitled.md'],
    ['   ...   ', 'md', 'untitled.md'],
    ['\u0000\u0001', 'md', 'untitled.md'],
    ['Notes', '.md', 'Notes.md'],
    ['Notes', '../md', 'Notes.md'],
    ['홍석률 👩‍🔬 notes', 'md', '홍석률 👩‍🔬 notes.md']
  ])('%j → %j', (name, ext, expected) => {
    expect(safeFileName(name, ext)).toBe(expected)
  })

  it.each(['CON', 'con', 'Nul', 'aux', 'PRN', 'COM1', 'com9', 'LPT1', 'lpt3', 'CON ', 'con.backup'])(
    'suffixes the Windows device name %j with "_"',
    (name) => {
      const result = safeFileName(name, 'md')
      const stem = result.split('.')[0] ?? ''
      expect(stem).toMatch(/_$/)
      expect(stem.toLowerCase().replace(/_$/, '')).toBe(name.split('.')[0]?.trim().toLowerCase())
    }
  )

  it('keeps names that only start like a device name', () => {
    expect(safeFileName('Console', 'md')).toBe('Console.md')
    expect(safeFileName('COM10', 'md')).toBe('COM10.md')
  })

  it('limits the name to 255 UTF-8 bytes without cutting a character or an emoji sequence', () => {
    for (const unit of ['a', 'é', '홍', '😀', '👩‍🔬']) {
      const result = safeFileName(unit.repeat(300), 'md')
      expect(bytes(result)).toBeLessThanOrEqual(255)
      expect(bytes(result)).toBeGreaterThan(255 - bytes(unit) - 4)
      const stem = result.slice(0, -'.md'.length)
      expect(stem.length % unit.length).toBe(0)
      expect(stem.split(unit).join('')).toBe('') // whole units only
      expect(result.endsWith('.md')).toBe(true)
    }
  })

  it('never leaves path separators, forbidden or control characters in any name', () => {
    const nasty = [
      '../',
      '/',
      '\\',
      ':',
      '*',
      '?',
      '"',
      '<',
      '>',
      '|',
      '\u0000',
      '\u001f',
      '\u202e',
      '\u2068'
    ]
    for (const a of nasty) {
      for (const b of nasty) {
        const result = safeFileName(`${a}x${b}y${a}`, 'md')
        expect(result).not.toMatch(/[\\/:*?"<>|\p{Cc}\u202a-\u202e\u2066-\u2069]/u)
        expect(result).not.toMatch(/^\./)
      }
    }
  })
})

describe('createUniqueFileNamer', () => {
  it('numbers names that differ only in case or Unicode normalisation', () => {
    const name = createUniqueFileNamer()
    expect(name('Notes', 'md')).toBe('Notes.md')
    expect(name('notes', 'md')).toBe('notes (2).md')
    expect(name('NOTES', 'md')).toBe('NOTES (3).md')
    expect(name('Notes', 'csv')).toBe('Notes.csv')
    expect(name('Cafe\u0301', 'md')).toBe('Café.md')
    expect(name('CAFÉ', 'md')).toBe('CAFÉ (2).md')
  })

  it('keeps the number within 255 bytes for long names', () => {
    const name = createUniqueFileNamer()
    const long = '홍'.repeat(200)
    const first = name(long, 'md')
    const second = name(long, 'md')
    expect(second).not.toBe(first)
    expect(second.endsWith(' (2).md')).toBe(true)
    expect(bytes(second)).toBeLessThanOrEqual(255)
  })
})
