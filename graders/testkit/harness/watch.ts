/**
 * Waits on what a test has seen, never on a timer: every event the test records calls
 * `changed()`, and each pending `until` checks its condition then. The time limit only turns
 * a condition that never comes true into a failure that says what was awaited and what was
 * seen instead.
 */
export class Watch {
  readonly #checks = new Set<() => void>();

  changed(): void {
    for (const check of [...this.#checks]) check();
  }

  until(holds: () => boolean, what: string, seen: () => string, within = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds()) return;
        this.#checks.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#checks.delete(check);
        reject(new Error(`Waited ${within / 1000} s for ${what}, and it never happened. Seen: ${seen()}`));
      }, within);
      this.#checks.add(check);
      check();
    });
  }
}
