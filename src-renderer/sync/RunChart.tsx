/**
 * Recent runs as stacked bars: created, updated and failed records per run, oldest on the left, with a
 * labelled count axis, a legend, and a tooltip (hover or keyboard focus) giving the run's numbers.
 */
import { useState } from 'react';
import type { SyncRun } from '../../src-shared/ipc';

const parts = [
  { key: 'created', label: 'Created', color: '#2f5670' },
  { key: 'updated', label: 'Updated', color: '#6fa8c9' },
  { key: 'failed', label: 'Failed', color: '#b3261e' },
] as const;

type Part = (typeof parts)[number]['key'];

function sums(run: SyncRun): Record<Part, number> {
  const out = { created: 0, updated: 0, failed: 0 };
  for (const c of Object.values(run.counts)) {
    out.created += c.created;
    out.updated += c.updated;
    out.failed += c.failed;
  }
  // A run that failed as a whole counts its run-wide error too.
  out.failed = Math.max(out.failed, run.errorCount);
  return out;
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function RunChart({ runs }: { runs: SyncRun[] }) {
  const [shown, setShown] = useState<number | null>(null);
  const recent = [...runs].slice(0, 30).reverse();
  if (recent.length === 0) return <p className="hint">No runs yet.</p>;
  const numbers = recent.map(sums);
  const max = Math.max(1, ...numbers.map((n) => n.created + n.updated + n.failed));
  const plot = { left: 44, top: 8, height: 120, bar: 16, gap: 6 };
  // Wide enough for the axis labels even with one run.
  const width = Math.max(420, plot.left + recent.length * (plot.bar + plot.gap) + 8);
  const y = (value: number) => plot.top + plot.height - (value / max) * plot.height;
  const tip = shown !== null ? { run: recent[shown], n: numbers[shown] } : null;
  return (
    <figure className="run-chart">
      <div className="run-chart-legend" aria-hidden="true">
        {parts.map((p) => <span key={p.key}><i style={{ background: p.color }} />{p.label}</span>)}
      </div>
      <svg width={width} height={plot.top + plot.height + 34} role="img" aria-label="Records created, updated and failed per sync run">
        <text x={4} y={plot.top + 4} className="axis">{max}</text>
        <text x={4} y={plot.top + plot.height} className="axis">0</text>
        <text x={12} y={plot.top + plot.height / 2} className="axis" transform={`rotate(-90 12 ${plot.top + plot.height / 2})`} textAnchor="middle">records</text>
        <line x1={plot.left - 4} x2={width} y1={y(0)} y2={y(0)} stroke="#aab4ba" />
        <line x1={plot.left - 4} x2={plot.left - 4} y1={plot.top} y2={y(0)} stroke="#aab4ba" />
        {recent.map((run, i) => {
          const x = plot.left + i * (plot.bar + plot.gap);
          let base = 0;
          const n = numbers[i] ?? { created: 0, updated: 0, failed: 0 };
          return (
            <g key={run.id} tabIndex={0} role="img" aria-label={`Run of ${when(run.startedAt)}: ${n.created} created, ${n.updated} updated, ${n.failed} failed`}
              onMouseEnter={() => setShown(i)} onMouseLeave={() => setShown(null)} onFocus={() => setShown(i)} onBlur={() => setShown(null)}>
              <rect x={x} y={plot.top} width={plot.bar} height={plot.height} fill="transparent" />
              {parts.map((p) => {
                const value = n[p.key];
                const top = y(base + value);
                const rect = value > 0 ? <rect key={p.key} x={x} y={top} width={plot.bar} height={Math.max(1, y(base) - top)} fill={p.color} /> : null;
                base += value;
                return rect;
              })}
            </g>
          );
        })}
        <text x={plot.left} y={plot.top + plot.height + 16} className="axis">{when(recent[0]?.startedAt ?? '')}</text>
        <text x={width - 8} y={plot.top + plot.height + 16} className="axis" textAnchor="end">{when(recent.at(-1)?.startedAt ?? '')}</text>
        <text x={(plot.left + width) / 2} y={plot.top + plot.height + 30} className="axis" textAnchor="middle">sync runs, oldest to newest</text>
      </svg>
      {tip?.run && tip.n && (
        <figcaption role="tooltip" className="run-chart-tip">
          {when(tip.run.startedAt)}: {tip.n.created} created, {tip.n.updated} updated, {tip.n.failed} failed
        </figcaption>
      )}
    </figure>
  );
}
