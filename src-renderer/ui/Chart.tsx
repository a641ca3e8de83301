/**
 * What every chart shares: a legend, an SVG with a labelled value axis and a time axis, and one
 * tooltip that a mark shows on hover or keyboard focus (each mark is a focusable image with the same
 * words as its label, so a screen reader and the Tab key reach every point). The Sync screen's run
 * chart and an item's stock chart draw their marks inside it.
 */
import { useState, type ReactNode } from 'react';
import './chart.css';

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LegendEntry {
  label: string;
  color: string;
  /** A line rather than a swatch. */
  line?: boolean;
}

/** The tooltip's state, and the props that make an SVG group a mark that shows its words there. */
export function useChartTip() {
  const [tip, setTip] = useState<string | null>(null);
  const mark = (words: string) => ({
    tabIndex: 0,
    role: 'img',
    'aria-label': words,
    onMouseEnter: () => setTip(words),
    onMouseLeave: () => setTip(null),
    onFocus: () => setTip(words),
    onBlur: () => setTip(null),
  });
  return { tip, mark };
}

export function ChartFrame(props: {
  className: string;
  label: string;
  plot: Plot;
  /** Value axis: the labels at the top and at the bottom, and what it counts. */
  yTop: string;
  yBottom: string;
  yTitle: string;
  /** Time axis: the labels at its ends, and what runs along it. */
  xStart: string;
  xEnd: string;
  xTitle: string;
  legend: readonly LegendEntry[];
  tip: string | null;
  /** Scale to the width of the page (a viewBox) rather than keep pixel size and scroll. */
  fluid?: boolean;
  children: ReactNode;
}) {
  const { plot } = props;
  const width = plot.left + plot.width + 8;
  const height = plot.top + plot.height + 34;
  const base = plot.top + plot.height;
  const size = props.fluid ? { viewBox: `0 0 ${width} ${height}`, width: '100%', preserveAspectRatio: 'xMinYMin meet' } : { width, height };
  return (
    <figure className={`chart ${props.className}`}>
      <div className="chart-legend" aria-hidden="true">
        {props.legend.map((l) => <span key={l.label}><i className={l.line ? 'line' : undefined} style={{ background: l.color }} />{l.label}</span>)}
      </div>
      <svg {...size} role="img" aria-label={props.label}>
        <text x={plot.left - 8} y={plot.top + 4} className="axis" textAnchor="end">{props.yTop}</text>
        <text x={plot.left - 8} y={base} className="axis" textAnchor="end">{props.yBottom}</text>
        <text x={12} y={plot.top + plot.height / 2} className="axis" transform={`rotate(-90 12 ${plot.top + plot.height / 2})`} textAnchor="middle">{props.yTitle}</text>
        <line x1={plot.left - 4} x2={plot.left + plot.width} y1={base} y2={base} stroke="#aab4ba" />
        <line x1={plot.left - 4} x2={plot.left - 4} y1={plot.top} y2={base} stroke="#aab4ba" />
        {props.children}
        <text x={plot.left} y={base + 16} className="axis">{props.xStart}</text>
        <text x={plot.left + plot.width} y={base + 16} className="axis" textAnchor="end">{props.xEnd}</text>
        <text x={plot.left + plot.width / 2} y={base + 30} className="axis" textAnchor="middle">{props.xTitle}</text>
      </svg>
      {props.tip && <figcaption role="tooltip" className="chart-tip">{props.tip}</figcaption>}
    </figure>
  );
}
