// The layer rule is enforced: `npm run lint:deps` (run first by `npm test`) passes on src/ as it is,
// and fails, naming the rule and the file, as soon as a file imports upward, imports a peer or
// closes a cycle. Each case runs on a copy of src/ with the project's own config.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A copy of the project's src/ and configuration, plus `files` (path → content), checked by `npm run lint:deps`. */
function lintCopy(files: Record<string, string> = {}): { code: number | null; output: string } {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-layers-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(ROOT, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  const run = spawnSync(NPM, ['run', '--silent', 'lint:deps'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('npm run lint:deps', () => {
  it('passes on the code as it is', () => {
    const { code, output } = lintCopy();
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  }, 60_000);

  it('fails on an upward import (dossiers/ importing a channel), naming the rule and the file', () => {
    const { code, output } = lintCopy({
      'src/dossiers/upward.ts': "import { consoleChannel } from '../channels/console/channel.ts';\nexport const c = consoleChannel;\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/domain-must-not-import-upward: src\/dossiers\/upward\.ts → src\/channels\/console\/channel\.ts/);
  }, 60_000);

  it('fails when one feature imports another, and on a cycle made of type-only imports', () => {
    const { code, output } = lintCopy({
      'src/alerts/peer.ts': "import type { DigestKind } from '../digest/data.ts';\nexport type K = DigestKind;\n",
      'src/org/a.ts': "import type { B } from './b.ts';\nexport type A = { b?: B };\n",
      'src/org/b.ts': "import type { A } from './a.ts';\nexport type B = { a?: A };\n",
    });
    expect(code).not.toBe(0);
    expect(output).toMatch(/features-are-peers: src\/alerts\/peer\.ts → src\/digest\/data\.ts/);
    expect(output).toMatch(/no-circular: src\/org\/(a|b)\.ts →/);
  }, 60_000);
});
