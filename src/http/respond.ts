// Writing responses and reading bodies, with the limits the service keeps.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The client went away before its body ended: nobody is left to answer, and nothing went wrong here. */
export class ClientDisconnected extends Error {
  constructor() {
    super('client disconnected');
  }
}

/**
 * The request body, at most `limit` bytes. Past the limit it stops reading (nothing more is
 * buffered) and throws BodyTooLarge; the caller answers 413 and the connection is closed. A client
 * that disconnects mid-body gives ClientDisconnected.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (e: Error & { code?: string }) => {
      cleanup();
      reject(e.code === 'ECONNRESET' || e.message === 'aborted' ? new ClientDisconnected() : e);
    };
    const onAborted = () => {
      cleanup();
      reject(new ClientDisconnected());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** How long a refused connection stays open (not read) so that the client can read the answer. */
const LINGER_MS = 1_000;

/**
 * Answers and closes the connection without reading the rest of the request. The socket is
 * half-closed after the answer and destroyed a moment later: destroying it at once, with the
 * client's unread bytes still in the kernel, would send a TCP reset that can wipe the answer
 * from the client's buffer before it reads it.
 */
export function refuseAndClose(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const socket = res.socket;
  if (socket) {
    socket.destroySoon = function lingeringClose(this: typeof socket) {
      this.end();
      setTimeout(() => this.destroy(), LINGER_MS).unref();
    };
  }
  res.shouldKeepAlive = false;
  sendJson(res, status, body, { ...headers, connection: 'close' });
}
