import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayering, type Violation } from './layering';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line} ${v.specifier ?? ''} — ${v.reason}`).join('\n');
}

describe('layering (style.md B1, default deny)', () => {
  it('the repository has no violations', () => {
    const violations = checkLayering(repoRoot);
    expect(describeViolations(violations)).toBe('');
  });

  describe('on a tree that breaks the rules', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'pcmt-layering-'));
    const write = (rel: string, text: string): void => {
      mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      writeFileSync(path.join(tmp, rel), text);
    };
    write('renderer/bad.ts', "import Database from 'better-sqlite3';\nexport const db = Database;\n");
    write('shared/bad.ts', "import { readFileSync } from 'node:fs';\nimport { open } from '../db/open';\nexport const x = [readFileSync, open];\n");
    write('db/open.ts', "export const open = (): void => {};\n");
    write('core/thing.ts', 'export const thing = 1;\n');
    write('electron/foo/thing.ts', 'export const thing = 2;\n');
    write('electron/services/late.ts', "export const load = () => import('electron');\n");
    write('renderer/ok.tsx', "import { useState } from 'react';\nimport { x } from '../shared/bad';\nexport { useState, x };\n");
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));

    const violations = checkLayering(tmp);
    const find = (file: string, specifier: string | null): Violation | undefined =>
      violations.find((v) => v.file === file && v.specifier === specifier);

    it('reports a package outside its folder allow-list', () => {
      expect(find('renderer/bad.ts', 'better-sqlite3')).toMatchObject({ line: 1, reason: expect.stringContaining('better-sqlite3') });
    });

    it('reports Node builtins in shared/', () => {
      expect(find('shared/bad.ts', 'node:fs')?.reason).toMatch(/Node builtins/u);
    });

    it('reports a folder importing a folder it may not', () => {
      expect(find('shared/bad.ts', '../db/open')).toMatchObject({ line: 2, reason: 'shared may not import db' });
    });

    it('reports a file in a folder missing from the table', () => {
      expect(find('core/thing.ts', null)?.reason).toMatch(/no folder of the layering table/u);
      expect(find('electron/foo/thing.ts', null)?.reason).toMatch(/no folder of the layering table/u);
    });

    it('sees dynamic imports', () => {
      expect(find('electron/services/late.ts', 'electron')).toBeDefined();
    });

    it('reports nothing else', () => {
      expect(violations).toHaveLength(6);
    });
  });

  it('ESLint also rejects better-sqlite3 in renderer/', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });
    const [result] = await eslint.lintText("import Database from 'better-sqlite3';\nexport const db = Database;\n", {
      filePath: path.join(repoRoot, 'renderer', '__probe__.ts'),
    });
    const errors = (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(errors).toContain('no-restricted-imports');
  });
});
