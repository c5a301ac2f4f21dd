// fast-check generators for the format core: dtypes (plain, nested structs, titles, padding, subarrays,
// non-latin1 names), shapes, header bytes, and mutations of them that hostile or broken files contain.
import fc from 'fast-check';
import { dtypeFromDescr } from '../../src/core/format/dtype';
import { buildHeader } from '../../src/core/format/header';
import { parsePyLiteral, pyReprStr } from '../../src/core/format/pyliteral';
import { PyValue } from '../../src/core/types';

const PLAIN = ['<f8', '>f8', '<f4', '<f2', '>f2', '|b1', '|i1', '|u1', '<i2', '>i2', '<i4', '>u4', '<i8', '>u8', '<c8', '>c16',
  '<M8[ns]', '>m8[s]', '<M8[10ms]', '<M8', '|S1', '|S7', '<U3', '>U1', '|V5', '<f16'];

const fieldName = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('', 'é', '名前', '😀', "it's", 'say "hi"', '<script>', '\u202e', 'back\\slash'),
);

const subShape = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 });

/** A dtype descr as a Python literal string: plain code or a struct list, nested up to `depth`. */
export function descrText(depth = 3): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', maxDepth: depth, withCrossShrink: true },
      fc.constantFrom(...PLAIN).map((p) => pyReprStr(p)),
      fc.uniqueArray(fc.tuple(fieldName, fc.option(fieldName, { nil: undefined }), tie('tree'), fc.option(subShape, { nil: undefined })),
        { minLength: 1, maxLength: 4, selector: ([n, t]) => n + '\u0000' + (t ?? '') })
        .filter((fields) => {
          const names = fields.flatMap(([n, t]) => (t === undefined ? [n] : [n, t]));
          return new Set(names).size === names.length;
        })
        .map((fields) => '[' + fields.map(([name, title, type, shape]) => {
          const nameText = title === undefined ? pyReprStr(name) : `(${pyReprStr(title)}, ${pyReprStr(name)})`;
          const shapeText = shape === undefined ? '' : `, (${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
          return `(${nameText}, ${type}${shapeText})`;
        }).join(', ') + ']'),
    ),
  }));
  return tree;
}

export const shapeArb = fc.array(fc.bigInt({ min: 0n, max: (1n << 40n) }), { minLength: 0, maxLength: 5 });

/** Valid header bytes of random dtypes, shapes and orders (as our writer would produce). */
export const headerArb = fc.tuple(descrText(), shapeArb, fc.boolean()).map(([d, shape, f]) => {
  const { dtype, subarrayShape } = dtypeFromDescr(parsePyLiteral(d));
  return buildHeader(dtype, [...shape, ...subarrayShape], f);
});

/** Mutations broken or hostile files contain. */
export function mutate(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = bytes.length;
  const at = fc.integer({ min: 0, max: Math.max(0, n - 1) });
  const copy = (): Uint8Array => new Uint8Array(bytes);
  return fc.oneof(
    fc.array(fc.tuple(at, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const b = copy();
      for (const [i, bit] of flips) b[i] ^= 1 << bit;
      return b;
    }),
    at.map((i) => bytes.slice(0, i)),
    fc.tuple(fc.constantFrom(8, 10), fc.nat()).map(([off, len]) => {
      const b = copy();
      const v = new DataView(b.buffer);
      if (b[6] === 1 && off === 8 && n >= 10) v.setUint16(8, len & 0xffff, true);
      else if (n >= 12) v.setUint32(8, len, true);
      return b;
    }),
    fc.tuple(at, fc.uint8Array({ minLength: 1, maxLength: 32 })).map(([i, ins]) => concat(bytes.slice(0, i), ins, bytes.slice(i))),
    fc.tuple(at, fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', '[', '{')).map(([i, k, br]) =>
      withLength(concat(bytes.slice(0, i), Buffer.from(br.repeat(k)), bytes.slice(i)))),
    fc.tuple(at, fc.integer({ min: 20, max: 5000 })).map(([i, k]) => withLength(concat(bytes.slice(0, i), Buffer.from('9'.repeat(k)), bytes.slice(i)))),
    fc.tuple(at, fc.constantFrom(0x00, 0xff, 0xc0, 0x80, 0xed)).map(([i, x]) => { const b = copy(); b[i] = x; return b; }),
    fc.constant(n >= 8 ? (() => { const b = copy(); b[6] = 3; return b; })() : copy()),
  );
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));
}

/** Keeps the length field truthful after an insertion, so the parser, not the preamble, meets the mutation. */
function withLength(b: Uint8Array): Uint8Array {
  if (b.length < 12 || b[0] !== 0x93) return b;
  const v = new DataView(b.buffer, b.byteOffset);
  if (b[6] === 1) {
    if (b.length - 10 > 0xffff) return b;
    v.setUint16(8, b.length - 10, true);
  } else v.setUint32(8, b.length - 12, true);
  return b;
}

/** Random Python literal values of the subset we parse, for parse(repr(v)) round trips. */
export const pyValueArb: fc.Arbitrary<PyValue> = fc.letrec<{ v: PyValue }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', maxDepth: 4 },
    fc.string({ unit: 'binary', maxLength: 12 }).map((value): PyValue => ({ type: 'str', value })),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((value): PyValue => ({ type: 'int', value })),
    fc.boolean().map((value): PyValue => ({ type: 'bool', value })),
    fc.constant<PyValue>({ type: 'none' }),
    fc.array(tie('v'), { maxLength: 4 }).map((items): PyValue => ({ type: 'tuple', items })),
    fc.array(tie('v'), { maxLength: 4 }).map((items): PyValue => ({ type: 'list', items })),
    fc.array(fc.tuple(fc.string({ maxLength: 5 }).map((value): PyValue => ({ type: 'str', value })), tie('v')), { maxLength: 3 })
      .map((entries): PyValue => ({ type: 'dict', entries })),
  ),
})).v;
