// Command-line parsing (node:util parseArgs, strict). Anything wrong here is a usage error: exit code 2.
import { parseArgs } from 'node:util';
import type { AllocateMode, Order } from '../core/types';

export const USAGE_LINES = [
  'usage: zeroed-npy create <file> --dtype <dtype> --shape <shape> [--order C|F] [--force] [--allocate sparse|full] [--json]',
  '       zeroed-npy inspect <file> [--json]',
  '       zeroed-npy resize <file> --shape <shape> [--force] [--json]',
  '       zeroed-npy resize <file> --fit [--force] [--json]',
  '       zeroed-npy --help | --version',
];

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CreateCommand {
  kind: 'create'; file: string; dtype: string; shape: string;
  order: Order; force: boolean; allocate: AllocateMode; json: boolean;
}
export interface InspectCommand { kind: 'inspect'; file: string; json: boolean }
export interface ResizeCommand { kind: 'resize'; file: string; shape?: string; fit: boolean; force: boolean; json: boolean }
export type HelpTopic = 'create' | 'inspect' | 'resize';
const TOPICS: readonly string[] = ['create', 'inspect', 'resize'];
export type Command =
  | { kind: 'help'; topic?: HelpTopic }
  | { kind: 'version' }
  | CreateCommand
  | InspectCommand
  | ResizeCommand;

export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h' || first === 'help') {
    if (rest.length > 1 || (rest[0] !== undefined && !TOPICS.includes(rest[0]))) {
      throw new UsageError(`unexpected argument '${rest[0] ?? ''}' after ${first}`);
    }
    return { kind: 'help', topic: rest[0] as HelpTopic | undefined };
  }
  if (first === '--version' || first === '-V') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}' after ${first}`);
    return { kind: 'version' };
  }
  if (first === 'create') return parseCreate(rest);
  if (first === 'inspect') return parseInspect(rest);
  if (first === 'resize') return parseResize(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  throw new UsageError(`unknown command '${first}' (expected create, inspect or resize)`);
}

function parseCreate(args: string[]): Command {
  const { values, positionals } = strictParse(args, {
    dtype: { type: 'string' },
    shape: { type: 'string' },
    order: { type: 'string' },
    force: { type: 'boolean' },
    allocate: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', topic: 'create' };
  const file = onePositional(positionals, 'create');
  const dtype = str(values.dtype);
  const shape = str(values.shape);
  if (dtype === undefined) throw new UsageError('missing --dtype (for example --dtype f8)');
  if (shape === undefined) throw new UsageError('missing --shape (for example --shape 1024,2048)');
  const order = (str(values.order) ?? 'C').toUpperCase();
  if (order !== 'C' && order !== 'F') throw new UsageError(`--order must be C or F, not '${values.order}'`);
  const allocate = str(values.allocate) ?? 'sparse';
  if (allocate !== 'sparse' && allocate !== 'full') {
    throw new UsageError(`--allocate must be sparse or full, not '${allocate}'`);
  }
  return {
    kind: 'create', file, dtype, shape, order,
    force: values.force === true, allocate, json: values.json === true,
  };
}

function parseInspect(args: string[]): Command {
  const { values, positionals } = strictParse(args, {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', topic: 'inspect' };
  return { kind: 'inspect', file: onePositional(positionals, 'inspect'), json: values.json === true };
}

function parseResize(args: string[]): Command {
  const { values, positionals } = strictParse(args, {
    shape: { type: 'string' },
    fit: { type: 'boolean' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { kind: 'help', topic: 'resize' };
  const file = onePositional(positionals, 'resize');
  const shape = str(values.shape);
  const fit = values.fit === true;
  if (shape === undefined && !fit) throw new UsageError('resize needs --shape <shape> or --fit');
  if (shape !== undefined && fit) throw new UsageError('give --shape or --fit, not both');
  return { kind: 'resize', file, shape, fit, force: values.force === true, json: values.json === true };
}

function str(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function strictParse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError(parseArgsMessage(e));
  }
}

// parseArgs explains at length over several lines; keep the first sentence and add our own hint.
function parseArgsMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  let first = (message.split('\n')[0] ?? '').split(/\.(\s|$)/)[0] ?? message;
  first = first.charAt(0).toLowerCase() + first.slice(1);
  if (/ambiguous/.test(first)) first += " (write --option=VALUE for a value that starts with '-')";
  return first;
}

function onePositional(positionals: string[], command: string): string {
  if (positionals.length === 0) throw new UsageError(`missing <file> for ${command}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' (${command} takes one file)`);
  return positionals[0] as string;
}
