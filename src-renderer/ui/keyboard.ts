/**
 * Keyboard first, app-wide: arrow keys (and Home/End) move between the rows of any list, ArrowDown in a
 * list's search box goes to its first row, Escape (no dialog open) closes the open record through its
 * [data-close] button; function keys stand for Post, Receive, Count and New (shown in button titles).
 */
import { useEffect, useRef } from 'react';

function rowsOf(row: HTMLElement): HTMLElement[] {
  const body = row.closest('tbody, [role=rowgroup], [role=grid], [role=listbox]');
  return body ? [...body.querySelectorAll<HTMLElement>('tr[tabindex], [role=row][tabindex]')] : [row];
}

function moveInList(event: KeyboardEvent, target: HTMLElement): boolean {
  const row = target.closest<HTMLElement>('tr[tabindex], [role=row][tabindex]');
  if (!row || row !== target) return false;
  const rows = rowsOf(row);
  const at = rows.indexOf(row);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[event.key];
  if (next === undefined) return false;
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
  return true;
}

function searchToList(event: KeyboardEvent, target: HTMLElement): boolean {
  if (event.key !== 'ArrowDown' || !(target instanceof HTMLInputElement) || target.type !== 'search') return false;
  const first = target.closest('section, main')?.querySelector<HTMLElement>('table.rows tr[tabindex], [role=grid] [role=row][tabindex]');
  first?.focus();
  return first !== undefined && first !== null;
}

function closeOpen(event: KeyboardEvent, target: HTMLElement): boolean {
  if (event.key !== 'Escape' || document.querySelector('dialog[open]')) return false;
  const scope = target.closest('.detail') ?? document.querySelector('main .detail');
  const close = scope?.querySelector<HTMLElement>('[data-close]');
  if (!close) return false;
  close.click();
  return true;
}

export function useListKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      if (moveInList(event, target) || searchToList(event, target) || closeOpen(event, target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The keys, named once so every title and handler agrees. */
export const shortcuts = { new: 'F2', count: 'F4', post: 'F8', receive: 'F9' } as const;

/** Runs `action` when `key` is pressed anywhere (no dialog open), while `enabled`. */
export function useShortcut(key: string, action: () => void, enabled = true): void {
  const run = useRef(action);
  run.current = action;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== key || event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      run.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [key, enabled]);
}
