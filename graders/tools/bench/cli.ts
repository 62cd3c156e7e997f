import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type BenchFigure, type BenchSuite, median, percentile } from './bench-suite.ts';

/**
 * `npm run bench [-- <suite file> ] [--repetitions N]`: runs every suite in ./suites (one
 * file each, default export a BenchSuite), or those whose file name starts with the filter,
 * and prints medians with their spread.
 */
const allFiles = (await readdir(new URL('./suites/', import.meta.url))).filter((f) => f.endsWith('.ts')).sort();
const usage = `Usage: npm run bench [-- <suite> ] [--repetitions N]\n  suites: ${allFiles.map((file) => file.replace(/\.ts$/, '')).join(', ')}`;

/** A wrong argument ends the run with what to type instead, not a stack trace. */
function refuse(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { repetitions: { type: 'string', default: '7' } } });
} catch (error) {
  refuse((error as Error).message);
}
const { values, positionals } = parsed;
const repetitions = Number(values.repetitions);
if (!Number.isInteger(repetitions) || repetitions < 1) refuse(`--repetitions takes a whole number of at least 1, not "${values.repetitions}".`);
const filter = positionals[0]?.toLowerCase();

// The filter names suites by their file (`postgres`, `outbox-relay`); only the suites chosen are loaded.
const suiteName = (file: string) => file.replace(/\.ts$/, '');
// A suite named exactly (`selfcheck`) runs alone; otherwise every suite whose name starts with the filter.
const files = !filter ? allFiles : allFiles.some((file) => suiteName(file) === filter) ? allFiles.filter((file) => suiteName(file) === filter) : allFiles.filter((file) => suiteName(file).startsWith(filter));
if (files.length === 0) refuse(`No benchmark suite starts with "${filter}".`);
for (const file of files) {
  const suite = (await import(new URL(`./suites/${file}`, import.meta.url).href)).default as BenchSuite;
  console.log(`\n${suite.name} (${repetitions} repetitions)`);
  for (const figure of await suite.run({ repetitions })) console.log(formatFigure(figure));
}
console.log('\nFigures are medians; the range in brackets is min to max (p99 where there are 100+ samples).');

function formatFigure(figure: BenchFigure): string {
  const digits = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const spread =
    figure.samples.length >= 100
      ? `p99 ${digits(percentile(figure.samples, 0.99))}`
      : `${digits(Math.min(...figure.samples))} to ${digits(Math.max(...figure.samples))}`;
  const middle = median(figure.samples);
  const target = figure.target
    ? `  target ${figure.target.comparison} ${figure.target.value} ${figure.unit}: ${
        (figure.target.comparison === '<' ? middle < figure.target.value : middle > figure.target.value) ? 'met' : 'MISSED'
      }`
    : '';
  return `  ${figure.metric.padEnd(52)} ${digits(middle).padStart(9)} ${figure.unit.padEnd(10)} [${spread}]${target}`;
}
