/**
 * The built screens as the headless server sends them. The page (`index.html`) is read from disk on
 * every request and never cached: it is tiny, and a rebuild changes it. Everything under `assets/` is
 * named by the build after a hash of its content, so each file is read once, kept in memory with its
 * gzip and brotli forms (made once), and sent with a year-long immutable cache: a reload asks the
 * server for the page alone, and the browser keeps the compiled code of the scripts it has cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export interface StaticBody {
  body: Buffer;
  /** `br`, `gzip`, or none: what `body` is encoded with. */
  encoding: 'br' | 'gzip' | null;
  /** True for content-hashed build output (`assets/…`), which may be cached for good. */
  immutable: boolean;
}

interface Kept {
  plain: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
}

/** Below this size compressing costs more than it saves. */
const compressFrom = 1024;
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json']);

export function staticFiles(rendererDir: string): (file: string, acceptEncoding: string | undefined, done: (found: StaticBody | null) => void) => void {
  const assetsDir = path.join(rendererDir, 'assets') + path.sep;
  const kept = new Map<string, Promise<Kept | null>>();
  const keep = (file: string) => {
    let entry = kept.get(file);
    if (!entry) {
      entry = fs.promises.readFile(file).then(compressed(file)).catch(() => null);
      kept.set(file, entry);
      // A file that was missing may appear with the next build: only what was found is kept.
      void entry.then((found) => (found ? undefined : kept.delete(file)));
    }
    return entry;
  };
  return (file, acceptEncoding, done) => {
    if (!file.startsWith(assetsDir)) {
      fs.readFile(file, (error, body) => done(error ? null : { body, encoding: null, immutable: false }));
      return;
    }
    void keep(file).then((found) => done(found ? pick(found, acceptEncoding) : null));
  };
}

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Compressed once, off the event loop (zlib's thread pool), so the host keeps answering meanwhile. */
function compressed(file: string): (plain: Buffer) => Promise<Kept> {
  return async (plain) => {
    if (plain.length < compressFrom || !compressible.has(path.extname(file))) return { plain, gzip: null, br: null };
    const [gz, br] = await Promise.all([
      gzip(plain, { level: 6 }),
      brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
    ]);
    return { plain, gzip: gz, br };
  };
}

/** The smallest form the browser said it reads (`Accept-Encoding`), else the plain file. */
function pick(kept: Kept, acceptEncoding: string | undefined): StaticBody {
  const accepted = new Set((acceptEncoding ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase()));
  if (kept.br && accepted.has('br')) return { body: kept.br, encoding: 'br', immutable: true };
  if (kept.gzip && accepted.has('gzip')) return { body: kept.gzip, encoding: 'gzip', immutable: true };
  return { body: kept.plain, encoding: null, immutable: true };
}
