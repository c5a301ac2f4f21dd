// The README's two commands, read from the README itself: the first fenced block under "## Run it" and under
// "## Test it". .ci/run runs exactly these strings, so what CI proves is what a newcomer pastes.
//   node scripts/lib/readmeCommands.js run|test     prints that command
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const HEADINGS = { run: '## Run it', test: '## Test it' };

/**
 * @param {string} readme the README's text
 * @returns {{ run: string, test: string }}
 */
function readmeCommands(readme) {
  /** @type {Record<string, string>} */
  const found = {};
  for (const [key, heading] of Object.entries(HEADINGS)) {
    const at = readme.split('\n').findIndex((l) => l.startsWith(heading));
    if (at < 0) throw new Error(`the README has no "${heading}" section`);
    const rest = readme.split('\n').slice(at + 1);
    const open = rest.findIndex((l) => l.startsWith('```'));
    const next = rest.findIndex((l) => l.startsWith('## '));
    if (open < 0 || (next >= 0 && next < open)) throw new Error(`the README's "${heading}" section has no code block`);
    const close = rest.findIndex((l, i) => i > open && l.startsWith('```'));
    const lines = rest.slice(open + 1, close).filter((l) => l.trim() !== '');
    if (close < 0 || lines.length !== 1) throw new Error(`the README's "${heading}" code block must hold exactly one command line`);
    found[key] = lines[0].trim();
  }
  return { run: found.run, test: found.test };
}

module.exports = { readmeCommands };

if (require.main === module) {
  const which = process.argv[2];
  if (which !== 'run' && which !== 'test') {
    console.error('usage: node scripts/lib/readmeCommands.js run|test');
    process.exit(2);
  }
  try {
    console.log(readmeCommands(readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8'))[which]);
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
