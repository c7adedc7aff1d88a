// The route table of the service's HTTP server. Capabilities add their routes (the ingest API,
// the Telegram webhook, …); a handler gets the request unread, so it may stream the body itself.
import type { Handler, Method } from '../core/routes.ts';

interface Route {
  method: Method;
  path: string;
  segments: string[];
  handler: Handler;
}

export type Match = { kind: 'found'; handler: Handler; params: Record<string, string> } | { kind: 'wrong_method'; allowed: Method[] } | { kind: 'none' };

export class Router {
  readonly #routes: Route[] = [];

  /**
   * Adds a route: an exact path ("/healthz") or one with `:name` segments ("/api/v1/dossiers/:code").
   * Adding the same method and path twice is an error (two capabilities would fight over it).
   */
  addRoute(method: Method, path: string, handler: Handler): void {
    if (!path.startsWith('/')) throw new Error(`route path must start with "/": ${path}`);
    if (this.#routes.some((r) => r.method === method && r.path === path)) throw new Error(`route ${method} ${path} is already taken`);
    this.#routes.push({ method, path, segments: path.split('/').slice(1), handler });
  }

  /** The routes, as "METHOD /path" (for logs and tests). */
  list(): string[] {
    return this.#routes.map((r) => `${r.method} ${r.path}`);
  }

  match(method: string, pathname: string): Match {
    const parts = pathname.split('/').slice(1);
    const allowed: Method[] = [];
    for (const r of this.#routes) {
      const params = matchSegments(r.segments, parts);
      if (!params) continue;
      if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { kind: 'found', handler: r.handler, params };
      allowed.push(r.method);
    }
    return allowed.length > 0 ? { kind: 'wrong_method', allowed } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const v = parts[i]!;
    if (p.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(v);
      } catch {
        return null;
      }
      if (decoded === '') return null;
      params[p.slice(1)] = decoded;
    } else if (p !== v) return null;
  }
  return params;
}
