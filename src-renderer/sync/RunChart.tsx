/** A small bar chart of recent runs: bar height is records handled, red share the errors. */
import type { SyncRun } from '../../src-shared/ipc';

export function RunChart({ runs }: { runs: SyncRun[] }) {
  const recent = [...runs].slice(0, 30).reverse();
  if (recent.length === 0) return <p className="hint">No runs yet.</p>;
  const handled = recent.map((r) => Object.values(r.counts).reduce((n, c) => n + c.created + c.updated + c.skipped + c.failed, 0));
  const max = Math.max(1, ...handled);
  const width = 12;
  return (
    <svg className="run-chart" width={recent.length * (width + 4)} height={64} role="img" aria-label="Runs and errors over time">
      {recent.map((run, i) => {
        const h = Math.max(2, ((handled[i] ?? 0) / max) * 56);
        const errorH = run.errorCount > 0 ? Math.max(3, Math.min(h, (run.errorCount / max) * 56)) : 0;
        return (
          <g key={run.id}>
            <title>{`${new Date(run.startedAt).toLocaleString()}: ${handled[i] ?? 0} records, ${run.errorCount} errors`}</title>
            <rect x={i * (width + 4)} y={64 - h} width={width} height={h} fill={run.status === 'failed' ? '#b3261e' : '#2f5670'} />
            {errorH > 0 && <rect x={i * (width + 4)} y={64 - errorH} width={width} height={errorH} fill="#d9822b" />}
          </g>
        );
      })}
    </svg>
  );
}
