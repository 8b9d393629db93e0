/**
 * Where the default workspace lives without Electron: the same per-user data folder
 * Electron's app.getPath('userData') gives for the product name, so the CLI, the
 * browser host and the desktop app find the same file. PCMT_WORKSPACE overrides it.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_FOLDER = 'PCMT Desk';
export const WORKSPACE_FILE = 'workspace.pcmt.sqlite';

export function userDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_FOLDER);
}

export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PCMT_WORKSPACE ?? path.join(userDataFolder(process.platform, env), WORKSPACE_FILE);
}

/** True when no PCMT_WORKSPACE points elsewhere: the per-user default, which the first run creates. */
export function isDefaultWorkspaceChosen(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PCMT_WORKSPACE === undefined;
}
