// extensionTestsPath target for the real extension's suite (the *.test.js files in this folder).
import { runMochaIn } from '../harness/mochaIndex';

export function run(): Promise<void> { return runMochaIn(__dirname); }
