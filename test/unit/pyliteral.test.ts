import assert from 'node:assert/strict';
import { NpyError } from '../../src/core/errors';
import { parsePyLiteral, pyRepr, pyReprStr } from '../../src/core/format/pyliteral';
import { PyValue } from '../../src/core/types';

const str = (value: string): PyValue => ({ type: 'str', value });
const int = (value: bigint): PyValue => ({ type: 'int', value });

function rejects(text: string, pattern: RegExp, limits = {}): void {
  assert.throws(() => parsePyLiteral(text, limits), (e: unknown) => e instanceof NpyError && e.code === 'bad-literal' && pattern.test(e.message));
}

describe('pyliteral: parse', () => {
  it('reads a numpy header dict', () => {
    const v = parsePyLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }   \n");
    assert.deepEqual(v, { type: 'dict', entries: [
      [str('descr'), str('<f8')], [str('fortran_order'), { type: 'bool', value: false }],
      [str('shape'), { type: 'tuple', items: [int(3n), int(4n)] }],
    ] });
  });
  it('tells tuples from parenthesised values', () => {
    assert.deepEqual(parsePyLiteral('(5,)'), { type: 'tuple', items: [int(5n)] });
    assert.deepEqual(parsePyLiteral('(5)'), int(5n));
    assert.deepEqual(parsePyLiteral('()'), { type: 'tuple', items: [] });
    assert.deepEqual(parsePyLiteral('((1, 2),)'), { type: 'tuple', items: [{ type: 'tuple', items: [int(1n), int(2n)] }] });
  });
  it('reads integers of any size, signs, underscores, other bases', () => {
    assert.deepEqual(parsePyLiteral('123456789012345678901234567890'), int(123456789012345678901234567890n));
    assert.deepEqual(parsePyLiteral('-7'), int(-7n));
    assert.deepEqual(parsePyLiteral('- 7'), int(-7n));
    assert.deepEqual(parsePyLiteral('1_000'), int(1000n));
    assert.deepEqual(parsePyLiteral('0x10'), int(16n));
    assert.deepEqual(parsePyLiteral('0'), int(0n));
    assert.deepEqual(parsePyLiteral('1.5'), { type: 'float', text: '1.5' });
    rejects('012', /leading zero/);
    rejects('1__0', /not valid/);
  });
  it('reads Python 2 long literals only when asked', () => {
    assert.deepEqual(parsePyLiteral('(3L, 4L)', { allowLongSuffix: true }), { type: 'tuple', items: [int(3n), int(4n)] });
    rejects('(3L,)', /Expected/);
  });
  it('reads both quote styles and escapes', () => {
    assert.deepEqual(parsePyLiteral('"it\'s"'), str("it's"));
    assert.deepEqual(parsePyLiteral("'a\\'b\\\\c\\n\\t\\x41\\u00e9\\U0001F600\\101\\q'"), str("a'b\\c\n\tA\u00e9\u{1F600}A\\q"));
    assert.deepEqual(parsePyLiteral("u'x'"), str('x'));
    rejects("'abc", /never closed/);
    rejects("'a\nb'", /line break/);
    rejects("'\\xZZ'", /Bad escape/);
    rejects("'''x'''", /Triple/);
  });
  it('accepts whitespace, newlines, CRLF and trailing commas anywhere Python does', () => {
    assert.deepEqual(parsePyLiteral(' \r\n[ 1 ,\r\n 2 , ]\n\n'), { type: 'list', items: [int(1n), int(2n)] });
    assert.deepEqual(parsePyLiteral('{"a" : True ,}'), { type: 'dict', entries: [[str('a'), { type: 'bool', value: true }]] });
  });
  it('refuses everything that is not a literal, with the position', () => {
    rejects('__import__("os")', /name '__import__' at position 0 is not a literal/);
    rejects("{'a': eval}", /name 'eval'/);
    rejects('[1, 2', /ends before the '\[' at position 0/);
    rejects('[1 2]', /Expected ',' or '\]', found '2' at position 3/);
    rejects('{1: 2: 3}', /Expected ',' or '}'|Unexpected ':'/);
    rejects('{[1]: 2}', /cannot be a dictionary key/);
    rejects('(,)', /Expected a value, found ','/);
    rejects('1 2', /after the end/);
    rejects('', /ends where a value was expected/);
    rejects("'a'\0", /NUL/);
    rejects('1j', /Complex/);
  });
  it('bounds length and depth, and survives 50 000 nested brackets without recursion', () => {
    rejects('[1]', /at most 2 are read/, { maxLength: 2 });
    rejects('('.repeat(50_000) + ')'.repeat(50_000), /nested more than 200 levels/);
    rejects('['.repeat(50_000), /nested more than 200 levels/);
    const deep = '['.repeat(150) + ']'.repeat(150);
    let v = parsePyLiteral(deep);
    let depth = 0;
    while (v.type === 'list' && v.items.length) { v = v.items[0]; depth++; }
    assert.equal(depth, 149);
  });
});

describe('pyliteral: repr', () => {
  it('chooses quotes as Python does', () => {
    assert.equal(pyReprStr('abc'), "'abc'");
    assert.equal(pyReprStr("it's"), '"it\'s"');
    assert.equal(pyReprStr('say "hi"'), "'say \"hi\"'");
    assert.equal(pyReprStr('both \' and "'), "'both \\' and \"'");
  });
  it('escapes like Python: controls, backslashes, non-printables; keeps printable latin1 and CJK', () => {
    assert.equal(pyReprStr('a\\b\n\t\r\x00\x7f'), "'a\\\\b\\n\\t\\r\\x00\\x7f'");
    assert.equal(pyReprStr('\x85\xa0\xad é 名 😀'), "'\\x85\\xa0\\xad é 名 😀'");
    assert.equal(pyReprStr('\u200b\u2028\ufeff'), "'\\u200b\\u2028\\ufeff'");
    assert.equal(pyReprStr('\u{E0001}'), "'\\U000e0001'");
  });
  it('prints tuples, lists and dicts as Python does, and round-trips', () => {
    const text = "{'descr': [('x', '<f4'), (('T', 'y'), '<i4', (2,))], 'fortran_order': True, 'shape': (), 'n': None}";
    assert.equal(pyRepr(parsePyLiteral(text)), text);
    assert.equal(pyRepr(parsePyLiteral('(5,)')), '(5,)');
    const deep = '['.repeat(199) + ']'.repeat(199);
    assert.equal(pyRepr(parsePyLiteral(deep)), deep);
  });
});
