/**
 * Starts every message of the integrity guard's failures, so the grader can tell them from a
 * failing test. A file of its own: the grader reads it without loading the guard, which
 * registers Vitest hooks when imported.
 */
export const integrityMarker = 'COURSE INTEGRITY:';
