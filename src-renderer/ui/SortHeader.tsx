/** A column heading that sorts its list: click (or Enter) sorts by it, again turns the order round. */
import { toggleSort, useSorts, type Sorting } from './listSort';
import './sort.css';

export function SortHeader(props: {
  list: string;
  sort: string;
  label: string;
  fallback: Sorting;
  onSort: () => void;
  className?: string;
  as?: 'th' | 'span';
}) {
  const current = useSorts((s) => s.sorts[props.list]) ?? props.fallback;
  const active = current.sort === props.sort;
  const Tag = props.as ?? 'th';
  return (
    <Tag className={props.className} aria-sort={active ? (current.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="link sort"
        title={`Sort by ${props.label.toLowerCase()}`}
        onClick={() => {
          toggleSort(props.list, props.sort, props.fallback);
          props.onSort();
        }}
      >
        {props.label}
        {active ? (current.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </Tag>
  );
}
