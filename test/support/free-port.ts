// A TCP port nothing listens on, as the OS hands it out. A random pick from a range once landed on
// RabbitMQ's epmd (4369), which accepts a connection and never answers HTTP: the health check hung.
import { createServer, type AddressInfo } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether the server at `url` answers its health check now; a listener that does not answer counts as no. */
export const healthy = (url: string) => fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
