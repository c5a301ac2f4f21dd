// Writes the demo folder `npm start` opens: a few sample arrays made with the project's own CLI (dist/cli.js),
// plus two broken files so the preview's warnings can be seen. Re-running replaces the folder's contents.
//   node scripts/demo/makeDemo.mjs [folder]        (default .tmp/demo)
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, truncateSync, appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli.js');

/** name → CLI arguments. Sizes chosen to show what sparse files make possible. */
const SAMPLES = [
  ['images_f8_1024x2048x4096.npy', ['--dtype', 'float64', '--shape', '1024,2048,4096']],          // 64 GiB, 1 block
  ['volume_f4_fortran_512x512x512.npy', ['--dtype', '<f4', '--shape', '512x512x512', '--order', 'F']],
  ['labels_u1_60000.npy', ['--dtype', 'uint8', '--shape', '60000']],
  ['points_struct_1000000.npy', ['--dtype', "[('x', '<f4'), ('y', '<f4'), ('z', '<f4'), ('id', '<u8')]", '--shape', '1000000']],
  ['timestamps_M8ns_86400.npy', ['--dtype', 'datetime64[ns]', '--shape', '86400']],
  ['scalar_c16.npy', ['--dtype', 'c16', '--shape', '()']],
];

export function makeDemo(dir = path.join(root, '.tmp', 'demo')) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' first.`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'broken'), { recursive: true });
  mkdirSync(path.join(dir, 'new arrays'), { recursive: true });
  for (const [name, args] of SAMPLES) {
    execFileSync(process.execPath, [cli, 'create', path.join(dir, name), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  // A file cut short and one with extra bytes after its data: the preview says what is wrong.
  const small = path.join(dir, 'labels_u1_60000.npy');
  copyFileSync(small, path.join(dir, 'broken', 'truncated.npy'));
  truncateSync(path.join(dir, 'broken', 'truncated.npy'), 1000);
  copyFileSync(small, path.join(dir, 'broken', 'trailing-bytes.npy'));
  appendFileSync(path.join(dir, 'broken', 'trailing-bytes.npy'), Buffer.from('not array data'));
  writeFileSync(path.join(dir, 'README.txt'),
    'Sample .npy files made by `zeroed-npy create`. Click one to preview its header and sizes;\n' +
    'right-click "new arrays" → "Create Zeroed .npy…" to make your own; F1 → "Zeroed .npy" for all commands.\n');
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(makeDemo(process.argv[2] ? path.resolve(process.argv[2]) : undefined));
}
