// The HTTP server: the route table others add to, /healthz with registered checks (never a
// secret), and /metrics in the Prometheus text format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/hours.ts';
import { ConfigError } from '../../src/config.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/log.ts';
import { harness, item, postDossiers, send, type Harness } from './support.ts';
import { fakeBotToken } from '../support/fake-token.ts';
import { clockReading } from '../support/clock.ts';

const vn = (s: string) => new Date(`${s}+07:00`);
let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => h.close());

describe('listening', () => {
  const start = (host: string, port: number) => startHttpServer({
    database: h.database, log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }), clock: clockReading(() => h.clock.now), host, port,
    maxBodyBytes: 1024, staleAfterWorkingDays: 1, dueSoonWorkingDays: 1, workingHours: DEFAULT_WORKING_HOURS,
  });

  it('a port in use is a configuration error naming HTTP_PORT with the port, in Vietnamese then English', async () => {
    const error = await start('127.0.0.1', h.http.port).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('HTTP_PORT');
    expect((error as ConfigError).message).toBe(`Cổng ${h.http.port} đang được dùng — đặt HTTP_PORT khác. / Port ${h.http.port} is in use — set HTTP_PORT.`);
  });

  it('an address that is not on this machine names HTTP_HOST', async () => {
    const error = await start('192.0.2.1', 0).catch((e: unknown) => e); // TEST-NET-1: never a local address
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('HTTP_HOST');
    expect((error as ConfigError).message).toContain('Địa chỉ 192.0.2.1 không thuộc máy này — đặt HTTP_HOST khác');
  });
});

describe('routes', () => {
  it('answers unknown paths 404 and wrong methods 405 with Allow, in JSON', async () => {
    const missing = await send(h.http.url, 'GET', '/khong-co');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    const wrong = await send(h.http.url, 'GET', '/api/v1/dossiers');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });

  it('lets another capability add a route (e.g. a webhook) that gets the request unread, with path parameters', async () => {
    h.http.addRoute('POST', '/telegram/:secret', async (req, res, ctx) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`${ctx.params.secret}:${body}:${ctx.now.toISOString()}`);
    });
    const r = await send(h.http.url, 'POST', '/telegram/abc%20def', { body: 'update' });
    expect(r.text).toBe('abc def:update:2026-11-27T02:00:00.000Z');
    expect(() => h.http.addRoute('POST', '/telegram/:secret', () => {})).toThrow(/already taken/);
  });

  it('answers 500 without details when a handler throws, and keeps serving', async () => {
    h.http.addRoute('GET', '/boom', () => {
      throw new Error('secret detail: dh_SHOULD_NOT_LEAK');
    });
    const r = await send(h.http.url, 'GET', '/boom');
    expect(r.status).toBe(500);
    expect(r.text).not.toContain('SHOULD_NOT_LEAK');
    expect((await send(h.http.url, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('/healthz', () => {
  it('reports the database, the last ingest per source and staleness', async () => {
    const empty = (await send(h.http.url, 'GET', '/healthz')).json();
    expect(empty).toEqual({
      status: 'ok', time: '2026-11-27T02:00:00.000Z', database: { ok: true, engine: h.database.target.engine },
      ingest: { lastSuccessAt: null, stale: false, staleAfterWorkingDays: 1, sources: {} }, outbox: { stuck: {} }, checks: {},
    });
    await postDossiers(h, [item('H-1')]);
    await h.database.db.ingestRun.create({ data: { source: 'import', kind: 'csv', startedAt: vn('2026-11-26T08:00:00'), finishedAt: vn('2026-11-26T08:05:00'), status: 'succeeded' } });
    h.clock.now = vn('2026-11-30T16:30:00'); // Monday: more than a working day after Friday 09:00
    const later = (await send(h.http.url, 'GET', '/healthz')).json();
    expect(later).toMatchObject({
      status: 'degraded',
      ingest: { lastSuccessAt: '2026-11-27T02:00:00.000Z', stale: true, sources: { igate: '2026-11-27T02:00:00.000Z', import: '2026-11-26T01:05:00.000Z' } },
    });
  });

  it('includes registered checks, masking anything that looks like a secret, and survives checks that fail or hang', async () => {
    h.http.addHealthCheck('telegram', async () => ({ ok: true, username: 'dunghan_bot', error: `via ${fakeBotToken('health')}`, nested: { token: 'x' } }));
    h.http.addHealthCheck('zalo', async () => {
      throw new Error('cookie=SECRETSECRETSECRETSECRETSECRETSECRET');
    });
    h.http.addHealthCheck('slow', () => new Promise(() => {}));
    const r = await send(h.http.url, 'GET', '/healthz');
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.status).toBe('degraded');
    expect(body.checks).toEqual({
      telegram: { ok: true, username: 'dunghan_bot', error: 'via ***' },
      zalo: { ok: false },
      slow: { ok: false, timeout: true },
    });
    expect(r.text).not.toContain('SECRET');
    expect(r.text).not.toContain('AAH-');
    expect(() => h.http.addHealthCheck('zalo', async () => ({ ok: true }))).toThrow();
  });
});

describe('/metrics', () => {
  it('exposes dossiers by deadline state, outbox by status, delivery errors by channel and the last ingest per source', async () => {
    await postDossiers(h, [
      item('M-overdue', { NgayTiepNhan: '20261118090000', NgayHenTra: '20261123170000' }),
      item('M-today', { NgayTiepNhan: '20261124090000', NgayHenTra: '20261127170000' }),
      item('M-soon', { NgayTiepNhan: '20261125090000', NgayHenTra: '20261130170000' }), // Monday is the next working day
      item('M-later', { NgayTiepNhan: '20261125090000', NgayHenTra: '20261210170000' }),
      item('M-paused', { TrangThaiHoSo: 5, NgayTiepNhan: '20261125090000', NgayHenTra: '20261210170000', NgayYeuCauBoSung: '20261126090000' }),
      item('M-early', { TrangThaiHoSo: 10, NgayTiepNhan: '20261116090000', NgayHenTra: '20261120170000', NgayKetThucXuLy: '20261119090000' }),
      item('M-late', { TrangThaiHoSo: 9, NgayTiepNhan: '20261116090000', NgayHenTra: '20261120170000', NgayKetThucXuLy: '20261123090000' }),
    ]);
    const row = (o: { key: string; channel: string; status: string; lastError?: string }) => ({
      dedupKey: o.key, channel: o.channel, address: '1', kind: 'overdue', payload: '{}', status: o.status, nextAttemptAt: h.clock.now, lastError: o.lastError ?? null,
    });
    await h.database.db.outbox.createMany({ data: [
      row({ key: 'a', channel: 'telegram', status: 'pending' }),
      row({ key: 'b', channel: 'telegram', status: 'dead', lastError: 'blocked by user' }),
      row({ key: 'c', channel: 'zalo', status: 'pending', lastError: 'rate limited' }),
      row({ key: 'd', channel: 'zalo', status: 'sent' }),
    ] });
    const r = await send(h.http.url, 'GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const lines = r.text.split('\n');
    for (const expected of [
      '# TYPE dunghan_dossiers gauge',
      'dunghan_dossiers{state="not_due"} 1',
      'dunghan_dossiers{state="due_soon"} 1',
      'dunghan_dossiers{state="due_today"} 1',
      'dunghan_dossiers{state="overdue"} 1',
      'dunghan_dossiers{state="paused"} 1',
      'dunghan_dossiers{state="early"} 1',
      'dunghan_dossiers{state="on_time"} 0',
      'dunghan_dossiers{state="late"} 1',
      'dunghan_outbox_messages{status="pending"} 2',
      'dunghan_outbox_messages{status="dead"} 1',
      'dunghan_outbox_messages{status="sent"} 1',
      'dunghan_outbox_delivery_errors{channel="telegram",status="dead"} 1',
      'dunghan_outbox_delivery_errors{channel="zalo",status="pending"} 1',
      `dunghan_last_successful_ingest_timestamp_seconds{source="igate"} ${Math.floor(h.clock.now.getTime() / 1000)}`,
      'dunghan_data_stale 0',
    ]) expect(lines).toContain(expected);
    // Every sample line is "name{labels} number".
    for (const line of lines.filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?\d+(\.\d+)?$/);
  });
});
