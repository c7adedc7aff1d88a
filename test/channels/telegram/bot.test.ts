// The bot's features, one update at a time (bot.handleUpdate) against a stub Bot API server:
// groups joined, left and upgraded; registration kept out of groups; strangers and switched-off
// groups left alone; how button replies are shown; and no update ever escapes as an error.
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import type { Update } from 'grammy/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramService } from '../../../src/channels/telegram/start.ts';
import { t } from '../../../src/i18n/translate.ts';
import { createLogger } from '../../../src/log.ts';
import { createInvite } from '../../../src/org/invites.ts';
import { vn } from '../../support/dossiers.ts';
import { apiError, startStubBotApi, STUB_BOT, type StubBotApi } from './support/stub-bot-api.ts';
import { servicesFor, TOKEN, world, type World } from './support/world.ts';
import { fixedClock } from '../../support/clock.ts';

let stub: StubBotApi;
let w: World;
let tg: TelegramService;
let logs = '';
const now = vn('2026-12-04 09:00');
const GROUP = { id: -100777, type: 'supergroup' as const, title: 'Tổ một cửa xã Thử' };
const PRIVATE = (id: number) => ({ id, type: 'private' as const, first_name: `Người ${id}` });
let nextId = 1;

const user = (id: number) => ({ id, is_bot: false, first_name: `Người ${id}` });
function text(from: number, chat: typeof GROUP | ReturnType<typeof PRIVATE>, body: string): Update {
  const command = body.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: body.split(' ')[0]!.length }] : undefined;
  const id = nextId++;
  return { update_id: id, message: { message_id: id, date: 1, chat, from: user(from), text: body, ...(command ? { entities: command } : {}) } } as Update;
}
function press(from: number, chat: typeof GROUP | ReturnType<typeof PRIVATE>, data: string, messageId = 500): Update {
  const id = nextId++;
  return { update_id: id, callback_query: { id: `cb${id}`, from: user(from), chat_instance: 'ci', data, message: { message_id: messageId, date: 1, chat, from: { ...STUB_BOT }, text: 'danh sách cũ' } } } as Update;
}
function membership(status: 'member' | 'left' | 'kicked', before: 'member' | 'left' | 'kicked'): Update {
  const id = nextId++;
  const bot = { ...STUB_BOT };
  return {
    update_id: id,
    my_chat_member: {
      chat: GROUP, from: user(1001), date: 1,
      old_chat_member: before === 'kicked' ? { status: 'kicked', user: bot, until_date: 0 } : { status: before, user: bot },
      new_chat_member: status === 'kicked' ? { status: 'kicked', user: bot, until_date: 0 } : { status, user: bot },
    },
  } as Update;
}

const sent = () => stub.of('sendMessage').map((c) => ({ chat: String(c.fields.chat_id), text: String(c.fields.text) }));

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => {
  await stub.close();
  expect(logs).not.toContain(TOKEN.slice(TOKEN.indexOf(':') + 1));
});
beforeEach(async () => {
  w = await world();
  await w.database.db.chatIdentity.create({ data: { officialId: w.officials.tpo, channel: 'telegram', externalId: '1001' } });
  const log = createLogger({ LOG_LEVEL: 'debug', LOG_PRETTY: '0' }, new Writable({ write: (c, _e, cb) => ((logs += String(c)), cb()) }));
  const services = { ...servicesFor(w.database, { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: stub.url }, log), clock: fixedClock(now) };
  tg = await startTelegram({ services, botInfo: { ...STUB_BOT }, connect: false });
  stub.calls.length = 0;
  stub.respond = undefined;
});
afterEach(async () => {
  await tg.stop();
  await w.database.drop();
});

describe('groups', () => {
  it('records a group the bot is added to (counts only), tells it its id, and deactivates it when removed', async () => {
    await tg.bot.handleUpdate(membership('member', 'left'));
    const group = await w.database.db.chatGroup.findFirstOrThrow();
    expect(group).toMatchObject({ channel: 'telegram', externalId: '-100777', title: 'Tổ một cửa xã Thử', detailAllowed: false, active: true });
    expect(sent()).toEqual([{ chat: '-100777', text: t('telegram-group-added', { title: 'Tổ một cửa xã Thử', id: '-100777' }) }]);
    expect(sent()[0]!.text).toContain('dunghan telegram groups add -100777');

    await tg.bot.handleUpdate(membership('kicked', 'member'));
    expect((await w.database.db.chatGroup.findFirstOrThrow()).active).toBe(false);
    expect(await w.database.db.auditLog.count({ where: { action: { startsWith: 'telegram.group.' } } })).toBe(2);
  });

  it('keeps a group\'s settings when it is upgraded to a supergroup', async () => {
    await w.database.db.chatGroup.create({ data: { channel: 'telegram', externalId: '-4242', title: 'Nhóm cũ', detailAllowed: true, createdAt: now } });
    const id = nextId++;
    await tg.bot.handleUpdate({ update_id: id, message: { message_id: id, date: 1, chat: { id: -4242, type: 'group', title: 'Nhóm cũ' }, from: user(1001), migrate_to_chat_id: -1004242 } } as Update);
    expect(await w.database.db.chatGroup.findMany({ select: { externalId: true, detailAllowed: true } })).toEqual([{ externalId: '-1004242', detailAllowed: true }]);
  });

  it('answers nobody but linked officials, and nobody in a switched-off group', async () => {
    await tg.bot.handleUpdate(text(999, GROUP, '/tiendo'));
    await tg.bot.handleUpdate(text(999, GROUP, '/trogiup'));
    expect(stub.calls).toEqual([]);
    await tg.bot.handleUpdate(text(1001, GROUP, '/tiendo'));
    expect(sent()[0]!.text).toContain('📊 Tiến độ giải quyết hồ sơ');

    await w.database.db.chatGroup.create({ data: { channel: 'telegram', externalId: '-100777', title: 'Tổ', active: false, createdAt: now } });
    stub.calls.length = 0;
    await tg.bot.handleUpdate(text(1001, GROUP, '/tiendo'));
    expect(stub.calls).toEqual([]);
  });

  it('ignores chatter and other bots\' commands in a group', async () => {
    await tg.bot.handleUpdate(text(1001, GROUP, 'quá hạn rồi anh ơi'));
    await tg.bot.handleUpdate(text(1001, GROUP, '/quahan@other_bot'));
    expect(stub.calls).toEqual([]);
  });
});

describe('registration', () => {
  it('in a group: points to the private chat; a code posted there is used up by its poster, the result sent privately', async () => {
    await tg.bot.handleUpdate(text(2001, GROUP, '/dangky'));
    expect(sent()).toEqual([{ chat: '-100777', text: t('telegram-register-privately', { link: 'https://t.me/dunghan_test_bot' }) }]);

    stub.calls.length = 0;
    const { code } = await createInvite(w.database.db, w.officials.ctc, { now, createdBy: 'test' });
    await tg.bot.handleUpdate(text(2001, GROUP, `/start@dunghan_test_bot ${code}`));
    const [inGroup, privately] = sent();
    expect(inGroup).toEqual({ chat: '-100777', text: t('telegram-register-code-in-group', { link: 'https://t.me/dunghan_test_bot' }) });
    expect(inGroup!.text).not.toContain('ct-c');
    expect(privately!.chat).toBe('2001');
    expect(privately!.text).toContain('Đã liên kết tài khoản này với Nguyễn Văn ct-c');
    expect(await w.database.db.chatIdentity.findFirst({ where: { externalId: '2001', officialId: w.officials.ctc, active: true } })).not.toBeNull();
    expect(await w.database.db.invite.count({ where: { usedAt: { not: null } } })).toBe(1);
  });

  it('in a private chat: the deep link /start <mã> links the account', async () => {
    const { code } = await createInvite(w.database.db, w.officials.ctc, { now, createdBy: 'test' });
    await tg.bot.handleUpdate(text(2002, PRIVATE(2002), `/start ${code}`));
    expect(sent()[0]).toMatchObject({ chat: '2002', text: expect.stringContaining('Đã liên kết') });
  });
});

describe('buttons', () => {
  it('a stranger pressing a button in a group gets the sign-up hint as a pop-up, nothing is posted', async () => {
    await tg.bot.handleUpdate(press(999, GROUP, 'qh:O:2'));
    expect(stub.calls.map((c) => [c.method, c.fields.text, c.fields.show_alert])).toEqual([['answerCallbackQuery', t('chat-stranger'), true]]);
  });

  it('a page that cannot be edited is sent anew; the same page pressed twice changes nothing', async () => {
    stub.respond = (c) => (c.method === 'editMessageText' ? apiError(400, "Bad Request: message can't be edited") : undefined);
    await tg.bot.handleUpdate(press(1001, PRIVATE(1001), 'qh:O:2'));
    expect(stub.calls.map((c) => c.method)).toEqual(['editMessageText', 'answerCallbackQuery', 'sendMessage']);
    expect(sent()[0]!.text).toContain('Trang 2/2');

    stub.calls.length = 0;
    stub.respond = (c) => (c.method === 'editMessageText' ? apiError(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same') : undefined);
    await tg.bot.handleUpdate(press(1001, PRIVATE(1001), 'qh:O:2'));
    expect(stub.calls.map((c) => c.method)).toEqual(['editMessageText', 'answerCallbackQuery']);
  });

  it('the draft letter button answers with a new message', async () => {
    await tg.bot.handleUpdate(press(1001, PRIVATE(1001), 'xl:000.00.99.H55-261125-0001'));
    expect(stub.calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'sendMessage']);
    expect(sent()[0]!.text).toContain('000.00.99.H55-261125-0001');
  });
});

describe('never crashing', () => {
  it('a reply Telegram refuses is logged without secrets and the person gets an apology; the update resolves', async () => {
    stub.respond = (c) => (c.method === 'sendMessage' && String(c.fields.text).includes('Tiến độ') ? apiError(400, 'Bad Request: something unexpected') : undefined);
    const before = logs.length;
    await expect(tg.bot.handleUpdate(text(1001, PRIVATE(1001), '/tiendo'))).resolves.toBeUndefined();
    expect(sent().map((m) => m.text)).toEqual([expect.stringContaining('Tiến độ'), t('chat-error')]);
    const lines = logs.slice(before).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'telegram update failed')).toMatchObject({ kind: 'rejected', code: 400, error: 'sendMessage: 400 Bad Request: something unexpected' });
  });

  it('/baocao whose chart Telegram will not take still answers with the digest text and says the chart is missing', async () => {
    stub.respond = (c) => (c.method === 'sendPhoto' ? { status: 500, body: { message: "API method 'sendPhoto' is not supported." } } : undefined);
    const before = logs.length;
    await tg.bot.handleUpdate(text(1001, PRIVATE(1001), '/baocao'));
    expect(stub.of('sendPhoto')).toHaveLength(1);
    const texts = sent().map((m) => m.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Phòng Kinh tế xã Thử/);
    expect(texts[0]).toContain(t('telegram-chart-not-sent'));
    expect(texts).not.toContain(t('chat-error'));
    expect(stub.of('sendMessage')[0]!.fields.reply_markup).toBeDefined(); // the period buttons stay
    const lines = logs.slice(before).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l.msg === 'telegram chart not sent')).toMatchObject({ error: "sendPhoto: API method 'sendPhoto' is not supported." });
  });

  it('a reply hit by 429 waits retry_after and is sent once more', async () => {
    let first = true;
    stub.respond = (c) => {
      if (c.method !== 'sendMessage' || !first) return undefined;
      first = false;
      return apiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    };
    await tg.bot.handleUpdate(text(1001, PRIVATE(1001), '/trogiup'));
    const [a, b] = stub.of('sendMessage');
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(990);
    expect(String(b!.fields.text)).toContain('/tiendo');
  });

  it('stop() ends cleanly even if nothing was started', async () => {
    await tg.stop();
    await sleep(1);
  });
});
