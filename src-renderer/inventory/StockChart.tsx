/**
 * An item's on hand over time (stock.history) as a step line: at one site or summed over all sites,
 * over the last 30 or 90 days, a year or since the first movement. Each point is a focusable mark whose
 * tooltip says what happened; the frame, axes, legend and tooltip are ui/Chart.tsx.
 */
import { useEffect, useState } from 'react';
import type { AppErrorData, MovementKind, StockHistory, StockHistoryPoint } from '../../src-shared/ipc';
import { api } from '../api/client';
import { newestOnly } from '../api/pagedList';
import { ChartFrame, useChartTip } from '../ui/Chart';

const periods = [
  { key: '30', label: '30 days', days: 30 },
  { key: '90', label: '90 days', days: 90 },
  { key: '365', label: 'Year', days: 365 },
  { key: 'all', label: 'All', days: null },
] as const;
type Period = (typeof periods)[number]['key'];

const kindWords: Record<MovementKind, string> = {
  receipt: 'Received',
  pick: 'Picked',
  adjustment: 'Adjusted',
  count: 'Counted',
  transfer: 'Transfer',
  import: 'Imported from QuickBooks',
};

const plot = { left: 52, top: 10, width: 400, height: 130 };
const newest = newestOnly();

/** The first day of the period (UTC, as the contract reads days), or none for all of it. */
function fromOf(period: Period): string | undefined {
  const days = periods.find((p) => p.key === period)?.days ?? null;
  return days === null ? undefined : new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

const dateWords = (ms: number) => new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
/** An axis end: the date, and the time too when the axis spans less than two days. */
const axisWords = (ms: number, span: number) =>
  span < 2 * 86_400_000 ? new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : dateWords(ms);
const timeOf = (p: StockHistoryPoint) => Date.parse(p.at.length === 10 ? `${p.at}T00:00:00.000Z` : p.at);
const signed = (qty: string) => (qty.startsWith('-') ? qty : `+${qty}`);

function pointWords(p: StockHistoryPoint, daily: boolean, unit: string): string {
  const at = daily ? dateWords(timeOf(p)) : new Date(p.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const what = p.kind && p.movements === 1 ? kindWords[p.kind] : p.kind === 'transfer' ? 'Transfer between sites' : `${p.movements} movements`;
  return `${at}: ${what}, ${signed(p.change)}; ${p.onHand}${unit} on hand${daily ? ' at the end of the day' : ''}`;
}

/**
 * Where the time axis starts: the period's first day, or, when the item had no stock before its first
 * movement in the period, a little before that movement (the empty stretch before it says nothing).
 */
function startOf(h: StockHistory, from: string | undefined, end: number): number {
  const first = h.points[0];
  const periodStart = from ? Date.parse(`${from}T00:00:00.000Z`) : (first ? timeOf(first) : end);
  if (!first || Number(h.opening) !== 0) return periodStart;
  const firstAt = timeOf(first);
  return Math.max(periodStart, firstAt - Math.max(60_000, (end - firstAt) / 20));
}

/** The step line's path and each point's place, from the opening balance to the end of the range. */
function layout(h: StockHistory, start: number, end: number) {
  const values = [Number(h.opening), ...h.points.map((p) => Number(p.onHand))];
  const top = Math.max(1, ...values);
  const bottom = Math.min(0, ...values);
  const span = Math.max(1, end - start);
  const x = (ms: number) => plot.left + ((Math.min(end, Math.max(start, ms)) - start) / span) * plot.width;
  const y = (value: number) => plot.top + plot.height - ((value - bottom) / (top - bottom)) * plot.height;
  let path = `M ${x(start)} ${y(Number(h.opening))}`;
  const marks = h.points.map((p) => {
    const px = x(timeOf(p));
    const py = y(Number(p.onHand));
    path += ` H ${px} V ${py}`;
    return { p, px, py };
  });
  path += ` H ${x(end)}`;
  return { path, marks, top, bottom };
}

function Chart(props: { history: StockHistory; start: number; end: number }) {
  const { history: h, start, end } = props;
  const { tip, mark } = useChartTip();
  const { path, marks, top, bottom } = layout(h, start, end);
  const unit = h.unit ? ` ${h.unit}` : '';
  const where = h.siteName ?? 'all sites';
  return (
    <ChartFrame
      className="stock-chart"
      fluid
      label={`On hand of ${h.itemName} at ${where} over time`}
      plot={plot}
      yTop={String(top)}
      yBottom={String(bottom)}
      yTitle="on hand"
      xStart={axisWords(start, end - start)}
      xEnd={axisWords(end, end - start)}
      xTitle={h.step === 'day' ? 'days (each point: the day’s closing stock)' : 'time (each point: one movement)'}
      legend={[{ label: `On hand, ${where}`, color: '#2f5670', line: true }, { label: h.step === 'day' ? 'A day with movements' : 'A movement', color: '#6fa8c9' }]}
      tip={tip}
    >
      {bottom < 0 && <line x1={plot.left} x2={plot.left + plot.width} y1={plot.top + plot.height - ((0 - bottom) / (top - bottom)) * plot.height} y2={plot.top + plot.height - ((0 - bottom) / (top - bottom)) * plot.height} stroke="#d5dadd" strokeDasharray="3 3" />}
      <path d={path} fill="none" stroke="#2f5670" strokeWidth={2} />
      {marks.map(({ p, px, py }, i) => (
        <g key={`${p.at}-${i}`} {...mark(pointWords(p, h.step === 'day', unit))}>
          <circle className="hit" cx={px} cy={py} r={7} fill="transparent" />
          <circle className="dot" cx={px} cy={py} r={3} fill="#6fa8c9" />
        </g>
      ))}
    </ChartFrame>
  );
}

export function StockChart(props: { itemId: string; sites: { siteId: string; siteName: string }[]; version: number }) {
  const [period, setPeriod] = useState<Period>('90');
  const [siteId, setSiteId] = useState('');
  const [history, setHistory] = useState<StockHistory | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    const from = fromOf(period);
    void newest(() => api.call('stock.history', { itemId: props.itemId, ...(siteId ? { siteId } : {}), ...(from ? { from } : {}) })).then((result) => {
      if (!result) return;
      setError(result.ok ? null : result.error);
      setHistory(result.ok ? result.value : null);
    });
  }, [props.itemId, props.version, period, siteId]);
  const end = Date.now();
  const start = history ? startOf(history, fromOf(period), end) : end;
  return (
    <section className="stock-history" aria-label="Stock over time">
      <h3>Stock over time</h3>
      <div className="toolbar">
        <div role="group" aria-label="Period" className="tabs">
          {periods.map((p) => (
            <button key={p.key} type="button" className="secondary small" aria-pressed={period === p.key} onClick={() => setPeriod(p.key)}>{p.label}</button>
          ))}
        </div>
        {props.sites.length > 1 && (
          <select aria-label="Chart site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">All sites</option>
            {props.sites.map((s) => <option key={s.siteId} value={s.siteId}>{s.siteName}</option>)}
          </select>
        )}
      </div>
      {error && <p role="alert" className="error">{error.message}</p>}
      {history && <Chart history={history} start={start} end={end} />}
      {history && history.points.length === 0 && <p className="hint">No stock moved in this period; on hand stayed {history.opening}.</p>}
    </section>
  );
}
