// Command-line options for the `gcs` commands that talk to one vehicle: a tiny declarative parser
// (`--name value`, `--name=value`, flags, positionals) whose every complaint is one line a person
// can fix. Bad arguments exit 2, always, before any link is opened.
export class UsageError extends Error {}

export type OptionKind = 'string' | 'flag' | { int: [number, number] } | { number: [number, number] };

export interface ParsedOptions {
  values: Record<string, string | number | boolean | undefined>;
  positionals: string[];
}

export function parseOptions(argv: readonly string[], spec: Record<string, OptionKind>): ParsedOptions | 'help' {
  const values: ParsedOptions['values'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    // A negative number ("goto -33.9 151.2 50") is a value, not an option.
    if (!arg.startsWith('--') || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const kind = spec[name];
    if (kind === undefined) throw new UsageError(`unknown option "${arg}"`);
    if (kind === 'flag') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
      values[name] = true;
      continue;
    }
    let v: string | undefined;
    if (eq > 0) v = arg.slice(eq + 1);
    else {
      v = argv[++i];
      if (v === undefined || (v.startsWith('--') && !/^-\d/.test(v))) throw new UsageError(`${name} needs a value`);
    }
    if (kind === 'string') {
      if (v.trim() === '') throw new UsageError(`${name} needs a value`);
      values[name] = v;
    } else if ('int' in kind) {
      const [min, max] = kind.int;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`${name}: "${v}" must be a whole number from ${min} to ${max}`);
      values[name] = n;
    } else {
      const [min, max] = kind.number;
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name}: "${v}" must be a number from ${min} to ${max}`);
      values[name] = n;
    }
  }
  return { values, positionals };
}

/** A number given as a positional argument ("takeoff 30"). */
export function positionalNumber(text: string | undefined, what: string, min: number, max: number): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${what}: ${text === undefined ? 'missing' : `"${text}"`} must be a number from ${min} to ${max}`);
  }
  return n;
}

export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'userMessage' in err) {
    const m = (err as { userMessage: { en: string } }).userMessage;
    if (m && typeof m.en === 'string') return m.en;
  }
  return err instanceof Error ? err.message : String(err);
}
