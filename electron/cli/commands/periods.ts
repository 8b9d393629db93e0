/**
 * `pcmt periods lock --period P` and `pcmt periods unlock --period P --reason TEXT`:
 * the same lock the app shows; unlocking needs a reason, kept in the history
 * (product.md §3). Sending a period locks it, so a correction starts with an unlock.
 */
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { lockPeriod, unlockPeriod } from '../../services/period-service';
import { optionText } from '../args';
import { type CliContext, type Command } from '../context';
import { missingArgument, withWorkspace } from './keys';

export const periodsLockCommand: Command = {
  valued: ['workspace', 'period', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const period = optionText(args, 'period');
    if (period === undefined) throw missingArgument(language, 'periods lock', 'needPeriod');
    return withWorkspace(args, language, async ({ workspace }) => {
      lockPeriod(workspace, period);
      io.out(m(language, 'periodLocked', { period }));
      return 0;
    });
  },
};

export const periodsUnlockCommand: Command = {
  valued: ['workspace', 'period', 'reason', 'lang'],
  flags: [],
  run: ({ args, language, io }: CliContext) => {
    const period = optionText(args, 'period');
    if (period === undefined) throw missingArgument(language, 'periods unlock', 'needPeriod');
    const reason = optionText(args, 'reason');
    if (reason === undefined || reason.trim() === '') throw missingArgument(language, 'periods unlock', 'needReason');
    return withWorkspace(args, language, async ({ workspace }) => {
      unlockPeriod(workspace, period, reason.trim());
      io.out(m(language, 'periodUnlocked', { period }));
      return 0;
    });
  },
};
