// Hostile payloads against POST /api/v1/dossiers (fast-check, seeded: a failure prints its seed
// and payload and replays). Every dossier field gets prototype names, broken Unicode, bytes that
// are not UTF-8, impossible offsets and dates, negative, huge and NaN numbers, NUL bytes; codes
// repeat within and across requests. Each answer is checked against what the ingest must make of
// the payload (test/ingest/support/hostile.ts): never a 5xx; a 400 lists exactly the fields read
// wrong, by item index; a refused request writes no dossier; an accepted one stores every value
// as given but for the documented normalisations. The classes, not the count, are the point.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectWhole } from '../ingest/support/consistency.ts';
import {
  baseItem, CLASSES, codeCell, respelled, coverageCells, expectationOf, itemArb, itemObject, JsonObject, jsonBytes, storedMatches, withCell,
  type Expectation, type Item, type Value,
} from '../ingest/support/hostile.ts';
import { harness, send, type Harness } from './support.ts';

const SEED = 20261127;
const RUNS = 2_000;
const MAX_BODY = 32 * 1024;

let h: Harness;
beforeAll(async () => {
  h = await harness({ maxBodyBytes: MAX_BODY });
});
afterAll(async () => h.close());

/** A request: dossiers (some not objects at all), or a body that is no array of dossiers. */
type Payload = { kind: 'items'; items: (Item | { notObject: Value })[] } | { kind: 'body'; body: Buffer; expect: readonly string[] };

const notObject = fc.constantFrom<Value>('hồ sơ', 42, null, true, [], [new JsonObject([['MaHoSo', 'x']])]).map((v) => ({ notObject: v }));
const items = fc
  .tuple(fc.array(fc.oneof({ weight: 12, arbitrary: itemArb('api', codeCell('F', 40)) }, { weight: 1, arbitrary: notObject }), { minLength: 1, maxLength: 3 }),
    fc.nat())
  // Often the last dossier repeats the code of the first one, spelled alike, padded or in NFD.
  .map(([list, n]) => {
    const [first, last] = [list[0]!, list.at(-1)!];
    if (list.length < 2 || n % 3 === 0 || 'notObject' in first || 'notObject' in last) return list;
    const code = first.entries.find(([name]) => name === 'MaHoSo')?.[1];
    return code ? [...list.slice(0, -1), withCell(last, 'MaHoSo', respelled(code, n))] : list;
  });
const bodies = fc.oneof(
  // Truncated JSON: no proper prefix of an array is JSON.
  fc.tuple(itemArb('api', codeCell('T', 5)), fc.nat()).map(([i, n]) => {
    const b = Buffer.concat(jsonBytes([itemObject(i)]));
    return { body: b.subarray(0, n % b.length), expect: ['bad_json', 'bad_encoding'] };
  }),
  fc.constantFrom<Value>(new JsonObject([['MaHoSo', 'A-1']]), 'hồ sơ', 12, null).map((v) => ({ body: Buffer.concat(jsonBytes(v)), expect: ['not_array'] })),
  fc.integer({ min: 1, max: 5_000 }).map((n) => ({ body: Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`), expect: ['invalid'] })),
  fc.integer({ min: 2, max: 5_000 }).map((n) => ({ body: Buffer.from(`${'['.repeat(n)}${']'.repeat(n - 1)}`), expect: ['bad_json'] })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ body: Buffer.from(b), expect: ['bad_json', 'bad_encoding', 'not_array', 'invalid', 'accepted'] })),
  fc.integer({ min: MAX_BODY + 1, max: 4 * MAX_BODY }).map((n) => ({ body: Buffer.from(`["${'x'.repeat(n)}"]`), expect: ['too_large'] })),
);
const payloads: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 19, arbitrary: items.map((list): Payload => ({ kind: 'items', items: list })) },
  { weight: 1, arbitrary: bodies.map((b): Payload => ({ kind: 'body', ...b })) },
);

/** Every class in every field once, before the random payloads: three per request, beside a valid dossier. */
const cells = coverageCells('api');
const examples: Payload[] = Array.from({ length: Math.ceil(cells.length / 3) }, (_, i) => ({
  kind: 'items',
  items: [baseItem(`COV-${i}`), ...cells.slice(3 * i, 3 * i + 3).map(([field, cell], k) => withCell(baseItem(`COV-${i}-${k}`), field, cell))],
}));

type Answer = { index: number; field: string | null; reason: string };

describe('fuzzing POST /api/v1/dossiers', () => {
  it(`answers ${RUNS.toLocaleString('en')} hostile payloads (seed ${SEED}) exactly: no 5xx, refused fields named, nothing written, values kept`, async () => {
    const { db } = h.database;
    const ids = {
      units: new Map((await db.unit.findMany()).map((u) => [u.code, u.id])),
      procedures: new Map((await db.procedure.findMany()).map((p) => [p.code === '1.001193' ? 'KS' : 'XD', p.id])),
    };
    const seen = new Map<string, number>();
    const count = (tag: string) => seen.set(tag, (seen.get(tag) ?? 0) + 1);
    const statuses = new Map<number, number>();
    /** The store bumps this counter whenever it writes a dossier. */
    const writes = async () => (await db.counter.findUnique({ where: { name: 'dossiers' } }))?.value ?? 0;
    let lastWrites = await writes();

    const check = async (p: Payload): Promise<void> => {
      const body = p.kind === 'body' ? p.body : Buffer.concat(jsonBytes(p.items.map((i) => ('notObject' in i ? i.notObject : itemObject(i)))));
      const r = await send(h.http.url, 'POST', '/api/v1/dossiers',
        { headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' }, body });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status).toBeLessThan(500);
      const answer = JSON.parse(r.text) as { error?: string; errors?: Answer[]; errorCount?: number };
      const nowWrites = await writes();
      if (r.status !== 200) expect(nowWrites, 'a refused request wrote dossiers').toBe(lastWrites);
      lastWrites = nowWrites;

      if (p.kind === 'body') {
        if (p.expect.includes('too_large')) expect(r.status).toBe(413);
        expect(p.expect).toContain(answer.error ?? 'accepted');
        if (answer.error === 'invalid') for (const e of answer.errors!) expect(e).toMatchObject({ index: expect.any(Number), field: null });
        return;
      }

      // The answer the ingest owes: every field read wrong, by item; then bytes no field read; then unknown units or procedures.
      const exp: (Expectation | null)[] = p.items.map((i) => ('notObject' in i ? null : expectationOf(i)));
      for (const e of exp) for (const tag of e?.tags ?? []) count(tag);
      const wanted = new Map<number, { exactly?: Set<string | null>; atLeast?: Set<string> }>();
      const firstOf = new Map<string, number>();
      exp.forEach((e, index) => {
        if (e === null) wanted.set(index, { exactly: new Set([null]) });
        else if (e.bad.size > 0) wanted.set(index, { exactly: e.bad });
        else if (e.range.size > 0) wanted.set(index, { atLeast: e.range });
        else if (firstOf.has(e.code!)) {
          wanted.set(index, { exactly: new Set(['MaHoSo']) });
          count('MaHoSo:duplicate');
        } else firstOf.set(e.code!, index);
      });
      const hidden = exp.some((e) => e?.hiddenBadBytes);
      if (wanted.size === 0 && !hidden) exp.forEach((e, index) => e?.unknown && wanted.set(index, { exactly: new Set([e.unknown]) }));

      if (wanted.size > 0) {
        expect(r.status, r.text).toBe(400);
        expect(answer.error).toBe('invalid');
        expect(answer.errorCount).toBe(answer.errors!.length);
        const got = new Map<number, Set<string | null>>();
        for (const e of answer.errors!) {
          expect(e.index, JSON.stringify(e)).toEqual(expect.any(Number));
          expect(e.reason, JSON.stringify(e)).toMatch(/\p{L}/u);
          got.set(e.index, (got.get(e.index) ?? new Set()).add(e.field));
        }
        expect([...got.keys()].sort(), r.text).toEqual([...wanted.keys()].sort());
        for (const [index, w] of wanted) {
          if (w.exactly) expect(got.get(index), `item ${index}: ${r.text}`).toEqual(w.exactly);
          else for (const f of w.atLeast!) expect(got.get(index), `item ${index}: ${r.text}`).toContain(f);
        }
        return;
      }
      if (hidden) {
        expect(r.status, r.text).toBe(400);
        expect(answer.error).toBe('bad_encoding');
        return;
      }
      expect(r.status, r.text).toBe(200);
      const rows = await db.dossier.findMany({ where: { code: { in: exp.map((e) => e!.code!) } } });
      for (const e of exp) storedMatches(rows.find((d) => d.code === e!.code), e!.stored!, ids);
    };

    for (const p of examples) await check(p);
    seen.clear();
    let random = 0;
    await fc.assert(
      fc.asyncProperty(payloads, async (p) => {
        random++;
        await check(p);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    expect(random).toBe(RUNS);
    // Each class of hostile input came up in many fields in the random payloads, not only in the examples.
    for (const cls of CLASSES) expect([...seen.keys()].filter((k) => k.endsWith(`:${cls}`)).length, cls).toBeGreaterThan(3);
    expect(seen.get('MaHoSo:duplicate')).toBeGreaterThan(20);
    // Every outcome came up: accepted, refused, too large.
    expect(statuses.get(200)).toBeGreaterThan(100);
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 3);
    expect(statuses.get(413)).toBeGreaterThan(0);
    expect((await send(h.http.url, 'GET', '/healthz')).status).toBe(200);
    await expectWhole(h.database);
  }, 300_000);
});
