// Reminders go where the officials' linked chat accounts are, whoever plans them: `dunghan alerts
// --run` in a shell without TELEGRAM_BOT_TOKEN plans an official linked to Telegram to Telegram,
// never to the console of demo mode; the row waits, visibly stuck (dunghan outbox, /healthz), while
// no instance runs Telegram, and a service started later with the token delivers it.
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import { startService, type Service } from '../../src/main.ts';
import { createInvite, redeemInvite } from '../../src/org/invites.ts';
import { startStubBotApi, type StubBotApi } from '../channels/telegram/support/stub-bot-api.ts';
import { TOKEN } from '../channels/telegram/support/world.ts';
import { cli, seededTarget, waitFor } from '../support/cli.ts';
import { testDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn } from '../support/dossiers.ts';
import { clockReading } from '../support/clock.ts';

const AT = '2026-11-27T09:00:00+07:00';
const CHAT = '777001';
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function eventually(cond: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (await cond()) return true;
  return cond();
}

interface ListedRow { id: number; status: string; channel: string; address: string; stuck: boolean; lastError: string | null }

/** The service on the seeded data, on a clock that starts at AT and moves with real time. */
type Running = { service: Service; healthz: () => Promise<Record<string, unknown>> };
async function serve(url: string, env: Record<string, string>, print: (text: string) => void): Promise<Running> {
  const started = Date.now();
  const now = () => new Date(new Date(AT).getTime() + (Date.now() - started));
  const config = loadConfig({ DATABASE_URL: url, DEMO_SEED: 'never', HTTP_PORT: '0', LOG_LEVEL: 'silent', ...env });
  let base = '';
  const service = await startService({
    config, log: createLogger(config), clock: clockReading(now),
    print: (text) => {
      base ||= /Máy chủ HTTP: (http:\/\/\S+)/.exec(text)?.[1] ?? '';
      print(text);
    },
  });
  return { service, healthz: async () => (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown> };
}

describe('planning reminders from the officials’ chat accounts', () => {
  it('alerts --run without a token plans a Telegram-linked official to Telegram; stuck, visibly, until a service with the token sends it', async () => {
    const { target, env } = await seededTarget();
    cleanup.push(() => target.drop());
    const database: Database = await openDatabase(target.target);
    cleanup.push(() => database.close());
    const { db } = database;

    // Link one official who has reminders due at AT to Telegram, as /dangky would.
    const plan = JSON.parse((await cli(['alerts', '--dry-run', '--at', AT, '--json'], env)).out) as { messages: { recipient: string }[] };
    const code = plan.messages[0]!.recipient;
    const official = await db.official.findUniqueOrThrow({ where: { code } });
    const invite = await createInvite(db, official.id, { now: new Date(AT), createdBy: 'test' });
    expect((await redeemInvite(db, invite.code, { channel: 'telegram', externalId: CHAT }, new Date(AT))).kind).toBe('linked');

    // The shell has no TELEGRAM_BOT_TOKEN.
    const run = await cli(['alerts', '--run', '--at', AT], env);
    expect(run.code).toBe(0);
    const rows = await db.outbox.findMany({ where: { officialId: official.id } });
    expect(rows.map((r) => [r.channel, r.address, r.status])).toEqual([['telegram', CHAT, 'pending']]);
    expect(rows[0]!.lastError).toBe(t('outbox-no-instance', { channel: 'telegram' }));
    expect(run.out).toContain(t('outbox-stuck-summary', { channel: 'telegram', count: '1' }));

    // dunghan outbox lists it as stuck, in text and JSON.
    const listed = JSON.parse((await cli(['outbox', '--status', 'stuck', '--json'], env)).out) as ListedRow[];
    const row = { id: rows[0]!.id, status: 'pending', address: CHAT, stuck: true };
    expect(listed.filter((r) => r.channel === 'telegram')).toEqual([expect.objectContaining(row)]);
    expect((await cli(['outbox'], env)).out).toContain(t('outbox-stuck-summary', { channel: 'telegram', count: '1' }));

    // A service without the token (demo mode, the console channel) cannot send it: /healthz says so.
    const printed: string[] = [];
    const demo = await serve(target.url, {}, (text) => printed.push(text));
    try {
      const health = await demo.healthz();
      expect(health.outbox).toEqual({ stuck: { telegram: 1 } });
      expect(health.status).toBe('degraded');
      expect(printed.join('\n')).not.toContain(CHAT);
    } finally {
      await demo.service.stop();
    }
    const waiting = { status: 'pending', lastError: t('outbox-no-instance', { channel: 'telegram' }) };
    expect(await db.outbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject(waiting);

    // Later, the service with the token delivers it.
    const stub: StubBotApi = await startStubBotApi((call) => (call.method === 'getUpdates' ? { body: { ok: true, result: [] }, delayMs: 200 } : undefined));
    cleanup.push(() => stub.close());
    const live = await serve(target.url, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: stub.url }, () => {});
    try {
      expect(await waitFor(() => stub.of('sendMessage').some((c) => String(c.fields.chat_id) === CHAT), 15_000)).toBe(true);
      expect(await eventually(async () => (await db.outbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).status === 'sent')).toBe(true);
      expect((await db.outbox.findUniqueOrThrow({ where: { id: rows[0]!.id } })).lastError).toBeNull();
      expect(((await live.healthz()).outbox as { stuck: Record<string, number> }).stuck.telegram).toBeUndefined();
    } finally {
      await live.service.stop();
    }
  }, 90_000);

  it('outside demo data nothing is ever routed to the console: officials without a chat account are reported, not queued', async () => {
    const database = await testDatabase();
    cleanup.push(() => database.drop());
    const { db } = database;
    const org = await tinyOrg(database);
    const head = await db.official.create({ data: { code: 'tp-o', fullName: 'Cán bộ tp-o', title: 'Trưởng phòng', role: 'unit_head', unitId: org.ids.O } });
    await db.official.create({ data: { code: 'ct-c', fullName: 'Cán bộ ct-c', title: 'Chủ tịch', role: 'commune_chair', unitId: org.ids.C } });
    await db.chatIdentity.create({ data: { officialId: head.id, channel: 'zalo', externalId: 'z-1' } });
    // Received Mon 30/11, due Thu 3/12: overdue on Fri 4/12, escalated on Wed 9/12.
    await save(database, org, [dossier(org, 'HS-1', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));

    const overdue = await cli(['alerts', '--run', '--at', '2026-12-09T09:00:00+07:00', '--json'], { DATABASE_URL: database.url });
    expect(overdue.code).toBe(0);
    expect(JSON.parse(overdue.out)).toMatchObject({ unaddressed: ['ct-c'], stuck: { zalo: 1 } });
    const rows = await db.outbox.findMany();
    expect(rows.map((r) => [r.channel, r.address])).toEqual([['zalo', 'z-1']]);
    expect(await db.alertItem.count({ where: { key: { contains: 'ct-c' } } })).toBe(0); // the chair's item waits to be planned again
  });
});
