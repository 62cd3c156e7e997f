import type { TimelineStep } from '../harness/timeline.ts';

/** One thing that happened during a run, at a moment of (virtual) time. */
export interface TimelineEntry extends TimelineStep {
  at: number;
}

/**
 * What happened during one run, in domain words, in the order it happened. The bus, the
 * clock and the simulated services all write here, so a failure can be told as a story.
 */
export class Timeline {
  readonly entries: TimelineEntry[] = [];

  add(at: number, text: string): void {
    this.entries.push({ at, text });
  }
}
