/**
 * Issue 6's Done-when lines for the command line and the log, through the real CLI
 * (`node electron/cli/pcmt.mjs`) and the real API boundary (shared/api/dispatch with the
 * handlers of openServices): re-running `pcmt receive` on the same files changes nothing
 * and says so for each file; `pcmt log verify` passes, then fails naming the row after
 * one import_log row is edited behind the triggers' back — and the app's
 * importLog.verify sees the same break.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { ImportLogCheck, ImportLogEntry, ReceiveResult, ReceivedPackageInfo } from '../../shared/api/exchange-types';
import { verifyImportLog } from '../../electron/services/exchange/consolidation-service';
import { openServices, type Services } from '../../electron/services/index';
import { districtsOf, holdings, makeProvinceWorkspace, openProvinceCopy, PROVINCE_PASSPHRASE, sendPackage, SMALL_UNITS, type District, type Sent } from './consolidation-fixtures';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'electron/cli/pcmt.mjs');
const [D001, D002, D003] = districtsOf(SMALL_UNITS) as [District, District, District];

let dir = '';
let template = '';
let workspace = '';
const files: { path: string; sent: Sent }[] = [];

type Outcome = { file: string; code: string; decision: string; message: string; issuer: string | null; period: string | null; sequence: number | null };

function pcmt(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PCMT_PASSPHRASE: PROVINCE_PASSPHRASE, PCMT_KEY_WORK_FACTOR: '12', PCMT_LANG: 'en' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function receiveJson(paths: readonly string[], ws = workspace): { status: number | null; outcomes: Outcome[]; stderr: string } {
  const run = pcmt(['receive', ...paths, '--workspace', ws, '--yes', '--json']);
  const outcomes = run.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Outcome);
  return { status: run.status, outcomes, stderr: run.stderr };
}

/** Everything the province holds plus the log, read with a plain connection. */
function dump(file: string): { held: ReturnType<typeof holdings>; log: { id: number; decision: string; code: string | null; package_id: string | null; row_hash: string }[] } {
  const s = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  try {
    return {
      held: holdings(s),
      log: s.workspace.db.prepare('SELECT id, decision, code, package_id, row_hash FROM import_log ORDER BY id').all() as {
        id: number;
        decision: string;
        code: string | null;
        package_id: string | null;
        row_hash: string;
      }[],
    };
  } finally {
    s.close();
  }
}

function write(name: string, sent: Sent): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, sent.file);
  return file;
}

function options(s: Services): Parameters<typeof dispatch>[3] {
  return { language: () => s.language(), onInternalError: (_m, e) => { throw e; } };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-receive-cli-'));
  template = path.join(dir, 'province-template.sqlite');
  makeProvinceWorkspace(template);
  workspace = path.join(dir, 'province.sqlite');
  fs.copyFileSync(template, workspace);
  const sends = [
    sendPackage({ district: D001, period: '2025-Q3', sequence: 4, supersedes: null, name: 'cli-d001' }),
    sendPackage({ district: D002, period: '2025-Q3', sequence: 9, supersedes: null, name: 'cli-d002', modelSites: 3 }),
    // Hotspots travel encrypted (§4.1): the province opens it with PCMT_PASSPHRASE.
    sendPackage({ district: D003, period: '2025-Q3', sequence: 2, supersedes: null, name: 'cli-d003', hotspots: 5, isEncrypted: true }),
  ];
  for (const sent of sends) files.push({ path: write(`${sent.spec.name}.bcpkg`, sent), sent });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('`pcmt receive` twice on the same files', () => {
  it('the first run imports every file and exits 0', () => {
    const { status, outcomes, stderr } = receiveJson(files.map((f) => f.path));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(outcomes.map((o) => [path.basename(o.file), o.decision, o.code])).toEqual(files.map((f) => [path.basename(f.path), 'accepted', 'OK_STAGED']));
    expect(dump(workspace).held.packages).toHaveLength(3);
  });

  it('the second run changes nothing, says "unchanged" / I_ALREADY_IMPORTED for each file, exits 0, and only adds "duplicate" rows', () => {
    const before = dump(workspace);
    const { status, outcomes, stderr } = receiveJson(files.map((f) => f.path));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(outcomes.map((o) => [path.basename(o.file), o.decision, o.code])).toEqual(files.map((f) => [path.basename(f.path), 'unchanged', 'I_ALREADY_IMPORTED']));
    for (const o of outcomes) expect(o.message).toMatch(/already imported on \d{2}\/\d{2}\/\d{4}; nothing changed/u);
    const after = dump(workspace);
    expect(after.held).toEqual(before.held);
    expect(after.log.slice(0, before.log.length)).toEqual(before.log);
    const added = after.log.slice(before.log.length);
    expect(added.map((r) => [r.decision, r.code, r.package_id])).toEqual(files.map((f) => ['duplicate', 'I_ALREADY_IMPORTED', f.sent.packageId]));
  });

  it('without --json, one line per file says so too', () => {
    const run = pcmt(['receive', ...files.map((f) => f.path), '--workspace', workspace, '--yes']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^${path.basename(files[i]?.path ?? '')}: unchanged I_ALREADY_IMPORTED — .*nothing changed`, 'u')));
  });

  it('the same file given twice in one run: the second copy is reported "unchanged"', () => {
    const ws = path.join(dir, 'twice.sqlite');
    fs.copyFileSync(template, ws);
    const [first] = files;
    const copy = path.join(dir, 'copy-of-cli-d001.bcpkg');
    fs.copyFileSync(first?.path ?? '', copy);
    const { status, outcomes } = receiveJson([first?.path ?? '', copy], ws);
    expect(outcomes.map((o) => [o.decision, o.code])).toEqual([
      ['accepted', 'OK_STAGED'],
      ['unchanged', 'I_ALREADY_IMPORTED'],
    ]);
    expect(status).toBe(0);
  });

  it('a package and its correction in one `--yes` run both go in, in order', () => {
    const ws = path.join(dir, 'chain.sqlite');
    fs.copyFileSync(template, ws);
    const v1 = sendPackage({ district: D001, period: '2025-Q4', sequence: 20, supersedes: null, name: 'chain-1' });
    const v2 = sendPackage({ district: D001, period: '2025-Q4', sequence: 21, supersedes: v1.packageId, name: 'chain-2' });
    const { status, outcomes } = receiveJson([write('chain-1.bcpkg', v1), write('chain-2.bcpkg', v2)], ws);
    // §6.2: sequence above the slot and supersedes == slot.package_id is a normal correction.
    expect(outcomes.map((o) => [o.decision, o.code])).toEqual([
      ['accepted', 'OK_STAGED'],
      ['accepted', 'OK_STAGED'],
    ]);
    expect(status).toBe(0);
  });
});

describe('`pcmt log verify` and importLog.verify', () => {
  it('an intact log verifies: exit 0, the row count and the head hash', () => {
    const { log } = dump(workspace);
    const run = pcmt(['log', 'verify', '--workspace', workspace]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`The import log is intact: ${log.length} rows, last hash ${log.at(-1)?.row_hash ?? ''}.`);
    const json = pcmt(['log', 'verify', '--workspace', workspace, '--json']);
    expect(JSON.parse(json.stdout) as ImportLogCheck).toEqual({ rows: log.length, isIntact: true, brokenAtId: null, head: log.at(-1)?.row_hash });
    fs.copyFileSync(workspace, path.join(dir, 'intact.sqlite'));
  });

  it('the database itself refuses UPDATE and DELETE on import_log', () => {
    const db = new Database(workspace);
    try {
      expect(() => db.prepare("UPDATE import_log SET detail = 'x' WHERE id = 2").run()).toThrow(/append-only/u);
      expect(() => db.prepare('DELETE FROM import_log WHERE id = 2').run()).toThrow(/append-only/u);
    } finally {
      db.close();
    }
  });

  it('one row edited behind the triggers: `pcmt log verify` exits 1 naming the row; the service and the API say where it breaks', async () => {
    const rows = dump(workspace).log.length;
    const db = new Database(workspace);
    try {
      db.exec('DROP TRIGGER import_log_no_update');
      db.prepare("UPDATE import_log SET detail = 'sửa lén' WHERE id = 2").run();
    } finally {
      db.close();
    }
    const run = pcmt(['log', 'verify', '--workspace', workspace]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('the hash chain breaks at row 2 (2 rows read)');
    const json = pcmt(['log', 'verify', '--workspace', workspace, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ isIntact: false, brokenAtId: 2 });

    const s = openServices({ workspacePath: workspace, hostKind: 'cli', isCreateAllowed: false, languageOverride: 'en' });
    try {
      expect(verifyImportLog(s.workspace)).toMatchObject({ isIntact: false, brokenAtId: 2, rows: 2 });
      const viaApi = await dispatch(s.handlers, 'importLog.verify', {}, options(s));
      expect(viaApi).toEqual({ ok: true, data: expect.objectContaining({ isIntact: false, brokenAtId: 2 }) });
      // The list still shows every row: the break is reported, not hidden.
      const list = await dispatch(s.handlers, 'importLog.list', {}, options(s));
      expect(list.ok && (list.data as ImportLogEntry[]).length).toBe(rows);
    } finally {
      s.close();
    }
  });

  it('a row deleted behind the triggers is caught at the row after the gap', () => {
    const ws = path.join(dir, 'intact.sqlite');
    const db = new Database(ws);
    try {
      db.exec('DROP TRIGGER import_log_no_delete');
      db.prepare('DELETE FROM import_log WHERE id = 3').run();
    } finally {
      db.close();
    }
    const json = pcmt(['log', 'verify', '--workspace', ws, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ isIntact: false, brokenAtId: 4 });
  });
});

describe('the consolidation API through dispatch', () => {
  it('packages.receive → packages.confirm / packages.reject → packages.received, importLog.list, importLog.verify', async () => {
    const s = openProvinceCopy(template, path.join(dir, 'api.sqlite'));
    try {
      const asFile = (f: { path: string }): { fileName: string; bytesBase64: string } => ({ fileName: path.basename(f.path), bytesBase64: fs.readFileSync(f.path).toString('base64') });
      const received = await dispatch(s.handlers, 'packages.receive', { files: files.map(asFile), passphrase: PROVINCE_PASSPHRASE }, options(s));
      expect(received.ok).toBe(true);
      const results = (received.ok ? received.data : []) as ReceiveResult[];
      expect(results.map((r) => r.code)).toEqual(['OK_STAGED', 'OK_STAGED', 'OK_STAGED']);
      const [a, b, c] = results.map((r) => r.stagingId ?? '');

      const confirmed = await dispatch(s.handlers, 'packages.confirm', { stagingId: a, isSupervisorConfirmed: false }, options(s));
      expect(confirmed).toMatchObject({ ok: true, data: { packageId: files[0]?.sent.packageId, status: 'accepted' } });
      const declined = await dispatch(s.handlers, 'packages.reject', { stagingId: b, reason: 'Sai kỳ báo cáo' }, options(s));
      expect(declined).toEqual({ ok: true, data: { rejected: true } });
      const gone = await dispatch(s.handlers, 'packages.confirm', { stagingId: b, isSupervisorConfirmed: true }, options(s));
      expect(gone).toMatchObject({ ok: false, error: { code: 'STAGED_PACKAGE_GONE' } });
      const blank = await dispatch(s.handlers, 'packages.reject', { stagingId: c, reason: '   ' }, options(s));
      expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(await dispatch(s.handlers, 'packages.confirm', { stagingId: c, isSupervisorConfirmed: false }, options(s))).toMatchObject({ ok: true });

      const list = await dispatch(s.handlers, 'packages.received', {}, options(s));
      const infos = (list.ok ? list.data : []) as ReceivedPackageInfo[];
      expect(infos.map((p) => p.packageId).sort()).toEqual([files[0]?.sent.packageId, files[2]?.sent.packageId].sort());
      expect(infos.find((p) => p.packageId === files[2]?.sent.packageId)).toMatchObject({ encrypted: true, issuer: 'ZZ-T01-D003', sequence: 2 });

      const log = await dispatch(s.handlers, 'importLog.list', {}, options(s));
      // Newest first; rows the workspace's set-up logged (the trust-list import) come after these.
      const all = (log.ok ? log.data : []) as ImportLogEntry[];
      const entries = all.slice(0, 3);
      expect(entries.map((e) => [e.decision, e.packageId, e.detail])).toEqual([
        ['accepted', files[2]?.sent.packageId, null],
        ['rejected_by_operator', files[1]?.sent.packageId, 'Sai kỳ báo cáo'],
        ['accepted', files[0]?.sent.packageId, null],
      ]);
      const check = await dispatch(s.handlers, 'importLog.verify', {}, options(s));
      expect(check).toEqual({ ok: true, data: { rows: all.length, isIntact: true, brokenAtId: null, head: entries[0]?.rowHash } });
    } finally {
      s.close();
    }
  });
});
