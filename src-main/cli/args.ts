/**
 * The command line's flags, read with Node's `util.parseArgs`: `--name value`, `--name=value`, `--flag`
 * and positionals. Strict in our own words: an unknown option, a value flag without its value, or `--`
 * is a usage error; anything not starting with `--` (a JSON input such as `-5` too) is a positional.
 */
import { parseArgs as parseNodeArgs } from 'node:util';

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseArgs(argv: readonly string[], valueFlags: readonly string[], boolFlags: readonly string[] = []): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of valueFlags) options[name] = { type: 'string' };
  for (const name of boolFlags) options[name] = { type: 'boolean' };
  // Not Node's strict mode: its messages are not ours, and it would take `-5` for a short option.
  const { tokens } = parseNodeArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  let shortAt = -1;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') throw new UsageError('Unknown option --.');
    if (token.kind === 'positional') positionals.push(token.value);
    else if (!token.rawName.startsWith('--')) {
      // `-abc` comes back as three short options at one index: it is one positional.
      if (token.index !== shortAt) positionals.push(argv[token.index] as string);
      shortAt = token.index;
    } else if (boolFlags.includes(token.name)) flags.set(token.name, true);
    else if (valueFlags.includes(token.name)) {
      if (token.value === undefined) throw new UsageError(`--${token.name} needs a value.`);
      flags.set(token.name, token.value);
    } else throw new UsageError(`Unknown option --${token.name}.`);
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
