/** A practice log as practice mode writes it (the progress view checks it against its schema). */
export const practiceLog = (attempts: [kata: string, variant: string][]) => ({
  version: 1, saved: [],
  attempts: attempts.map(([kata, variant], i) => ({
    id: `${kata.split('/')[1]!.slice(0, 2)}-attempt-20261201T10000000${i}Z`, kata, variant, startedAt: '2026-12-01T10:00:00Z',
    timeLimitMinutes: 20, endedAt: '2026-12-01T10:15:00Z', elapsedMs: 900_000, passed: true,
  })),
});
