// The service's HTTP server (node:http, no framework): a route table other capabilities add to,
// /healthz, /metrics and the ingest API. A handler that throws gets a 500 without details; the
// log line never holds a header, a token or a body. A port in use (or an address not on this
// machine) fails start-up with one bilingual line naming HTTP_PORT (HTTP_HOST), exit code 78. A
// client that disconnects mid-request is a debug line, not an error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Period } from '../calendar/hours.ts';
import { loadCalendar } from '../calendar/load.ts';
import { unusableConfig } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Routes } from '../core/routes.ts';
import type { Database } from '../db/client.ts';
import { t } from '../i18n/translate.ts';
import type { Logger } from '../log.ts';
import { health, HealthChecks } from './health.ts';
import { ingestHandler } from './ingest.ts';
import { metricsText } from './prometheus.ts';
import { ClientDisconnected, sendJson, sendText } from './respond.ts';
import { Router } from './router.ts';

export interface HttpServerOptions {
  database: Database;
  log: Logger;
  clock: Clock;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  maxBodyBytes: number;
  staleAfterWorkingDays: number;
  dueSoonWorkingDays: number;
  workingHours: readonly Period[];
}

export interface HttpServer extends Routes {
  /** e.g. "http://127.0.0.1:8080" */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startHttpServer(o: HttpServerOptions): Promise<HttpServer> {
  const router = new Router();
  const checks = new HealthChecks();
  const calendar = (): Promise<WorkCalendar> => loadCalendar(o.database.db, o.workingHours);

  router.addRoute('GET', '/healthz', (_req, res, ctx) => health(res, { database: o.database, checks, now: ctx.now, calendar, staleAfterWorkingDays: o.staleAfterWorkingDays }));
  router.addRoute('GET', '/metrics', async (_req, res, ctx) => {
    const text = await metricsText(o.database, { now: ctx.now, calendar: await calendar(), dueSoonWorkingDays: o.dueSoonWorkingDays, staleAfterWorkingDays: o.staleAfterWorkingDays });
    sendText(res, 200, text, 'text/plain; version=0.0.4; charset=utf-8');
  });
  const ingest = ingestHandler({ database: o.database, log: o.log, clock: o.clock, maxBodyBytes: o.maxBodyBytes, workingHours: o.workingHours });
  router.addRoute('POST', '/api/v1/dossiers', ingest);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const now = o.clock.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'bad_request' });
      return;
    }
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'none') {
      sendJson(res, 404, { error: 'not_found', message: t('api-not-found') });
      return;
    }
    if (match.kind === 'wrong_method') {
      sendJson(res, 405, { error: 'method_not_allowed', message: t('api-method-not-allowed') }, { allow: match.allowed.join(', ') });
      return;
    }
    try {
      await match.handler(req, res, { url, params: match.params, now });
    } catch (e) {
      // A client gone mid-request is routine (a timeout, a closed laptop): one debug line.
      if (e instanceof ClientDisconnected || (req.destroyed && !res.headersSent && (e as { code?: string }).code === 'ECONNRESET')) {
        o.log.debug({ method: req.method, path: url.pathname }, 'client disconnected');
        return;
      }
      const err = e as { name?: string; code?: string };
      o.log.error({ method: req.method, path: url.pathname, error: err.name ?? 'Error', code: err.code }, 'http handler failed');
      if (!res.headersSent) {
        res.shouldKeepAlive = false;
        sendJson(res, 500, { error: 'internal', message: t('api-internal') }, { connection: 'close' });
      } else if (!res.writableEnded) res.end();
    }
  };

  const server = createServer({ requestTimeout: 120_000, headersTimeout: 30_000 }, (req, res) => {
    void handle(req, res);
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (e: Error) => reject(listenError(e, o));
    server.once('error', failed);
    server.listen(o.port, o.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  o.log.info({ host: o.host, port, routes: router.list() }, 'http server listening');

  return {
    url: `http://${host}:${port}`,
    port,
    server,
    addRoute: (method, path, handler) => router.addRoute(method, path, handler),
    addHealthCheck: (name, check) => checks.add(name, check),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Why the server could not listen, as the one-line start-up message naming the variable to change. */
function listenError(e: Error, o: Pick<HttpServerOptions, 'host' | 'port'>): Error {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return unusableConfig('HTTP_PORT', 'config-port-in-use', { port: String(o.port) });
    case 'EACCES':
      return unusableConfig('HTTP_PORT', 'config-port-denied', { port: String(o.port) });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return unusableConfig('HTTP_HOST', 'config-host-unavailable', { host: o.host });
    default:
      return e;
  }
}
