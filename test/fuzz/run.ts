// `npm run fuzz -- --iterations N [--seed S]`: the long fuzz run; prints how many inputs it tried.
import { parseArgs } from 'node:util';
import { runFuzz } from './properties';

const { values } = parseArgs({ options: { iterations: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const iterations = Number(values.iterations);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const t0 = Date.now();
const stats = runFuzz(iterations, seed);
console.log(`fuzz: seed ${seed}, ${iterations} runs per property, ${stats.inputs} inputs (${stats.accepted} accepted, ${stats.refused} refused) in ${((Date.now() - t0) / 1000).toFixed(1)} s; slowest input ${stats.slowestMs.toFixed(1)} ms; heap growth ${(stats.heapGrowthBytes / 2 ** 20).toFixed(1)} MiB`);
