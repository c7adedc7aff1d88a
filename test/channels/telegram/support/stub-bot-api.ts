// A minimal Bot API server on 127.0.0.1 that records every request (method, time, JSON or
// multipart fields and files) and answers as Telegram would, or as a test tells it to: an
// error, a dropped connection, or no answer at all. Used where telegram-test-api falls short
// (sendPhoto, setMyCommands, errors) and by the bench.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface StubCall {
  method: string;
  token: string;
  /** performance.now() when the request arrived. */
  at: number;
  /** Plain fields (JSON values as sent; multipart fields as strings). */
  fields: Record<string, unknown>;
  files: Record<string, { filename: string; data: Buffer }>;
  contentType: string;
}

export type StubAnswer = { status?: number; body?: unknown; raw?: false; delayMs?: number } | { status: number; raw: true; body: string } | 'reset' | 'hang';
export type Responder = (call: StubCall, n: number) => StubAnswer | undefined;

export interface StubBotApi {
  url: string;
  calls: StubCall[];
  /** Answers the test wants; undefined falls back to a successful Telegram answer. */
  respond: Responder | undefined;
  of(method: string): StubCall[];
  close(): Promise<void>;
}

export const STUB_BOT = { id: 4242, is_bot: true, first_name: 'Đúng Hạn', username: 'dunghan_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false, can_manage_bots: false, supports_join_request_queries: false } as const;

export async function startStubBotApi(respond?: Responder): Promise<StubBotApi> {
  const calls: StubCall[] = [];
  const sockets = new Set<Socket>();
  let messageId = 1;
  const stub: StubBotApi = {
    url: '',
    calls,
    respond,
    of: (method) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  const ok = (call: StubCall): unknown => {
    switch (call.method) {
      case 'getMe':
        return STUB_BOT;
      case 'sendMessage':
      case 'sendPhoto':
      case 'editMessageText': {
        const chatId = Number(call.fields.chat_id);
        return {
          message_id: call.method === 'editMessageText' ? Number(call.fields.message_id) : messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: chatId < 0 ? { id: chatId, type: 'supergroup', title: 'Nhóm' } : { id: chatId, type: 'private', first_name: 'Cán bộ' },
          ...(call.method === 'sendPhoto' ? { photo: [] } : { text: call.fields.text }),
        };
      }
      default:
        return true;
    }
  };
  const server: Server = createServer(async (req, res) => {
    const body = await read(req);
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    const call: StubCall = { method: m[2]!, token: decodeURIComponent(m[1]!), at: performance.now(), fields: {}, files: {}, contentType };
    if (contentType.startsWith('multipart/form-data')) Object.assign(call, multipart(body, contentType));
    else if (body.length > 0) call.fields = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    calls.push(call);
    const answer = stub.respond?.(call, calls.length) ?? { body: { ok: true, result: ok(call) } };
    if (answer === 'hang') return;
    if (answer === 'reset') {
      req.socket.destroy();
      return;
    }
    if (answer.raw) {
      res.writeHead(answer.status, { 'content-type': 'text/html' }).end(answer.body);
      return;
    }
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body ?? { ok: true, result: ok(call) }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  stub.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return stub;
}

/** Telegram's error answer. */
export const apiError = (code: number, description: string, parameters?: Record<string, unknown>): StubAnswer => ({
  status: code,
  body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
});

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Enough of multipart/form-data for grammY's uploads. */
function multipart(body: Buffer, contentType: string): Pick<StubCall, 'fields' | 'files'> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1] ?? '';
  const fields: Record<string, unknown> = {};
  const files: StubCall['files'] = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const filename = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
    if (filename !== undefined) files[name] = { filename, data: Buffer.from(data) };
    else fields[name] = data.toString('utf8');
    at = next;
  }
  return { fields, files };
}
