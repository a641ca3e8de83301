/**
 * Code that loads when it is first shown: a lazy component (shown inside a Suspense) and `load`, which
 * fetches the same chunk ahead of time (the app does so for every such part once the first screen is up).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Later<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  load: () => Promise<unknown>;
}

const all: (() => Promise<unknown>)[] = [];

export function later<P extends object>(load: () => Promise<ComponentType<P>>): Later<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const once = () => (loading ??= load());
  all.push(once);
  return { Component: lazy(() => once().then((component) => ({ default: component }))), load: once };
}

/** Fetches the code of every part made with `later` (in the background, after the first screen painted). */
export function preloadLater(): void {
  for (const load of all) void load();
}
