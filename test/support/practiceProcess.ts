/**
 * The practice company in a process of its own, started the way a person starts it
 * (`shelfsync sandbox --size … --seed …`, which prints one JSON line with its addresses and app keys).
 * A bench measuring the host's CPU or pace runs it this way, so the practice company answering does
 * not share the host's process or its event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './cli';

export interface PracticeProcess {
  baseUrl: string;
  adminUrl: string;
  clientId: string;
  clientSecret: string;
  realmId: string;
  pid: number;
  /** CPU the practice company's process has used so far, in milliseconds (user + system). */
  cpuMs(): number;
  close(): Promise<void>;
}

export async function startPracticeProcess(options: { size: string; seed: number }): Promise<PracticeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'src-main/cli/main.ts'), 'sandbox', '--size', options.size, '--seed', String(options.seed)],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const line = await firstLine(child);
  // Should it die while a bench runs, say so (the bench's next request then fails on its own).
  child.once('exit', (code, signal) => {
    if (!closing) process.stderr.write(`the practice company process exited early (${code ?? signal})\n`);
  });
  let closing = false;
  const info = JSON.parse(line) as Omit<PracticeProcess, 'pid' | 'cpuMs' | 'close'>;
  const pid = child.pid as number;
  return {
    ...info,
    pid,
    cpuMs: () => processCpuMs(pid),
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the practice company exited (${code}) before it started: ${err.slice(0, 500)}`)));
  });
}

/** utime + stime of a Linux process from /proc, in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
