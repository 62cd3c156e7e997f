/**
 * Resolves once `holds()` is true, checking it now and whenever `subscribe`'s source reports a
 * change: waiting on events, never sleeping. `within` only bounds a failing wait, which
 * rejects with `explain()` so the failure shows what did happen.
 */
export function until(
  holds: () => boolean,
  subscribe: (check: () => void) => () => void,
  what: string,
  { within = 20_000, explain = () => '' }: { within?: number; explain?: () => string } = {},
): Promise<void> {
  if (holds()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!holds()) return;
      stop();
      resolve();
    };
    const unsubscribe = subscribe(check);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Waited ${within} ms for ${what}. ${explain()}`));
    }, within);
    const stop = () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
}
