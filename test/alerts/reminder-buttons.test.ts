// The buttons under a reminder (issue 12, item 7): a row per dossier (✓ / ✉ Mẫu 04 / 📅), every
// due-soon dossier reachable for the Mẫu 04 draft even when overdue ones crowd the message, a
// leader's escalation with the draft of the letter the unit's head signs, and on Zalo, where
// buttons are numbered choices in the text, everything within the channel's limit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAlerts } from '../../src/alerts/run.ts';
import { renderPlain } from '../../src/channels/plain.ts';
import { MAX_TEXT } from '../../src/core/channel.ts';
import { handleButton } from '../../src/commands/router.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { ChannelName } from '../../src/org/codes.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../support/dossiers.ts';
import type { Button } from '../../src/core/message.ts';
import { createServices, type Services } from '../../src/core/services.ts';

let database: TestDatabase;
let org: TinyOrg;
let services: Services;
const AT = vn('2026-12-02 09:00'); // Wednesday
// Received Mon 30/11: due Thu 03/12, due soon at AT. Received Thu 26/11: due Tue 01/12, overdue 1 working day.
// Received Mon 16/11: due Thu 19/11, overdue 9 working days: escalated to the commune chair.
const SOON = '2026-11-30 09:00';
const LATE = '2026-11-26 09:00';
const LONG_LATE = '2026-11-16 09:00';

beforeEach(async () => {
  database = await testDatabase();
  org = await tinyOrg(database);
  const official = async (code: string, role: string, unitId: number, channel: ChannelName) => {
    const o = await database.db.official.create({ data: { code, fullName: `Cán bộ ${code}`, title: `Chức danh ${code}`, role, unitId } });
    await database.db.chatIdentity.create({ data: { officialId: o.id, channel, externalId: `${channel}-${code}` } });
  };
  await official('tp-o', 'unit_head', org.ids.O, 'telegram');
  await official('ct-c', 'commune_chair', org.ids.C, 'telegram');
  services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
});
afterEach(async () => database.drop());

const code = (i: number) => `000.00.99.H55-261130-${String(i).padStart(4, '0')}`;
async function dossiers(received: Record<string, number>) {
  let i = 0;
  const inputs = Object.entries(received).flatMap(([at, n]) => Array.from({ length: n }, () => dossier(org, code(++i), { receivedAt: vn(at) })));
  await save(database, org, inputs, vn('2026-11-30 09:00'));
}

async function reminders() {
  const r = await runAlerts(services, AT, { dryRun: false });
  expect(r.unaddressed).toEqual([]);
  const rows = await database.db.outbox.findMany({ orderBy: { id: 'asc' } });
  return (address: string) => rows.filter((row) => row.address === address).map((row) => JSON.parse(row.payload) as { text: string; buttons?: Button[][] });
}

const dataOf = (buttons: Button[][] | undefined) => (buttons ?? []).flat().map((b) => b.data);

describe('a reminder\'s buttons', () => {
  it('give every dossier of the official a row, and every due-soon dossier its Mẫu 04 draft — not only the three most urgent', async () => {
    await dossiers({ [LATE]: 4, [SOON]: 2 });
    const [message] = (await reminders())('telegram-tp-o');
    expect(message!.text).toContain('⛔ Quá hạn (4)');
    expect(message!.text).toContain('📅 Sắp đến hạn (2)');
    const rows = message!.buttons!;
    expect(rows).toHaveLength(6);
    // One row per dossier, most urgent first, each button naming its dossier (Zalo lists them without rows).
    for (const [i, row] of rows.entries()) {
      const c = code(i + 1);
      expect(row.map((b) => b.data)).toEqual(i < 4 ? [`ack:${c}:20261203`, `hen:${c}`] : [`ack:${c}:20261203`, `xl:${c}`, `hen:${c}`]);
      for (const b of row) expect(b.text).toContain(c.slice(-11));
    }
  });

  it('make the draft reachable for each due-soon dossier even when a hundred overdue ones fill the message', async () => {
    await dossiers({ [LATE]: 100, [SOON]: 3 });
    const [message] = (await reminders())('telegram-tp-o');
    expect(message!.text.length).toBeLessThanOrEqual(MAX_TEXT.telegram);
    for (const i of [101, 102, 103]) {
      expect(message!.text).toContain(code(i));
      expect(dataOf(message!.buttons)).toContain(`xl:${code(i)}`);
    }
    expect(message!.text).toMatch(/… và \d+ hồ sơ khác — gõ \/quahan/);
    // Telegram refuses a keyboard of more than 100 buttons.
    expect(dataOf(message!.buttons).length).toBeLessThanOrEqual(90);
    // Each draft answers with the letter for its dossier.
    const tpo = { channel: 'telegram' as const, externalId: 'telegram-tp-o', chat: { kind: 'private' as const } };
    expect((await handleButton(services, tpo, `xl:${code(103)}`, AT)).text).toContain(`Mã hồ sơ: ${code(103)}`);
  });

  it('give a leader\'s escalation the draft of the letter the unit\'s head signs', async () => {
    await dossiers({ [LONG_LATE]: 2 });
    const [escalation] = (await reminders())('telegram-ct-c');
    expect(escalation!.text).toContain('🔺 Quá hạn lâu, cần lãnh đạo chỉ đạo (2)');
    expect(escalation!.buttons).toEqual([
      [{ text: '✉ Mẫu 04 261130-0001', data: `xl:${code(1)}` }],
      [{ text: '✉ Mẫu 04 261130-0002', data: `xl:${code(2)}` }],
    ]);
  });

  it('on Zalo become numbered choices that fit the message with its text, each due-soon dossier with its draft', async () => {
    const tpo = await database.db.official.findUniqueOrThrow({ where: { code: 'tp-o' } });
    await database.db.chatIdentity.create({ data: { officialId: tpo.id, channel: 'zalo', externalId: 'u:zalo-tp-o' } });
    await database.db.official.update({ where: { id: tpo.id }, data: { preferredChannel: 'zalo' } });
    await dossiers({ [LATE]: 20, [SOON]: 4 });
    const [message] = (await reminders())('u:zalo-tp-o');
    const plain = renderPlain(message!);
    expect(plain.text.length).toBeLessThanOrEqual(MAX_TEXT.zalo);
    for (const i of [21, 22, 23, 24]) {
      expect(message!.text).toContain(code(i));
      expect(plain.choices.map((c) => c.data)).toContain(`xl:${code(i)}`);
    }
    // Every dossier shown can be answered by a choice.
    for (let i = 1; i <= 24; i++) if (message!.text.includes(code(i))) expect(plain.choices.map((c) => c.data)).toContain(`hen:${code(i)}`);
  });
});
