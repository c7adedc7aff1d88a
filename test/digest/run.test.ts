// The weekly run into the outbox: who gets what, once per ISO week and recipient, even when two
// instances run it at the same moment.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChartRenderer, chartKey } from '../../src/digest/images.ts';
import { DIGEST_LEASE, planDigests, runDigest } from '../../src/digest/run.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { buildArea, MONDAY } from './fixture.ts';
import { servicesFor } from './support.ts';
import type { StoredMessage } from '../../src/core/message.ts';
import { systemClock } from '../../src/core/clock.ts';

let database: TestDatabase;
/** A stand-in renderer: one distinct small "PNG" per chart content. */
const fakeCharts = () => new ChartRenderer(systemClock, async (input) => ({ png: Buffer.from(`png:${chartKey(input)}`), width: 1, height: 1 }));

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
  await database.db.chatGroup.create({ data: { channel: 'telegram', externalId: '-100123', title: 'Nhóm CCHC tỉnh' } });
  const group = await database.db.chatGroup.findFirstOrThrow();
  await database.db.digestTarget.create({ data: { groupId: group.id, createdBy: 'test' } });
});
afterAll(async () => database.drop());

async function reset() {
  await database.db.outbox.deleteMany();
  await database.db.attachment.deleteMany();
  await database.db.auditLog.deleteMany({ where: { action: 'digest.sent' } });
  await database.db.lease.deleteMany();
}

const rows = () => database.db.outbox.findMany({ orderBy: { dedupKey: 'asc' } });

describe('runDigest', () => {
  beforeEach(reset);

  it('enqueues each reachable recipient’s digest with its chart, one outbox row each', async () => {
    const r = await runDigest(servicesFor(database), MONDAY, { charts: fakeCharts() });
    expect(r).toMatchObject({ status: 'sent', isoWeek: '2026-W47', enqueued: 5, existing: 0, unreachable: 1, digests: 3, charts: 3 });
    const out = await rows();
    expect(out.map((o) => [o.dedupKey, o.channel, o.address, o.kind])).toEqual([
      ['digest:2026-W47:area:P:g:telegram:-100123', 'telegram', '-100123', 'digest'],
      ['digest:2026-W47:area:P:o:ct-p', 'telegram', '1001', 'digest'],
      ['digest:2026-W47:area:P:o:cv-cchc', 'zalo', 'z-2002', 'digest'],
      ['digest:2026-W47:unit:C8:o:ct-c8', 'zalo', 'z-2004', 'digest'],
      ['digest:2026-W47:unit:O1:o:tp-o1', 'telegram', '1003', 'digest'],
    ]);
    expect(out.every((o) => o.status === 'pending' && o.nextAttemptAt.getTime() === MONDAY.getTime())).toBe(true);
    const payloads = out.map((o) => JSON.parse(o.payload) as StoredMessage);
    // The leaders' and the group's digests are the same digest with the same chart.
    expect(new Set(payloads.slice(0, 3).map((p) => p.text)).size).toBe(1);
    expect(payloads[0]!.text).toContain('📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Tỉnh Thử');
    expect(payloads[4]!.text).toContain('— Phòng Kinh tế xã Ân Phú');
    expect(payloads[0]!.image?.caption).toBe('📊 Bản tin tuần 16/11/2026 – 22/11/2026 — Tỉnh Thử\nĐúng hạn: 70,83% ▲ 10,83 điểm · Nộp trực tuyến: 68,18%');
    const shas = new Set(payloads.map((p) => p.image!.sha256));
    expect(shas.size).toBe(3);
    expect(await database.db.attachment.count({ where: { sha256: { in: [...shas] } } })).toBe(3);
    expect(await database.db.lease.count({ where: { name: DIGEST_LEASE } })).toBe(0);
  });

  it('does nothing the second time (the week is recorded), and a forced run adds no duplicate', async () => {
    const services = servicesFor(database);
    await runDigest(services, MONDAY, { charts: fakeCharts() });
    const again = await runDigest(services, new Date(MONDAY.getTime() + 3_600_000), { charts: fakeCharts() });
    expect(again.status).toBe('already_sent');
    const forced = await runDigest(services, MONDAY, { charts: fakeCharts(), force: true });
    expect(forced).toMatchObject({ status: 'sent', enqueued: 0, existing: 5 });
    expect(await database.db.outbox.count()).toBe(5);
  });

  it('writes one set of rows when two instances run at the same moment', async () => {
    const [a, b] = await Promise.all([
      runDigest(servicesFor(database), MONDAY, { owner: 'instance-a', charts: fakeCharts() }),
      runDigest(servicesFor(database), MONDAY, { owner: 'instance-b', charts: fakeCharts() }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'sent']);
    expect(await database.db.outbox.count()).toBe(5);
    // Whoever comes later finds the week done.
    expect((await runDigest(servicesFor(database), MONDAY, { owner: 'instance-b', charts: fakeCharts() })).status).toBe('already_sent');
  });

  it('takes over a lease its holder left to expire', async () => {
    await database.db.lease.create({ data: { name: DIGEST_LEASE, owner: 'crashed', expiresAt: new Date(MONDAY.getTime() - 1) } });
    expect((await runDigest(servicesFor(database), MONDAY, { charts: fakeCharts() })).status).toBe('sent');
    await database.db.lease.create({ data: { name: DIGEST_LEASE, owner: 'alive', expiresAt: new Date(MONDAY.getTime() + 60_000) } });
    expect((await runDigest(servicesFor(database), MONDAY, { force: true, charts: fakeCharts() })).status).toBe('busy');
  });

  it('plans without writing: digests are built only for recipients with a chat address', async () => {
    const plan = await planDigests(servicesFor(database), MONDAY);
    expect(plan.isoWeek).toBe('2026-W47');
    expect(plan.digests.map((d) => `${d.digest.data.kind}:${d.digest.data.unit.code}:${d.recipients.length}`)).toEqual(['area:P:3', 'unit:C8:1', 'unit:O1:1']);
    expect(plan.unreachable.map((r) => r.who)).toEqual(['o:ct-c2']);
    expect(await database.db.outbox.count()).toBe(0);
  });

  it('renders real charts, each once', async () => {
    const charts = new ChartRenderer(systemClock, );
    const r = await runDigest(servicesFor(database), MONDAY, { charts });
    expect(charts.renders).toBe(3);
    const a = await database.db.attachment.findFirstOrThrow();
    expect(Buffer.from(a.data).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(r.ms.render).toBeGreaterThan(0);
  });
});
