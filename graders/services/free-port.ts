import { createServer } from 'node:net';

/**
 * Asks the kernel for a free loopback port. PostgreSQL cannot listen on port 0 and report
 * back, so the port is reserved here and released just before the server binds it.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('the kernel gave no TCP port for 127.0.0.1'));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}
