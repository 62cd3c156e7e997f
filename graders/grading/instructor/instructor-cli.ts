import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RosterError, readRoster, shardOf } from './class-roster.ts';
import { renderClassWorkflow } from './class-workflow.ts';
import { fetchLearners } from './fetch-learners.ts';

const usage = `Usage:
  npm run instructor -- workflow --roster FILE --shards N [--deadline ISO] [--out FILE]
      writes a GitHub Actions workflow (default .github/workflows/grade-class.yml) for a
      repository you own that grades the class in N parallel jobs and merges one report
  npm run instructor -- fetch --roster FILE --shard I --of N --into DIR [--deadline ISO]
      clones shard I's learners into DIR (what each job of that workflow runs; reads the
      LEARNERS_TOKEN environment variable)`;

async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      roster: { type: 'string' }, shards: { type: 'string' }, deadline: { type: 'string' }, out: { type: 'string' },
      shard: { type: 'string' }, of: { type: 'string' }, into: { type: 'string' }, 'base-url': { type: 'string' },
    },
  });
  const [command] = positionals;
  if (!values.roster || !['workflow', 'fetch'].includes(command ?? '') || positionals.length !== 1) throw new RosterError(usage);
  const learners = await readRoster(resolve(process.env.INIT_CWD ?? '.', values.roster));
  const deadline = values.deadline || undefined;
  if (deadline !== undefined && Number.isNaN(Date.parse(deadline))) throw new RosterError(`--deadline "${deadline}" is not a date: write e.g. 2026-12-18T23:59:00Z.`);
  if (command === 'workflow') {
    const shards = Number(values.shards ?? Math.max(1, Math.ceil(learners.length / 20)));
    shardOf(learners, 1, shards);
    const out = resolve(process.env.INIT_CWD ?? '.', values.out ?? '.github/workflows/grade-class.yml');
    await mkdir(dirname(out), { recursive: true });
    // Written whole or not at all: a half-written workflow would fail at its next run.
    await writeFile(`${out}.tmp`, renderClassWorkflow({ roster: values.roster, shards, ...(deadline ? { deadline } : {}) }));
    await rename(`${out}.tmp`, out);
    console.log(`Wrote ${out}: ${learners.length} learners in ${shards} job(s) of at most ${Math.ceil(learners.length / shards)}.`);
    return 0;
  }
  if (!values.into || !values.shard || !values.of) throw new RosterError(usage);
  const share = shardOf(learners, Number(values.shard), Number(values.of));
  console.log(`Fetching shard ${values.shard} of ${values.of}: ${share.length} learner(s)…`);
  const fetched = await fetchLearners({
    learners: share, into: resolve(process.env.INIT_CWD ?? '.', values.into), baseUrl: values['base-url'] ?? 'https://github.com',
    log: console.log, ...(deadline ? { deadline } : {}), ...(process.env.LEARNERS_TOKEN ? { token: process.env.LEARNERS_TOKEN } : {}),
  });
  const problems = fetched.filter((f) => f.problem).length;
  if (problems > 0) console.log(`${problems} learner(s) could not be fetched; their report says so.`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof RosterError) && !(error instanceof TypeError && 'code' in error)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
