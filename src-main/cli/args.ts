/** A small, strict flag parser: `--name value`, `--flag`, and positionals. Unknown flags are errors. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], valueFlags: readonly string[], boolFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (boolFlags.includes(name)) {
      flags.set(name, true);
    } else if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      flags.set(name, value);
    } else {
      throw new UsageError(`Unknown option --${name}.`);
    }
  }
  return { positionals, flags };
}

export function portFlag(args: ParsedArgs): number | undefined {
  const raw = args.flags.get('port');
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (raw === true || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError('--port takes a number from 0 to 65535 (0 picks a free port).');
  }
  return port;
}
