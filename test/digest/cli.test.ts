// dunghan digest: dry run (text and chart, nothing sent), send, and the broadcast targets.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { freshTarget, testDatabase, type TestDatabase, type TestTarget } from '../support/database.ts';
import { buildArea, MONDAY } from './fixture.ts';

// Until src/cli/main.ts lists it.

let database: TestDatabase;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'dunghan-digest-'));
const AT = '2026-11-23T07:30:00+07:00';

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
  env = { DATABASE_URL: database.url };
});
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('dunghan digest --dry-run', () => {
  it('prints the area digest, writes its chart and says what sending would do, without enqueuing', async () => {
    const out = join(dir, 'area.png');
    const r = await cli(['digest', '--dry-run', '--at', AT, '--out', out], env, MONDAY);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Tỉnh Thử');
    expect(r.out).toContain('• Đúng hạn: 70,83% ▲ 10,83 điểm');
    expect(readFileSync(out).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(r.err).toMatch(/^Biểu đồ: .*area\.png \(\d+×\d+ điểm ảnh\)\.$/m);
    expect(r.err).toContain('Tuần 2026-W47: nếu gửi lúc này sẽ có 4 tin, mỗi tin kèm một biểu đồ (3 biểu đồ khác nhau).');
    expect(await database.db.outbox.count()).toBe(0);
  });

  it('prints a unit head’s digest with --unit and another area with --area', async () => {
    const unit = await cli(['digest', '--dry-run', '--at', AT, '--unit', 'O1'], env, MONDAY);
    expect(unit.out).toContain('🏆 Xếp hạng đúng hạn trong khối phòng: thứ 1/2 trong tuần; thứ 1/2 từ đầu năm.');
    const area = await cli(['digest', '--dry-run', '--at', AT, '--area', 'C1'], env, MONDAY);
    expect(area.out).toContain('Khối phòng (2 đơn vị có hồ sơ):');
    expect((await cli(['digest', '--dry-run', '--unit', 'NOPE'], env, MONDAY)).code).toBe(1);
  });

  it('rejects a missing or double mode', async () => {
    expect((await cli(['digest'], env)).code).toBe(2);
    expect((await cli(['digest', '--dry-run', '--send'], env)).code).toBe(2);
    const help = await cli(['digest', '--help'], { DATABASE_URL: 'mysql://not-used' });
    expect(help.out).toMatch(/^Cách dùng:\s+dunghan digest/);
  });
});

describe('dunghan digest targets', () => {
  it('adds, lists and removes broadcast targets, creating the chat group, with an audit trail', async () => {
    const add = await cli(['digest', 'targets', 'add', '--group', 'telegram:-100999', '--title', 'Nhóm CCHC'], env, MONDAY);
    expect(add.out.split('\n')[0]).toBe('Đã thêm nơi nhận bản tin: nhóm telegram -100999 (Nhóm CCHC) · bản tin của Tỉnh Thử.');
    expect((await cli(['digest', 'targets', 'add', '--group', 'telegram:-100999'], env, MONDAY)).out)
      .toBe('Đã có từ trước: nhóm telegram -100999 (Nhóm CCHC) · bản tin của Tỉnh Thử.');
    expect((await cli(['digest', 'targets', 'add', '--official', 'ct-c2', '--unit', 'C1'], env, MONDAY)).out)
      .toBe('Đã thêm nơi nhận bản tin: cán bộ ct-c2 (Cán bộ ct-c2) · bản tin của Xã Ân Phú.');
    const list = await cli(['digest', 'targets', 'list'], env, MONDAY);
    expect(list.out.split('\n').slice(1).map((l) => l.replace(/^#\d+/, '#'))).toEqual([
      '# · nhóm telegram -100999 (Nhóm CCHC) · bản tin của Tỉnh Thử',
      '# · cán bộ ct-c2 (Cán bộ ct-c2) · bản tin của Xã Ân Phú',
    ]);
    const json = JSON.parse((await cli(['digest', 'targets', 'list', '--json'], env, MONDAY)).out) as { unit: string | null }[];
    expect(json.map((x) => x.unit)).toEqual([null, 'C1']);
    expect((await cli(['digest', 'targets', 'remove', '--official', 'ct-c2', '--unit', 'C1'], env, MONDAY)).out).toContain('Đã bỏ nơi nhận');
    expect((await cli(['digest', 'targets', 'remove', '--official', 'ct-c2', '--unit', 'C1'], env, MONDAY)).code).toBe(1);
    expect((await cli(['digest', 'targets', 'add', '--official', 'nobody'], env, MONDAY)).code).toBe(1);
    expect((await cli(['digest', 'targets', 'add', '--group', 'viber:1'], env, MONDAY)).code).toBe(2);
    expect((await cli(['digest', 'targets', 'add', '--official', 'ct-p', '--group', 'telegram:1'], env, MONDAY)).code).toBe(2);
    const audit = await database.db.auditLog.findMany({ where: { action: { startsWith: 'digest.target' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      ['cli', 'digest.target.add', 'group:telegram:-100999'],
      ['cli', 'digest.target.add', 'official:ct-c2'],
      ['cli', 'digest.target.remove', 'official:ct-c2'],
    ]);
    expect(await database.db.chatGroup.count()).toBe(1);
  });

  it('says when adding a group registers it, and removing it without repeating --unit undoes exactly that', async () => {
    const add = await cli(['digest', 'targets', 'add', '--group', 'telegram:-100777', '--title', 'Tổ một cửa Ân Phú', '--unit', 'C1'], env, MONDAY);
    expect(add.code).toBe(0);
    expect(add.out).toBe([
      'Đã thêm nơi nhận bản tin: nhóm telegram -100777 (Tổ một cửa Ân Phú) · bản tin của Xã Ân Phú.',
      'Nhóm telegram -100777 (Tổ một cửa Ân Phú) chưa được đăng ký nên đã được đăng ký: bot trả lời lệnh trong nhóm về Xã Ân Phú,'
        + ' chỉ số liệu tổng hợp, không xem chi tiết hồ sơ. Xem: dunghan telegram groups list.',
    ].join('\n'));
    type Group = { id: string; unit: string | null; detailAllowed: boolean; active: boolean };
    const groups = JSON.parse((await cli(['telegram', 'groups', 'list', '--json'], env, MONDAY)).out) as Group[];
    expect(groups.find((g) => g.id === '-100777')).toMatchObject({ unit: 'C1', detailAllowed: false, active: true });

    const removed = await cli(['digest', 'targets', 'remove', '--group', 'telegram:-100777'], env, MONDAY);
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toBe([
      'Đã bỏ nơi nhận: nhóm telegram -100777 (Tổ một cửa Ân Phú) · bản tin của Xã Ân Phú.',
      'Nhóm telegram -100777 (Tổ một cửa Ân Phú) được đăng ký khi thêm nơi nhận nên nay đã huỷ đăng ký: không còn trả lời lệnh hay gửi tin vào nhóm.',
    ].join('\n'));
    const after = JSON.parse((await cli(['telegram', 'groups', 'list', '--json'], env, MONDAY)).out) as { id: string }[];
    expect(after.map((g) => g.id)).not.toContain('-100777');
    expect((await cli(['digest', 'targets', 'remove', '--group', 'telegram:-100777'], env, MONDAY)).code).toBe(1);
    // Added again, it is registered again.
    expect((await cli(['digest', 'targets', 'add', '--group', 'telegram:-100777', '--unit', 'C1'], env, MONDAY)).out).toContain('đã được đăng ký');
    expect((await cli(['digest', 'targets', 'remove', '--group', 'telegram:-100777', '--unit', 'C1'], env, MONDAY)).out).toContain('đã huỷ đăng ký');
  });

  it('leaves a group configured on its own registered, and says so', async () => {
    expect((await cli(['telegram', 'groups', 'add', '-100555', '--title', 'Nhóm lãnh đạo', '--unit', 'C2'], env, MONDAY)).code).toBe(0);
    const add = await cli(['digest', 'targets', 'add', '--group', 'telegram:-100555', '--unit', 'C2'], env, MONDAY);
    expect(add.out).toBe('Đã thêm nơi nhận bản tin: nhóm telegram -100555 (Nhóm lãnh đạo) · bản tin của Xã Bình Minh.');
    const removed = await cli(['digest', 'targets', 'remove', '--group', 'telegram:-100555'], env, MONDAY);
    expect(removed.out).toBe([
      'Đã bỏ nơi nhận: nhóm telegram -100555 (Nhóm lãnh đạo) · bản tin của Xã Bình Minh.',
      'Nhóm telegram -100555 (Nhóm lãnh đạo) vẫn được đăng ký và bot vẫn trả lời lệnh trong nhóm; để bỏ: dunghan telegram groups remove -100555.',
    ].join('\n'));
    const groups = JSON.parse((await cli(['telegram', 'groups', 'list', '--json'], env, MONDAY)).out) as { id: string; active: boolean }[];
    expect(groups.find((g) => g.id === '-100555')?.active).toBe(true);
  });

  it('turns a paused group back on and off again; a Zalo group unbound to a unit answers in the asker\'s scope', async () => {
    expect((await cli(['telegram', 'groups', 'add', '-100444', '--title', 'Nhóm cũ'], env, MONDAY)).code).toBe(0);
    expect((await cli(['telegram', 'groups', 'remove', '-100444'], env, MONDAY)).code).toBe(0);
    const add = await cli(['digest', 'targets', 'add', '--group', 'telegram:-100444'], env, MONDAY);
    expect(add.out.split('\n')[1]).toBe('Nhóm telegram -100444 (Nhóm cũ) đang tạm ngừng nên đã được bật lại: bot trả lời lệnh trong nhóm'
      + ' theo phạm vi được xem của người hỏi, chỉ số liệu tổng hợp, không xem chi tiết hồ sơ. Xem: dunghan telegram groups list.');
    expect((await cli(['digest', 'targets', 'remove', '--group', 'telegram:-100444'], env, MONDAY)).out).toContain('nay đã huỷ đăng ký');
    const group = await database.db.chatGroup.findUniqueOrThrow({ where: { channel_externalId: { channel: 'telegram', externalId: '-100444' } } });
    expect([group.active, group.title]).toEqual([false, 'Nhóm cũ']); // paused again, as before, not deleted

    const zalo = await cli(['digest', 'targets', 'add', '--group', 'zalo:777', '--title', 'Tổ CCHC'], env, MONDAY);
    expect(zalo.out.split('\n')[1]).toBe('Nhóm zalo 777 (Tổ CCHC) chưa được đăng ký nên đã được đăng ký: tài khoản Zalo của đơn vị trả lời lệnh trong nhóm'
      + ' theo phạm vi được xem của người hỏi, chỉ số liệu tổng hợp, không xem chi tiết hồ sơ.');
    expect((await cli(['digest', 'targets', 'remove', '--group', 'zalo:777'], env, MONDAY)).out).toContain('nay đã huỷ đăng ký');
    expect(await database.db.chatGroup.count({ where: { channel: 'zalo' } })).toBe(0);
  });

  it('removes an official\'s targets without repeating --unit, and treats the root unit as the default', async () => {
    expect((await cli(['digest', 'targets', 'add', '--official', 'ct-c2', '--unit', 'C1'], env, MONDAY)).code).toBe(0);
    expect((await cli(['digest', 'targets', 'add', '--official', 'ct-c2', '--unit', 'P'], env, MONDAY)).code).toBe(0);
    expect((await cli(['digest', 'targets', 'add', '--official', 'ct-c2'], env, MONDAY)).out)
      .toBe('Đã có từ trước: cán bộ ct-c2 (Cán bộ ct-c2) · bản tin của Tỉnh Thử.');
    const removed = await cli(['digest', 'targets', 'remove', '--official', 'ct-c2'], env, MONDAY);
    expect(removed.out.split('\n').sort()).toEqual([
      'Đã bỏ nơi nhận: cán bộ ct-c2 (Cán bộ ct-c2) · bản tin của Tỉnh Thử.',
      'Đã bỏ nơi nhận: cán bộ ct-c2 (Cán bộ ct-c2) · bản tin của Xã Ân Phú.',
    ]);
    expect(await database.db.digestTarget.count({ where: { officialId: { not: null } } })).toBe(0);
  });
});

describe('dunghan digest --send', () => {
  it('enqueues now, once per week (the group added above included)', async () => {
    const r = await cli(['digest', '--send', '--at', AT], env, MONDAY);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Bản tin tuần 2026-W47: đã đưa 5 tin vào hàng đợi gửi (0 tin đã có từ trước); 1 người nhận chưa liên kết tài khoản chat nên không nhận được.');
    expect(await database.db.outbox.count({ where: { kind: 'digest' } })).toBe(5);
    const again = await cli(['digest', '--send', '--at', AT], env, MONDAY);
    expect(again.out).toBe('Bản tin tuần 2026-W47 đã được đưa vào hàng đợi gửi trước đó; không gửi lại.');
    expect(await database.db.outbox.count({ where: { kind: 'digest' } })).toBe(5);
  });
});

describe('on the demo data', () => {
  let demo: TestTarget;
  beforeAll(async () => {
    demo = await freshTarget();
    expect((await cli(['seed', '--demo', '--now', '2026-11-27T09:00:00+07:00'], { DATABASE_URL: demo.url })).code).toBe(0);
  }, 120_000);
  afterAll(async () => demo.drop());

  it('dunghan digest --dry-run --out writes a readable chart of the province', async () => {
    const out = join(dir, 'demo.png');
    const r = await cli(['digest', '--dry-run', '--out', out], { DATABASE_URL: demo.url }, new Date('2026-11-30T01:00:00Z'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual(['📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Tỉnh Quảng Ngãi', 'Tuần 23/11/2026 – 29/11/2026 · số liệu lúc 23:59 29/11/2026']);
    expect(r.out).toContain('Khối xã, phường (5 đơn vị có hồ sơ):');
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).length).toBeGreaterThan(50_000);
  });
});
