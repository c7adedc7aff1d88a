// The ZNS client against the local emulator: OAuth refresh rotating single-use refresh tokens,
// access tokens expiring, template sends with their parameters, the quota, template info, each
// failure classified for the dispatcher without any secret in it, the signed delivery report
// (good, forged, wrong timestamp) through a webhook, and the phone number table.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZnsClient, type ZnsMessage } from '../../../src/channels/zns/client.ts';
import { ZnsError } from '../../../src/channels/zns/errors.ts';
import { normalizePhone } from '../../../src/channels/zns/phone.ts';
import { deliveryOf, SIGNATURE_HEADER, verifyEventSignature } from '../../../src/channels/zns/webhook.ts';
import { captureLog } from '../zalo/log-capture.ts';
import { ZnsEmulator, type ZnsEmulatorOptions } from '../../support/zns-emulator.ts';

// Built at run time: no secret-like text in git.
const APP_ID = '4291763606161179100';
const APP_SECRET = 'fake-app-secret-'.padEnd(24, 'k');
const OA_SECRET = 'fake-oa-secret-'.padEnd(24, 'o');
const FIRST_REFRESH = 'fake-first-refresh-token-'.padEnd(64, 'r');
const HOUR = 3_600_000;

const TEMPLATES = {
  '312345': { name: 'Hồ sơ quá hạn', params: [{ name: 'ma_ho_so', maxLength: 40 }, { name: 'han_xu_ly', maxLength: 10 }, { name: 'don_vi', require: false }] },
  '399999': { status: 'PENDING_REVIEW' as const, params: [{ name: 'x' }] },
};

let emu: ZnsEmulator;
let clock = Date.UTC(2026, 11, 3, 2, 0); // 09:00 in Hà Nội
const servers: Server[] = [];

async function start(o: Partial<ZnsEmulatorOptions> = {}): Promise<ZnsClient> {
  await emu?.close();
  const secrets = { appId: APP_ID, appSecret: APP_SECRET, oaSecretKey: OA_SECRET, refreshToken: FIRST_REFRESH };
  emu = await ZnsEmulator.start({ ...secrets, templates: TEMPLATES, now: () => clock, ...o });
  return new ZnsClient({ appId: APP_ID, appSecret: APP_SECRET, oauthRoot: emu.oauthRoot, apiRoot: emu.apiRoot, timeoutMs: 5_000 });
}

const overdue = (o: Partial<ZnsMessage> = {}): ZnsMessage => ({
  phone: '0912 345 678',
  templateId: '312345',
  templateData: { ma_ho_so: '000.00.99.H55-261125-0001', han_xu_ly: '07/12/2026' },
  trackingId: 'outbox-1',
  ...o,
});

async function failure(p: Promise<unknown>): Promise<ZnsError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!(e instanceof ZnsError)) throw new Error(`expected a ZnsError, got ${inspect(e)}`);
  return e;
}

beforeEach(() => {
  clock = Date.UTC(2026, 11, 3, 2, 0);
});
afterEach(async () => {
  await emu?.close();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

describe('OAuth v4 refresh', () => {
  it('returns a new access token and a NEW refresh token; the old refresh token is refused afterwards', async () => {
    const zns = await start();
    const first = await zns.refreshAccessToken(FIRST_REFRESH);
    expect(first.expiresInSeconds).toBe(90_000);
    expect(first.refreshToken).not.toBe(FIRST_REFRESH);
    expect(emu.liveRefreshTokens).toEqual([first.refreshToken]);

    const reused = await failure(zns.refreshAccessToken(FIRST_REFRESH));
    expect([reused.call, reused.source, reused.errorCode, reused.kind]).toEqual(['oauth', 'api', -14014, 'reauthorize']);
    expect(reused.description).toBe('Refresh token is invalid, expired or already used');

    const second = await zns.refreshAccessToken(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(emu.liveRefreshTokens).toEqual([second.refreshToken]);
    expect(emu.refreshes.map((r) => r.ok)).toEqual([true, false, true]);
  });

  it('a wrong app secret is refused (reauthorize); an OAuth server error is transient and leaves the refresh token alive', async () => {
    await start();
    const wrongSecret = new ZnsClient({ appId: APP_ID, appSecret: 'another-app-secret-xxxxxx', oauthRoot: emu.oauthRoot, apiRoot: emu.apiRoot });
    expect((await failure(wrongSecret.refreshAccessToken(FIRST_REFRESH))).kind).toBe('reauthorize');
    const zns = new ZnsClient({ appId: APP_ID, appSecret: APP_SECRET, oauthRoot: emu.oauthRoot, apiRoot: emu.apiRoot });
    emu.failNext('/v4/oa/access_token', { status: 503, body: { error: -14001, error_description: 'Service unavailable' } });
    const down = await failure(zns.refreshAccessToken(FIRST_REFRESH));
    expect([down.source, down.errorCode, down.kind]).toEqual(['network', 503, 'transient']);
    expect(emu.liveRefreshTokens).toEqual([FIRST_REFRESH]);
    expect((await zns.refreshAccessToken(FIRST_REFRESH)).accessToken).toMatch(/^at_/);
  });

  it('an access token expires after its lifetime (access_token: refresh and retry)', async () => {
    const zns = await start({ accessTokenTtlMs: HOUR });
    const t = await zns.refreshAccessToken(FIRST_REFRESH);
    expect(t.expiresInSeconds).toBe(3_600);
    await zns.sendTemplate(t.accessToken, overdue());
    clock += HOUR;
    const expired = await failure(zns.sendTemplate(t.accessToken, overdue()));
    expect([expired.errorCode, expired.kind]).toEqual([-124, 'access_token']);
    const fresh = await zns.refreshAccessToken(t.refreshToken);
    await zns.sendTemplate(fresh.accessToken, overdue());
    expect(emu.sends).toHaveLength(2);
  });
});

describe('ZNS template messages', () => {
  it('sends to the normalised phone with the template data and our tracking id; the answer has msg_id and quota', async () => {
    const zns = await start({ dailyQuota: 10 });
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    const sent = await zns.sendTemplate(accessToken, overdue());
    const expected = { phone: '84912345678', templateId: '312345', trackingId: 'outbox-1', templateData: overdue().templateData };
    expect(emu.sends).toEqual([expect.objectContaining(expected)]);
    expect(sent).toEqual({ msgId: emu.sends[0]!.msgId, sentTime: clock, quota: { dailyQuota: 10, remainingQuota: 9 } });
    expect(await zns.getQuota(accessToken)).toEqual({ dailyQuota: 10, remainingQuota: 9 });
  });

  it('template info gives the status and the parameters (to check the configuration)', async () => {
    const zns = await start();
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    const info = await zns.getTemplateInfo(accessToken, '312345');
    expect([info.templateId, info.status, info.listParams.map((p) => [p.name, p.require, p.maxLength])]).toEqual([
      '312345',
      'ENABLE',
      [['ma_ho_so', true, 40], ['han_xu_ly', true, 10], ['don_vi', false, 30]],
    ]);
    expect((await failure(zns.getTemplateInfo(accessToken, '1'))).errorCode).toBe(-109);
  });

  it('refusals of the message itself are rejected: unknown or unapproved template, missing or too long parameter', async () => {
    const zns = await start();
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    const cases: [Partial<ZnsMessage>, number][] = [
      [{ templateId: '1' }, -109],
      [{ templateId: '399999' }, -109],
      [{ templateData: { ma_ho_so: '000.00.99.H55-261125-0001' } }, -112],
      [{ templateData: { ma_ho_so: 'x', han_xu_ly: '07/12/2026 (quá hạn)' } }, -112],
      [{ templateData: {} }, -111],
    ];
    for (const [change, code] of cases) {
      const e = await failure(zns.sendTemplate(accessToken, overdue(change)));
      expect([e.source, e.errorCode, e.kind]).toEqual(['api', code, 'rejected']);
    }
    expect(emu.sends).toEqual([]);
  });

  it('a number without Zalo, or one that is not a mobile number, is unreachable (the bad one before any call)', async () => {
    const zns = await start();
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    emu.noZalo('84987654321');
    const noZalo = await failure(zns.sendTemplate(accessToken, overdue({ phone: '+84 987 654 321' })));
    expect([noZalo.errorCode, noZalo.kind]).toEqual([-118, 'unreachable']);
    const calls = emu.refreshes.length + emu.sends.length;
    const landline = await failure(zns.sendTemplate(accessToken, overdue({ phone: '024 3825 1234' })));
    expect([landline.source, landline.kind, landline.description]).toEqual(['client', 'unreachable', 'phone number refused: not_mobile']);
    expect(emu.refreshes.length + emu.sends.length).toBe(calls);
    const refusing = new ZnsClient({
      appId: APP_ID,
      appSecret: APP_SECRET,
      fetch: async () => Response.json({ error: -139, message: 'User refused to receive ZNS from this OA' }),
    });
    expect((await failure(refusing.sendTemplate(accessToken, overdue()))).kind).toBe('unreachable');
  });

  it('the daily quota: spent → rate_limited; the next day (Hà Nội time) it is back', async () => {
    const zns = await start({ dailyQuota: 1 });
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    await zns.sendTemplate(accessToken, overdue());
    const spent = await failure(zns.sendTemplate(accessToken, overdue({ trackingId: 'outbox-2' })));
    expect([spent.errorCode, spent.kind]).toEqual([-115, 'rate_limited']);
    expect(await zns.getQuota(accessToken)).toEqual({ dailyQuota: 1, remainingQuota: 0 });
    clock = Date.UTC(2026, 11, 3, 17, 0); // 00:00 on 4 December in Hà Nội
    await zns.sendTemplate(accessToken, overdue({ trackingId: 'outbox-2' }));
    expect(emu.sends.map((s) => s.trackingId)).toEqual(['outbox-1', 'outbox-2']);
  });

  it("Zalo's unknown error, a refused connection and a timeout are transient; a tracking id over 48 characters is rejected locally", async () => {
    const zns = await start();
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    emu.failNext('/message/template', { body: { error: -100, message: 'Unknown error' } });
    expect((await failure(zns.sendTemplate(accessToken, overdue()))).kind).toBe('transient');

    emu.failNext('/message/template', 'hang');
    const slow = new ZnsClient({ appId: APP_ID, appSecret: APP_SECRET, oauthRoot: emu.oauthRoot, apiRoot: emu.apiRoot, timeoutMs: 300 });
    const timedOut = await failure(slow.sendTemplate(accessToken, overdue()));
    expect([timedOut.source, timedOut.errorCode, timedOut.kind]).toEqual(['network', 'timeout', 'transient']);

    const gone = new ZnsClient({ appId: APP_ID, appSecret: APP_SECRET, oauthRoot: await closedPort(), apiRoot: await closedPort() });
    const refused = await failure(gone.refreshAccessToken(FIRST_REFRESH));
    expect([refused.source, refused.errorCode, refused.kind]).toEqual(['network', 'ECONNREFUSED', 'transient']);
    expect(emu.liveRefreshTokens).toEqual([expect.any(String)]);

    const long = await failure(zns.sendTemplate(accessToken, overdue({ trackingId: 'x'.repeat(49) })));
    expect([long.source, long.kind]).toEqual(['client', 'rejected']);
  });
});

describe('secrets never leave the client', () => {
  it('neither the app secret nor a token is in an error, its inspection or a log line, even when Zalo echoes them', async () => {
    const zns = await start();
    const { accessToken, refreshToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    emu.failNext('/v4/oa/access_token', { body: { error: -14014, error_description: `bad refresh_token=${refreshToken} secret_key=${APP_SECRET}` } });
    emu.failNext('/message/template', { body: { error: -124, message: `Access token invalid: ${accessToken}` } });
    emu.failNext('/message/quota', { status: 502, body: `proxy error for access_token ${accessToken} (${encodeURIComponent(APP_SECRET)})` });
    const errors = [
      await failure(zns.refreshAccessToken(refreshToken)),
      await failure(zns.sendTemplate(accessToken, overdue())),
      await failure(zns.getQuota(accessToken)),
    ];
    expect(errors.map((e) => e.kind)).toEqual(['reauthorize', 'access_token', 'transient']);
    const { log, text } = captureLog();
    for (const e of errors) {
      log.error({ err: e }, 'zns call failed');
      for (const shown of [e.message, e.stack ?? '', inspect(e, { showHidden: true, depth: 5 }), JSON.stringify(e)]) {
        for (const secret of [APP_SECRET, accessToken, refreshToken]) expect(shown).not.toContain(secret);
      }
    }
    expect(errors[1]!.message).toBe('zns send: -124 Access token invalid: ***');
    for (const secret of [APP_SECRET, accessToken, refreshToken]) expect(text()).not.toContain(secret);
    expect(inspect(zns, { showHidden: true, depth: 5 })).not.toContain(APP_SECRET);
  });
});

describe('the delivery report on the OA webhook', () => {
  /** An OA webhook that verifies the signature (401 when it fails) and records the deliveries. */
  async function webhook() {
    const delivered: ReturnType<typeof deliveryOf>[] = [];
    const problems: string[] = [];
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const check = verifyEventSignature({ appId: APP_ID, oaSecretKey: OA_SECRET, rawBody: Buffer.concat(chunks), signature: req.headers[SIGNATURE_HEADER] });
      if (!check.ok) {
        problems.push(check.problem);
        res.writeHead(401).end();
        return;
      }
      delivered.push(deliveryOf(check.event));
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const address = server.address();
    return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/zalo/oa/webhook`, delivered, problems };
  }

  it('a signed user_received_message is accepted with our tracking id; forged, signed over another timestamp or unsigned gets 401', async () => {
    const zns = await start();
    const hook = await webhook();
    const { accessToken } = await zns.refreshAccessToken(FIRST_REFRESH);
    const { msgId } = await zns.sendTemplate(accessToken, overdue({ trackingId: 'outbox-42' }));
    clock += 5_000;
    expect((await emu.deliver(hook.url, msgId, 'bad-signature')).status).toBe(401);
    expect((await emu.deliver(hook.url, msgId, 'wrong-timestamp')).status).toBe(401);
    expect((await emu.deliver(hook.url, msgId, 'unsigned')).status).toBe(401);
    expect(hook.problems).toEqual(['mismatch', 'mismatch', 'missing']);
    expect(hook.delivered).toEqual([]);
    expect((await emu.deliver(hook.url, msgId)).status).toBe(200);
    expect(hook.delivered).toEqual([{ msgId, trackingId: 'outbox-42', deliveredAt: new Date(clock) }]);
  });

  it('the check takes the signature with or without "mac=", in either hex case, and refuses an altered body or another app', () => {
    const event = { app_id: APP_ID, event_name: 'user_received_message', timestamp: '1764727200000', message: { msg_id: 'm1', tracking_id: 't1' } };
    const body = JSON.stringify(event);
    const mac = sha256(`${APP_ID}${body}1764727200000${OA_SECRET}`);
    const check = (rawBody: string, signature: string | undefined, appId = APP_ID) =>
      verifyEventSignature({ appId, oaSecretKey: OA_SECRET, rawBody, signature });
    expect([check(body, `mac=${mac}`).ok, check(body, mac).ok, check(body, `MAC=${mac.toUpperCase()}`).ok]).toEqual([true, true, true]);
    expect(check(body.replace('t1', 't2'), `mac=${mac}`)).toEqual({ ok: false, problem: 'mismatch' });
    expect(check(body, `mac=${mac.slice(0, 63)}`)).toEqual({ ok: false, problem: 'mismatch' });
    expect(check(body, `mac=${mac}`, '1111111111111111111')).toEqual({ ok: false, problem: 'app_id' });
    expect(check('not json', `mac=${mac}`)).toEqual({ ok: false, problem: 'body' });
    expect(check(JSON.stringify({ app_id: APP_ID }), `mac=${mac}`)).toEqual({ ok: false, problem: 'body' });
    expect(check(body, '  ')).toEqual({ ok: false, problem: 'missing' });
  });

  it('only user_received_message with a msg_id is a delivery', () => {
    expect(deliveryOf({ event_name: 'user_send_text', message: { msg_id: 'm' } })).toBeNull();
    expect(deliveryOf({ event_name: 'user_received_message', message: {} })).toBeNull();
    expect(deliveryOf({ event_name: 'user_received_message', message: { msg_id: 'm' } })).toEqual({ msgId: 'm', trackingId: null, deliveredAt: null });
  });
});

describe('phone numbers to 84…', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['0912 345 678', '84912345678'],
    ['0912.345.678', '84912345678'],
    [' 091 234 5678 ', '84912345678'],
    ['+84912345678', '84912345678'],
    ['+84 912 345 678', '84912345678'],
    ['84912345678', '84912345678'],
    ['+84 0912 345 678', '84912345678'],
    ['0845123456', '84845123456'],
    ['84845123456', '84845123456'],
    ['0321234567', '84321234567'],
    ['0561234567', '84561234567'],
    ['0701234567', '84701234567'],
  ])('%j → %s', (input, phone) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0912-345-678', 'characters'],
    ['(091) 2345678', 'characters'],
    ['0912345678 ext 2', 'characters'],
    ['09123456７8', 'characters'],
    ['+1 415 555 0100', 'country'],
    ['+8412345678', 'not_mobile'],
    ['912345678', 'prefix'],
    ['0', 'length'],
    ['091234567', 'length'],
    ['09123456789', 'length'],
    ['01689123456', 'not_mobile'],
    ['02438251234', 'not_mobile'],
    ['0612345678', 'not_mobile'],
  ])('%j is refused: %s', (input, problem) => {
    expect(normalizePhone(input)).toEqual({ ok: false, problem });
  });
});

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** The root of a port nothing listens on. */
async function closedPort(): Promise<string> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const address = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
