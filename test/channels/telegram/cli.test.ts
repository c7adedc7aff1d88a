// dunghan telegram check | link | groups list|add|remove, run in-process against the test
// database and a stub Bot API server.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telegramCommand } from '../../../src/cli/commands/telegram.ts';
import { UsageError } from '../../../src/cli/context.ts';
import { t } from '../../../src/i18n/translate.ts';
import { apiError, startStubBotApi, type StubBotApi } from './support/stub-bot-api.ts';
import { TOKEN, world, type World } from './support/world.ts';
import { fixedClock } from '../../support/clock.ts';

let stub: StubBotApi;
let w: World;

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => stub.close());
beforeEach(async () => {
  w = await world();
  stub.respond = undefined;
});
afterEach(async () => w.database.drop());

async function run(args: string[], telegram = true) {
  const out: string[] = [];
  const err: string[] = [];
  const env: Record<string, string> = { DATABASE_URL: w.database.url, LOG_LEVEL: 'silent', ...(telegram ? { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: stub.url } : {}) };
  const clock = fixedClock(new Date('2026-12-04T02:00:00Z'));
  const code = await telegramCommand.run({ args, env, cwd: process.cwd(), out: (s) => out.push(s), err: (s) => err.push(s), clock, signal: new AbortController().signal });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dunghan telegram', () => {
  it('check: reaches the bot, or says why without the token', async () => {
    expect(await run(['check'])).toMatchObject({ code: 0, out: `Bot @dunghan_test_bot kết nối được tới ${stub.url}.` });
    stub.respond = () => apiError(401, 'Unauthorized');
    const bad = await run(['check']);
    expect(bad).toMatchObject({ code: 1, err: `Không kết nối được tới Telegram (${stub.url}): getMe: 401 Unauthorized` });
    await expect(run(['check'], false)).rejects.toThrow(t('telegram-not-configured'));
  });

  it('link: an invite with its deep link', async () => {
    const r = await run(['link', 'tp-o']);
    expect(r.code).toBe(0);
    const code = /\/dangky ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(r.out)![1]!;
    expect(r.out).toContain(`https://t.me/dunghan_test_bot?start=${code}`);
    expect(await w.database.db.invite.count()).toBe(1);
  });

  it('link --at: the invite is valid for --hours from that instant', async () => {
    const r = await run(['link', 'tp-o', '--at', '2026-11-27T09:00:00+07:00', '--hours', '24']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('hiệu lực tới 09:00 28/11/2026');
    expect((await w.database.db.invite.findFirstOrThrow()).expiresAt.toISOString()).toBe('2026-11-28T02:00:00.000Z');
    await expect(run(['link', 'tp-o', '--at', '27/11'])).rejects.toThrow('--at');
  });

  it('groups add (negative ids), list, remove', async () => {
    expect((await run(['groups', 'list'])).out).toBe(t('telegram-groups-empty'));
    const added = await run(['groups', 'add', '-1001234567890', '--title', 'Tổ một cửa xã Thử', '--unit', 'C', '--detail']);
    expect(added.out).toBe('Đã cấu hình nhóm -1001234567890 (Tổ một cửa xã Thử): xem chi tiết hồ sơ.');
    expect(JSON.parse((await run(['groups', 'list', '--json'])).out)).toEqual([{ id: '-1001234567890', title: 'Tổ một cửa xã Thử', unit: 'C', detailAllowed: true, active: true }]);
    // Re-adding without --detail takes detail away and keeps the unit.
    await run(['groups', 'add', '-1001234567890']);
    expect((await run(['groups', 'list'])).out).toBe('-1001234567890 · Tổ một cửa xã Thử · C · chỉ số liệu tổng hợp · đang hoạt động');
    expect((await run(['groups', 'remove', '-1001234567890'])).code).toBe(0);
    expect((await w.database.db.chatGroup.findFirstOrThrow()).active).toBe(false);
    expect(await w.database.db.auditLog.count({ where: { action: { startsWith: 'telegram.group.' } } })).toBe(3);
  });

  it('refuses what is not a group id', async () => {
    await expect(run(['groups', 'add', '12345'])).rejects.toThrow(UsageError);
    await expect(run(['groups', 'add', '--unit', 'NOPE', '-100'])).rejects.toThrow('NOPE');
    await expect(run(['groups', 'remove', '-999'])).rejects.toThrow(t('telegram-group-unknown', { id: '-999' }));
    await expect(run(['nope'])).rejects.toThrow(UsageError);
  });
});
