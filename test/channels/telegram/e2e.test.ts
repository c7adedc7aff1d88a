// End to end against telegram-test-api, a Bot API emulator over HTTP on 127.0.0.1: the real bot
// (startTelegram, long polling) and the real outbox channel. Simulated officials register with
// invites (/dangky and the /start <mã> deep link), ask /tiendo and /quahan, page with buttons
// (edited in place), receive a planned alert through the dispatcher and acknowledge it with its
// button; a stranger is refused; a group gets counts until configured. The emulator has no
// setMyCommands: an API transformer answers it and keeps the exact request.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transformer } from 'grammy';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { TelegramClient } from 'telegram-test-api/lib/modules/telegramClient.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlerts } from '../../../src/alerts/run.ts';
import { startTelegram, type TelegramService } from '../../../src/channels/telegram/start.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createInvite } from '../../../src/org/invites.ts';
import { Dispatcher } from '../../../src/outbox/dispatcher.ts';
import { vn } from '../../support/dossiers.ts';
import { startEmulator } from './support/emulator.ts';
import { servicesFor, TOKEN, world, type World } from './support/world.ts';
import type { Services } from '../../../src/core/services.ts';
import { clockReading } from '../../support/clock.ts';

interface BotMessage {
  messageId: number;
  text: string;
  buttons: { text: string; callback_data: string }[][];
}

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let w: World;
let services: Services;
let tg: TelegramService;
let clock = vn('2026-12-04 08:00');
const calls: { method: string; payload: Record<string, unknown> }[] = [];

/** The emulator lacks setMyCommands: answer it here (the request is still recorded). */
const emulatorGaps: Transformer = async (prev, method, payload, signal) =>
  method === 'setMyCommands' ? ({ ok: true, result: true } as never) : prev(method, payload, signal);
/** Its getUpdates answers at once instead of long polling: pause between empty answers. */
const idlePolling: Transformer = async (prev, method, payload, signal) => {
  const r = await prev(method, payload, signal);
  if (method === 'getUpdates' && r.ok && Array.isArray(r.result) && r.result.length === 0) await sleep(20);
  return r;
};
const recorder: Transformer = async (prev, method, payload, signal) => {
  calls.push({ method, payload: payload as Record<string, unknown> });
  return prev(method, payload, signal);
};

const toMessage = (u: { messageId: number; message: { text?: string; reply_markup?: unknown } }): BotMessage => ({
  messageId: u.messageId,
  text: u.message.text ?? '',
  buttons: ((u.message.reply_markup as { inline_keyboard?: BotMessage['buttons'] } | undefined)?.inline_keyboard) ?? [],
});

function person(userId: number, chat: { id: number; type: 'private' | 'group' } = { id: userId, type: 'private' }): TelegramClient {
  return emulator.server.getClient(TOKEN, { userId, chatId: chat.id, type: chat.type, firstName: `Người ${userId}`, chatTitle: 'Tổ một cửa', timeout: 8_000, interval: 20 });
}

/** Sends a text (a command if it starts with '/') and waits for the bot's answer in that chat. */
async function say(client: TelegramClient, text: string): Promise<BotMessage[]> {
  if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text));
  else await client.sendMessage(client.makeMessage(text));
  const updates = await client.getUpdates();
  return (updates.result as unknown as Parameters<typeof toMessage>[0][]).map(toMessage);
}

async function press(client: TelegramClient, data: string, messageId: number): Promise<void> {
  await client.sendCallback(client.makeCallbackQuery(data, { message: { message_id: messageId } } as never));
}

async function until<T>(fn: () => T | undefined | false, ms = 8_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error('timed out');
    await sleep(20);
  }
}

/** The bot's messages in the emulator now (edits applied), by id. */
function history(server: TelegramServer): Map<number, BotMessage & { chatId: string }> {
  const out = new Map<number, BotMessage & { chatId: string }>();
  for (const u of server.getUpdatesHistory(TOKEN)) {
    if (!('message' in u) || !('chat_id' in u.message)) continue;
    out.set(u.messageId, { ...toMessage(u as never), chatId: String(u.message.chat_id) });
  }
  return out;
}

const answers = () => calls.filter((c) => c.method === 'answerCallbackQuery');

beforeAll(async () => {
  emulator = await startEmulator();
  w = await world();
  services = servicesFor(w.database, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.url });
  tg = await startTelegram({ services: { ...services, clock: clockReading(() => clock) }, transformers: [emulatorGaps, idlePolling, recorder], retryMs: 100 });
});

afterAll(async () => {
  await tg?.stop();
  await emulator?.close();
  await w?.database.drop();
});

describe('an official on Telegram, end to end through the emulator', () => {
  const official = () => person(1001);
  const chair = () => person(1002);
  const stranger = () => person(999);
  let codeA = '';

  it('registers the command menu in Vietnamese, every command in private chats, the group subset in groups', async () => {
    await until(() => calls.filter((c) => c.method === 'setMyCommands').length === 2);
    const menus = calls.filter((c) => c.method === 'setMyCommands').map((c) => c.payload);
    expect(menus).toEqual([
      {
        scope: { type: 'all_private_chats' },
        commands: ['tiendo', 'quahan', 'sapden', 'hoso', 'xacnhan', 'xephang', 'dangky', 'trogiup'].map((command) => ({ command, description: t(`telegram-menu-${command}`) })),
      },
      { scope: { type: 'all_group_chats' }, commands: ['tiendo', 'quahan', 'sapden', 'xephang', 'trogiup'].map((command) => ({ command, description: t(`telegram-menu-${command}`) })) },
    ]);
    expect(menus[0]!.commands).toContainEqual({ command: 'quahan', description: 'Danh sách hồ sơ quá hạn' });
    expect(calls.find((c) => c.method === 'getUpdates')?.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
  });

  it('refuses a stranger', async () => {
    const [reply] = await say(stranger(), '/quahan');
    expect(reply!.text).toBe(t('chat-stranger'));
    expect(reply!.text).not.toContain('000.00.99');
  });

  it('links an official with /dangky and another with the deep link /start <mã>', async () => {
    const { db } = w.database;
    codeA = (await createInvite(db, w.officials.tpo, { now: clock, createdBy: 'test' })).code;
    const codeB = (await createInvite(db, w.officials.ctc, { now: clock, createdBy: 'test' })).code;
    expect((await say(official(), `/dangky ${codeA}`))[0]!.text).toContain('Đã liên kết tài khoản này với Nguyễn Văn tp-o');
    expect((await say(chair(), `/start ${codeB}`))[0]!.text).toContain('Đã liên kết tài khoản này với Nguyễn Văn ct-c');
    const identities = await db.chatIdentity.findMany({ where: { channel: 'telegram' }, orderBy: { externalId: 'asc' } });
    expect(identities.map((i) => [i.externalId, i.officialId, i.displayName])).toEqual([
      ['1001', w.officials.tpo, 'Người 1001'],
      ['1002', w.officials.ctc, 'Người 1002'],
    ]);
    // The code is single use: the stranger cannot take it again.
    expect((await say(stranger(), `/dangky ${codeA}`))[0]!.text).toBe(t('dangky-used'));
  });

  it('answers /tiendo and /quahan, and pages /quahan by editing the message in place', async () => {
    const [tiendo] = await say(official(), '/tiendo');
    expect(tiendo!.text).toContain('📊 Tiến độ giải quyết hồ sơ — Phòng Kinh tế xã Thử');
    expect(tiendo!.buttons.flat().every((b) => Buffer.byteLength(b.callback_data) <= 64)).toBe(true);

    const [list] = await say(official(), '/quahan');
    expect(list!.text).toContain('⏰ Hồ sơ quá hạn — Phòng Kinh tế xã Thử: 12 hồ sơ');
    expect(list!.text).toContain('Trang 1/2');
    expect(list!.buttons).toEqual([[{ text: 'Sau ▶', callback_data: 'qh:O:2' }]]);

    const before = history(emulator.server).size;
    const answered = answers().length;
    await press(official(), 'qh:O:2', list!.messageId);
    const edited = await until(() => {
      const m = history(emulator.server).get(list!.messageId);
      return m?.text.includes('Trang 2/2') ? m : undefined;
    });
    expect(edited.text).toContain('11. ');
    expect(edited.buttons).toEqual([[{ text: '◀ Trước', callback_data: 'qh:O:1' }]]);
    expect(history(emulator.server).size).toBe(before); // edited, not sent anew
    await until(() => answers().length === answered + 1);
    expect(calls.filter((c) => c.method === 'editMessageText').at(-1)!.payload).toMatchObject({ chat_id: 1001, message_id: list!.messageId });
  });

  it('answers a stale button with a pop-up, posting nothing', async () => {
    const before = history(emulator.server).size;
    const answered = answers().length;
    await press(official(), 'qh:NOPE:1', 1);
    await until(() => answers().length === answered + 1);
    expect(answers().at(-1)!.payload).toMatchObject({ text: t('chat-stale-button'), show_alert: true });
    expect(history(emulator.server).size).toBe(before);
  });

  it('delivers a planned alert through the dispatcher; its ack: button records the commitment, and the next run does not remind them of it', async () => {
    const channels = new Map([['telegram' as const, tg.channel]]);
    const run = await runAlerts(services, clock, { dryRun: false });
    expect(run.written).toBeGreaterThanOrEqual(2);
    const dispatcher = new Dispatcher({ database: w.database, channels, log: services.log, maxAttempts: 3, clock: clockReading(() => clock) });
    await dispatcher.runOnce();
    expect(await w.database.db.outbox.count({ where: { status: 'sent' } })).toBe(run.written);

    const [alert] = (await official().getUpdates()).result.map((u) => toMessage(u as never));
    expect(alert!.text).toContain('🔔 Nhắc việc: 12 hồ sơ cần chú ý');
    const ack = alert!.buttons.flat().find((b) => b.callback_data.startsWith('ack:'))!;
    expect(ack.callback_data).toMatch(/^ack:000\.00\.99\.H55-261125-\d{4}:20261207$/);
    const code = ack.callback_data.split(':')[1]!;

    await press(official(), ack.callback_data, alert!.messageId);
    const [confirmation] = (await official().getUpdates()).result.map((u) => toMessage(u as never));
    expect(confirmation!.text).toContain(`✓ Đã ghi nhận: hồ sơ ${code} sẽ xử lý xong trước hết ngày 07/12/2026`);
    expect(history(emulator.server).get(alert!.messageId)!.text).toBe(alert!.text); // the alert stays as it was
    const acks = await w.database.db.acknowledgement.findMany();
    expect(acks.map((a) => [a.officialId, a.kind, a.until, a.channel])).toEqual([[w.officials.tpo, 'commit', '2026-12-07', 'telegram']]);

    // Monday: every dossier is in a new overdue cycle, so each would be reminded — except the committed one.
    clock = vn('2026-12-07 09:00');
    await runAlerts(services, clock, { dryRun: false });
    const next = await w.database.db.outbox.findMany({ where: { address: '1001', status: 'pending' } });
    expect(next).toHaveLength(1);
    const text = (JSON.parse(next[0]!.payload) as { text: string }).text;
    expect(text).toContain('🔔 Nhắc việc: 11 hồ sơ cần chú ý');
    expect(text).not.toContain(code);
    await dispatcher.runOnce();
    const [monday] = (await official().getUpdates()).result.map((u) => toMessage(u as never));
    expect(monday!.text).toBe(text);
  });

  it('in a group: linked officials only, counts only until the group is configured for detail', async () => {
    const group = { id: -100500, type: 'group' as const };
    const inGroup = person(1001, group);
    const strangerInGroup = person(999, group);

    await strangerInGroup.sendCommand(strangerInGroup.makeCommand('/quahan'));
    const [counts] = await say(inGroup, '/quahan');
    // The stranger's command came first and got nothing: the only answer is the official's.
    expect(history(emulator.server).size).toBe([...history(emulator.server).values()].filter((m) => m.chatId !== '-100500').length + 1);
    expect(counts!.text).toContain('⏰ Hồ sơ quá hạn — Phòng Kinh tế xã Thử: 12 hồ sơ');
    expect(counts!.text).toContain(t('chat-group-no-detail'));
    expect(counts!.text).not.toContain('000.00.99');

    await w.database.db.chatGroup.create({ data: { channel: 'telegram', externalId: '-100500', title: 'Tổ một cửa', detailAllowed: true, createdAt: clock } });
    const [detail] = await say(inGroup, '/quahan');
    expect(detail!.text).toContain('Trang 1/2');
    expect(detail!.text).toContain('000.00.99.H55-261125-');
  });

  it('reports health from getMe, without the token', async () => {
    const h = await tg.health();
    expect(h).toEqual({ ok: true, username: 'TestNameBot' });
    expect(JSON.stringify(calls)).not.toContain(TOKEN);
  });
});
