// startTelegram as the service calls it: webhook mode registers the webhook with its secret and
// serves updates through a node:http handler that checks the secret; long polling survives a
// Bot API that fails; health reports getMe without the token; stop() always returns.
import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramService } from '../../../src/channels/telegram/start.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { freePort } from './support/emulator.ts';
import { apiError, startStubBotApi, type StubBotApi } from './support/stub-bot-api.ts';
import { servicesFor, TOKEN, world, type World } from './support/world.ts';
import { fixedClock } from '../../support/clock.ts';

let stub: StubBotApi;
let w: World;
let tg: TelegramService | undefined;
let http: Server | undefined;
const now = new Date('2026-12-04T02:00:00Z');
const SECRET = 'webhook-secret-0123456789abcdef';
const env = (extra: Record<string, string> = {}) => ({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: stub.url, ...extra });

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await sleep(10);
  }
}

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => stub.close());
beforeEach(async () => {
  w = await world();
  stub.calls.length = 0;
  stub.respond = undefined;
});
afterEach(async () => {
  await tg?.stop();
  tg = undefined;
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  http = undefined;
  await w.database.drop();
});

describe('webhook mode', () => {
  it('registers the webhook with its secret and answers updates posted with that secret only', async () => {
    const services = servicesFor(w.database, env({ TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_URL: 'https://dunghan.example.gov.vn/telegram/hook', TELEGRAM_WEBHOOK_SECRET: SECRET }));
    tg = await startTelegram({ services: { ...services, clock: fixedClock(now) }, retryMs: 20 });
    await until(() => stub.of('setMyCommands').length === 2);
    expect(stub.of('setWebhook').map((c) => c.fields)).toEqual([
      { url: 'https://dunghan.example.gov.vn/telegram/hook', secret_token: SECRET, allowed_updates: ['message', 'callback_query', 'my_chat_member'] },
    ]);
    expect(stub.of('getUpdates')).toEqual([]);

    // What the service's HTTP server does: mount the handler at the webhook URL's path.
    const webhook = tg.webhook!;
    expect(webhook.path).toBe('/telegram/hook');
    http = createServer((req, res) => (req.url === webhook.path ? void webhook.handle(req, res) : res.writeHead(404).end()));
    await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as { port: number }).port;
    const update = { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 1001, type: 'private', first_name: 'A' }, from: { id: 1001, is_bot: false, first_name: 'A' }, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] } };
    const post = (headers: Record<string, string>, body = JSON.stringify(update), method = 'POST') =>
      fetch(`http://127.0.0.1:${port}/telegram/hook`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'POST' ? { body } : {}) });

    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789' })).status).toBe(401);
    expect((await post({}, '', 'GET')).status).toBe(405);
    expect(stub.of('sendMessage')).toEqual([]);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET }, '{not json')).status).toBe(400);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect(stub.of('sendMessage').map((c) => c.fields.text)).toEqual([t('start-welcome-stranger')]);
  });
});

describe('long polling', () => {
  it('asks only for the updates it handles, and keeps polling through Bot API failures', async () => {
    let failures = 0;
    let delivered = false;
    stub.respond = (call) => {
      if (call.method !== 'getUpdates') return undefined;
      if (failures < 2) return failures++ === 0 ? apiError(502, 'Bad Gateway') : 'reset';
      if (!delivered) {
        delivered = true;
        return { body: { ok: true, result: [{ update_id: 10, message: { message_id: 5, date: 1, chat: { id: 1001, type: 'private', first_name: 'A' }, from: { id: 1001, is_bot: false, first_name: 'A' }, text: '/trogiup', entities: [{ type: 'bot_command', offset: 0, length: 8 }] } }] } };
      }
      return Number(call.fields.timeout ?? 0) > 0 ? 'hang' : { body: { ok: true, result: [] } }; // a long poll with nothing to say
    };
    tg = await startTelegram({ services: { ...servicesFor(w.database, env()), clock: fixedClock(now) }, retryMs: 20 });
    await until(() => stub.of('sendMessage').length === 1, 15_000);
    expect(stub.of('sendMessage')[0]!.fields.text).toBe(t('help-stranger'));
    const polls = stub.of('getUpdates');
    expect(polls[0]!.fields).toMatchObject({ allowed_updates: ['message', 'callback_query', 'my_chat_member'], timeout: 30 });
    expect(stub.of('deleteWebhook')).toHaveLength(1);
    const started = Date.now();
    await tg.stop();
    tg = undefined;
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('on standby (another instance polls), polls only once it may, and stops at once either way', async () => {
    stub.respond = (call) => (call.method === 'getUpdates' && Number(call.fields.timeout ?? 0) > 0 ? 'hang' : undefined);
    let mayPoll!: (go: boolean) => void;
    const mine = { ...servicesFor(w.database, env()), clock: fixedClock(now) };
    tg = await startTelegram({ services: mine, retryMs: 20, pollWhen: new Promise((r) => (mayPoll = r)) });
    await sleep(300);
    expect(stub.of('getUpdates')).toEqual([]);
    expect(stub.of('getMe')).toEqual([]);
    mayPoll(true);
    await until(() => stub.of('getUpdates').length >= 1);

    await tg.stop();
    // Never allowed: never polls, and stop() does not wait for it.
    stub.calls.length = 0;
    const other = { ...servicesFor(w.database, env()), clock: fixedClock(now) };
    tg = await startTelegram({ services: other, retryMs: 20, pollWhen: new Promise(() => {}).then(() => true) });
    const never = tg;
    const started = Date.now();
    await Promise.race([never.stop(), sleep(2_000)]);
    tg = undefined;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stub.of('getUpdates')).toEqual([]);
  });

  it('a wrong token: the service stays up, health says why without the token, stop() returns', async () => {
    stub.respond = () => apiError(401, 'Unauthorized');
    tg = await startTelegram({ services: { ...servicesFor(w.database, env()), clock: fixedClock(now) }, retryMs: 20 });
    await until(() => stub.of('getMe').length >= 3); // retried with backoff
    const h = await tg.health();
    expect(h).toEqual({ ok: false, error: 'getMe: 401 Unauthorized' });
    expect(JSON.stringify(h)).not.toContain(TOKEN.split(':')[1]);
    await tg.stop();
    tg = undefined;
  });

  it('with the Bot API unreachable, keeps trying and still stops at once', async () => {
    const services = servicesFor(w.database, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` });
    tg = await startTelegram({ services: { ...services, clock: fixedClock(now) }, retryMs: 20 });
    await sleep(300);
    expect(await tg.health()).toEqual({ ok: false, error: "Network request for 'getMe' failed! (ECONNREFUSED)" });
    const started = Date.now();
    await tg.stop();
    tg = undefined;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('a command menu the Bot API refuses is logged with the API’s own description, without the token', async () => {
    let logs = '';
    const log = createLogger({ LOG_LEVEL: 'warn', LOG_PRETTY: '0' }, new Writable({ write: (c, _e, cb) => ((logs += String(c)), cb()) }));
    stub.respond = (call) => {
      if (call.method === 'setMyCommands') return { status: 500, body: { message: `API method 'setMyCommands' is not supported (${TOKEN}).` } };
      return call.method === 'getUpdates' && Number(call.fields.timeout ?? 0) > 0 ? 'hang' : undefined;
    };
    tg = await startTelegram({ services: { ...servicesFor(w.database, env(), log), clock: fixedClock(now) }, retryMs: 20 });
    await until(() => logs.includes('telegram command menu not set'));
    const line = JSON.parse(logs.split('\n').find((l) => l.includes('telegram command menu not set'))!) as Record<string, unknown>;
    expect(line).toMatchObject({ kind: 'transient', error: "setMyCommands: API method 'setMyCommands' is not supported (***)." });
    expect(logs).not.toContain(TOKEN.split(':')[1]);
  });

  it('health is cached briefly', async () => {
    tg = await startTelegram({ services: { ...servicesFor(w.database, env()), clock: fixedClock(now) }, connect: false });
    expect(await tg.health()).toEqual({ ok: true, username: 'dunghan_test_bot' });
    expect(await tg.health()).toEqual({ ok: true, username: 'dunghan_test_bot' });
    expect(stub.of('getMe')).toHaveLength(1);
  });
});
