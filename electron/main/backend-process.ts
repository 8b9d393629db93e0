/**
 * The only Electron-specific part of the backend transport: fork the bundled backend
 * (dist-electron/backend.js) as a utilityProcess and hand it one end of a
 * MessageChannelMain. Everything else — frames, answers, restarts — is
 * shared/transport/supervisor.ts, tested in CI with worker threads.
 */
import path from 'node:path';
import { MessageChannelMain, utilityProcess } from 'electron';
import type { BackendProcess } from '../../shared/transport/supervisor';
import type { BackendOpenOptions } from '../services/backend/serve';

/** Bundled beside main.js by electron/vite.main.config.ts. */
const BACKEND_ENTRY = path.join(import.meta.dirname, 'backend.js');

export function forkBackend(open: BackendOpenOptions): BackendProcess {
  const child = utilityProcess.fork(BACKEND_ENTRY, [], { serviceName: 'PCMT Desk backend', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage({ kind: 'connect', open }, [port2]);
  port1.start();
  return {
    port: {
      postMessage: (message) => port1.postMessage(message),
      onMessage: (listener) => {
        const forward = (event: Electron.MessageEvent): void => listener(event.data);
        port1.on('message', forward);
        return () => port1.off('message', forward);
      },
    },
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
