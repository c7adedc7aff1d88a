// What a capability adds to the service's HTTP server without knowing it: routes (the Telegram
// webhook) and /healthz checks. src/http/ implements it; channels mount through it.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  /** The request URL, parsed. */
  url: URL;
  /** Values of `:name` segments of the route's path. */
  params: Record<string, string>;
  /** The clock's reading when the request arrived. */
  now: Date;
}

/** Gets the request unread, so it may stream the body itself. */
export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => Promise<void> | void;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** What a check returns: ok, plus short details (booleans, numbers, strings) shown as they are. */
export interface CheckResult {
  ok: boolean;
}
export type HealthCheck = () => Promise<CheckResult>;

export interface Routes {
  /** Adds a route: an exact path ("/healthz") or one with `:name` segments; the same method and path twice is an error. */
  addRoute(method: Method, path: string, handler: Handler): void;
  /** Adds a check to /healthz (e.g. "telegram"): { ok, …short details }, never a secret. */
  addHealthCheck(name: string, check: HealthCheck): void;
}
