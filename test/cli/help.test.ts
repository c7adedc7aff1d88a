import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/main.ts';
import { cli } from '../support/cli.ts';

describe('dunghan --help and bad usage', () => {
  it('lists every subcommand with a Vietnamese summary', async () => {
    const r = await cli(['--help'], {});
    expect(r.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(r.out).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    expect(r.out).toContain('Cách dùng: dunghan <lệnh>');
  });

  it.each(COMMAND_NAMES)('dunghan %s --help prints its usage without touching the database', async (name) => {
    const r = await cli([name, '--help'], { DATABASE_URL: 'mysql://not-used' });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Cách dùng:\s+dunghan /);
  });

  it('names an unknown option and shows the usage, exit code 2', async () => {
    const r = await cli(['status', '--bogus'], {});
    expect(r.code).toBe(2);
    expect(r.err).toBe('Không có tuỳ chọn --bogus.\nCách dùng: dunghan status [--at 2026-11-27T09:00:00+07:00] [--json]');
  });

  it('names an option missing its value', async () => {
    const r = await cli(['status', '--at'], {});
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('Tuỳ chọn --at cần một giá trị.');
  });

  it('answers an unknown command with a hint, exit code 2', async () => {
    const r = await cli(['tiendo'], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không có lệnh "tiendo"');
  });
});
