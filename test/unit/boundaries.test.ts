// The import arrows of DESIGN.md are enforced by ESLint; these tests make sure the rules
// really fire, so a loosened config cannot slip through.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/helpers/webMode';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message.split('.')[0]}`);
}

describe('import boundaries', () => {
  it.each([
    ['core/kernel/x.ts', "import { a } from '../../main/common/contract';\nexport const b = a;\n"],
    ['core/kernel/x.ts', "import { a } from '../../renderer/App.svelte';\nexport const b = a;\n"],
    ['core/kernel/x.ts', "import { a } from '../../labs/index';\nexport const b = a;\n"],
    ['core/kernel/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n"],
  ])('refuses an import out of core/ in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it('refuses clocks, randomness and timers in core/', async () => {
    const ids = await ruleIds(
      'core/sim/x.ts',
      'export const t = Date.now() + Math.random();\nsetTimeout(() => t, 1);\n',
    );
    expect(ids.map((id) => id.split(':')[0])).toEqual([
      'no-restricted-properties',
      'no-restricted-properties',
      'no-restricted-globals',
    ]);
  });

  it('lets the renderer import the contract as types only', async () => {
    const typeOnly =
      "import type { SocklabApi } from '../main/common/contract';\nexport type A = SocklabApi;\n";
    expect(await ruleIds('renderer/x.ts', typeOnly)).toEqual([]);
    const value =
      "import { requestSchemas } from '../main/common/contract';\nexport const a = requestSchemas;\n";
    expect(await ruleIds('renderer/x.ts', value)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: /),
    ]);
  });

  it('makes main/ reach core/ only through core/index.ts', async () => {
    expect(
      await ruleIds(
        'main/host/x.ts',
        "import { LabShell } from '../../core/index';\nexport const a = LabShell;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIds(
        'main/host/x.ts',
        "import { LabShell } from '../../core/shell/shell';\nexport const a = LabShell;\n",
      ),
    ).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it('keeps electron inside main/electron/', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await ruleIds('main/electron/x.ts', code)).toEqual([]);
    expect(await ruleIds('main/host/x.ts', code)).toEqual([
      expect.stringMatching(/^no-restricted-imports: /),
    ]);
  });
});
