/** `pcmt serve [--workspace FILE] [--new] [--port N]`: the browser host; its URL is the first line of stdout. A missing file is created only with --new. */
import fs from 'node:fs';
import path from 'node:path';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import type { Language } from '../../../shared/i18n/format';
import { RENDERER_ROOT, runHost } from '../../host/run-host';
import { optionText, type ParsedArgs } from '../args';
import { CliError, type CliContext, type Command } from '../context';
import { isCreateChosen, printNotices, workspaceOption } from './workspace-option';

export function portOption(args: ParsedArgs, language: Language): number {
  const text = optionText(args, 'port') ?? '0';
  const port = Number(text);
  if (!/^\d+$/u.test(text) || port > 65535) throw new CliError(cliMessage(language, 'badPort', { port: text }));
  return port;
}

export function isRendererBuilt(): boolean {
  return fs.existsSync(path.join(RENDERER_ROOT, 'index.html'));
}

export const serveCommand: Command = {
  valued: ['workspace', 'port', 'lang'],
  flags: ['new'],
  async run({ args, language, io }: CliContext) {
    const port = portOption(args, language);
    if (!isRendererBuilt()) io.err(cliMessage(language, 'rendererMissing'));
    const { host, stopped, notices } = await runHost(workspaceOption(args), port, null, isCreateChosen(args));
    io.out(host.url);
    printNotices(io, language, notices);
    io.err(cliMessage(language, 'serving'));
    await stopped;
    return 0;
  },
};
