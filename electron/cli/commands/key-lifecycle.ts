/** `pcmt keys rotate`, `pcmt trust add-office` (enrollment or rotation) and `pcmt trust revoke` (exchange-format.md §3.4, §3.6, §3.7). */
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { rotateKey } from '../../services/exchange/key-rotation-service';
import { revokeOfficeKey } from '../../services/exchange/revocation-service';
import { acceptKeyStatement } from '../../services/exchange/rotation-intake-service';
import { optionText } from '../args';
import type { CliContext, Command } from '../context';
import { missingArgument, readIn, withWorkspace, writeOut } from './keys';
import { readPassphrase } from './passphrase';

export const keysRotateCommand: Command = {
  valued: ['workspace', 'out', 'reason', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const out = optionText(args, 'out');
    if (out === undefined) throw missingArgument(language, 'keys rotate', 'needOut');
    return withWorkspace(args, language, async ({ workspace }) => {
      const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'));
      const r = rotateKey(workspace, passphrase, optionText(args, 'reason') ?? null);
      const file = writeOut(out, r.bytes);
      const params = { file, oldKeyId: r.oldKeyId, newKeyId: r.newKeyId, fingerprint: r.fingerprint, last: r.lastSequenceUnderOldKey };
      io.out(m(language, r.isRenewed ? 'rotationRenewed' : 'rotationWritten', params));
      return 0;
    });
  },
};

export const trustAddOfficeCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const [file] = args.positionals;
    if (file === undefined) throw missingArgument(language, 'trust add-office', 'needFile');
    const bytes = readIn(file, language);
    return withWorkspace(args, language, async ({ workspace }) => {
      const r = acceptKeyStatement(workspace, path.basename(file), bytes);
      if (r.kind === 'enrollment') {
        io.out(m(language, 'officeAdded', { officeName: r.officeName, officeCode: r.officeCode, fingerprint: r.fingerprint }));
        return 0;
      }
      const reason = r.reason === null ? '' : m(language, 'rotationReason', { reason: r.reason });
      io.out(
        m(language, 'rotationAccepted', {
          officeName: r.officeName,
          officeCode: r.officeCode,
          oldKeyId: r.oldKeyId ?? '',
          last: r.lastSequenceUnderOldKey ?? 0,
          reason,
          fingerprint: r.fingerprint,
        }),
      );
      return 0;
    });
  },
};

export const trustRevokeCommand: Command = {
  valued: ['workspace', 'last-trusted-sequence', 'reason', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const [office] = args.positionals;
    if (office === undefined) throw missingArgument(language, 'trust revoke', 'needOffice');
    const last = optionText(args, 'last-trusted-sequence');
    if (last === undefined) throw missingArgument(language, 'trust revoke', 'needLastTrusted');
    return withWorkspace(args, language, async ({ workspace }) => {
      // Number('') is 0 and Number('1e3') 1000: only plain digits are a sequence.
      if (!/^\d{1,15}$/u.test(last)) throw new AppError('REVOKE_SEQUENCE_INVALID', { value: last });
      const r = revokeOfficeKey(workspace, office, Number(last), optionText(args, 'reason') ?? null);
      io.out(m(language, 'revoked', { keyIds: r.keyIds.join(', '), office: r.officeCode, last: r.lastTrustedSequence }));
      for (const q of r.quarantined) io.out(m(language, 'quarantinedLine', { packageId: q.packageId, period: q.periodId, sequence: q.sequence }));
      for (const s of r.slots) {
        io.out(s.packageId === null ? m(language, 'slotEmptied', { period: s.periodId }) : m(language, 'slotBack', { period: s.periodId, packageId: s.packageId, sequence: s.sequence ?? 0 }));
      }
      return 0;
    });
  },
};
