/**
 * "Nothing is cut off", measured in the page: no element's right edge passes the box that clips or
 * scrolls it, no panel scrolls sideways, and no cell's text is wider than the cell, unless the text is
 * deliberately truncated with an ellipsis and its full text is on hover (a title).
 */
import type { Page } from 'playwright-core';

/** Every place on the page where something is cut off or needs a sideways scroll, as readable lines. */
export function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${label}"`;
    };
    const panels = 'dialog, td, th, fieldset, .panel, .detail, .list-pane, .item-list, .master > *, .split > *';
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible';
    // A truncation the clerk can read on hover is fine; its contents are not measured again.
    const truncatedWithTitle = (el: Element, style: CSSStyleDeclaration) =>
      style.textOverflow === 'ellipsis' && Boolean(el.closest('[title]')?.getAttribute('title'));
    const formControl = (el: Element) => ['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName);
    // With a dialog open only the dialog is measured: the screen behind it was measured before.
    const dialogs = Array.from(document.querySelectorAll('dialog[open]'));
    const scope = dialogs.length > 0 ? dialogs : [document.querySelector('.app')].filter((x): x is Element => x !== null);
    const pastEdge = new Set<Element>();
    const seen = new Set<Element>();
    for (const root of scope) {
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue;
        if (el.closest('.sr-only') || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
        if (el.parentElement?.closest('[data-truncated]')) continue;
        if (truncatedWithTitle(el, style)) {
          el.setAttribute('data-truncated', '');
          continue;
        }
        const cellOrPanel = ['TD', 'TH', 'DD', 'DT', 'LABEL', 'LEGEND'].includes(el.tagName) || clips(style);
        if (cellOrPanel && !formControl(el) && el.scrollWidth > el.clientWidth + 1) {
          problems.push(`${name(el)} is ${el.scrollWidth}px wide inside ${el.clientWidth}px`);
        }
        // The nearest ancestor that clips or scrolls, or a panel whose neighbour would cover what passes
        // its edge (a list beside its open record); past the window's edge counts too.
        let box: Element | null = el.parentElement;
        while (box && !clips(getComputedStyle(box)) && !box.matches(panels)) box = box.parentElement;
        const edge = box ? box.getBoundingClientRect().left + box.clientLeft + box.clientWidth : window.innerWidth;
        const right = el.getBoundingClientRect().right;
        if (right > edge + 1) pastEdge.add(el);
        // Only the outermost of a run of elements past the same edge is worth a line.
        if (right > edge + 1 && !(el.parentElement && pastEdge.has(el.parentElement))) {
          problems.push(`${name(el)} ends at ${Math.round(right)}px, past ${box ? name(box) : 'the window'} at ${Math.round(edge)}px`);
        }
      }
    }
    // A list and its open record side by side: the one must end before the other begins.
    for (const el of Array.from(document.querySelectorAll('.master > *, .split > *'))) {
      const next = el.nextElementSibling;
      if (next && el.getBoundingClientRect().right > next.getBoundingClientRect().left + 1) problems.push(`${name(el)} runs under ${name(next)}`);
    }
    for (const el of Array.from(document.querySelectorAll('[data-truncated]'))) el.removeAttribute('data-truncated');
    return problems;
  });
}
