// A parser for the Python-literal subset that .npy headers use, and Python's repr() for what we write.
// numpy reads headers with ast.literal_eval; we accept the same literals but never evaluate anything, and the
// parser is iterative (an explicit stack) so 50 000 nested brackets cannot overflow the call stack.
import { NpyError } from '../errors';
import { PyValue } from '../types';

export interface LiteralLimits {
  /** Longest text accepted, in characters. */
  maxLength?: number;
  /** Deepest bracket nesting accepted (CPython's parser stops at 200). */
  maxDepth?: number;
  /** Accept Python 2 long literals such as `3L` (numpy still reads them in format 1.0/2.0 headers). */
  allowLongSuffix?: boolean;
}

const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;
const DEFAULT_MAX_DEPTH = 200;

type Closer = ')' | ']' | '}';
interface Frame {
  kind: 'paren' | 'list' | 'dict';
  items: PyValue[];
  /** dict only: the key waiting for its value. */
  key?: PyValue;
  /** paren only: a comma was seen, so it is a tuple even with one item. */
  comma: boolean;
  start: number;
}

const CLOSER: Record<Frame['kind'], Closer> = { paren: ')', list: ']', dict: '}' };
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
/** What may follow an integer literal that needs no further checks (not '.', 'e', '_', 'j', 'L', …). */
const DELIMITER = new Set([',', ')', ']', '}', ':', ' ', '\t', '\n', '\r', '\f', '\\', '#']);

function fail(message: string): never {
  throw new NpyError('bad-literal', message);
}

function describeAt(text: string, pos: number): string {
  if (pos >= text.length) return 'the end of the text';
  const ch = text[pos];
  const shown = ch >= ' ' && ch <= '~' ? `'${ch}'` : `character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${shown} at position ${pos}`;
}

/** Parses the Python-literal subset of .npy headers. Throws NpyError('bad-literal'). Never evaluates. */
export function parsePyLiteral(text: string, limits: LiteralLimits = {}): PyValue {
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.length > maxLength) fail(`The text is ${text.length} characters long; at most ${maxLength} are read.`);

  let pos = 0;
  const stack: Frame[] = [];

  const skipSpace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      // space, tab, \n, \r, \f; a backslash-newline is a Python line continuation.
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) pos++;
      else if (c === 0x5c && (text[pos + 1] === '\n' || text[pos + 1] === '\r')) pos += 2;
      else break;
    }
  };

  // Reads one atom (string, number, keyword) at pos, or returns undefined when pos holds something else.
  const readAtom = (): PyValue | undefined => {
    const ch = text[pos];
    if (ch === "'" || ch === '"') return { type: 'str', value: readString() };
    if ((ch === 'u' || ch === 'U') && (text[pos + 1] === "'" || text[pos + 1] === '"')) {
      pos++; // u'' is an ordinary str in Python 3
      return { type: 'str', value: readString() };
    }
    if (ch === '-' || ch === '+' || (ch >= '0' && ch <= '9') || ch === '.') return readNumber();
    WORD.lastIndex = pos;
    const word = WORD.exec(text);
    if (word) {
      const w = word[0];
      if (w === 'True' || w === 'False') { pos += w.length; return { type: 'bool', value: w === 'True' }; }
      if (w === 'None') { pos += w.length; return { type: 'none' }; }
      fail(`The name '${w}' at position ${pos} is not a literal; only strings, numbers, True, False and None are read.`);
    }
    return undefined;
  };

  const readNumber = (): PyValue => {
    const start = pos;
    let sign = 1n;
    while (text[pos] === '-' || text[pos] === '+') {
      if (text[pos] === '-') sign = -sign;
      pos++;
      skipSpace();
    }
    // Fast path for what headers hold: a plain decimal integer followed by a delimiter.
    let end = pos;
    while (end < text.length && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
    if (end > pos && (end - pos === 1 || text[pos] !== '0') && (end === text.length || DELIMITER.has(text[end]))) {
      const lit = text.slice(pos, end);
      pos = end;
      return { type: 'int', value: sign * BigInt(lit) };
    }
    const m = /^(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?|\.[0-9][0-9_]*(?:[eE][+-]?[0-9_]+)?)/.exec(text.slice(pos, pos + 10_000));
    if (!m) fail(`Expected a number at position ${start}, found ${describeAt(text, pos)}.`);
    const lit = m[0];
    pos += lit.length;
    if (/[.eE]/.test(lit) && !/^0[xX]/.test(lit)) {
      if (text[pos] === 'j' || text[pos] === 'J') fail(`Complex numbers are not read (position ${start}).`);
      return { type: 'float', text: text.slice(start, pos) };
    }
    if (/(^_|_$|__)/.test(lit.replace(/^0[xXoObB]/, ''))) fail(`The number '${lit}' at position ${start} is not valid Python.`);
    const digits = lit.replace(/_/g, '');
    if (/^0[0-9]+$/.test(digits) && /[1-9]/.test(digits)) fail(`The number '${lit}' at position ${start} has a leading zero, which Python does not allow.`);
    if ((text[pos] === 'L' || text[pos] === 'l') && limits.allowLongSuffix) pos++;
    if (text[pos] === 'j' || text[pos] === 'J') fail(`Complex numbers are not read (position ${start}).`);
    return { type: 'int', value: sign * BigInt(digits) };
  };

  const readString = (): string => {
    const quote = text[pos];
    const start = pos;
    if (text.startsWith(quote.repeat(3), pos)) fail(`Triple-quoted strings are not read (position ${start}).`);
    pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail(`The string starting at position ${start} is never closed.`);
      const ch = text[pos];
      if (ch === quote) { pos++; return out; }
      if (ch === '\n' || ch === '\r') fail(`The string starting at position ${start} runs into a line break.`);
      if (ch !== '\\') { out += ch; pos++; continue; }
      const e = text[pos + 1];
      pos += 2;
      switch (e) {
        case '\\': out += '\\'; break;
        case "'": out += "'"; break;
        case '"': out += '"'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\n': break; // line continuation inside a string
        case 'x': out += hexEscape(2, start); break;
        case 'u': out += hexEscape(4, start); break;
        case 'U': out += hexEscape(8, start); break;
        case 'N': fail(`Named escapes (\\N{…}) are not read (position ${pos - 2}).`);
        // eslint-disable-next-line no-fallthrough
        case undefined: fail(`The string starting at position ${start} is never closed.`);
        // eslint-disable-next-line no-fallthrough
        default:
          if (e >= '0' && e <= '7') {
            let oct = e;
            while (oct.length < 3 && text[pos] >= '0' && text[pos] <= '7') oct += text[pos++];
            out += String.fromCodePoint(parseInt(oct, 8));
          } else {
            out += '\\' + e; // Python keeps unknown escapes as they are
          }
      }
    }
  };

  const hexEscape = (n: number, start: number): string => {
    const hex = text.slice(pos, pos + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) fail(`Bad escape in the string starting at position ${start}.`);
    pos += n;
    const cp = parseInt(hex, 16);
    if (cp > 0x10ffff) fail(`Escape \\U${hex} is beyond Unicode (position ${pos - n - 2}).`);
    return String.fromCodePoint(cp);
  };

  const nul = text.indexOf('\0');
  if (nul >= 0) fail(`The text contains a NUL byte at position ${nul}.`);

  // Shift-reduce loop: `value` holds a completed value waiting to be attached to the frame on top.
  for (;;) {
    // --- expect a value
    skipSpace();
    let value: PyValue | undefined;
    const ch = text[pos];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (stack.length >= maxDepth) fail(`Brackets are nested more than ${maxDepth} levels deep (position ${pos}).`);
      const kind = ch === '(' ? 'paren' : ch === '[' ? 'list' : 'dict';
      stack.push({ kind, items: [], comma: false, start: pos });
      pos++;
      skipSpace();
      if (text[pos] === CLOSER[kind]) {
        pos++;
        const f = stack.pop()!;
        value = f.kind === 'paren' ? { type: 'tuple', items: [] } : f.kind === 'list' ? { type: 'list', items: [] } : { type: 'dict', entries: [] };
      } else {
        continue;
      }
    } else {
      value = readAtom();
      if (value === undefined) {
        fail(pos >= text.length ? 'The text ends where a value was expected.' : `Expected a value, found ${describeAt(text, pos)}.`);
      }
    }

    // --- attach completed values to frames, closing frames as long as closers follow
    for (;;) {
      skipSpace();
      const top = stack[stack.length - 1];
      if (!top) {
        if (pos < text.length) fail(`Unexpected ${describeAt(text, pos)} after the end of the literal.`);
        return value;
      }
      const c = text[pos];
      if (top.kind === 'dict' && top.key === undefined) {
        if (c !== ':') fail(`Expected ':' after a dictionary key, found ${describeAt(text, pos)}.`);
        if (value.type === 'list' || value.type === 'dict') fail(`A ${value.type} cannot be a dictionary key (position ${pos}).`);
        top.key = value;
        pos++;
        break; // expect the value
      }
      const push = (): void => {
        if (top.kind === 'dict') { dictEntries(top).push([top.key!, value!]); top.key = undefined; } else top.items.push(value!);
      };
      if (c === ',') {
        push();
        top.comma = true;
        pos++;
        skipSpace();
        if (text[pos] !== CLOSER[top.kind]) break; // expect the next value
        pos++;
        value = close(stack.pop()!);
        continue;
      }
      if (c === CLOSER[top.kind]) {
        push();
        pos++;
        value = close(stack.pop()!);
        continue;
      }
      if (top.kind === 'dict' && c === ':') fail(`Unexpected ':' at position ${pos}.`);
      fail(pos >= text.length
        ? `The text ends before the '${text[top.start]}' at position ${top.start} is closed.`
        : `Expected ',' or '${CLOSER[top.kind]}', found ${describeAt(text, pos)}.`);
    }
  }
}

// Dict entries are kept in `items` as flattened pairs until the frame closes, to keep Frame simple.
const entryStore = new WeakMap<Frame, Array<[PyValue, PyValue]>>();
function dictEntries(f: Frame): Array<[PyValue, PyValue]> {
  let e = entryStore.get(f);
  if (!e) { e = []; entryStore.set(f, e); }
  return e;
}

function close(f: Frame): PyValue {
  switch (f.kind) {
    case 'list': return { type: 'list', items: f.items };
    case 'dict': return { type: 'dict', entries: dictEntries(f) };
    case 'paren': return f.comma ? { type: 'tuple', items: f.items } : f.items[0];
  }
}

// Characters Python's str.isprintable() rejects: categories Cc, Cf, Cs, Co, Cn, Zl, Zp, and Zs other than space.
// Made on first use: V8 builds a Unicode-property class as the literal is evaluated, ~0.2 ms of every CLI start.
let nonPrintable: RegExp | undefined;

/** Python's repr() of a str: quote choice and escapes as CPython does. */
export function pyReprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || cp === 0x20) out += ch;
    else if ((nonPrintable ??= /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u).test(ch)) {
      if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
      else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
      else out += '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** Python's repr() of a value ("(5,)" for a 1-tuple, "True", "[('x', '<f4')]"). Iterative, like the parser. */
export function pyRepr(v: PyValue): string {
  const parts: string[] = [];
  // Work items: a value to print, or a literal piece of text.
  const work: Array<PyValue | string> = [v];
  while (work.length > 0) {
    const item = work.pop()!;
    if (typeof item === 'string') { parts.push(item); continue; }
    switch (item.type) {
      case 'str': parts.push(pyReprStr(item.value)); break;
      case 'int': parts.push(item.value.toString()); break;
      case 'float': parts.push(item.text); break;
      case 'bool': parts.push(item.value ? 'True' : 'False'); break;
      case 'none': parts.push('None'); break;
      case 'tuple':
      case 'list': {
        const [open, closeText] = item.type === 'tuple' ? ['(', item.items.length === 1 ? ',)' : ')'] : ['[', ']'];
        const seq: Array<PyValue | string> = [open];
        item.items.forEach((x, i) => { if (i > 0) seq.push(', '); seq.push(x); });
        seq.push(closeText);
        for (let i = seq.length - 1; i >= 0; i--) work.push(seq[i]);
        break;
      }
      case 'dict': {
        const seq: Array<PyValue | string> = ['{'];
        item.entries.forEach(([k, x], i) => { if (i > 0) seq.push(', '); seq.push(k, ': ', x); });
        seq.push('}');
        for (let i = seq.length - 1; i >= 0; i--) work.push(seq[i]);
        break;
      }
    }
  }
  return parts.join('');
}
