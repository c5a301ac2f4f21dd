// extensionTestsPath target for the harness self-test: a throw-away extension (fixtures/smoke-ext), so the
// harness can be checked without the real extension (`node out/test/vscode/runInVsCode.js --smoke`).
import { runMochaIn } from '../harness/mochaIndex';

export function run(): Promise<void> { return runMochaIn(__dirname); }
