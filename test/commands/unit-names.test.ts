// A unit named in a chat command: only a whole name or a code is answered; anything else gets
// choices, never the figures of a unit whose name merely contains the words (issue 12, item 6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleButton, handleMessage } from '../../src/commands/router.ts';
import type { Asker } from '../../src/commands/types.ts';
import { loadConfig } from '../../src/config.ts';
import { demoUnits } from '../../src/demo/structure.ts';
import { createLogger } from '../../src/log.ts';
import { insertUnit } from '../../src/org/units.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { vn } from '../support/dossiers.ts';
import type { Message } from '../../src/core/message.ts';
import { createServices, type Services } from '../../src/core/services.ts';

const now = vn('2026-11-27 09:00');
let database: TestDatabase;
let services: Services;

beforeAll(async () => {
  database = await testDatabase();
  const { db } = database;
  await db.$transaction(async (tx) => {
    for (const u of demoUnits()) await insertUnit(tx, { code: u.code, name: u.name, kind: u.kind, parentCode: u.parent });
  });
  const xbs = await db.unit.findUniqueOrThrow({ where: { code: 'XBS' } });
  await db.official.create({ data: { code: 'ct-xbs', fullName: 'Chủ tịch Bình Sơn', title: 'Chủ tịch UBND xã', role: 'commune_chair', unitId: xbs.id } });
  services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
});
afterAll(async () => database.drop());

const chair: Asker = { channel: 'console', externalId: 'ct-xbs', chat: { kind: 'private' } };
const ask = async (text: string): Promise<Message> => {
  const replies = await handleMessage(services, chair, text, now);
  expect(replies).toHaveLength(1);
  return replies[0]!;
};

describe('a unit named in /tiendo', () => {
  it('"tiến độ xã Hoà Bình" (no such unit) says so, without another unit\'s figures', async () => {
    const reply = await ask('tiến độ xã Hoà Bình');
    expect(reply.text).toBe('Không tìm thấy đơn vị "xã Hoà Bình" trong phạm vi bạn được xem.');
    expect(reply.buttons ?? []).toEqual([]);
  });

  it('part of a name gets the unit as a choice; pressing it answers for that unit', async () => {
    const reply = await ask('/tiendo văn hóa bình sơn');
    expect(reply.text).toMatch(/^Không tìm thấy đơn vị "văn hóa bình sơn"\. Có phải: Phòng Văn hóa – Xã hội xã Bình Sơn[,?]/);
    expect(reply.text).not.toContain('Tiến độ');
    const [choice] = reply.buttons!.flat();
    expect(choice!.data).toBe('td:XBS-VHXH:y');
    expect((await handleButton(services, chair, choice!.data, now)).text).toMatch(/^📊 Tiến độ giải quyết hồ sơ — Phòng Văn hóa – Xã hội xã Bình Sơn/);
  });

  it('a whole name, with or without its kind word and diacritics, is answered at once', async () => {
    expect((await ask('tien do phong kinh te xa binh son')).text).toMatch(/^📊 Tiến độ giải quyết hồ sơ — Phòng Kinh tế xã Bình Sơn/);
    expect((await ask('tiến độ Bình Sơn')).text).toMatch(/^📊 Tiến độ giải quyết hồ sơ — Xã Bình Sơn/);
  });
});
