// /baocao: the asker's digest on demand, scoped like every other command, with its chart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestContext } from '../../src/commands/context.ts';
import { baocao, baocaoButton } from '../../src/commands/handlers/baocao.ts';
import type { OfficialContext } from '../../src/commands/types.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { buildArea, MONDAY, vn } from './fixture.ts';
import { servicesFor } from './support.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
});
afterAll(async () => database.drop());

async function as(code: string, now = MONDAY): Promise<OfficialContext> {
  const ctx = await requestContext(servicesFor(database), { channel: 'console', externalId: code, chat: { kind: 'private' } }, now);
  return ctx as OfficialContext;
}

describe('/baocao', () => {
  it('gives a leader last week’s area digest with its chart and a caption', async () => {
    const r = await baocao(await as('ct-p'), '');
    expect(r.text.split('\n').slice(0, 2)).toEqual(['📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Tỉnh Thử', 'Tuần 16/11/2026 – 22/11/2026 · số liệu lúc 23:59 22/11/2026']);
    expect(r.text).toContain('Khối xã, phường (7 đơn vị có hồ sơ):');
    expect(r.image?.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(r.image?.caption).toBe('📊 Bản tin tuần 16/11/2026 – 22/11/2026 — Tỉnh Thử\nĐúng hạn: 70,83% ▲ 10,83 điểm · Nộp trực tuyến: 68,18%');
    expect(r.buttons?.[0]?.map((b) => b.data)).toEqual(['bc:P:w', 'bc:P:lw', 'bc:P:m']);
  });

  it('gives a unit head the digest of their unit among its peers', async () => {
    const r = await baocao(await as('tp-o1'), 'tuần trước');
    expect(r.text).toContain('📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Phòng Kinh tế xã Ân Phú');
    expect(r.text).toContain('🏆 Xếp hạng đúng hạn trong khối phòng: thứ 1/2 trong tuần; thứ 1/2 từ đầu năm.');
  });

  it('understands “tuần này” and “tháng”, up to now', async () => {
    const week = await baocao(await as('ct-p', vn('2026-11-25 10:00')), 'tuần này');
    expect(week.text.split('\n')[1]).toBe('Tuần 23/11/2026 – 25/11/2026 · số liệu lúc 10:00 25/11/2026');
    const month = await baocao(await as('ct-p', vn('2026-11-25 10:00')), 'tháng');
    expect(month.text.split('\n')[1]).toBe('Kỳ 01/11/2026 – 25/11/2026 · số liệu lúc 10:00 25/11/2026');
    expect(month.text).toContain('Trong kỳ (so với kỳ trước cùng độ dài):');
  });

  it('answers about a named unit within the asker’s scope only', async () => {
    const leader = await baocao(await as('ct-p'), 'xa duc pho');
    expect(leader.text.split('\n')[0]).toBe('📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Xã Đức Phổ');
    const outside = await baocao(await as('tp-o1'), 'xã Bình Minh');
    expect(outside.image).toBeUndefined();
    expect(outside.text).toContain('Không tìm thấy đơn vị');
    expect((await baocao(await as('ct-p'), 'tuần sau')).text).toContain('chưa tới');
  });

  it('answers its buttons, and refuses a unit out of scope', async () => {
    const r = await baocaoButton(await as('ct-p', vn('2026-11-25 10:00')), ['C4', 'lw']);
    expect(r?.text.split('\n').slice(0, 2)).toEqual(['📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Xã Đức Phổ', 'Tuần 16/11/2026 – 22/11/2026 · số liệu lúc 23:59 22/11/2026']);
    expect(await baocaoButton(await as('tp-o1'), ['C4', 'lw'])).toBeNull();
  });
});
