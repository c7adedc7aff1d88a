// The reminder pipeline over simulated days: due soon → due today → overdue → repeated →
// escalated, with a holiday in between; a commitment that slips; quiet hours; grouping and
// cutting to the channel's limit; nothing planned twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAlerts } from '../../src/alerts/run.ts';
import { saveOverride } from '../../src/calendar/overrides.ts';
import { handleButton, handleMessage } from '../../src/commands/router.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../support/dossiers.ts';
import { createServices, type Services } from '../../src/core/services.ts';

let database: TestDatabase;
let org: TinyOrg;
let services: Services;

beforeEach(async () => {
  database = await testDatabase();
  org = await tinyOrg(database);
  const { db } = database;
  const official = async (code: string, role: string, unitId: number, extra: { supervises?: number[]; fields?: string[] } = {}) => {
    const o = await db.official.create({
      data: {
        code, fullName: `Cán bộ ${code}`, title: `Chức danh ${code}`, role, unitId,
        supervises: { create: (extra.supervises ?? []).map((u) => ({ unitId: u })) },
        fields: { create: (extra.fields ?? []).map((f) => ({ fieldCode: f })) },
      },
    });
    await db.chatIdentity.create({ data: { officialId: o.id, channel: 'telegram', externalId: `tg-${code}` } });
  };
  await official('tp-o', 'unit_head', org.ids.O);
  await official('ct-c', 'commune_chair', org.ids.C);
  await official('pct-c', 'deputy', org.ids.C, { fields: ['DD'] });
  await official('lead', 'leader', org.ids.P, { supervises: [org.ids.C, org.ids.D] });
  await official('gd-d', 'unit_head', org.ids.D);
  services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
});
afterEach(async () => database.drop());

/** Runs the planner at a local time and returns what it wrote, by recipient. */
async function tick(local: string) {
  const at = vn(local);
  const before = await database.db.outbox.findMany({ select: { id: true } });
  const r = await runAlerts(services, at, { dryRun: false });
  const rows = await database.db.outbox.findMany({ where: { id: { notIn: before.map((b) => b.id) } }, orderBy: { id: 'asc' } });
  return {
    result: r,
    rows,
    to: (code: string) => rows.filter((row) => row.address === `tg-${code}`).map((row) => JSON.parse(row.payload) as { text: string; buttons?: { text: string; data: string }[][] }),
  };
}

describe('a dossier over simulated days', () => {
  it('goes due soon → due today → overdue → repeated → escalated, skipping a holiday, once per stage', async () => {
    // Received Mon 30/11/2026 09:00, three working days: due Thu 3/12 17:00. Mon 7/12 is made a day off.
    await saveOverride(database.db, { date: '2026-12-07', kind: 'day_off', name: 'Nghỉ đột xuất', source: '1/TB', scope: '*' }, 'test', vn('2026-11-27 09:00'));
    await save(database, org, [dossier(org, 'HS-1', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));

    expect((await tick('2026-11-30 10:00')).rows).toHaveLength(0); // 3 working days left: nothing yet

    const soon = await tick('2026-12-02 09:00');
    expect(soon.rows.map((r) => r.address).sort()).toEqual(['tg-pct-c', 'tg-tp-o']); // head and the deputy for land (DD)
    expect(soon.to('tp-o')[0]!.text).toContain('📅 Sắp đến hạn (1)');
    expect(soon.to('tp-o')[0]!.text).toContain('Mẫu 04');
    expect(soon.to('tp-o')[0]!.buttons!.flat().map((b) => b.data)).toEqual(['ack:HS-1:20261203', 'xl:HS-1', 'hen:HS-1']);
    // Each button names its dossier (Zalo shows them as a numbered list, without the rows).
    expect(soon.to('tp-o')[0]!.buttons!.flat().map((b) => b.text).filter((text) => !text.includes('HS-1'))).toEqual([]);
    expect((await tick('2026-12-02 14:00')).rows).toHaveLength(0); // the same stage is not sent twice

    expect((await tick('2026-12-03 08:00')).to('tp-o')[0]!.text).toContain('⏰ Đến hạn hôm nay (1)');
    const overdue = await tick('2026-12-04 08:00');
    expect(overdue.to('tp-o')[0]!.text).toContain('quá 1 ngày làm việc');
    expect(overdue.to('ct-c')).toEqual([]);

    expect((await tick('2026-12-07 09:00')).rows).toHaveLength(0); // holiday: still 1 working day overdue
    expect((await tick('2026-12-08 09:00')).rows).toHaveLength(0); // 2 days: the repeat is every 2 days
    const third = await tick('2026-12-09 09:00');
    expect(third.to('tp-o')[0]!.text).toContain('quá 3 ngày làm việc');
    expect(third.to('ct-c')[0]!.text).toContain('🔺 Quá hạn lâu, cần lãnh đạo chỉ đạo (1)');
    expect(third.to('lead')).toEqual([]); // the commune chair is the leader above the office
    expect((await tick('2026-12-09 15:00')).rows).toHaveLength(0);
  });

  it('a commitment stops reminders until its date, then the reminder says it slipped', async () => {
    await save(database, org, [dossier(org, '000.00.99.H55-261130-0001', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
    await tick('2026-12-04 08:00'); // overdue, first reminder
    const tpo = { channel: 'telegram' as const, externalId: 'tg-tp-o', chat: { kind: 'private' as const } };
    const [ack] = await handleMessage(services, tpo, '/xacnhan 000.00.99.H55-261130-0001 08/12', vn('2026-12-04 08:30'));
    expect(ack!.text).toContain('✓ Đã ghi nhận');
    // Already overdue: send the letter now, not "at least one day before" a deadline that has passed.
    expect(ack!.text).toContain('Hồ sơ đã quá hạn trả kết quả');
    expect(ack!.text).not.toContain('trước hạn');
    expect(await database.db.auditLog.count({ where: { action: 'dossier.commit' } })).toBe(1);

    expect((await tick('2026-12-08 09:00')).to('tp-o')).toEqual([]); // cycle 1 would be due, but the commitment holds
    const slipped = await tick('2026-12-09 09:00');
    expect(slipped.to('tp-o')[0]!.text).toContain('⚠️ Đã quá ngày đã hẹn xử lý xong (1)');
    expect(slipped.to('tp-o')[0]!.text).toContain('đã hẹn xong trước 08/12/2026 nhưng chưa xong');
  });

  it('"another date" offers the next working days; a snooze holds reminders for the rest of the day only', async () => {
    await save(database, org, [dossier(org, 'HS-5', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
    const tpo = { channel: 'telegram' as const, externalId: 'tg-tp-o', chat: { kind: 'private' as const } };
    const menu = await handleButton(services, tpo, 'hen:HS-5', vn('2026-12-02 08:00'));
    expect(menu.text).toContain('Hồ sơ HS-5 (hạn 17:00 03/12/2026)');
    // Wednesday: today, then Thursday, Friday, and after the weekend Monday to Wednesday.
    expect(menu.buttons!.flat().map((b) => b.data)).toEqual(['20261202', '20261203', '20261204', '20261207', '20261208', '20261209'].map((d) => `ack:HS-5:${d}`).concat('sn:HS-5'));
    expect(menu.buttons!.at(-1)![0]!.text).toBe('💤 Nhắc lại từ 03/12/2026');

    const snoozed = await handleButton(services, tpo, 'sn:HS-5', vn('2026-12-02 08:05'));
    expect(snoozed.text).toContain('💤 Đã tạm hoãn');
    expect(await database.db.auditLog.count({ where: { action: 'dossier.snooze', target: 'HS-5' } })).toBe(1);
    const today = await tick('2026-12-02 09:00');
    expect(today.to('tp-o')).toEqual([]);
    expect(today.to('pct-c')).toHaveLength(1); // the deputy did not snooze
    const tomorrow = (await tick('2026-12-03 08:00')).to('tp-o');
    expect(tomorrow[0]!.text).toContain('⏰ Đến hạn hôm nay (1)');
    expect(tomorrow[0]!.text).not.toContain('Đã quá ngày đã hẹn'); // a snooze is no promise that slipped
  });

  it('a stranger\'s or another unit\'s button changes nothing', async () => {
    await save(database, org, [dossier(org, 'HS-6', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
    const gd = { channel: 'telegram' as const, externalId: 'tg-gd-d', chat: { kind: 'private' as const } };
    const stranger = { channel: 'telegram' as const, externalId: 'tg-nobody', chat: { kind: 'private' as const } };
    for (const asker of [gd, stranger]) {
      for (const data of ['sn:HS-6', 'hen:HS-6']) {
        const reply = await handleButton(services, asker, data, vn('2026-12-02 08:00'));
        expect(reply.text).not.toContain('Đã tạm hoãn');
        expect(reply.buttons ?? []).toEqual([]);
      }
    }
    expect(await database.db.acknowledgement.count()).toBe(0);
  });

  it('a second supplement request escalates at once', async () => {
    await save(database, org, [dossier(org, 'HS-2', {
      receivedAt: vn('2026-11-30 09:00'), status: 5,
      supplements: [{ requestedAt: vn('2026-11-30 10:00'), suppliedAt: vn('2026-12-01 10:00') }, { requestedAt: vn('2026-12-01 15:00'), suppliedAt: null }],
    })], vn('2026-12-01 16:00'));
    const r = await tick('2026-12-02 09:00');
    expect(r.to('ct-c')[0]!.text).toContain('🔺 Yêu cầu bổ sung lần 2');
  });
});

describe('quiet hours and grouping', () => {
  it('a run outside working hours waits for the next working morning', async () => {
    await save(database, org, [dossier(org, 'HS-3', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
    const r = await tick('2026-12-04 18:30'); // Friday evening
    expect(r.rows[0]!.nextAttemptAt).toEqual(vn('2026-12-07 07:30'));
  });

  it('puts every dossier of a recipient in one message, most urgent first, cut to 4096 characters', async () => {
    const inputs = Array.from({ length: 150 }, (_, i) => dossier(org, `000.00.99.H55-261116-${String(i).padStart(4, '0')}`, { receivedAt: vn(i < 100 ? '2026-11-16 09:00' : '2026-11-30 09:00') }));
    await save(database, org, inputs, vn('2026-12-02 08:00'));
    const r = await tick('2026-12-02 09:00');
    const messages = r.to('tp-o');
    expect(messages).toHaveLength(1);
    const text = messages[0]!.text;
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.indexOf('⛔ Quá hạn (100)')).toBeLessThan(text.indexOf('📅 Sắp đến hạn') === -1 ? Infinity : text.indexOf('📅 Sắp đến hạn'));
    expect(text).toMatch(/… và \d+ hồ sơ khác — gõ \/quahan/);
    // A row for every dossier shown, the Mẫu 04 draft for every due-soon one, within Telegram's 100 buttons.
    const shown = inputs.map((d) => d.code).filter((code) => text.includes(code));
    expect(messages[0]!.buttons!.map((row) => row.at(-1)!.data)).toEqual(shown.map((code) => `hen:${code}`));
    const buttons = messages[0]!.buttons!.flat().map((b) => b.data);
    for (const code of shown.slice(3)) expect(buttons).toContain(`xl:${code}`);
    expect(buttons.length).toBeLessThanOrEqual(90);
    // Every item is logged as sent, shown or not, so the next run plans none of them again.
    expect(await database.db.alertItem.count()).toBeGreaterThanOrEqual(150);
    expect((await tick('2026-12-02 10:00')).rows).toHaveLength(0);
  });

  it('two runs at the same moment plan the reminders once', async () => {
    await save(database, org, [dossier(org, 'HS-4', { receivedAt: vn('2026-11-30 09:00') })], vn('2026-11-30 09:00'));
    const at = vn('2026-12-04 08:00');
    const results = await Promise.all([runAlerts(services, at, { dryRun: false }), runAlerts(services, at, { dryRun: false })]);
    // The head and the deputy for land: two messages, written by one of the runs.
    expect(results.map((r) => r.written).sort()).toEqual([0, 2]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(await database.db.outbox.count()).toBe(2);
  });
});
