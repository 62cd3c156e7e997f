/**
 * Conditions a test waits on, checked again whenever something it watches happens (a
 * delivery, a group join, a fetch): no polling and no sleeping. The time limit only bounds a
 * wait that will never end, so it fails saying what it waited for and what it saw instead.
 */
export class Conditions {
  private readonly waiting = new Set<() => void>();

  /** Call when anything a condition may read has changed. */
  changed(): void {
    for (const check of [...this.waiting]) check();
  }

  until(holds: () => boolean, what: string, seen: () => string, within = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds()) return;
        this.waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.delete(check);
        reject(new Error(`Waited ${within} ms for ${what}; ${seen()}`));
      }, within);
      this.waiting.add(check);
      check();
    });
  }
}
