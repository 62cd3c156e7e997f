import { availableParallelism } from 'node:os';

/**
 * How many test runs the grader keeps going at once: one more than the cores. A run spends
 * part of its time waiting on PostgreSQL and the broker, and the extra run fills those gaps:
 * on two cores, the whole course's grade took 91 s at two at a time and 71–81 s at three (80 s
 * at four). Capped, so that a large machine does not crowd one PostgreSQL server.
 */
export function gradingConcurrency(): number {
  return Math.min(availableParallelism() + 1, 4);
}
