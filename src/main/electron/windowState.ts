// The main window's size, position and maximised state, remembered between runs in
// <data folder>/window-state.json. What is read back is checked: a damaged file, or a position on a
// screen that is no longer attached, gives the default window (centred) rather than one out of sight.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'

export interface WindowState {
  /** Absent: centred by the system. */
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const windowStateFileName = 'window-state.json'

const pixels = z.number().int().min(-100_000).max(100_000)
const stateSchema = z
  .object({
    x: pixels.optional(),
    y: pixels.optional(),
    width: pixels.min(1),
    height: pixels.min(1),
    maximized: z.boolean()
  })
  .strict()

/** How much of the window must lie on some screen for its place to be kept: enough to grab it. */
const visibleWidth = 160
const visibleHeight = 60

function overlaps(bounds: Rectangle, area: Rectangle): boolean {
  const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
  const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
  return width >= visibleWidth && height >= visibleHeight
}

/**
 * The state to open the window with: the saved one, sized to fit between the minimum and the
 * largest screen, and placed where it was only if it can still be seen and grabbed there.
 */
export function fitWindowState(
  saved: unknown,
  workAreas: readonly Rectangle[],
  defaults: { width: number; height: number },
  minimum: { width: number; height: number }
): WindowState {
  const parsed = stateSchema.safeParse(saved)
  if (!parsed.success) return { ...defaults, maximized: false }
  const state = parsed.data
  const largest = workAreas.reduce(
    (size, area) => ({ width: Math.max(size.width, area.width), height: Math.max(size.height, area.height) }),
    { width: 0, height: 0 }
  )
  const clamp = (value: number, low: number, high: number) =>
    Math.max(low, high > 0 ? Math.min(value, high) : value)
  const width = clamp(state.width, minimum.width, largest.width)
  const height = clamp(state.height, minimum.height, largest.height)
  const fitted: WindowState = { width, height, maximized: state.maximized }
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width, height }
    if (workAreas.some((area) => overlaps(bounds, area))) Object.assign(fitted, { x: state.x, y: state.y })
  }
  return fitted
}

export function readWindowState(dataDir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dataDir, windowStateFileName), 'utf8')) as unknown
  } catch {
    // No file yet, or one that does not parse: the default window.
    return null
  }
}

/** Written whole to a temporary file, then renamed over the old one: never half a file. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = join(dataDir, windowStateFileName)
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify(state) + '\n')
  renameSync(temporary, file)
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>

/**
 * Saves the window's state when it closes (synchronously: the app quits right after). The normal
 * bounds are kept for a maximised or full-screen window, so that un-maximising after the next
 * start gives back the size the person chose.
 */
export function rememberWindowState(window: TrackedWindow, save: (state: WindowState) => void): void {
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    try {
      save({ ...bounds, maximized: window.isMaximized() })
    } catch (error) {
      // A read-only data folder costs the window's place, nothing else.
      console.error('Scholia: the window state could not be saved:', error)
    }
  })
}
