// The README's two commands are what CI runs: .ci/run reads them from the README (scripts/lib/readmeCommands.js)
// instead of holding its own copy, so the two cannot drift apart again.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeCommands } from '../../../scripts/lib/readmeCommands';
import { repoRoot } from '../../helpers/paths';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');

describe('scripts: the README\'s two commands and CI', () => {
  it('the README gives one command to run and one to test, each a single line', () => {
    assert.deepEqual(readmeCommands(readme), { run: 'npm start', test: 'npm test' });
  });

  it('.ci/run takes both commands from the README and runs them as given, holding no copy of its own', () => {
    const code = ci.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
    assert.match(code, /test_cmd="\$\(node "\$repo\/scripts\/lib\/readmeCommands\.js" test\)"/);
    assert.match(code, /run_cmd="\$\(node "\$repo\/scripts\/lib\/readmeCommands\.js" run\)"/);
    assert.match(code, /bash -c "\$test_cmd"/);
    assert.match(code, /bash -c "\$run_cmd"/);
    assert.doesNotMatch(code, /\bnpm (test|start|ci|run)\b/, '.ci/run runs npm only through the README\'s commands');
  });

  it('the command-line form prints the command, and a README without the section is one clear error', () => {
    const script = join(repoRoot, 'scripts', 'lib', 'readmeCommands.js');
    assert.equal(spawnSync(process.execPath, [script, 'test'], { encoding: 'utf8' }).stdout, 'npm test\n');
    assert.equal(spawnSync(process.execPath, [script, 'nothing']).status, 2);
    assert.throws(() => readmeCommands('# x\n## Run it\n```\nnpm start\n```\n'), /^Error: the README has no "## Test it" section$/);
    assert.throws(() => readmeCommands('## Run it\ntext\n## Test it\n```\nnpm test\n```\n'), /"## Run it" section has no code block/);
    assert.throws(() => readmeCommands('## Run it\n```\nnpm ci\nnpm start\n```\n## Test it\n```\nnpm test\n```\n'), /exactly one command line/);
  });
});
