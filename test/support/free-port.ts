// A TCP port nothing listens on, as the OS hands it out. A random pick from 4100–4899 could land on
// a port another service holds here (NATS 4222, epmd 4369); one that accepts and never answers HTTP
// would hang a health check without a timeout.
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
