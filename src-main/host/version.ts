/** The app version, read once from package.json so every surface reports the same number. */
import pkg from '../../package.json' with { type: 'json' };

export const appVersion: string = pkg.version;
