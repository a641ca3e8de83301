/**
 * React and the app frame, loaded by the page's first script (`main.tsx`). When Inventory is the first
 * screen, its first page (asked for by the first script, usually here already) goes into its store
 * before the first render, so that render shows the rows; the frame waits for it at most `primeWaitMs`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { firstScreenId } from './boot';
import { useInventory } from '../inventory/store';

export const primeWaitMs = 150;

async function mount(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  if (firstScreenId() === 'inventory') {
    await Promise.race([useInventory.getState().prime(), new Promise((resolve) => setTimeout(resolve, primeWaitMs))]);
  }
  performance.mark('shelfsync:frame');
  createRoot(root).render(<StrictMode><App /></StrictMode>);
}

void mount();
