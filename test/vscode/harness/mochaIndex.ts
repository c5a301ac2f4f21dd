// What the extension host runs through the `extensionTestsPath` payload: mocha (programmatic API) over the
// compiled *.test.js of one folder. Progress lines go to ZEROED_NPY_TEST_LOG and the totals to
// ZEROED_NPY_TEST_RESULTS, files the driver (runInVsCode.ts) reads: the extension host's stdout is not ours.
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string }>;
}

function line(text: string): void {
  const file = process.env.ZEROED_NPY_TEST_LOG;
  if (file) appendFileSync(file, `${text}\n`);
  else console.log(text);
}

/** One line per test, written where the driver can read it while the suite runs. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const { EVENT_SUITE_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
    runner.on(EVENT_SUITE_BEGIN, (s: Mocha.Suite) => { if (s.title) line(`  ${s.title}`); });
    runner.on(EVENT_TEST_PASS, (t: Mocha.Test) => line(`    ok   ${t.title} (${t.duration ?? 0} ms)`));
    runner.on(EVENT_TEST_PENDING, (t: Mocha.Test) => line(`    skip ${t.title}`));
    runner.on(EVENT_TEST_FAIL, (t: Mocha.Test, err: Error) => line(`    FAIL ${t.fullTitle()}: ${err?.message ?? err}`));
  }
}

export function runMochaIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: LineReporter });
  const grep = process.env.ZEROED_NPY_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));

  const results: SuiteResults = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.ZEROED_NPY_TEST_RESULTS;
      if (file) writeFileSync(file, JSON.stringify(results));
      if (failures > 0 || results.passed === 0) reject(new Error(`${failures} of ${results.passed + failures} tests failed`));
      else resolve();
    });
    runner.on('pass', () => { results.passed++; });
    runner.on('pending', () => { results.pending++; });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      results.failed++;
      results.failures.push({ title: t.fullTitle(), error: String(err?.stack ?? err) });
    });
  });
}
