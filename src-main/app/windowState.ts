/** The window's size and position, kept in the data folder between runs (no Electron here). */
import fs from 'node:fs';
import path from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
  maximized: boolean;
}

const fileOf = (dataDir: string) => path.join(dataDir, 'window.json');
export const defaultBounds: Bounds = { x: -1, y: -1, width: 1200, height: 800, maximized: false };

/** The saved bounds, or the defaults when none are saved or they are not sane. */
export function loadBounds(dataDir: string): Bounds {
  try {
    const saved = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as Partial<Bounds>;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (ok(saved.x) && ok(saved.y) && ok(saved.width) && ok(saved.height) && saved.width >= 400 && saved.height >= 300) {
      return { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized === true };
    }
  } catch {
    // No saved window yet, or an unreadable file: start with the defaults.
  }
  return { ...defaultBounds };
}

export function saveBounds(dataDir: string, bounds: Bounds): void {
  fs.writeFileSync(fileOf(dataDir), JSON.stringify(bounds));
}
