/** Starts `childHost.ts` as a real child process and talks to it over its WebSocket; can SIGKILL it. */
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './cli';
import { openSocket, type TestSocket } from './wsClient';
import type { ChildHostConfig } from './childHost';

export interface ChildHost {
  readonly pid: number;
  socket: TestSocket;
  /** Calls a request; a refusal throws with the host's message. */
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
  setClockOffset(ms: number): void;
  /** SIGKILL: no cleanup, no flush, the lock file stays behind. Answers the signal the process died of. */
  kill(): Promise<NodeJS.Signals | null>;
  /** SIGTERM: the host closes cleanly. */
  stop(): Promise<void>;
}

export function stubRendererDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>ShelfSync</title>');
  return dir;
}

let bundled: string | null = null;

/**
 * childHost.ts and the host it starts, bundled once per test process into one plain ES module (packages
 * stay external, so the same node_modules load): a child then starts in about half the time tsx takes,
 * which matters to scenarios that kill and restart it many times.
 */
function childHostScript(): string {
  if (bundled) return bundled;
  const outfile = path.join(projectRoot, '.tmp', 'child-host', `host-${process.pid}.mjs`);
  buildSync({
    entryPoints: [path.join(projectRoot, 'test/support/childHost.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  process.once('exit', () => fs.rmSync(outfile, { force: true }));
  return (bundled = outfile);
}

export async function spawnChildHost(config: ChildHostConfig): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--enable-source-maps', childHostScript(), JSON.stringify(config)], {
    cwd: projectRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        child.stdout?.off('data', onData);
        resolve((JSON.parse(line) as { wsUrl: string }).wsUrl);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the child host exited (${code}) before serving: ${stderr.slice(0, 2000)}`)));
  });
  const socket = await openSocket(wsUrl);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const diedOf = await exited;
    socket.close();
    return diedOf;
  };
  return {
    pid: child.pid ?? 0,
    socket,
    async call<T>(name: string, input: unknown = {}) {
      const result = await socket.call(name, input);
      if (!result.ok) throw new Error(`${name} refused: ${result.error.message}`);
      return result.value as T;
    },
    setClockOffset(ms) {
      child.stdin?.write(JSON.stringify({ clockOffsetMs: ms }) + '\n');
    },
    kill: () => end('SIGKILL'),
    stop: async () => void (await end('SIGTERM')),
  };
}

