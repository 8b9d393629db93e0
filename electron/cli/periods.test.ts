import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openServices } from '../services/index';
import { listPeriodInfos } from '../services/period-service';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-periods-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

it('pcmt periods lock and unlock: the unlock needs a reason, which the history keeps', async () => {
  const ws = path.join(dir, 'ws.sqlite');
  expect((await run('init', '--workspace', ws, '--units', path.join(DATA, 'dvhc-2025-07-01.csv'), '--office', '01')).code).toBe(0);
  expect(await run('periods', 'lock', '--workspace', ws, '--period', '2025-Q3')).toMatchObject({ code: 0, out: 'Đã khóa kỳ 2025-Q3.' });
  const noReason = await run('periods', 'unlock', '--workspace', ws, '--period', '2025-Q3');
  expect(noReason.code).toBe(2);
  expect(noReason.err).toContain('lý do mở khóa (--reason)');
  expect((await run('periods', 'unlock', '--workspace', ws, '--period', '2025-Q3', '--reason', 'Sửa số liệu phường Phúc Xá')).code).toBe(0);
  const s = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
  try {
    expect(listPeriodInfos(s.workspace).find((p) => p.id === '2025-Q3')?.status).toBe('OPEN');
    const reason = s.workspace.db.prepare("SELECT reason FROM history WHERE record_id = '2025-Q3' AND cause = 'unlock'").pluck().get();
    expect(reason).toBe('Sửa số liệu phường Phúc Xá');
  } finally {
    s.close();
  }
  const again = await run('periods', 'unlock', '--workspace', ws, '--period', '2025-Q3', '--reason', 'x');
  expect(again.code).toBe(1);
  expect(again.err).toContain('chưa khóa');
});
