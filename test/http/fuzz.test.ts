// 10,000 random payloads (seeded, so a failure can be replayed) never crash the ingest API: every
// answer is 200, 400 or 413, never a 5xx, the server stays up, and what got written is whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/demo/random.ts';
import { CANONICAL_FIELDS } from '../../src/ingest/fields.ts';
import { expectWhole } from '../ingest/support/consistency.ts';
import { harness, item, type Harness } from './support.ts';

const PAYLOADS = 10_000;
const SEED = 20261127;
let h: Harness;
beforeAll(async () => {
  h = await harness({ maxBodyBytes: 32 * 1024 });
});
afterAll(async () => h.close());

const KEYS = [...CANONICAL_FIELDS, 'LichSuTrangThai', '__proto__', 'constructor', '', 'maHoSo'];
const STRINGS = [
  '', ' ', '0', '1', '2', '3', '10', '11', '-1', 'null', 'true', 'NaN', 'Infinity', '1e309', '20261127093000', '20261399250000', '27/11/2026 09:30', '31/02/2026',
  '2026-11-27T09:30:00Z', '2026-11-27T09:30:00+14:00', '99999999999999', '46353.5', 'Trực tuyến', 'Đã trả kết quả', 'Rất hài lòng', '20.000 đ', '1.2.3',
  '000.12.31.H55', 'XBS', '1.001193', '1.009972', 'x'.repeat(300), '\u0000', '\ud800', '😀🇻🇳', 'Robert"); DROP TABLE "Dossier";--', "O'Brien", '\\', '\n\r\t', '<script>',
];

function randomString(rnd: Random): string {
  if (rnd.chance(0.7)) return rnd.pick(STRINGS);
  const n = rnd.int(0, 40);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(rnd.chance(0.8) ? rnd.int(32, 126) : rnd.int(0, 0xffff));
  return s;
}

function randomValue(rnd: Random, depth = 0): unknown {
  switch (rnd.int(0, 9)) {
    case 0: return null;
    case 1: return rnd.chance(0.5);
    case 2: return rnd.int(-5, 15);
    case 3: return rnd.pick([0, -0, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 46353.395833, 20261127093000, 1.5, Number.MAX_SAFE_INTEGER]);
    case 4: case 5: case 6: return randomString(rnd);
    case 7: return depth < 3 ? Array.from({ length: rnd.int(0, 3) }, () => randomValue(rnd, depth + 1)) : [];
    case 8: return depth < 3 ? Object.fromEntries(Array.from({ length: rnd.int(0, 3) }, () => [rnd.pick(KEYS), randomValue(rnd, depth + 1)])) : {};
    default: return undefined;
  }
}

function randomItem(rnd: Random, i: number): unknown {
  if (rnd.chance(0.35)) {
    // Nearly valid: a good dossier with a few fields changed.
    const base = item(`F-${rnd.int(0, 300)}`, { NgayTiepNhan: `202611${String(rnd.int(2, 26)).padStart(2, '0')}0${rnd.int(7, 9)}0000` });
    for (let k = rnd.int(0, 2); k > 0; k--) (base as Record<string, unknown>)[rnd.pick(KEYS)] = randomValue(rnd);
    return base;
  }
  if (rnd.chance(0.15)) return randomValue(rnd);
  return Object.fromEntries(Array.from({ length: rnd.int(0, 12) }, () => [rnd.pick(KEYS), randomValue(rnd)]).concat([['MaHoSo', `G-${i}`]]));
}

function payload(rnd: Random, i: number): string {
  const kind = rnd.int(0, 19);
  if (kind === 0) return Array.from({ length: rnd.int(0, 200) }, () => String.fromCharCode(rnd.int(0, 255))).join('');
  if (kind === 1) return JSON.stringify(randomValue(rnd));
  if (kind === 2) return '['.repeat(rnd.int(1, 20_000)) + ']'.repeat(rnd.int(0, 20_000));
  if (kind === 3) return JSON.stringify([item(`T-${i}`)]).slice(0, rnd.int(0, 200)); // truncated
  if (kind === 4) return `[${'1,'.repeat(rnd.int(10_000, 20_000))}1]`; // many items, some over the limit
  const items = Array.from({ length: rnd.int(0, 6) }, () => randomItem(rnd, i));
  return JSON.stringify(items);
}

describe('fuzzing POST /api/v1/dossiers', () => {
  it(`never answers 5xx to ${PAYLOADS.toLocaleString('en')} random payloads (seed ${SEED}) and stays up`, async () => {
    const rnd = new Random(SEED);
    const bodies = Array.from({ length: PAYLOADS }, (_, i) => payload(rnd, i));
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const i = next++;
        const r = await fetch(`${h.http.url}/api/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' }, body: bodies[i] });
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (![200, 400, 413].includes(r.status) && failures.length < 5) failures.push(`#${i} → ${r.status}: ${bodies[i]!.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures).toEqual([]);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    // The mix exercised each outcome.
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(1000);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect((await fetch(`${h.http.url}/healthz`)).status).toBe(200);
    expect(await h.database.db.dossier.count()).toBeGreaterThan(0);
    await expectWhole(h.database);
  }, 600_000);
});
