// Words that every plain JavaScript object answers to ("constructor", "__proto__", "toString", …),
// typed wherever dunghan looks a word up: chat commands and buttons, commitment dates, period
// presets, calendar override files and CLI subcommands. Each is an unknown word there, never a
// crash, a function taken for a value, or a date of NaN (issue 12, item 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOverrideCsv } from '../src/calendar/overrides.ts';
import { handleButton, handleMessage } from '../src/commands/router.ts';
import { parseCommand } from '../src/commands/parse/command.ts';
import { parseCommitDate } from '../src/commands/parse/commit-date.ts';
import { presetPeriod } from '../src/commands/target.ts';
import type { Asker } from '../src/commands/types.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { cli } from './support/cli.ts';
import { testDatabase, type TestDatabase } from './support/database.ts';
import { ingestOfficials, ingestOrg } from './ingest/support/org.ts';
import { createServices, type Services } from '../src/core/services.ts';

const WORDS = ['constructor', 'Constructor', 'CONSTRUCTOR', '__proto__', 'toString', 'tostring', 'valueOf', 'valueof', 'hasOwnProperty', 'hasownproperty',
  'isPrototypeOf', '__defineGetter__'];
const now = new Date('2026-11-27T02:00:00Z');

describe('chat parsing', () => {
  it.each(WORDS)('"/%s" is no command', (w) => {
    expect(parseCommand(`/${w}`, { allowBare: true })).toBeNull();
    expect(parseCommand(w, { allowBare: true })).toBeNull();
  });

  it.each(WORDS)('"%s" is no commitment date', (w) => {
    expect(parseCommitDate(w, now)).toBeNull();
    expect(parseCommitDate(`ngày ${w}`, now)).toBeNull();
  });

  it.each(WORDS)('"%s" is no period preset of a button', (w) => {
    expect(presetPeriod(w, now)).toBeNull();
  });
});

describe('calendar override files', () => {
  it('rejects a prototype name as the kind of day, naming the row and field, and ignores it as a header', () => {
    const csv = ['date,kind,name,source,constructor,__proto__', ...WORDS.map((w) => `2027-02-05,${w},Tết,9441/TB-BNV,x,y`),
      '2027-02-06,nghỉ,Tết,9441/TB-BNV,x,y'].join('\n');
    const { rows, rejected } = parseOverrideCsv(csv, new Set());
    expect(rows).toMatchObject([{ date: '2027-02-06', kind: 'day_off', row: WORDS.length + 2 }]);
    expect(rejected.map((r) => [r.row, r.field, r.value])).toEqual(WORDS.map((w, i) => [i + 2, 'kind', w]));
  });
});

describe('buttons, commands and the CLI, on a database', () => {
  let database: TestDatabase;
  let services: Services;
  beforeAll(async () => {
    database = await testDatabase();
    await ingestOfficials(database, await ingestOrg(database));
    services = createServices({ database, config: loadConfig({}), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }) });
  });
  afterAll(async () => database.drop());
  const admin: Asker = { channel: 'console', externalId: 'qt', chat: { kind: 'private' } };

  it.each(WORDS)('a button "%s:…", or a button with that word as its period, is a stale button', async (w) => {
    for (const data of [`${w}:P:y`, `td:P:${w}`, `qh:P:${w}`]) {
      const reply = await handleButton(services, admin, data, now);
      expect(reply.text, data).toMatch(/Nút này đã cũ/);
    }
  });

  it.each(WORDS)('"/%s" in a private chat is not understood, in a group it is ignored', async (w) => {
    expect(await handleMessage(services, admin, `/${w}`, now)).toEqual([{ text: expect.stringContaining('Chưa hiểu yêu cầu') }]);
    expect(await handleMessage(services, { ...admin, chat: { kind: 'group', id: '-100' } }, `/${w}`, now)).toEqual([]);
  });

  it.each(WORDS)('dunghan token|calendar|telegram [groups] %s is a usage error (exit 2)', async (w) => {
    for (const argv of [['token', w], ['calendar', w], ['telegram', w], ['telegram', 'groups', w]]) {
      const r = await cli(argv, { DATABASE_URL: database.url });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain('Cách dùng');
    }
  });
});
