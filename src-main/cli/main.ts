/**
 * The `shelfsync` command line: `call`, `requests`, `serve`, `sandbox` (also `practice`), `connect`, `status`.
 * Prints JSON on stdout; errors as JSON on stderr with exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createHost, defaultDataDir, launchPracticeCompany, readLockOwner, type Host } from '../host';
import type { ConnectionStatus } from '../../src-shared/ipc';
import { startHeadless } from '../headless';
import { parseArgs, portFlag, UsageError } from './args';
import { callOverWebSocket } from './wsClient';
import { describeContract } from './describe';

const usage = `Usage: shelfsync <command> [options]

  call <request> ['<json input>']   Call one request of the contract; prints its result as JSON.
  requests                          Print every request and event with its JSON Schema.
  serve [--port N]                  Run the headless host: the app in your browser at the printed URL
                                    (with no QuickBooks connected, it starts the practice company).
  connect [--sandbox URL] [--no-browser]
                                    Connect a QuickBooks company: prints the sign-in URL, waits for the
                                    browser to come back, prints the company.
  status                            Print the QuickBooks connection (and sync) state.
  sandbox [--port N] [--data DIR] [--seed N] [--size tiny|demo|large] [--plan PLAN] [--auto-consent]
                                    Run the practice company (a QuickBooks Online stand-in);
                                    \`practice\` is another name for it.

Every command takes --data DIR (or SHELFSYNC_DATA) to choose the data folder.`;

const projectRoot = path.resolve(import.meta.dirname, '../..');
export const rendererDir = path.join(projectRoot, 'out', 'renderer');

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'call':
      return call(rest);
    case 'requests':
      parseArgs(rest, ['data']);
      printJson(describeContract());
      return 0;
    case 'serve':
      return serve(rest);
    case 'connect':
      return connect(rest);
    case 'status':
      return status(rest);
    case 'sandbox':
    case 'practice': {
      const { runPracticeCli } = await import('../sandbox');
      await runPracticeCli([...rest]);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return 0;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

function dataDirOf(flags: Map<string, string | true>): string {
  const data = flags.get('data');
  return typeof data === 'string' ? path.resolve(data) : defaultDataDir();
}

async function call(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['data']);
  const [name, json] = args.positionals;
  if (!name) throw new UsageError('call needs a request name, e.g. shelfsync call app.info');
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      return fail({ code: 'invalid_input', message: 'The input is not valid JSON.' });
    }
  }
  const dataDir = dataDirOf(args.flags);
  const owner = fs.existsSync(dataDir) ? readLockOwner(dataDir) : null;
  let result;
  if (owner?.endpoint) {
    result = await callOverWebSocket(owner.endpoint, name, input);
  } else {
    const host = createHost({ dataDir });
    try {
      result = await host.invoke(name, input);
    } finally {
      await host.close();
    }
  }
  if (!result.ok) return fail(result.error);
  printJson(result.value);
  return 0;
}

async function serve(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'port']);
  const port = portFlag(args);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return fail({ code: 'refused', message: 'The screens are not built yet: run `npm run build` first (npm start does it for you).' });
  }
  const host: Host = createHost({ dataDir: dataDirOf(args.flags), practice: launchPracticeCompany, openExternal: openInBrowser, autoSync: true });
  logProcessFailures(host);
  const server = await startHeadless(host, { rendererDir, ...(port === undefined ? {} : { port }) });
  host.advertise(server.wsUrl);
  // Practice mode: with no QuickBooks connected, a new user gets a working company at once.
  const connection = await host.connection.startPractice().catch((error: unknown) => ({
    state: 'disconnected',
    message: `The practice company did not start: ${error instanceof Error ? error.message : String(error)}`,
  }));
  printJson({ url: server.url, dataDir: host.dataDir, connection: { state: connection.state, message: connection.message } });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  await host.close();
  return 0;
}

/**
 * Last resort for the long-running `serve`: a promise nobody awaited that failed is written to the error
 * log and the host goes on; an exception nobody caught is written there before the process ends.
 */
function logProcessFailures(host: Host): void {
  process.on('unhandledRejection', (reason) => {
    host.unexpected(reason, 'running an operation nobody awaited');
  });
  process.on('uncaughtException', (error) => {
    const answer = host.unexpected(error, 'running the host (the process stops)');
    console.error(JSON.stringify(answer.error));
    process.exit(1);
  });
}

/** `connect`: runs the browser sign-in in-process and prints the connected company. */
async function connect(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['data', 'sandbox'], ['no-browser']);
  const sandbox = args.flags.get('sandbox');
  const dataDir = dataDirOf(args.flags);
  if (fs.existsSync(dataDir) && readLockOwner(dataDir)) {
    return fail({ code: 'busy', message: 'ShelfSync is running on this data folder: connect from Settings → Connection there, or stop it first.' });
  }
  const host = createHost({ dataDir, ...(args.flags.has('no-browser') ? {} : { openExternal: openInBrowser }) });
  try {
    const started = await host.connection
      .connect(typeof sandbox === 'string' ? { sandboxUrl: sandbox } : {}, (url) => {
        console.error(`Open this address to sign in to QuickBooks (waiting for the browser to come back):\n${url}`);
      })
      .catch((error: unknown) => error);
    if (started instanceof Error) return fail({ code: 'refused', message: started.message });
    const done: ConnectionStatus = await host.connection.settled();
    if (done.state !== 'connected' && done.state !== 'practice') return fail({ code: 'refused', message: done.message });
    printJson({ companyName: done.companyName, realmId: done.realmId, state: done.state, tokenStore: done.tokenStore });
    return 0;
  } finally {
    await host.close();
  }
}

/** `status`: the connection (and sync, once the sync engine answers) as JSON. */
async function status(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['data']);
  const dataDir = dataDirOf(args.flags);
  const owner = fs.existsSync(dataDir) ? readLockOwner(dataDir) : null;
  const ask = async (name: string) => {
    if (owner?.endpoint) return callOverWebSocket(owner.endpoint, name, {});
    return null;
  };
  let connection = await ask('connection.status');
  let sync = await ask('sync.status');
  if (!owner?.endpoint) {
    const host = createHost({ dataDir });
    try {
      connection = await host.invoke('connection.status', {});
      sync = await host.invoke('sync.status', {});
    } finally {
      await host.close();
    }
  }
  if (!connection?.ok) return fail(connection?.error ?? { code: 'internal', message: 'No answer.' });
  printJson({ connection: connection.value, sync: sync?.ok ? sync.value : null });
  return 0;
}

/** Opens the system browser where there is one; the URL is printed too, so failing here is fine. */
function openInBrowser(url: string): Promise<void> {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return new Promise((resolve) => {
    try {
      const child = spawn(command, [url], { stdio: 'ignore', detached: true });
      child.on('error', () => resolve());
      child.unref();
      resolve();
    } catch {
      resolve();
    }
  });
}

function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

function fail(error: { code: string; message: string; field?: string }): number {
  console.error(JSON.stringify(error));
  return 1;
}

function runFromCommandLine(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof UsageError ? 'usage' : 'refused';
      console.error(JSON.stringify({ code, message }));
      if (error instanceof UsageError) console.error(usage);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) runFromCommandLine();
