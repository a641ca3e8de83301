/** QuickBooks calls today and this month beside Intuit's monthly allowance of read calls. */
import type { ApiCalls } from '../../src-shared/ipc';

const n = (v: number) => v.toLocaleString();

export function ReadBudget({ calls }: { calls: ApiCalls | undefined }) {
  if (!calls) return null;
  return (
    <div aria-label="QuickBooks calls">
      <p className="hint">
        QuickBooks read calls today: {n(calls.readsToday)} · this month: {n(calls.readsThisMonth)} of {n(calls.monthlyReadAllowance)}
        {' '}(pace: about {n(calls.projectedReadsThisMonth)}) · changes sent this month: {n(calls.writesThisMonth)}
      </p>
      {calls.warning && <p className="warning" role="alert">{calls.warning}</p>}
    </div>
  );
}
