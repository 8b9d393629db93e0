/**
 * `pcmt start` (what `npm start` runs): the desktop app when an Electron binary exists;
 * otherwise one sentence saying why not, then the browser host, opened in Chromium
 * when one is installed and a display is available.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cliMessage } from '../../../shared/i18n/cli-messages';
import { REPO_ROOT, runHost } from '../../host/run-host';
import { userDataFolder } from '../../services/paths';
import { optionText } from '../args';
import type { CliContext, Command } from '../context';
import { isRendererBuilt, portOption } from './serve';
import { isCreateChosen, printNotices, workspaceOption } from './workspace-option';

/** The Electron binary, found without require('electron') (which would try to download it). */
function electronBinary(): string | null {
  const dir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function npmRun(script: string): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' }).status === 0;
}

const BROWSERS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function openInChromium(url: string): string | null {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY ?? process.env.WAYLAND_DISPLAY);
  const browser = BROWSERS.find((b) => fs.existsSync(b));
  if (!hasDisplay || browser === undefined) return null;
  const profile = path.join(userDataFolder(), 'browser-profile');
  const child = spawn(browser, [`--app=${url}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-sync'], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  child.unref();
  return browser;
}

export const startCommand: Command = {
  valued: ['workspace', 'port', 'lang'],
  flags: ['new'],
  async run({ args, language, io }: CliContext) {
    const electron = electronBinary();
    if (electron !== null && npmRun('build')) {
      const env = {
        ...process.env,
        ...(optionText(args, 'workspace') ? { PCMT_WORKSPACE: workspaceOption(args) } : {}),
        ...(args.options.has('new') ? { PCMT_NEW_WORKSPACE: '1' } : {}),
      };
      return spawnSync(electron, [REPO_ROOT], { stdio: 'inherit', env }).status ?? 1;
    }
    io.out(cliMessage(language, 'electronMissing'));
    if (!isRendererBuilt()) {
      io.err(cliMessage(language, 'rendererMissing'));
      npmRun('build:renderer');
    }
    const { host, stopped, notices } = await runHost(workspaceOption(args), portOption(args, language), null, isCreateChosen(args));
    io.out(host.url);
    printNotices(io, language, notices);
    const browser = openInChromium(host.url);
    if (browser !== null) io.out(cliMessage(language, 'openedIn', { browser }));
    io.err(cliMessage(language, 'serving'));
    await stopped;
    return 0;
  },
};
