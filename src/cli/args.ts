/** A tiny `--flag value` / `--switch` parser for the CLI commands (no dependency needed). */
export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) {
      flags[name] = next;
      i += 1;
    } else flags[name] = true;
  }
  return { positional, flags };
}

export function flag(args: ParsedArgs, name: string): string | null {
  const v = args.flags[name];
  return typeof v === 'string' ? v : null;
}
