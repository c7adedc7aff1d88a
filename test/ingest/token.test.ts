// dunghan token create|revoke|list: the token is printed once, only its SHA-256 is stored, and
// every change is audited.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await testDatabase();
});
afterEach(async () => database.drop());

const NOW = new Date('2026-11-27T02:00:00Z');
const run = (args: string[], now = NOW) => cli(['token', ...args], { DATABASE_URL: database.url }, now);

describe('dunghan token', () => {
  it('creates a token shown once and stores only its hash', async () => {
    const r = await run(['create', 'igate']);
    expect(r.code).toBe(0);
    const token = /dh_[A-Za-z0-9_-]{43}/.exec(r.out)![0];
    expect(r.out).toContain('Đã tạo mã truy cập số 1 cho hệ thống igate');
    expect(r.out).toContain('Authorization: Bearer <mã>');
    const row = await database.db.apiToken.findFirstOrThrow();
    expect(row).toMatchObject({ source: 'igate', tokenHash: createHash('sha256').update(token).digest('hex'), createdBy: 'cli', createdAt: NOW, revokedAt: null });
    // The token itself is nowhere in the database.
    const everything = JSON.stringify([await database.db.apiToken.findMany(), await database.db.auditLog.findMany()]);
    expect(everything).not.toContain(token);
    expect(await database.db.auditLog.findMany({ select: { actor: true, action: true, target: true } })).toEqual([{ actor: 'cli', action: 'token.create', target: '1' }]);

    const json = await run(['create', 'motcua-tinh', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ id: 2, source: 'motcua-tinh', token: expect.stringMatching(/^dh_/) });
  });

  it('lists tokens without showing them, and revokes one (audited)', async () => {
    const created = await run(['create', 'igate']);
    const token = /dh_[A-Za-z0-9_-]{43}/.exec(created.out)![0];
    const list = await run(['list']);
    expect(list.out).toContain('#1  igate  tạo 09:00 27/11/2026 bởi cli · dùng lần cuối: chưa dùng · còn hiệu lực');
    expect(list.out).not.toContain(token);
    const later = new Date(NOW.getTime() + 3_600_000);
    expect((await run(['revoke', '1'], later)).out).toBe('Đã thu hồi mã số 1 của hệ thống igate.');
    expect((await run(['revoke', '1'], later)).out).toBe('Mã số 1 đã bị thu hồi từ 10:00 27/11/2026.');
    expect(JSON.parse((await run(['list', '--json'])).out)).toMatchObject([{ id: 1, source: 'igate', revokedAt: later.toISOString() }]);
    expect(await database.db.auditLog.count({ where: { action: 'token.revoke', target: '1' } })).toBe(1);
  });

  it('refuses bad usage with a readable line', async () => {
    expect(await run(['revoke', '7'])).toMatchObject({ code: 1, err: 'Không có mã truy cập số 7.' });
    expect((await run(['create', 'Hệ thống iGate'])).code).toBe(2);
    expect((await run(['create'])).code).toBe(2);
    expect((await run(['rotate'])).code).toBe(2);
  });
});
