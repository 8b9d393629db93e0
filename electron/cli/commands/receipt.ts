/**
 * `pcmt receipt create --package ID --workspace FILE --out FILE.bcrcpt` (the province
 * signs what it decided about a received package) and `pcmt receipt import FILE.bcrcpt
 * --workspace FILE` (the district records it against the package it sent), §6.6.
 */
import { receivedPackage } from '../../../db/queries/consolidation';
import { keysOfKind } from '../../../db/queries/exchange';
import type { ReceiptDecision } from '../../../shared/api/exchange-types';
import { cliExchangeMessage as m, type CliExchangeKey } from '../../../shared/i18n/cli-exchange-messages';
import type { Language } from '../../../shared/i18n/format';
import { createReceipt, importReceipt } from '../../services/exchange/receipt-service';
import { isEncryptedFile } from '../../services/exchange/verify-service';
import { type CliContext, type Command } from '../context';
import { missingArgument, readIn, requireOption, withWorkspace, writeOut } from './keys';
import { readPassphrase } from './passphrase';

const DECISION_WORDS: Record<ReceiptDecision, CliExchangeKey> = {
  accepted: 'receiptAccepted',
  superseded: 'receiptSuperseded',
  quarantined: 'receiptQuarantined',
};

function decisionText(language: Language, decision: ReceiptDecision): string {
  return m(language, DECISION_WORDS[decision]);
}

export const receiptCreateCommand: Command = {
  valued: ['workspace', 'package', 'out', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const packageId = requireOption(args, 'package', language, 'receipt create', 'needPackage');
    const out = requireOption(args, 'out', language, 'receipt create', 'needOut');
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'));
      const result = createReceipt(workspace, packageId, passphrase);
      const bytes = Buffer.from(result.bytesBase64, 'base64');
      const file = writeOut(out, bytes);
      // createReceipt succeeded, so the package is there.
      const row = receivedPackage(workspace.db, packageId);
      if (row === undefined) return 1;
      io.out(
        m(language, 'receiptWritten', {
          sequence: row.sequence,
          period: row.period_id,
          issuer: row.issuer,
          decision: decisionText(language, row.status),
          encrypted: isEncryptedFile(bytes) ? m(language, 'receiptEncrypted', { issuer: row.issuer }) : '',
          file,
        }),
      );
      return 0;
    });
  },
};

export const receiptImportCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const [fileName] = args.positionals;
    if (fileName === undefined) throw missingArgument(language, 'receipt import', 'needFile');
    const bytes = readIn(fileName, language);
    return withWorkspace(args, language, async ({ workspace }) => {
      const needsPassphrase = isEncryptedFile(bytes) && keysOfKind(workspace.db, 'encryption').length > 0;
      const passphrase = needsPassphrase ? await readPassphrase(language, m(language, 'passphrasePrompt')) : null;
      const record = importReceipt(workspace, fileName, bytes, passphrase);
      const receipt = record.receipt;
      if (receipt === null) return 1;
      io.out(m(language, 'receiptImported', { sequence: record.sequence, period: record.periodId, decision: decisionText(language, receipt.decision), at: receipt.at }));
      return 0;
    });
  },
};
