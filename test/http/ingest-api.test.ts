// POST /api/v1/dossiers: bearer tokens per source, validation naming each item and field,
// oversize bodies refused without reading them, and retries that change nothing.
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeToken } from '../../src/ingest/tokens.ts';
import { createLogger } from '../../src/log.ts';
import { waitFor } from '../support/cli.ts';
import { expectWhole } from '../ingest/support/consistency.ts';
import { failInsertOf } from '../ingest/support/fail-insert.ts';
import { harness, item, postDossiers, send, type Harness } from './support.ts';

const vn = (s: string) => new Date(`${s}+07:00`);
let h: Harness;
beforeEach(async () => {
  h = await harness({ maxBodyBytes: 16 * 1024 });
});
afterEach(async () => h.close());

describe('authentication', () => {
  it('answers 401 without a token, with a malformed or unknown one, and 403 with a revoked one; nothing is written', async () => {
    const body = JSON.stringify([item('A-1')]);
    const post = (authorization?: string) => send(h.http.url, 'POST', '/api/v1/dossiers', { headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });
    for (const auth of [undefined, 'Basic abc', 'Bearer', `Bearer ${h.token}x`, `Bearer dh_${'A'.repeat(43)}`, h.token]) {
      const r = await post(auth);
      expect(r.status, String(auth)).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer');
      expect(r.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('mã truy cập') });
    }
    const row = await h.database.db.apiToken.findFirstOrThrow();
    await revokeToken(h.database.db, row.id, 'test', h.clock.now);
    const revoked = await post(`Bearer ${h.token}`);
    expect(revoked.status).toBe(403);
    expect(revoked.json()).toMatchObject({ error: 'revoked' });
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('notes when a token was last used', async () => {
    h.clock.now = vn('2026-11-27T10:15:00');
    expect((await postDossiers(h, [])).status).toBe(200);
    expect(await h.database.db.apiToken.findFirstOrThrow()).toMatchObject({ lastUsedAt: vn('2026-11-27T10:15:00') });
  });
});

describe('validation', () => {
  it('lists each invalid item by index and field, in Vietnamese, and writes nothing', async () => {
    const r = await postDossiers(h, [
      item('V-0'),
      item('V-1', { NgayTiepNhan: '31/02/2026', KenhThucHien: 'Fax' }),
      'not an object',
      item('V-3', { TrangThaiHoSo: 10 }), // an end status without NgayKetThucXuLy
      item('V-4', { MaTTHC: undefined, PhiLePhi: -1 }),
      item('V-0'),
      item('V-6', { NgayTiepNhan: '20261127100000' }), // after now (09:00), and so after its due date
      item('V-7', { SoDinhDanh: { nested: true } }),
    ]);
    expect(r.status).toBe(400);
    const body = r.json();
    expect(body).toMatchObject({ error: 'invalid', errorCount: 10, message: expect.stringContaining('không hồ sơ nào được ghi') });
    expect(body.errors.map((e: { index: number; field: string | null }) => [e.index, e.field])).toEqual([
      [1, 'KenhThucHien'], [1, 'NgayTiepNhan'], [2, null], [3, 'NgayKetThucXuLy'], [4, 'MaTTHC'], [4, 'PhiLePhi'], [5, 'MaHoSo'], [6, 'NgayTiepNhan'], [6, 'NgayHenTra'], [7, 'SoDinhDanh'],
    ]);
    expect(body.errors[1].reason).toContain('không phải ngày giờ hợp lệ');
    expect(body.errors[6].reason).toBe('mã hồ sơ trùng với phần tử 0 trong cùng yêu cầu');
    expect(body.errors[7].reason).toBe('thời điểm ở tương lai (sau lúc nhập dữ liệu)');
    expect(body.errors[9].value).toBe('***'); // personal data never echoed
    expect(await h.database.db.dossier.count()).toBe(0);
    expect(await h.database.db.ingestRun.findMany({ select: { source: true, kind: true, status: true, rejected: true } })).toEqual([{ source: 'igate', kind: 'api', status: 'failed', rejected: 7 }]);
  });

  it('refuses unknown units and procedures (the API never creates them)', async () => {
    const r = await postDossiers(h, [item('U-0'), item('U-1', { DonViXuLy: '000.99.99.H55' }), item('U-2', { MaTTHC: '9.999999' })]);
    expect(r.status).toBe(400);
    expect(r.json().errors.map((e: { index: number; field: string }) => [e.index, e.field])).toEqual([[1, 'DonViXuLy'], [2, 'MaTTHC']]);
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('refuses what is not a JSON array of objects, and other media types', async () => {
    expect((await postDossiers(h, '{"MaHoSo":')).json()).toMatchObject({ error: 'bad_json' });
    expect((await postDossiers(h, { MaHoSo: 'x' })).json()).toMatchObject({ error: 'not_array' });
    const xml = await postDossiers(h, '<hoso/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
  });
});

describe('oversize bodies', () => {
  it('answers 413 from Content-Length alone, without reading the body', async () => {
    const r = await postDossiers(h, `[${' '.repeat(16 * 1024)}]`);
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ error: 'too_large', message: 'Nội dung yêu cầu vượt quá 16384 byte.' });
  });

  it('stops reading a chunked body at the limit and closes the connection', async () => {
    const url = new URL(h.http.url);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.write(`POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
    // Keep sending 1 KB chunks (up to 64 MB) until the server answers or hangs up.
    let sent = 0;
    const chunk = `400\r\n${'x'.repeat(1024)}\r\n`;
    while (sent < 64 * 1024 * 1024 && !answer && !socket.destroyed) {
      if (!socket.write(chunk)) await new Promise((r) => setTimeout(r, 5));
      else await new Promise((r) => setImmediate(r));
      sent += 1024;
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"too_large"');
    expect(sent).toBeLessThan(32 * 1024 * 1024);
    // The server is still there for the next request.
    expect((await send(h.http.url, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('writing', () => {
  it('upserts like the import, and a retried request changes nothing', async () => {
    const payload = [item('R-1'), item('R-2', { KenhThucHien: 'Trực tiếp', NgayTiepNhan: '2026-11-23T08:00:00+07:00', NgayHenTra: null, TrangThaiHoSo: 'Đang xử lý' })];
    const first = await postDossiers(h, payload);
    expect(first.status).toBe(200);
    expect(first.json()).toEqual({ inserted: 2, updated: 0, unchanged: 0, warnings: [] });
    expect(await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'R-2' } })).toMatchObject({ channel: 1, dueAtOrigin: 'computed', dueAt: vn('2026-11-27T17:00:00'), source: 'api:igate' }); // 24/11 is Culture Day
    const events = await h.database.db.dossierEvent.count();

    const retry = await postDossiers(h, payload);
    expect(retry.json()).toEqual({ inserted: 0, updated: 0, unchanged: 2, warnings: [] });
    expect(await h.database.db.dossierEvent.count()).toBe(events);

    h.clock.now = vn('2026-11-27T10:00:00');
    const done = await postDossiers(h, [item('R-1', { TrangThaiHoSo: 10, NgayKetThucXuLy: '20261125100000', NgayTra: '20261125140000' })]);
    expect(done.json()).toEqual({ inserted: 0, updated: 1, unchanged: 0, warnings: [] });
    const d = await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'R-1' }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(d).toMatchObject({ status: 10, result: 'on_time' });
    expect(d.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, 4], [4, 10]]);
    const runs = await h.database.db.ingestRun.findMany({ orderBy: { id: 'asc' }, select: { status: true, inserted: true, updated: true, unchanged: true } });
    expect(runs).toEqual([
      { status: 'succeeded', inserted: 2, updated: 0, unchanged: 0 },
      { status: 'succeeded', inserted: 0, updated: 0, unchanged: 2 },
      { status: 'succeeded', inserted: 0, updated: 1, unchanged: 0 },
    ]);
    await expectWhole(h.database);
  });

  it('writes one dossier when the same new one arrives twice at once (a retry racing the original)', async () => {
    const payload = [item('C-1'), item('C-2')];
    const replies = await Promise.all([postDossiers(h, payload), postDossiers(h, payload), postDossiers(h, payload)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replies.reduce((n, r) => n + r.json().inserted, 0)).toBe(2);
    expect(await h.database.db.dossier.count()).toBe(2);
    await expectWhole(h.database);
  });

  it('takes the status history of a new dossier (LichSuTrangThai) as its events, and warns when a status goes backwards', async () => {
    const history = [{ ThoiDiem: '20261120090000', TrangThaiHoSo: 2 }, { ThoiDiem: '20261120100000', TrangThaiHoSo: 4 }, { ThoiDiem: '20261124090000', TrangThaiHoSo: 9 }];
    const r = await postDossiers(h, [item('H-1', { TrangThaiHoSo: 9, NgayKetThucXuLy: '20261124090000', LichSuTrangThai: history })]);
    expect(r.status).toBe(200);
    const d = await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'H-1' }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(d.events.map((e) => [e.at, e.fromStatus, e.toStatus])).toEqual([
      [vn('2026-11-20T09:00:00'), null, 2], [vn('2026-11-20T10:00:00'), 2, 4], [vn('2026-11-24T09:00:00'), 4, 9],
    ]);
    const back = await postDossiers(h, [item('H-1', { TrangThaiHoSo: 4 })]);
    expect(back.json()).toMatchObject({ updated: 1, warnings: [{ index: 0, field: 'TrangThaiHoSo', reason: expect.stringContaining('lùi từ 9 (Đã xử lý xong) về 4 (Đang xử lý)') }] });
    const bad = await postDossiers(h, [item('H-2', { LichSuTrangThai: [{ ThoiDiem: '20261120090000', TrangThaiHoSo: 2 }] })]);
    expect(bad.json().errors).toMatchObject([{ index: 0, field: 'LichSuTrangThai' }]);
  });

  it('keeps stored supplement requests when an item says nothing about them, and clears them when it says none', async () => {
    await postDossiers(h, [item('S-1', { TrangThaiHoSo: 5, NgayYeuCauBoSung: '20261123090000', SoLanYeuCauBoSung: 1 })]);
    const silent = await postDossiers(h, [item('S-1', { TrangThaiHoSo: 5 })]);
    expect(silent.json()).toMatchObject({ unchanged: 1, warnings: [] });
    expect(await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'S-1' } })).toMatchObject({ supplementCount: 1, clockStopped: true });
    const none = await postDossiers(h, [item('S-1', { TrangThaiHoSo: 4, NgayYeuCauBoSung: null, SoLanYeuCauBoSung: 0 })]);
    expect(none.json()).toMatchObject({ updated: 1 });
    expect(await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'S-1' } })).toMatchObject({ supplementCount: 0, clockStopped: false });
    const waiting = await postDossiers(h, [item('S-1', { TrangThaiHoSo: 5, SoLanYeuCauBoSung: null })]);
    expect(waiting.json().warnings).toMatchObject([{ index: 0, field: 'NgayYeuCauBoSung', reason: expect.stringContaining('không dừng') }]);
    await expectWhole(h.database);
  });

  it('accepts an empty array as a heartbeat: the source is fresh', async () => {
    expect((await postDossiers(h, [])).json()).toEqual({ inserted: 0, updated: 0, unchanged: 0, warnings: [] });
    expect(await h.database.db.ingestRun.findFirstOrThrow()).toMatchObject({ source: 'igate', status: 'succeeded' });
  });
});

describe('hostile values (issue 12, items 11–13)', () => {
  const errorsOf = (r: { json: () => { errors: { index: number; field: string | null }[] } }) => r.json().errors.map((e) => [e.index, e.field]);

  it('refuses prototype names in every word field with a 400 naming the field, on every retry, and writes nothing', async () => {
    for (const word of ['constructor', 'Constructor', 'CONSTRUCTOR', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      const payload = [item('P-0'), item('P-1', { TrangThaiHoSo: word }), item('P-2', { KenhThucHien: word }), item('P-3', { DanhGiaHaiLong: word })];
      for (let attempt = 0; attempt < 2; attempt++) {
        const r = await postDossiers(h, payload);
        expect(r.status, word).toBe(400);
        expect(errorsOf(r), word).toEqual([[1, 'TrangThaiHoSo'], [2, 'KenhThucHien'], [3, 'DanhGiaHaiLong']]);
      }
    }
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('refuses a lone UTF-16 surrogate or U+FFFD in a code with a 400 naming the field, on every retry', async () => {
    for (const code of ['LS-\ud800-1', 'LS-\udfff', 'LS-\ufffd']) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const r = await postDossiers(h, [item(code), item('LS-ok', { TenTTHC: `Đăng ký ${code}` })]);
        expect(r.status).toBe(400);
        expect(errorsOf(r)).toEqual([[0, 'MaHoSo'], [1, 'TenTTHC']]);
        expect(r.json().errors[0].reason).toContain('sai bảng mã');
      }
    }
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('refuses invalid UTF-8 bytes instead of storing U+FFFD: naming item and field where a field holds them, the byte otherwise; nothing written', async () => {
    const post = (body: Buffer | string) => send(h.http.url, 'POST', '/api/v1/dossiers',
      { headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' }, body });
    const json = Buffer.from(JSON.stringify([item('U8-0'), item('U8-1', { TenTTHC: 'Cấp bản sao trích lục', ChuHoSo: 'Nguyễn Văn A', GhiChu: 'ghi chú' })]));
    const inject = (before: string, bytes: number[]) => {
      const at = json.indexOf(before);
      return { at, body: Buffer.concat([json.subarray(0, at), Buffer.from(bytes), json.subarray(at)]) };
    };
    const sequences = [[0xff], [0xc3], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]];
    for (const bad of sequences) {
      for (const [before, field] of [['Cấp', 'TenTTHC'], ['Nguyễn', 'ChuHoSo'], ['U8-1', 'MaHoSo'], ['000.12', 'DonViXuLy']] as const) {
        const r = await post(inject(before, bad).body);
        expect(r.status, `${bad} in ${field}`).toBe(400);
        expect(errorsOf(r), `${bad} in ${field}`).toContainEqual([before === '000.12' ? 0 : 1, field]);
        expect(r.json().errors.find((e: { field: string }) => e.field === field).reason).toContain('sai bảng mã');
      }
      for (const before of ['ghi chú', '"GhiChu"', '[']) {
        const { at, body } = inject(before, bad);
        const r = await post(body);
        expect(r.status, `${bad} before ${before}`).toBe(400);
        expect(r.json(), `${bad} before ${before}`).toMatchObject({ error: 'bad_encoding', message: expect.stringContaining(`byte thứ ${at} `) });
      }
    }
    expect(await h.database.db.dossier.count()).toBe(0);
    expect(await h.database.db.ingestRun.count({ where: { status: 'failed' } })).toBe(sequences.length * 7);
    // The same body in UTF-8 goes in, with its text intact (a leading BOM is allowed).
    const good = await post(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]));
    expect(good.status).toBe(200);
    expect(await h.database.db.dossier.findUniqueOrThrow({ where: { code: 'U8-1' } })).toMatchObject({ applicantName: 'Nguyễn Văn A' });
  });

  it('refuses impossible offsets and -1 in yes/no fields, naming the field', async () => {
    const r = await postDossiers(h, [
      item('O-0', { NgayTiepNhan: '2026-11-20T09:00:00+99:99' }),
      item('O-1', { NgayHenTra: '2026-11-25T17:00:00-15:00' }),
      item('O-2', { HoSoCoThanhPhanSoHoa: -1 }),
      item('O-3', { DuocThanhToanTrucTuyen: '-1' }),
      item('O-4', { HoSoCoThanhPhanSoHoa: '+1' }),
      item('O-5', { NgayTiepNhan: '2026-11-20T09:00:00+14:00' }),
    ]);
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toEqual([[0, 'NgayTiepNhan'], [1, 'NgayHenTra'], [2, 'HoSoCoThanhPhanSoHoa'], [3, 'DuocThanhToanTrucTuyen'],
      [4, 'HoSoCoThanhPhanSoHoa']]);
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('refuses an invalid optional value instead of dropping it (a number too large for JSON, true as a rating)', async () => {
    const huge = JSON.stringify(item('N-0')).replace(/}$/, ',"TenTTHC":1e400}');
    const r = await postDossiers(h, `[${huge},${JSON.stringify(item('N-1', { DanhGiaHaiLong: true, SoLanYeuCauBoSung: false }))}]`);
    expect(r.status).toBe(400);
    expect(errorsOf(r)).toEqual([[0, 'TenTTHC'], [1, 'SoLanYeuCauBoSung'], [1, 'DanhGiaHaiLong']]);
    expect(await h.database.db.dossier.count()).toBe(0);
  });

  it('stores text in NFC, trimmed, and treats a code in NFD as the same dossier', async () => {
    const name = 'Đăng ký khai sinh cho trẻ';
    expect((await postDossiers(h, [item('Hồ-sơ-1', { TenTTHC: `  ${name.normalize('NFD')} ` })])).json()).toMatchObject({ inserted: 1 });
    const retry = await postDossiers(h, [item('Hồ-sơ-1'.normalize('NFD'), { TenTTHC: name })]);
    expect(retry.json()).toMatchObject({ inserted: 0, unchanged: 1 });
    expect((await h.database.db.dossier.findMany({ select: { code: true } })).map((d) => d.code)).toEqual(['Hồ-sơ-1'.normalize('NFC')]);
  });
});

describe('failures and disconnects', () => {
  it('records the request as a failed run when writing fails unexpectedly (500), so a failing source shows', async () => {
    await failInsertOf(h.database, 'F-2');
    const r = await postDossiers(h, [item('F-1'), item('F-2')]);
    expect(r.status).toBe(500);
    expect(await h.database.db.dossier.count()).toBe(0);
    expect(await h.database.db.ingestRun.findMany({ select: { source: true, kind: true, status: true, finishedAt: true } })).toEqual([
      { source: 'igate', kind: 'api', status: 'failed', finishedAt: h.clock.now },
    ]);
  });

  it('logs a client that disconnects in the middle of its body as one debug line, not an error', async () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
        done();
      },
    });
    await h.close();
    h = await harness({ maxBodyBytes: 16 * 1024, log: createLogger({ LOG_LEVEL: 'debug', LOG_PRETTY: '0' }, sink) });
    const socket = connect(h.http.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const head = ['POST /api/v1/dossiers HTTP/1.1', 'Host: x', `Authorization: Bearer ${h.token}`, 'Content-Type: application/json', 'Content-Length: 5000'];
    socket.write(`${head.join('\r\n')}\r\n\r\n[{"MaHoSo":`);
    await new Promise((r) => setTimeout(r, 200));
    socket.destroy();
    expect(await waitFor(() => lines.some((l) => l.msg === 'client disconnected'), 5_000), JSON.stringify(lines)).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
    expect(lines.find((l) => l.msg === 'client disconnected')).toMatchObject({ level: 20, method: 'POST', path: '/api/v1/dossiers' });
    // The service keeps serving.
    expect((await postDossiers(h, [item('D-1')])).status).toBe(200);
  });
});
