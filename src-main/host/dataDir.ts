/** Where ShelfSync keeps its data when neither --data nor SHELFSYNC_DATA says otherwise. */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHELFSYNC_DATA) return path.resolve(env.SHELFSYNC_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ShelfSync');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'ShelfSync');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'ShelfSync');
}
