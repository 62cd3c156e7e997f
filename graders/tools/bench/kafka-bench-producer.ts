/**
 * Sends `total` messages as `inFlight` concurrent loops of `perSend`-message sends, so the
 * broker always has requests queued; `send` gets the number of messages for its call.
 */
export async function sendConcurrently(total: number, perSend: number, inFlight: number, send: (count: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const loop = async () => {
    while (next < total) {
      const count = Math.min(perSend, total - next);
      next += count;
      await send(count);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
}
