/**
 * Runs the browser host on a workspace until the process is asked to stop, then closes
 * the server and folds the WAL back into the workspace file.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { openServices, type Services } from '../services/index';
import type { Language } from '../../shared/i18n/format';
import { startHost, type RunningHost } from './server';

/** From source this file is electron/host/run-host.ts; bundled, the code sits in dist-cli/, one level down. */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../' : '../', import.meta.url)));
export const RENDERER_ROOT = path.join(REPO_ROOT, 'dist', 'renderer');

export type HostRun = { host: RunningHost; stopped: Promise<void>; notices: Services['notices'] };

/** `isCreateAllowed`: the caller's explicit decision that a missing file becomes a new workspace. */
export async function runHost(workspacePath: string, port: number, languageOverride: Language | null, isCreateAllowed = false): Promise<HostRun> {
  const services = openServices({ workspacePath, hostKind: 'browser', languageOverride, isCreateAllowed });
  let host: RunningHost;
  try {
    host = await startHost({ handlers: services.handlers, language: services.language, rendererRoot: RENDERER_ROOT, port });
  } catch (error) {
    services.close();
    throw error;
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void host.close().finally(() => {
        services.close();
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { host, stopped, notices: services.notices };
}
