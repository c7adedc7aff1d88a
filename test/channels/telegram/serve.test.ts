// `npm start` with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT pointing at a local Bot API emulator:
// the service serves the bot (an official links with an invite from `dunghan invite` and asks
// /tiendo), /healthz reports Telegram without the token, and a second instance on the same
// database delivers but leaves polling to the first (Telegram allows one getUpdates at a time).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, exitOf, spawnCli, waitFor } from '../../support/cli.ts';
import { freshTarget, type TestTarget } from '../../support/database.ts';
import { t } from '../../../src/i18n/translate.ts';
import { startEmulator } from './support/emulator.ts';
import { TOKEN } from './support/world.ts';

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let target: TestTarget;
const children: ReturnType<typeof spawnCli>[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  target = await freshTarget();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await emulator?.close();
  await target?.drop();
});

const serve = () => {
  const child = spawnCli(['serve'], { DATABASE_URL: target.url, LOG_PRETTY: '0', HTTP_PORT: '0', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: emulator.url });
  children.push(child);
  return child;
};

describe('npm start with Telegram configured', () => {
  it('serves the bot: an invited official links with /start <mã> and gets /tiendo; /healthz shows Telegram without the token', async () => {
    expect((await cli(['seed', '--demo'], { DATABASE_URL: target.url })).code).toBe(0);
    // The spawned service runs on the real clock, so the invite is made on it too.
    const invite = await cli(['invite', 'ct-qng', '--json'], { DATABASE_URL: target.url }, new Date());
    const { code } = JSON.parse(invite.out) as { code: string };

    const child = serve();
    expect(await waitFor(() => child.output().includes(t('serve-banner-stop')), 20_000), child.errors()).toBe(true);
    expect(child.output()).toContain(t('serve-banner-channels', { channels: 'Telegram' }));
    expect(child.output()).not.toContain('CHẾ ĐỘ DEMO');

    const client = emulator.server.getClient(TOKEN, { userId: 7001, chatId: 7001, type: 'private', firstName: 'Chủ tịch', timeout: 15_000, interval: 50 });
    await client.sendCommand(client.makeCommand(`/start ${code}`));
    const linked = await client.getUpdates();
    expect(JSON.stringify(linked.result)).toContain('Đã liên kết tài khoản này với');

    await client.sendCommand(client.makeCommand('/tiendo'));
    const tiendo = await client.getUpdates();
    expect(JSON.stringify(tiendo.result)).toContain('📊 Tiến độ giải quyết hồ sơ — Tỉnh Quảng Ngãi');

    const url = /Máy chủ HTTP: (http:\/\/\S+)/.exec(child.output())?.[1];
    const health = await (await fetch(`${url}/healthz`)).text();
    expect((JSON.parse(health) as { checks: Record<string, unknown> }).checks.telegram).toMatchObject({ ok: true, username: expect.any(String) });
    expect(health).not.toContain(TOKEN);
    expect(health).not.toContain(TOKEN.split(':')[1]);
    expect(child.output() + child.errors()).not.toContain(TOKEN.split(':')[1]);
  }, 60_000);

  it('a second instance on the same database delivers but does not poll', async () => {
    const second = serve();
    expect(await waitFor(() => second.output().includes(t('serve-banner-stop')), 20_000), second.errors()).toBe(true);
    expect(second.output()).toContain(t('telegram-polling-elsewhere'));
    for (const c of children) c.kill('SIGINT');
    expect(await Promise.all(children.map(exitOf))).toEqual([0, 0]);
  }, 60_000);
});
