/** `pcmt demo create --workspace FILE [--seed N]`: the trainers' sample workspace (issue 15 item 2). */
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { cliDemoMessage } from '../../../shared/i18n/cli-demo-messages';
import { createDemo, DEMO_SEED } from '../../services/demo/demo-service';
import { openServices } from '../../services/index';
import { getOffice } from '../../services/office-service';
import { optionText } from '../args';
import { CliError, type CliContext, type Command } from '../context';

export const demoCreateCommand: Command = {
  valued: ['workspace', 'seed', 'lang'],
  flags: [],
  run({ args, language, io }: CliContext) {
    const file = optionText(args, 'workspace');
    if (file === undefined) throw new CliError(cliMessage(language, 'missingArgument', { command: 'demo create', what: cliDemoMessage(language, 'needWorkspace') }));
    const seedText = optionText(args, 'seed');
    const seed = seedText === undefined ? DEMO_SEED : Number(seedText);
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new CliError(cliDemoMessage(language, 'badSeed', { seed: seedText ?? '' }), 2);
    const services = openServices({ workspacePath: file, hostKind: 'cli', languageOverride: language });
    try {
      const summary = createDemo(services.workspace, seed);
      io.out(cliDemoMessage(language, 'created', { file, office: getOffice(services.workspace)?.name ?? '', ...summary }));
      return Promise.resolve(0);
    } finally {
      services.close();
    }
  },
};
