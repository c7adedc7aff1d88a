// /xacnhan and the buttons of a reminder (✓ ack:, 📅 hen:, 💤 sn:, ✉ xl:): which commitment dates
// are accepted, a pressed button recorded once (even by two instances at the same moment), and
// advice that fits a dossier already past its deadline (issue 12, items 7, 8 and 14).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleButton, handleMessage } from '../../src/commands/router.ts';
import type { Asker } from '../../src/commands/types.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { engineUnderTest, testDatabase, type TestDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../support/dossiers.ts';
import type { Message } from '../../src/core/message.ts';
import { createServices, type Services } from '../../src/core/services.ts';

let database: TestDatabase;
let org: TinyOrg;
const servicesOf = (d: Database, env: Record<string, string> = {}): Services =>
  createServices({ database: d, config: loadConfig(env), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
const tpo: Asker = { channel: 'telegram', externalId: 'tg-tp-o', chat: { kind: 'private' } };
// Received Mon 30/11/2026 09:00, three working days: due Thu 03/12/2026 17:00.
const CODE = '000.00.99.H55-261130-0001';
// Wednesday 02/12/2026, the day before the deadline.
const WED = vn('2026-12-02 08:00');

beforeEach(async () => {
  database = await testDatabase();
  org = await tinyOrg(database);
  const o = await database.db.official.create({
    data: { code: 'tp-o', fullName: 'Trưởng phòng O', title: 'Trưởng phòng', role: 'unit_head', unitId: org.ids.O },
  });
  await database.db.chatIdentity.create({ data: { officialId: o.id, channel: 'telegram', externalId: 'tg-tp-o' } });
  await save(database, org, [dossier(org, CODE, { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
});
afterEach(async () => database.drop());

const say = async (text: string, at = WED, services = servicesOf(database)): Promise<Message> => {
  const replies = await handleMessage(services, tpo, text, at);
  expect(replies).toHaveLength(1);
  return replies[0]!;
};
const press = (data: string, at = WED, services = servicesOf(database)): Promise<Message> => handleButton(services, tpo, data, at);
const records = async () => ({
  acks: await database.db.acknowledgement.count(),
  audits: await database.db.auditLog.count({ where: { action: { in: ['dossier.commit', 'dossier.snooze'] } } }),
});

describe('commitment dates (item 14): real dates, not in the past, at most COMMIT_MAX_WORKING_DAYS working days ahead', () => {
  it.each([
    ['20261399', 'Ngày "20261399" không có trong lịch'],
    ['20260231', 'Ngày "20260231" không có trong lịch'],
    ['99991231', 'Ngày "31/12/9999" quá xa: chỉ được hẹn tối đa 30 ngày làm việc, tức là đến hết ngày 14/01/2027.'],
    ['20270115', 'Ngày "15/01/2027" quá xa: chỉ được hẹn tối đa 30 ngày làm việc, tức là đến hết ngày 14/01/2027.'],
    ['20261201', 'Ngày "01/12/2026" đã qua'],
  ])('the button ack:<mã>:%s is refused, saying why, and records nothing', async (day, why) => {
    const reply = await press(`ack:${CODE}:${day}`);
    expect(reply.text).toContain(why);
    expect(reply.text).not.toContain('Đã ghi nhận');
    expect(await records()).toEqual({ acks: 0, audits: 0 });
  });

  it.each([
    ['31/12/9999', 'Ngày "31/12/9999" quá xa: chỉ được hẹn tối đa 30 ngày làm việc, tức là đến hết ngày 14/01/2027.'],
    ['15/01/2027', 'Ngày "15/01/2027" quá xa'],
    ['sau 200 ngày', 'Ngày "sau 200 ngày" quá xa'],
    ['31/02', 'Ngày "31/02" không có trong lịch'],
    ['01/12', 'Ngày "01/12" đã qua'],
    ['sớm', 'Không hiểu ngày "sớm"; viết như 02/12, 2/12/2026, mai, thứ 6.'],
  ])('/xacnhan <mã> %s is refused, saying why, and records nothing', async (date, why) => {
    const reply = await say(`/xacnhan ${CODE} ${date}`);
    expect(reply.text).toContain(why);
    expect(await records()).toEqual({ acks: 0, audits: 0 });
  });

  it('accepts today and the last working day of the horizon (30 working days: New Year\'s Day is off)', async () => {
    expect((await say(`/xacnhan ${CODE} 14/01/2027`)).text).toContain('✓ Đã ghi nhận: hồ sơ 000.00.99.H55-261130-0001 sẽ xử lý xong trước hết ngày 14/01/2027');
    expect((await press(`ack:${CODE}:20261202`)).text).toContain('trước hết ngày 02/12/2026');
    expect(await records()).toEqual({ acks: 2, audits: 2 });
  });

  it('follows COMMIT_MAX_WORKING_DAYS, for typed dates, date buttons and the days the 📅 menu offers', async () => {
    const services = servicesOf(database, { COMMIT_MAX_WORKING_DAYS: '3' });
    // Wednesday + 3 working days = Monday 07/12.
    expect((await say(`/xacnhan ${CODE} 08/12`, WED, services)).text).toContain('chỉ được hẹn tối đa 3 ngày làm việc, tức là đến hết ngày 07/12/2026');
    expect((await press(`ack:${CODE}:20261208`, WED, services)).text).toContain('quá xa');
    const menu = await press(`hen:${CODE}`, WED, services);
    const offered = ['20261202', '20261203', '20261204', '20261207'].map((d) => `ack:${CODE}:${d}`);
    expect(menu.buttons!.flat().map((b) => b.data)).toEqual([...offered, `sn:${CODE}`]);
    expect((await press(`ack:${CODE}:20261207`, WED, services)).text).toContain('✓ Đã ghi nhận');
  });

  it('an invalid value of COMMIT_MAX_WORKING_DAYS stops the service with the usual one-line bilingual error', () => {
    for (const value of ['0', '-1', 'mười', '2.5', '1000']) {
      const line = /^Cấu hình sai: biến COMMIT_MAX_WORKING_DAYS = .* \/ Configuration error: COMMIT_MAX_WORKING_DAYS[^\n]*$/;
      expect(() => loadConfig({ COMMIT_MAX_WORKING_DAYS: value })).toThrow(line);
    }
    expect(loadConfig({}).COMMIT_MAX_WORKING_DAYS).toBe(30);
  });
});

describe('a button pressed twice (item 8)', () => {
  it('records one commitment and one audit row; the second press answers that it was already recorded', async () => {
    const first = await press(`ack:${CODE}:20261203`);
    expect(first.text).toContain('✓ Đã ghi nhận: hồ sơ');
    const second = await press(`ack:${CODE}:20261203`, vn('2026-12-02 08:01'));
    expect(second.text).toBe('✓ Đã ghi nhận từ trước: hồ sơ 000.00.99.H55-261130-0001 sẽ xử lý xong trước hết ngày 03/12/2026. Không ghi thêm.');
    expect(await records()).toEqual({ acks: 1, audits: 1 });
    // The same date typed again is the same commitment.
    expect((await say(`/xacnhan ${CODE} 03/12`, vn('2026-12-02 08:02'))).text).toContain('Đã ghi nhận từ trước');
    expect(await records()).toEqual({ acks: 1, audits: 1 });
  });

  it('a snooze pressed twice the same day is recorded once', async () => {
    expect((await press(`sn:${CODE}`)).text).toContain('💤 Đã tạm hoãn');
    expect((await press(`sn:${CODE}`, vn('2026-12-02 08:01'))).text).toContain('Đã ghi nhận từ trước');
    expect(await records()).toEqual({ acks: 1, audits: 1 });
  });

  it('two instances pressing at the same moment record once: one confirms, the other says it was already recorded', async () => {
    // PostgreSQL: a second pool, as a second instance has. SQLite: one connection (better-sqlite3 blocks the thread while
    // it waits for a lock, so a second connection in this process would wait for itself); its presses still interleave.
    const other = engineUnderTest === 'postgresql' ? await openDatabase(database.target) : null;
    try {
      for (const [i, day] of ['20261203', '20261204', '20261207'].entries()) {
        const replies = await Promise.all([press(`ack:${CODE}:${day}`, WED), press(`ack:${CODE}:${day}`, WED, servicesOf(other ?? database))]);
        const outcome = (r: Message) => (r.text.includes('Đã ghi nhận từ trước') ? 'already' : r.text.includes('✓ Đã ghi nhận') ? 'done' : r.text);
        expect(replies.map(outcome).sort()).toEqual(['already', 'done']);
        expect(await records()).toEqual({ acks: i + 1, audits: i + 1 });
      }
    } finally {
      await other?.close();
    }
  });

  it('going back to an earlier commitment makes it the one that holds again', async () => {
    await press(`ack:${CODE}:20261207`);
    await press(`ack:${CODE}:20261209`, vn('2026-12-02 08:01'));
    expect((await press(`ack:${CODE}:20261207`, vn('2026-12-02 08:02'))).text).toContain('✓ Đã ghi nhận: hồ sơ');
    const latest = await database.db.acknowledgement.findFirst({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    expect(latest!.until).toBe('2026-12-07');
    expect(await records()).toEqual({ acks: 2, audits: 3 });
  });
});

describe('advice on an acknowledgement (item 7)', () => {
  it('before the deadline: a date after it needs the letter at least one day before the deadline', async () => {
    const reply = await say(`/xacnhan ${CODE} 08/12`);
    expect(reply.text).toContain('chậm nhất 1 ngày trước hạn');
  });

  it('an already-overdue dossier is never advised to send the letter "at least one day before" the passed deadline', async () => {
    const friday = vn('2026-12-04 08:30');
    for (const reply of [await say(`/xacnhan ${CODE} 08/12`, friday), await press(`ack:${CODE}:20261207`, friday)]) {
      expect(reply.text).toContain('✓ Đã ghi nhận');
      expect(reply.text).not.toContain('trước hạn');
      expect(reply.text).toContain('Hồ sơ đã quá hạn trả kết quả (17:00 03/12/2026)');
      expect(reply.text).toContain('gửi ngay');
    }
  });

  it('on the deadline day the letter can no longer go "one day before": send it now', async () => {
    const reply = await say(`/xacnhan ${CODE} 07/12`, vn('2026-12-03 08:00'));
    expect(reply.text).not.toContain('trước hạn');
    expect(reply.text).toContain('Ngày này sau hạn trả kết quả (17:00 03/12/2026, tức hôm nay)');
    expect(reply.text).toContain('gửi ngay');
  });

  it('the Mẫu 04 draft of an overdue dossier proposes a date from today on and no "one day before" note', async () => {
    const draft = await press(`xl:${CODE}`, vn('2026-12-09 08:30'));
    expect(draft.text).toContain('Mẫu 04');
    expect(draft.text).not.toContain('chậm nhất 1 ngày trước hạn');
    expect(draft.text).toContain('đến ngày 14/12/2026'); // three working days after Wednesday 09/12
    const early = await press(`xl:${CODE}`, WED);
    expect(early.text).toContain('chậm nhất 1 ngày trước hạn');
    expect(early.text).toContain('đến ngày 08/12/2026'); // three working days after the deadline
  });
});
