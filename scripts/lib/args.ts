/**
 * The scripts' command lines, all read by `node:util` parseArgs in strict mode: an unknown option
 * or an option without its value is refused with the usage line (exit 2), and `--help` prints it.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export function readArgs<O extends Options, P extends boolean = false>(
  usage: string,
  options: O,
  { positionals, argv = process.argv.slice(2) }: { positionals?: P; argv?: string[] } = {},
) {
  const config = { args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } } as O, allowPositionals: positionals, strict: true } as const;
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: P | undefined; strict: true }>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
