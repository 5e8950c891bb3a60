// A small accessible bar chart in inline SVG: a title and a description for assistive technology,
// a <title> on each bar with its exact value, a few axis labels of at least 12 px on screen (the
// chart is drawn at about its own size), and a sentence ("No reviews yet") when it has no data.
import { useId } from 'react'

export interface Bar {
  label: string
  value: number
  /** Part of the value drawn in the second colour (e.g. answers "Again"). */
  part?: number
}

export function BarChart({
  title,
  description,
  bars,
  unit,
  maxValue,
  empty
}: {
  title: string
  description: string
  bars: Bar[]
  unit: string
  maxValue?: number
  /** Shown across the chart, and said after its description, when it has nothing to show. */
  empty: string | null
}) {
  const id = useId()
  // Its .chart box is never much narrower than this (study.css): 13 units stay 12 px or more.
  const width = 400
  const height = 180
  const left = 40
  const bottom = 24
  const top = 8
  const max = Math.max(1, maxValue ?? Math.max(...bars.map((bar) => bar.value)))
  const slot = (width - left) / Math.max(1, bars.length)
  const y = (value: number): number => top + (1 - value / max) * (height - top - bottom)
  const labelEvery = Math.ceil(bars.length / 6)
  const fraction = maxValue === 1
  const format = (value: number): string => (fraction ? `${Math.round(value * 100)}%` : String(value))
  // An empty chart keeps its baseline only: no scale to read where there is nothing to read.
  const ticks = empty ? [0] : fraction ? [0, 0.5, 1] : [...new Set([0, Math.round(max / 2), max])]
  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <desc id={`${id}-desc`}>{empty ? `${description} ${empty}.` : description}</desc>
        {ticks.map((value) => (
          <g key={value}>
            <line x1={left} x2={width} y1={y(value)} y2={y(value)} stroke="var(--rule)" />
            <text x={left - 4} y={y(value) + 3} textAnchor="end" className="chart-axis">
              {format(value)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const x = left + index * slot + slot * 0.15
          const barWidth = slot * 0.7
          return (
            <g key={bar.label}>
              <title>{`${bar.label}: ${format(bar.value)} ${unit}`}</title>
              <rect
                className="chart-bar"
                x={x}
                y={y(bar.value)}
                width={barWidth}
                height={y(0) - y(bar.value)}
                rx={2}
              />
              {bar.part ? (
                <rect
                  className="chart-bar-again"
                  x={x}
                  y={y(bar.part)}
                  width={barWidth}
                  height={y(0) - y(bar.part)}
                  rx={2}
                />
              ) : null}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" className="chart-axis">
                  {bar.label}
                </text>
              )}
            </g>
          )
        })}
        {empty && (
          <text
            x={left + (width - left) / 2}
            y={(height - bottom) / 2 + 5}
            textAnchor="middle"
            className="chart-empty"
          >
            {empty}
          </text>
        )}
      </svg>
    </figure>
  )
}
