/** `pcmt export`, `pcmt verify` and `pcmt probe` (exchange-format.md §2, §5, §4.4). */
import path from 'node:path';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { runCryptoProbe, missingRequired } from '../../services/exchange/crypto-probe';
import { createExport } from '../../services/exchange/export-service';
import { pathsNeedPassphrase, verifyPaths } from '../../services/exchange/verify-service';
import { optionText } from '../args';
import { type CliContext, type Command } from '../context';
import { missingArgument, withWorkspace, writeOut } from './keys';
import { readPassphrase } from './passphrase';

export const exportCommand: Command = {
  valued: ['workspace', 'period', 'out', 'lang'],
  flags: ['no-hotspots'],
  run: ({ args, language, io }: CliContext) => {
    const period = optionText(args, 'period');
    if (period === undefined) throw missingArgument(language, 'export', 'needPeriod');
    const out = optionText(args, 'out');
    if (out === undefined) throw missingArgument(language, 'export', 'needOut');
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'));
      const result = createExport(workspace, period, passphrase, !args.options.has('no-hotspots'));
      const file = writeOut(out, Buffer.from(result.bytesBase64, 'base64'));
      io.out(
        m(language, 'exported', {
          period,
          sequence: result.sequence,
          communes: result.counts.communes,
          hotspots: result.counts.hotspots,
          models: result.counts.modelSites,
          encrypted: result.encrypted ? m(language, 'exportedEncrypted', { recipients: result.recipients.join(', ') }) : '',
          file,
        }),
      );
      return 0;
    });
  },
};

/**
 * Read-only; exit 0 only when every file is OK_STAGED or I_ALREADY_IMPORTED. Files are
 * sized before they are read and read one at a time: a huge, missing or unreadable file
 * gets its own line and the others are still verified.
 */
export const verifyCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['json'],
  run: ({ args, language, io }: CliContext) => {
    if (args.positionals.length === 0) throw missingArgument(language, 'verify', 'needFile');
    const files = args.positionals;
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = pathsNeedPassphrase(workspace, files) ? await readPassphrase(language, m(language, 'passphrasePrompt')) : null;
      const results = verifyPaths(workspace, files, passphrase);
      for (const r of results) {
        if (args.options.has('json')) {
          io.out(JSON.stringify({ file: r.file, code: r.code, message: r.message, issuer: r.issuer, period: r.period, sequence: r.sequence }));
        } else {
          io.out(m(language, 'verifyLine', { file: path.basename(r.file), code: r.code, message: r.message }));
        }
      }
      return results.every((r) => r.code === 'OK_STAGED' || r.code === 'I_ALREADY_IMPORTED') ? 0 : 1;
    });
  },
};

export const probeCommand: Command = {
  valued: ['lang'],
  flags: ['json'],
  async run({ args, language, io }: CliContext) {
    const results = runCryptoProbe();
    if (args.options.has('json')) io.out(JSON.stringify(results));
    else for (const r of results) io.out(m(language, 'probeLine', { status: r.ok ? 'OK ' : 'NO ', capability: r.capability, detail: r.detail }));
    const missing = missingRequired(results);
    io.out(missing.length === 0 ? m(language, 'probeOk') : m(language, 'probeMissing', { missing: missing.join(', ') }));
    return missing.length === 0 ? 0 : 1;
  },
};
