import { readFile } from 'node:fs/promises';

/** One learner of a class: a name for the report and the repository holding their work. */
export interface RosterLearner {
  learner: string;
  repository: string;
}

export class RosterError extends Error {}

const repositoryPattern = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const learnerPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Reads a roster: one learner a line, `owner/repository` alone (the learner is then named
 * after the repository) or `learner owner/repository`; blank lines and `#` comments are
 * skipped. Every problem is reported with its line, and nothing is read from a roster that
 * has one.
 */
export function parseRoster(text: string, file = 'roster'): RosterLearner[] {
  const learners: RosterLearner[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const where = `${file}:${index + 1}`;
    const fields = line.split(/\s+/);
    if (fields.length > 2) return void problems.push(`${where}: write "owner/repository" or "learner owner/repository", not ${fields.length} fields`);
    const repository = fields.at(-1)!;
    const learner = fields.length === 2 ? fields[0]! : repository.split('/')[1]!;
    if (!repositoryPattern.test(repository)) return void problems.push(`${where}: "${repository}" is not a GitHub owner/repository`);
    if (!learnerPattern.test(learner)) return void problems.push(`${where}: "${learner}" cannot name a learner's folder (letters, digits, . _ - only)`);
    const earlier = seen.get(learner);
    if (earlier !== undefined) return void problems.push(`${where}: learner "${learner}" is already on line ${earlier}`);
    seen.set(learner, index + 1);
    learners.push({ learner, repository });
  });
  if (problems.length > 0) throw new RosterError(`The roster has ${problems.length} problem(s); fix them and run again:\n  ${problems.join('\n  ')}`);
  if (learners.length === 0) throw new RosterError(`${file} lists no learners: write one owner/repository a line.`);
  return learners;
}

export async function readRoster(file: string): Promise<RosterLearner[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new RosterError(`Cannot read the roster ${file} (${error.code ?? error.message}): give the path of a text file.`);
  });
  return parseRoster(text, file);
}

/**
 * The learners of one shard of `shards`, counted from 1: learners are dealt out in roster
 * order like cards, so every learner lands in exactly one shard and shard sizes differ by at
 * most one.
 */
export function shardOf<T>(learners: readonly T[], shard: number, shards: number): T[] {
  if (!Number.isInteger(shards) || shards < 1) throw new RosterError(`The number of shards must be a whole number of at least 1, not ${shards}.`);
  if (!Number.isInteger(shard) || shard < 1 || shard > shards) throw new RosterError(`Shard ${shard} does not exist: shards run from 1 to ${shards}.`);
  return learners.filter((_, index) => index % shards === shard - 1);
}
