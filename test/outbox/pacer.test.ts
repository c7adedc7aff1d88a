import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/outbox/pacer.ts';
import { splitText } from '../../src/core/split-text.ts';
import { systemClock } from '../../src/core/clock.ts';

const telegram = { perChat: { count: 1, windowMs: 1_000 }, perGroup: { count: 20, windowMs: 60_000 }, overall: { count: 30, windowMs: 1_000 } };

describe('the pacer', () => {
  it('keeps one message per second per chat, 20 per minute per group and 30 per second overall', () => {
    let now = 0;
    const pacer = new Pacer({ ...systemClock, monotonic: () => now });
    const slots = (address: string, group: boolean, n: number) => Array.from({ length: n }, () => pacer.reserve('telegram', address, group, telegram));
    expect(slots('a', false, 3)).toEqual([0, 1_000, 2_000]);
    const group = slots('-100', true, 21);
    expect(group.slice(0, 20).every((w) => w < 1_000)).toBe(true);
    expect(group[20]).toBeGreaterThanOrEqual(60_000);
    now = 200_000;
    const overall = Array.from({ length: 60 }, (_, i) => pacer.reserve('telegram', `c${i}`, false, telegram));
    expect(overall.filter((w) => w < 1_000)).toHaveLength(30);
    expect(overall.filter((w) => w >= 1_000 && w < 2_000)).toHaveLength(30);
  });

  it('holds the whole channel after a retry_after', () => {
    let now = 0;
    const pacer = new Pacer({ ...systemClock, monotonic: () => now });
    pacer.holdUntil('telegram', 5_000);
    expect(pacer.reserve('telegram', 'x', false, telegram)).toBe(5_000);
    expect(pacer.reserve('zalo', 'x', false, telegram)).toBe(0);
  });
});

describe('splitText', () => {
  it('cuts at line breaks and keeps every part within the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `• dòng số ${i} có dấu tiếng Việt`).join('\n');
    const parts = splitText(text, 4096);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n')).toBe(text);
    const long = 'x'.repeat(10_000);
    expect(splitText(long, 4096).map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });
});
