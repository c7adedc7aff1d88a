// A small organisation for the Telegram tests: province P → commune C → office O, the office's
// head (tp-o), the commune chair (ct-c), an admin, and twelve dossiers of the office received on
// 25/11/2026 (due 28/11, overdue from 1/12).
import { loadConfig } from '../../../../src/config.ts';
import { createLogger } from '../../../../src/log.ts';
import { testDatabase, type TestDatabase } from '../../../support/database.ts';
import { fakeBotToken } from '../../../support/fake-token.ts';
import { dossier, save, tinyOrg, vn, type TinyOrg } from '../../../support/dossiers.ts';
import { createServices, type Services } from '../../../../src/core/services.ts';

export const TOKEN = fakeBotToken('test');

export interface World {
  database: TestDatabase;
  org: TinyOrg;
  officials: Record<'tpo' | 'ctc' | 'admin', number>;
  codes: string[];
}

export const dossierCode = (i: number): string => `000.00.99.H55-261125-${String(i).padStart(4, '0')}`;

export async function world(): Promise<World> {
  const database = await testDatabase();
  const org = await tinyOrg(database);
  const { db } = database;
  const official = async (code: string, role: string, unitId: number) =>
    (await db.official.create({ data: { code, fullName: `Nguyễn Văn ${code}`, title: `Chức danh ${code}`, role, unitId } })).id;
  const officials = {
    tpo: await official('tp-o', 'unit_head', org.ids.O),
    ctc: await official('ct-c', 'commune_chair', org.ids.C),
    admin: await official('qt', 'admin', org.ids.P),
  };
  const codes = Array.from({ length: 12 }, (_, i) => dossierCode(i + 1));
  await save(database, org, codes.map((code) => dossier(org, code, { receivedAt: vn('2026-11-25 09:00') })), vn('2026-11-25 10:00'));
  return { database, org, officials, codes };
}

export function servicesFor(database: TestDatabase, env: Record<string, string>, log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' })): Services {
  return createServices({ database, config: loadConfig(env), log });
}
