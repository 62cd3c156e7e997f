/**
 * One benchmark: a name and a function that measures repeatedly and returns raw samples.
 * The CLI reports medians (and the spread), never a single run, and asserts nothing: speed
 * targets are read by people, not enforced by timed tests.
 */
export interface BenchSuite {
  name: string;
  run(options: { repetitions: number }): Promise<BenchFigure[]>;
}

export interface BenchFigure {
  /** What was measured, e.g. "embedded PostgreSQL start-up". */
  metric: string;
  unit: 'ms' | 's' | 'MiB' | 'events/s' | 'messages/s' | 'runs/s';
  samples: number[];
  /** The figure the issue set as a target, shown beside the median for the reader. */
  target?: { comparison: '<' | '>'; value: number };
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}

/** Times `work` `repetitions` times, in milliseconds. */
export async function timeRepeatedly(repetitions: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}
