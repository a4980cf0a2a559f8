import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { clientAddress } from './client-address.js';
import type { BffContext } from './context.js';
import type { InFlight } from './in-flight.js';
import { withFields, type Logger } from './log.js';

/** What Node refuses by itself, before any route runs (its 'clientError'): the status it answers, the reason the log gives. */
const REFUSALS: Record<string, { status: number; reason: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'headers-too-large' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'chunk-extensions-too-large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'request-timeout' },
};
const UNREADABLE = { status: 400, reason: 'bad-request' };

/**
 * The server's 'clientError' listener: Node's refusals (400 for a request it
 * cannot parse, 408 for one not complete within the server's time limits, 431
 * for headers over 16 KiB) answered as Node would, and each one JSON line
 * `request refused` with the reason, Node's code, the status and the client –
 * with the request's id and route when it was already being answered.
 * A connection the client broke off (ECONNRESET) was refused nothing: it is
 * closed and not logged.
 */
export function nodeRefusals(context: BffContext, running: InFlight): (error: NodeJS.ErrnoException, socket: Duplex) => void {
  return (error, socket) => {
    const code = error.code ?? 'unknown';
    if (!code.startsWith('HPE_') && !(code in REFUSALS)) return void socket.destroy();
    const { status, reason } = REFUSALS[code] ?? UNREADABLE;
    context.metrics.refusedByNode(reason);
    const request = running.on(socket);
    const id = request?.id ?? randomUUID();
    (request?.log ?? connectionLog(context, socket as Socket, id)).warn('request refused', { reason, code, status });
    refuse(socket as Socket, status, id);
  };
}

function connectionLog(context: BffContext, socket: Socket, id: string): Logger {
  // No headers were read: the client is the connection's peer, a proxy's address when one is in front.
  const client = clientAddress(socket.remoteAddress, undefined, context.config.trustedProxies);
  return withFields(context.log, () => ({ request: id, client, route: 'refused-by-node' }));
}

/** As Node answers: only on a connection that has sent nothing yet (else a half-sent answer would be garbled); then closed. */
function refuse(socket: Socket, status: number, id: string): void {
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nX-Request-Id: ${id}\r\nContent-Length: 0\r\n\r\n`);
  }
  socket.destroy();
}
