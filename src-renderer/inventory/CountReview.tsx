/** The differences a count will post, and afterwards the report of what it posted. */
import { when } from '../ui/format';
import { useCount } from './countStore';

const signed = (q: string) => (q.startsWith('-') ? q : `+${q}`);

export function CountReview() {
  const c = useCount();
  const review = c.review;
  if (!review) return null;
  return (
    <div className="review" aria-label="Differences before posting">
      <h3>Before posting</h3>
      <p>
        {review.counted} of {review.total} items counted; {review.differences.length === 0 ? 'no differences.' : `${review.differences.length} differ from what was expected.`}
        {review.counted < review.total && ' Items not counted are left as they are.'}
      </p>
      {review.partial.length > 0 && (
        <div className="warning" role="note" aria-label="Counted in some of their bins only">
          <p>Counted in some of their bins only, so the count is the sum of those bins and may be short:</p>
          <ul>{review.partial.map((p) => <li key={p.itemId}>{p.itemName}: not counted in {p.uncountedBins.join(', ')}</li>)}</ul>
        </div>
      )}
      {review.differences.length > 0 && (
        <table aria-label="Differences">
          <thead><tr><th>Item</th><th className="num">Expected</th><th className="num">Counted</th><th className="num">Difference</th></tr></thead>
          <tbody>
            {review.differences.map((d) => (
              <tr key={d.itemId}><td>{d.itemName}</td><td className="num">{d.expected}</td><td className="num">{d.counted}</td><td className="num">{signed(d.difference)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions toolbar">
        <button type="button" disabled={c.busy !== null || review.counted === 0} onClick={() => void c.post()}>{c.busy ?? 'Post count'}</button>
        <button type="button" className="secondary" onClick={c.closeReview}>Back to counting</button>
      </div>
    </div>
  );
}

export function CountReport() {
  const c = useCount();
  const report = c.report;
  if (!report) return null;
  return (
    <section className="panel count" aria-label="Count report">
      <h2>Count posted: {report.count.siteName}</h2>
      <p role="status">
        Posted {when(report.count.postedAt)} by {report.count.postedBy}. {report.count.countedCount} items counted,{' '}
        {report.differences.length === 0 ? 'no differences.' : `${report.differences.length} stock changes written.`}
      </p>
      {report.differences.length > 0 && (
        <table aria-label="Posted differences">
          <thead><tr><th>Item</th><th className="num">Expected</th><th className="num">Counted</th><th className="num">Change</th></tr></thead>
          <tbody>
            {report.differences.map((d) => (
              <tr key={d.itemId}><td>{d.itemName}</td><td className="num">{d.expected}</td><td className="num">{d.counted}</td><td className="num">{signed(d.difference)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions toolbar"><button type="button" onClick={c.finish}>Done</button></div>
    </section>
  );
}
