// A small province for import and API tests: units with agency codes (mã định danh), two
// procedures, and the officials who receive the staleness alert.
import type { Database } from '../../../src/db/client.ts';
import { insertUnit } from '../../../src/org/units.ts';

export interface IngestOrg {
  units: Record<'P' | 'XBS' | 'XBS-KT' | 'SNV', number>;
  procedures: Record<'KS' | 'XD', number>;
}

/** Province P → commune XBS (000.00.12.H55) → office XBS-KT (000.12.31.H55); reform office SNV. */
export async function ingestOrg(database: Database): Promise<IngestOrg> {
  const { db } = database;
  const units = {} as IngestOrg['units'];
  await db.$transaction(async (tx) => {
    units.P = (await insertUnit(tx, { code: 'P', name: 'Tỉnh Quảng Ngãi', kind: 'province', parentCode: null, agencyCode: '000.00.00.H55' })).id;
    units.XBS = (await insertUnit(tx, { code: 'XBS', name: 'Xã Bình Sơn', kind: 'commune', parentCode: 'P', agencyCode: '000.00.12.H55' })).id;
    units['XBS-KT'] = (await insertUnit(tx, { code: 'XBS-KT', name: 'Phòng Kinh tế xã Bình Sơn', kind: 'office', parentCode: 'XBS', agencyCode: '000.12.31.H55' })).id;
    units.SNV = (await insertUnit(tx, { code: 'SNV', name: 'Sở Nội vụ', kind: 'reform_office', parentCode: 'P', agencyCode: '000.00.05.H55' })).id;
  });
  const ks = await db.procedure.create({ data: { code: '1.001193', name: 'Đăng ký khai sinh', fieldCode: 'HT', fieldName: 'Hộ tịch', limitValue: 3, limitUnit: 'working_days' } });
  const xd = await db.procedure.create({ data: { code: '1.009972', name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', fieldCode: 'XD', fieldName: 'Xây dựng', limitValue: 15, limitUnit: 'working_days' } });
  return { units, procedures: { KS: ks.id, XD: xd.id } };
}

/** An admin and a reform-office official with Telegram accounts, and an officer who must not get admin alerts. */
export async function ingestOfficials(database: Database, org: IngestOrg): Promise<Record<'admin' | 'reform' | 'officer', number>> {
  const { db } = database;
  const make = async (code: string, role: string, unitId: number, chat: string) => {
    const o = await db.official.create({ data: { code, fullName: `Cán bộ ${code}`, title: `Chức danh ${code}`, role, unitId, preferredChannel: 'telegram' } });
    await db.chatIdentity.create({ data: { officialId: o.id, channel: 'telegram', externalId: chat } });
    return o.id;
  };
  return {
    admin: await make('qt', 'admin', org.units.P, '1001'),
    reform: await make('cchc', 'reform_office', org.units.SNV, '1002'),
    officer: await make('cb', 'officer', org.units.XBS, '1003'),
  };
}
