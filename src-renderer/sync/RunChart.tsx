/**
 * Recent runs as stacked bars: created, updated and failed records per run, oldest on the left, with a
 * labelled count axis, a legend, and a tooltip (hover or keyboard focus) giving the run's numbers
 * (the frame, axes and tooltip are ui/Chart.tsx).
 */
import type { SyncRun } from '../../src-shared/ipc';
import { ChartFrame, useChartTip } from '../ui/Chart';

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
  const { tip, mark } = useChartTip();
  const recent = [...runs].slice(0, 30).reverse();
  if (recent.length === 0) return <p className="hint">No runs yet.</p>;
  const numbers = recent.map(sums);
  const max = Math.max(1, ...numbers.map((n) => n.created + n.updated + n.failed));
  const bar = { width: 16, gap: 6 };
  // Wide enough for the axis labels even with one run.
  const plot = { left: 44, top: 8, height: 120, width: Math.max(368, recent.length * (bar.width + bar.gap)) };
  const y = (value: number) => plot.top + plot.height - (value / max) * plot.height;
  return (
    <ChartFrame
      className="run-chart"
      label="Records created, updated and failed per sync run"
      plot={plot}
      yTop={String(max)}
      yBottom="0"
      yTitle="records"
      xStart={when(recent[0]?.startedAt ?? '')}
      xEnd={when(recent.at(-1)?.startedAt ?? '')}
      xTitle="sync runs, oldest to newest"
      legend={parts}
      tip={tip}
    >
      {recent.map((run, i) => {
        const x = plot.left + i * (bar.width + bar.gap);
        let base = 0;
        const n = numbers[i] ?? { created: 0, updated: 0, failed: 0 };
        return (
          <g key={run.id} {...mark(`Run of ${when(run.startedAt)}: ${n.created} created, ${n.updated} updated, ${n.failed} failed`)}>
            <rect className="hit" x={x} y={plot.top} width={bar.width} height={plot.height} fill="transparent" />
            {parts.map((p) => {
              const value = n[p.key];
              const top = y(base + value);
              const rect = value > 0 ? <rect key={p.key} x={x} y={top} width={bar.width} height={Math.max(1, y(base) - top)} fill={p.color} /> : null;
              base += value;
              return rect;
            })}
          </g>
        );
      })}
    </ChartFrame>
  );
}
