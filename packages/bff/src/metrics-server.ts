import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';

/**
 * `GET /metrics` (Prometheus text format) on a listener of its own
 * (BFF_METRICS), never on the BFF's port: whatever a reverse proxy forwards
 * there – a whole prefix, or everything with the prefix stripped – reaches no
 * metrics. Anything else is 404. Rejects when the address cannot be listened on.
 */
export async function serveMetrics(metrics: Metrics, address: { host: string; port: number }, log: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) return void res.writeHead(404).end();
    metrics.exposition().then(
      ({ contentType, text }) => {
        res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        log.error('metrics failed', error);
        res.writeHead(500).end();
      },
    );
  });
  server.listen(address.port, address.host);
  await once(server, 'listening');
  return server;
}
