// Assertions shared by tests: NpyErrors with one clear sentence and no stack trace.
import * as assert from 'node:assert/strict';
import { NpyError } from '../../src/core/errors';

/** Asserts `fn` rejects with an NpyError of `code` whose message is one sentence; returns it. */
export async function rejectsNpy(fn: () => Promise<unknown>, code: string): Promise<NpyError> {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof NpyError, `expected NpyError, got ${String(e)} ${(e as Error)?.stack ?? ''}`);
    assert.equal(e.code, code, e.message);
    assertOneSentence(e.message);
    return e;
  }
  assert.fail(`expected NpyError ${code}, but it succeeded`);
}

export function assertOneSentence(message: string): void {
  assert.ok(!message.includes('\n'), `one line: ${JSON.stringify(message)}`);
  assert.match(message, /^\S.*[^\s.]\.$/, `a sentence ending with one period: ${JSON.stringify(message)}`);
  assert.ok(!/\bat .*\(.*:\d+:\d+\)/.test(message), 'no stack frames');
}
