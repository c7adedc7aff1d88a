// An HTTP server on a fresh database, a token, and a raw request helper (node:http, so that tests
// control headers, chunked bodies and connection reuse exactly).
import { request, type OutgoingHttpHeaders } from 'node:http';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/hours.ts';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { createToken } from '../../src/ingest/tokens.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { ingestOrg, type IngestOrg } from '../ingest/support/org.ts';
import { clockReading } from '../support/clock.ts';

export interface Harness {
  database: TestDatabase;
  org: IngestOrg;
  http: HttpServer;
  token: string;
  clock: { now: Date };
  close(): Promise<void>;
}

export async function harness(opts: { maxBodyBytes?: number; log?: Logger } = {}): Promise<Harness> {
  const database = await testDatabase();
  const org = await ingestOrg(database);
  const clock = { now: new Date('2026-11-27T02:00:00Z') };
  const http = await startHttpServer({
    database, log: opts.log ?? createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }), clock: clockReading(() => clock.now), host: '127.0.0.1', port: 0,
    maxBodyBytes: opts.maxBodyBytes ?? 64 * 1024, staleAfterWorkingDays: 1, dueSoonWorkingDays: 1, workingHours: DEFAULT_WORKING_HOURS,
  });
  const { token } = await createToken(database.db, 'igate', 'test', clock.now);
  return {
    database, org, http, token, clock,
    async close() {
      await http.close();
      await database.drop();
    },
  };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One request; `body` may be a string, a Buffer, or chunks written one by one (chunked encoding). */
export function send(base: string, method: string, path: string, o: { headers?: OutgoingHttpHeaders; body?: string | Buffer | (string | Buffer)[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: o.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (Array.isArray(o.body)) for (const chunk of o.body) req.write(chunk);
    else if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

export function postDossiers(h: Harness, body: unknown, headers: OutgoingHttpHeaders = {}): Promise<Reply> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return send(h.http.url, 'POST', '/api/v1/dossiers', { headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json', ...headers }, body: text });
}

/** A valid dossier in the canonical format (DVCQG names and values). */
export function item(code: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: code, MaTTHC: '1.001193', TenTTHC: 'Đăng ký khai sinh', MaLinhVuc: 'HT', TenLinhVuc: 'Hộ tịch', DonViXuLy: '000.12.31.H55',
    KenhThucHien: 2, NgayTiepNhan: '20261120090000', NgayHenTra: '20261125170000', TrangThaiHoSo: 4, DuocThanhToanTrucTuyen: 1, PhiLePhi: 8000, HoSoCoThanhPhanSoHoa: 1,
    ...over,
  };
}
