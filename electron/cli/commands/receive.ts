/**
 * `pcmt receive FILE… --workspace FILE [--yes] [--json]`: verify and stage each file,
 * then, with --yes, commit every package that needs no supervisor; the rest is reported
 * (warnings wait for a supervisor in the app). Without --yes nothing is committed.
 * `pcmt log verify --workspace FILE`: walks the import log's hash chain.
 */
import path from 'node:path';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { keysOfKind } from '../../../db/queries/exchange';
import { isAppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/messages';
import { confirmStaged, receiveFiles } from '../../services/exchange/receive-service';
import { verifyImportLog } from '../../services/exchange/consolidation-service';
import { readPackageFile } from '../../services/exchange/package-files';
import { fileResult, isEncryptedFile } from '../../services/exchange/verify-service';
import { type CliContext, type Command } from '../context';
import { missingArgument, withWorkspace } from './keys';
import { readPassphrase } from './passphrase';

type Outcome = { file: string; code: string; decision: string; message: string; issuer: string | null; period: string | null; sequence: number | null };

export const receiveCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['yes', 'json'],
  run: ({ args, language, io }: CliContext) => {
    if (args.positionals.length === 0) throw missingArgument(language, 'receive', 'needFile');
    // Stage 0 from the file system (package-files.ts): a huge, missing or unreadable file is
    // refused unread with its own line, and the others are still received.
    const reads = args.positionals.map((f) => ({ fileName: f, read: readPackageFile(f) }));
    const files = reads.flatMap(({ fileName, read }) => (read.kind === 'bytes' ? [{ fileName, bytes: read.bytes }] : []));
    return withWorkspace(args, language, async ({ workspace }) => {
      const needsPassphrase = files.some((f) => isEncryptedFile(f.bytes)) && keysOfKind(workspace.db, 'encryption').length > 0;
      const passphrase = needsPassphrase ? await readPassphrase(language, m(language, 'passphrasePrompt')) : null;
      // Decided in file order against the slots as they are at that moment, so a package and
      // its correction in one run go in one after the other (§6.2 judged per slot, per arrival).
      const received: Outcome[] = receiveFiles(workspace, files, passphrase).map((r) => {
        const base = { file: r.file, code: r.code, issuer: r.issuer, period: r.period, sequence: r.sequence };
        if (r.stagingId === null) return { ...base, decision: r.code === 'I_ALREADY_IMPORTED' ? 'unchanged' : 'rejected', message: r.message };
        if (!args.options.has('yes')) {
          const waits = r.warnings.length > 0;
          return { ...base, code: waits ? (r.warnings[0]?.code ?? r.code) : r.code, decision: waits ? 'needs-supervisor' : 'staged', message: waits ? r.warnings.map((w) => w.message).join(' ') : m(language, 'receiveStaged') };
        }
        try {
          confirmStaged(workspace, r.stagingId, false);
          return { ...base, decision: 'accepted', message: m(language, 'receiveAccepted', { changes: r.diff?.datasets.reduce((n, d) => n + d.changes.length, 0) ?? 0 }) };
        } catch (error) {
          if (!isAppError(error)) throw error;
          const message = errorMessage(error.code, error.params, language);
          if (error.code === 'SUPERVISOR_REQUIRED') return { ...base, code: String(error.params.codes ?? r.code).split(', ')[0] ?? r.code, decision: 'needs-supervisor', message };
          const code = typeof error.params.code === 'string' ? error.params.code : error.code;
          if (code === 'I_ALREADY_IMPORTED') return { ...base, code, decision: 'unchanged', message: typeof error.params.reason === 'string' ? error.params.reason : message };
          return { ...base, code, decision: 'rejected', message };
        }
      });
      const outcomes = reads.map(({ fileName, read }): Outcome => {
        if (read.kind === 'bytes') return received.shift() as Outcome;
        const r = fileResult(workspace, fileName, read.kind === 'too-large' ? 'E_FILE_TOO_LARGE' : read.code);
        return { file: r.file, code: r.code, decision: 'rejected', message: r.message, issuer: null, period: null, sequence: null };
      });
      for (const o of outcomes) {
        if (args.options.has('json')) io.out(JSON.stringify(o));
        else io.out(m(language, 'receiveLine', { file: path.basename(o.file), decision: o.decision, code: o.code, message: o.message }));
      }
      return outcomes.every((o) => o.decision === 'accepted' || o.decision === 'unchanged') ? 0 : 1;
    });
  },
};

export const logVerifyCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['json'],
  run: ({ args, language, io }: CliContext) =>
    withWorkspace(args, language, async ({ workspace }) => {
      const check = verifyImportLog(workspace);
      if (args.options.has('json')) io.out(JSON.stringify(check));
      else io.out(check.isIntact ? m(language, 'logIntact', { rows: check.rows, head: check.head }) : m(language, 'logBroken', { id: check.brokenAtId ?? 0, rows: check.rows }));
      return check.isIntact ? 0 : 1;
    }),
};
