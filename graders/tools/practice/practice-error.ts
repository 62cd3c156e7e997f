/** A practice command that cannot go on, with what the learner should do about it. */
export class PracticeError extends Error {
  override name = 'PracticeError';
}
