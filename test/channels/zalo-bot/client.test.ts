// The Zalo Bot Platform client against the local emulator: every method, one update per poll and
// null when idle, polling and webhook excluding each other, the 2,000-character limit, photos
// fetched by URL, and each failure classified the way the dispatcher needs it (429 with or
// without a retry time, blocked, 5xx, no answer, timeout) without the token anywhere.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloBotClient } from '../../../src/channels/zalo-bot/client.ts';
import { classifyZaloBotError, ZaloBotError } from '../../../src/channels/zalo-bot/errors.ts';
import { parseUpdate, photoOf } from '../../../src/channels/zalo-bot/updates.ts';
import { captureLog } from '../zalo/log-capture.ts';
import { ZaloBotEmulator, type ZaloBotEmulatorOptions } from '../../support/zalo-bot-emulator.ts';

// Shaped like a real token (<bot id>:<secret>), built at run time so that no token-like text is in git.
const SECRET = 'fake-zalo-secret-'.padEnd(48, 'q');
const TOKEN = `${'7'.repeat(19)}:${SECRET}`;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(2048, 3)]);

let emu: ZaloBotEmulator;
let clock = 1_800_000_000_000;
const servers: Server[] = [];

async function start(o: Partial<ZaloBotEmulatorOptions> = {}): Promise<ZaloBotClient> {
  await emu?.close();
  emu = await ZaloBotEmulator.start({ token: TOKEN, now: () => clock, ...o });
  return new ZaloBotClient({ token: TOKEN, apiRoot: emu.apiRoot, timeoutMs: 5_000 });
}

/** A local HTTP server for the webhook and the photos; records what reached it. */
async function receiver(answer: (path: string) => { status: number; type: string; body: Buffer | string }) {
  const got: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    got.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    const a = answer(req.url ?? '');
    res.writeHead(a.status, { 'content-type': a.type }).end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, got };
}

async function failure(p: Promise<unknown>): Promise<ZaloBotError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ZaloBotError)) throw new Error(`expected a ZaloBotError, got ${inspect(e)}`);
  return e;
}

beforeEach(() => {
  clock = 1_800_000_000_000;
});
afterEach(async () => {
  await emu?.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe('getMe and the token', () => {
  it('returns the bot as the platform describes it', async () => {
    const bot = await start();
    expect(await bot.getMe()).toMatchObject({ id: '1459232241454765289', account_name: 'bot.DungHan', account_type: 'BASIC' });
  });

  it('a wrong token is a transient 401 (the service is misconfigured, the recipient is not at fault)', async () => {
    await start();
    const wrong = new ZaloBotClient({ token: `${'7'.repeat(19)}:${'other-secret-'.padEnd(48, 'z')}`, apiRoot: emu.apiRoot });
    const e = await failure(wrong.getMe());
    expect([e.source, e.errorCode, e.kind, e.description]).toEqual(['api', 401, 'transient', 'Unauthorized']);
  });
});

describe('getUpdates', () => {
  it('returns ONE update per call, in order, with the chat type of each', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-private-1', text: 'đăng ký ABC123' });
    await emu.userWrites({ userId: 'u-private-1', groupId: 'g-42', text: 'quá hạn' });
    const first = await bot.getUpdates({ timeoutSeconds: 1 });
    const second = await bot.getUpdates({ timeoutSeconds: 1 });
    expect(first).toMatchObject({
      event_name: 'message.text.received',
      message: { text: 'đăng ký ABC123', chat: { id: 'u-private-1', chat_type: 'PRIVATE' } },
    });
    expect(second).toMatchObject({ message: { text: 'quá hạn', from: { id: 'u-private-1' }, chat: { id: 'g-42', chat_type: 'GROUP' } } });
    expect(emu.pending).toBe(0);
  });

  it('an idle poll ends with null (the platform answers 408), and a message during a poll ends it with that message', async () => {
    const bot = await start();
    expect(await bot.getUpdates({ timeoutSeconds: 1 })).toBeNull();
    expect(emu.calls.map((c) => [c.method, c.status])).toEqual([['getUpdates', 408]]);
    const waiting = bot.getUpdates({ timeoutSeconds: 20 });
    await until(() => emu.calls.length === 1 && emu.pending === 0 && emu.polling);
    await emu.userWrites({ userId: 'u-1', text: 'tiến độ' });
    expect(await waiting).toMatchObject({ message: { text: 'tiến độ' } });
  });

  it('an idle poll is null too when the error comes with HTTP 200', async () => {
    const bot = await start({ errorsWithHttp200: true });
    expect(await bot.getUpdates({ timeoutSeconds: 1 })).toBeNull();
  });

  it('an image arrives as message.image.received with its URL', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', photo: 'https://photo.example/p.jpg', caption: 'ảnh hồ sơ' });
    const u = await bot.getUpdates({ timeoutSeconds: 1 });
    expect(u?.event_name).toBe('message.image.received');
    expect(u && photoOf(u.message)).toBe('https://photo.example/p.jpg');
  });

  it('only one poller at a time: a second concurrent poll is refused (409, transient)', async () => {
    const bot = await start();
    const first = bot.getUpdates({ timeoutSeconds: 20 });
    await until(() => emu.polling);
    const e = await failure(bot.getUpdates({ timeoutSeconds: 1 }));
    expect([e.errorCode, e.kind]).toEqual([409, 'transient']);
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    expect(await first).toMatchObject({ message: { text: 'hi' } });
  });

  it('a poll the caller cancels frees the slot and loses no message', async () => {
    const bot = await start();
    const stop = new AbortController();
    const cancelled = bot.getUpdates({ timeoutSeconds: 20, signal: stop.signal });
    await until(() => emu.polling);
    stop.abort();
    const e = await failure(cancelled);
    expect([e.source, e.errorCode]).toEqual(['network', 'aborted']);
    await until(() => !emu.polling);
    await emu.userWrites({ userId: 'u-1', text: 'sau khi hủy' });
    expect(await bot.getUpdates({ timeoutSeconds: 1 })).toMatchObject({ message: { text: 'sau khi hủy' } });
  });
});

describe('webhook', () => {
  it('setWebhook makes the platform POST each update with the secret header; polling is refused meanwhile; deleteWebhook restores it', async () => {
    const bot = await start();
    const hook = await receiver(() => ({ status: 200, type: 'text/plain', body: 'ok' }));
    const secret = 'webhook-secret-0123456789';
    expect(await bot.setWebhook({ url: `${hook.url}/zalo/bot/webhook`, secretToken: secret })).toMatchObject({ url: `${hook.url}/zalo/bot/webhook` });
    expect((await bot.getWebhookInfo()).url).toBe(`${hook.url}/zalo/bot/webhook`);

    await emu.userWrites({ userId: 'u-9', text: 'quá hạn' });
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.path).toBe('/zalo/bot/webhook');
    expect(hook.got[0]!.headers['x-bot-api-secret-token']).toBe(secret);
    const delivered = parseUpdate(JSON.parse(hook.got[0]!.body));
    expect(delivered).toMatchObject({ event_name: 'message.text.received', message: { text: 'quá hạn', chat: { id: 'u-9' } } });

    const e = await failure(bot.getUpdates({ timeoutSeconds: 1 }));
    expect([e.errorCode, e.kind]).toEqual([409, 'transient']);

    expect((await bot.deleteWebhook()).url).toBe('');
    expect((await bot.getWebhookInfo()).url).toBe('');
    await emu.userWrites({ userId: 'u-9', text: 'tiến độ' });
    expect(await bot.getUpdates({ timeoutSeconds: 1 })).toMatchObject({ message: { text: 'tiến độ' } });
    expect(hook.got).toHaveLength(1);
  });

  it('parseUpdate takes the flat body as clients observe it, and refuses what is not an update', async () => {
    const bot = await start({ webhookBody: 'flat' });
    const hook = await receiver(() => ({ status: 200, type: 'text/plain', body: 'ok' }));
    await bot.setWebhook({ url: hook.url, secretToken: 'another-secret' });
    await emu.userWrites({ userId: 'u-9', text: 'xin chào' });
    const body: unknown = JSON.parse(hook.got[0]!.body);
    expect(body).not.toHaveProperty('result');
    expect(parseUpdate(body)).toMatchObject({ message: { text: 'xin chào' } });
    const noIds = { event_name: 'message.text.received', message: { text: 'no ids' } };
    expect([parseUpdate({ ok: true }), parseUpdate('x'), parseUpdate(noIds)]).toEqual([null, null, null]);
  });

  it('setWebhook is refused while a poll runs, for plain http off loopback, and for a secret of 7 characters', async () => {
    const bot = await start();
    const poll = bot.getUpdates({ timeoutSeconds: 20 });
    await until(() => emu.polling);
    expect((await failure(bot.setWebhook({ url: 'https://hook.example/x', secretToken: '12345678' }))).errorCode).toBe(409);
    await emu.userWrites({ userId: 'u-1', text: 'x' });
    await poll;

    const insecure = await failure(bot.setWebhook({ url: 'http://hook.example/x', secretToken: '12345678' }));
    expect([insecure.errorCode, insecure.kind, insecure.description]).toEqual([400, 'rejected', 'Bad request: url must use https']);

    const calls = emu.calls.length;
    const short = await failure(bot.setWebhook({ url: 'https://hook.example/x', secretToken: '1234567' }));
    expect([short.source, short.kind]).toEqual(['client', 'rejected']);
    expect(emu.calls).toHaveLength(calls);
  });

  it('a platform that allows https only refuses a loopback http webhook', async () => {
    const bot = await start({ allowLoopbackHttp: false });
    const e = await failure(bot.setWebhook({ url: 'http://127.0.0.1:9/hook', secretToken: '12345678' }));
    expect(e.description).toBe('Bad request: url must use https');
  });
});

describe('sending', () => {
  it('sendMessage takes 1–2000 characters; 2001 are refused before any call, and by the platform too', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    const long = 'đ'.repeat(2000);
    const sent = await bot.sendMessage({ chatId: 'u-1', text: long });
    expect(sent.message_id).toMatch(/^[0-9a-f]{20}$/);
    expect(emu.sentTo('u-1').map((s) => s.text)).toEqual([long]);

    const before = emu.calls.length;
    for (const text of [`${long}x`, '']) {
      const e = await failure(bot.sendMessage({ chatId: 'u-1', text }));
      expect([e.source, e.kind]).toEqual(['client', 'rejected']);
    }
    expect(emu.calls).toHaveLength(before);

    const raw = await fetch(`${emu.apiRoot}/bot${TOKEN}/sendMessage`, { method: 'POST', body: JSON.stringify({ chat_id: 'u-1', text: `${long}x` }) });
    expect([raw.status, await raw.json()]).toEqual([400, { ok: false, error_code: 400, description: 'Bad request: text must be 1-2000 characters, got 2001' }]);
    expect(emu.sentTo('u-1')).toHaveLength(1);
  });

  it('sendPhoto: the platform downloads the URL (the bytes arrive), with the caption', async () => {
    const bot = await start();
    const media = await receiver(() => ({ status: 200, type: 'image/png', body: PNG }));
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    await bot.sendPhoto({ chatId: 'u-1', photo: `${media.url}/media/abc`, caption: 'Biểu đồ tỷ lệ đúng hạn' });
    expect(media.got.map((g) => g.path)).toEqual(['/media/abc']);
    const [photo] = emu.sentTo('u-1');
    expect(photo?.caption).toBe('Biểu đồ tỷ lệ đúng hạn');
    expect(photo?.bytes?.equals(PNG)).toBe(true);
  });

  it('sendPhoto fails (rejected, nothing sent) when the URL cannot be downloaded, and the failure is recorded', async () => {
    const bot = await start();
    const media = await receiver((path) =>
      path === '/gone' ? { status: 404, type: 'text/plain', body: 'gone' } : { status: 200, type: 'text/html', body: '<p>' },
    );
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    for (const path of ['/gone', '/page']) {
      const e = await failure(bot.sendPhoto({ chatId: 'u-1', photo: `${media.url}${path}` }));
      expect([e.errorCode, e.kind]).toEqual([400, 'rejected']);
    }
    expect(emu.photoFetches.map((f) => (f.ok ? 'ok' : f.error))).toEqual(['HTTP 404', 'not an image: text/html']);
    expect(emu.sent).toEqual([]);
    const local = await failure(bot.sendPhoto({ chatId: 'u-1', photo: 'file:///etc/passwd' }));
    expect(local.source).toBe('client');
    expect((await failure(bot.sendPhoto({ chatId: 'u-1', photo: `${media.url}/x`, caption: 'c'.repeat(2001) }))).source).toBe('client');
  });

  it('sendChatAction shows "typing"', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    await bot.sendChatAction({ chatId: 'u-1', action: 'typing' });
    expect(emu.sentTo('u-1').map((s) => s.action)).toEqual(['typing']);
  });
});

describe('failures, classified for the dispatcher', () => {
  it('429 from the quota: rate_limited, with the retry time when the platform gives one, and open again in the next window', async () => {
    const bot = await start({ quota: { count: 2, windowMs: 60_000, retryAfterSeconds: 7 } });
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    await bot.sendMessage({ chatId: 'u-1', text: '1' });
    await bot.sendMessage({ chatId: 'u-1', text: '2' });
    const e = await failure(bot.sendMessage({ chatId: 'u-1', text: '3' }));
    expect([e.errorCode, e.kind, e.retryAfterMs]).toEqual([429, 'rate_limited', 7_000]);
    clock += 60_000;
    await bot.sendMessage({ chatId: 'u-1', text: '3' });
    expect(emu.sentTo('u-1').map((s) => s.text)).toEqual(['1', '2', '3']);
  });

  it('429 without a retry time has none; a Retry-After header alone is used', async () => {
    const bot = await start({ quota: { count: 0, windowMs: 60_000 } });
    emu.knowChat('u-1');
    const bare = await failure(bot.sendMessage({ chatId: 'u-1', text: 'x' }));
    expect([bare.kind, bare.retryAfterMs]).toEqual(['rate_limited', undefined]);
    const viaHeader = new ZaloBotClient({
      token: TOKEN,
      apiRoot: 'http://zalo.invalid',
      fetch: async () => Response.json({ ok: false, error_code: 429, description: 'Quota exceeded' }, { status: 429, headers: { 'retry-after': '12' } }),
    });
    expect((await failure(viaHeader.sendMessage({ chatId: 'u-1', text: 'x' }))).retryAfterMs).toBe(12_000);
  });

  it('a user who blocked the bot, or a chat that never wrote, is unreachable; a bare 403 (documented "Internal server error") is transient', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    emu.block('u-1');
    const blocked = await failure(bot.sendMessage({ chatId: 'u-1', text: 'nhắc việc' }));
    expect([blocked.errorCode, blocked.kind]).toEqual([403, 'unreachable']);
    const stranger = await failure(bot.sendMessage({ chatId: 'never-wrote', text: 'x' }));
    expect([stranger.errorCode, stranger.kind]).toEqual([400, 'unreachable']);
    emu.failNext('sendMessage', { status: 403, description: 'Internal server error' }, { status: 400, description: 'Người dùng đã chặn bot' });
    await emu.userWrites({ userId: 'u-2', text: 'hi' });
    expect((await failure(bot.sendMessage({ chatId: 'u-2', text: 'x' }))).kind).toBe('transient');
    expect((await failure(bot.sendMessage({ chatId: 'u-2', text: 'x' }))).kind).toBe('unreachable');
  });

  it('the same classification when errors come with HTTP 200', async () => {
    const bot = await start({ errorsWithHttp200: true, quota: { count: 0, windowMs: 1_000, retryAfterSeconds: 2 } });
    emu.knowChat('u-1');
    const e = await failure(bot.sendMessage({ chatId: 'u-1', text: 'x' }));
    expect([e.errorCode, e.kind, e.retryAfterMs]).toEqual([429, 'rate_limited', 2_000]);
  });

  it('5xx, a proxy page, a refused connection and a timeout are transient; another 400 is rejected', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    emu.failNext('sendMessage', { status: 502, description: 'Bad gateway' }, { status: 400, description: 'Bad request: invalid parameter' });
    expect(await kinds(bot.sendMessage({ chatId: 'u-1', text: 'x' }))).toEqual(['api', 502, 'transient']);
    expect(await kinds(bot.sendMessage({ chatId: 'u-1', text: 'x' }))).toEqual(['api', 400, 'rejected']);

    const proxy = new ZaloBotClient({ token: TOKEN, fetch: async () => new Response('<html><h1>502 Bad Gateway</h1></html>', { status: 502 }) });
    const page = await failure(proxy.getMe());
    expect([page.source, page.errorCode, page.kind]).toEqual(['network', 502, 'transient']);
    expect(page.description).toContain('502 Bad Gateway');

    const refused = await failure(new ZaloBotClient({ token: TOKEN, apiRoot: await closedPort() }).getMe());
    expect([refused.source, refused.errorCode, refused.kind]).toEqual(['network', 'ECONNREFUSED', 'transient']);

    const slow = await start();
    emu.failNext('getMe', 'hang');
    const timedOut = await failure(new ZaloBotClient({ token: TOKEN, apiRoot: emu.apiRoot, timeoutMs: 300 }).getMe());
    expect([timedOut.source, timedOut.errorCode, timedOut.kind]).toEqual(['network', 'timeout', 'transient']);
    expect(await slow.getMe()).toMatchObject({ account_name: 'bot.DungHan' });
  });

  it('a dropped connection is transient', async () => {
    const bot = await start();
    emu.failNext('getMe', 'reset');
    expect(await kinds(bot.getMe())).toEqual(['network', 'UND_ERR_SOCKET', 'transient']);
  });
});

describe('the token never leaves the client', () => {
  it('not in an error message, its inspection, its JSON, its classification or a log line, even when the answer echoes the URL', async () => {
    const bot = await start();
    await emu.userWrites({ userId: 'u-1', text: 'hi' });
    emu.failNext('sendMessage', { status: 500, description: `crash in /bot${TOKEN}/sendMessage (secret ${SECRET}, encoded ${encodeURIComponent(TOKEN)})` });
    const echoed = await failure(bot.sendMessage({ chatId: 'u-1', text: 'x' }));
    const wrongRoot = await failure(new ZaloBotClient({ token: TOKEN, apiRoot: `${emu.apiRoot}/relay/` }).getMe());
    expect(wrongRoot.description).toBe('Not Found: POST /relay/bot***/getMe');
    const badRoot = await failure(new ZaloBotClient({ token: TOKEN, apiRoot: 'http://[bad' }).getMe());
    const refused = await failure(new ZaloBotClient({ token: TOKEN, apiRoot: await closedPort() }).getMe());

    const { log, text } = captureLog();
    for (const e of [echoed, wrongRoot, badRoot, refused]) {
      log.error({ err: e, failure: classifyZaloBotError(e, TOKEN) }, 'zalo-bot call failed');
      for (const shown of [e.message, e.stack ?? '', inspect(e, { showHidden: true, depth: 5 }), JSON.stringify(e), classifyZaloBotError(e, TOKEN).message]) {
        expect(shown).not.toContain(SECRET);
      }
    }
    expect(echoed.message).toContain('crash in /bot***/sendMessage');
    expect(text()).not.toContain(SECRET);
    expect(inspect(bot, { showHidden: true, depth: 5 })).not.toContain(SECRET);
  });

  it('a foreign error passed to the classifier is transient and scrubbed', () => {
    const f = classifyZaloBotError(new TypeError(`Failed to parse URL from http://x/bot${TOKEN}/getMe`), TOKEN);
    expect([f.kind, f.message]).toEqual(['transient', 'TypeError: Failed to parse URL from http://x/bot***/getMe']);
  });
});

async function kinds(p: Promise<unknown>): Promise<[string, number | string | null, string]> {
  const e = await failure(p);
  return [e.source, e.errorCode, e.kind];
}

/** The root of a port nothing listens on. */
async function closedPort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('condition not reached');
}
