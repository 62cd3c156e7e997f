/**
 * What the checkout promised its customers and agreed with the services it calls: a step
 * that has not answered within `stepTimeoutMs` is asked again, at most `maxAttemptsPerStep`
 * times in all, and no checkout stays open longer than `sagaDeadlineMs`: by then it has
 * either completed or undone what it did.
 */
export const stepTimeoutMs = 10_000;
export const maxAttemptsPerStep = 3;
export const sagaDeadlineMs = 60_000;
