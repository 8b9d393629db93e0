/**
 * How a backend process receives its port. In Electron's utilityProcess the shell posts
 * `{ kind: 'connect', open }` with a MessagePortMain through `process.parentPort`; in a
 * worker thread (CI's stand-in) the same message comes through worker_threads'
 * parentPort with the port inside it. Either way the port is wrapped as a PortLike and
 * served by serve.ts. No `electron` import: the utility process's API is reached
 * structurally, so this file runs, and is tested, in plain Node.
 */
import { parentPort as workerParentPort, type MessagePort } from 'node:worker_threads';
import type { PortLike } from '../../../shared/transport/protocol';
import { serveServices, type BackendOpenOptions, type WrapRun } from './serve';

type ElectronPortMain = {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  off(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
};
type ElectronParentPort = { once(event: 'message', listener: (event: { data: unknown; ports: ElectronPortMain[] }) => void): void };

export type ConnectMessage = { kind: 'connect'; open: BackendOpenOptions };

function isConnect(value: unknown): value is ConnectMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, open } = value as { kind?: unknown; open?: Partial<BackendOpenOptions> };
  return kind === 'connect' && typeof open?.workspacePath === 'string' && typeof open.isCreateAllowed === 'boolean' && typeof open.hostKind === 'string';
}

export function electronPort(port: ElectronPortMain): PortLike {
  port.start();
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      const forward = (event: { data: unknown }): void => listener(event.data);
      port.on('message', forward);
      return () => port.off('message', forward);
    },
  };
}

export function workerPort(port: MessagePort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
  };
}

/** Waits for the shell's connect message and serves the workspace on the port it carries. */
export function connectBackend(wrapRun?: WrapRun): void {
  const electronParent = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronParent !== undefined) {
    electronParent.once('message', (event) => {
      const port = event.ports[0];
      if (port !== undefined && isConnect(event.data)) serveServices(electronPort(port), event.data.open, wrapRun);
    });
    return;
  }
  if (workerParentPort === null) throw new Error('The backend runs only in a utility process or a worker thread.');
  workerParentPort.once('message', (message: unknown) => {
    const port = (message as { port?: MessagePort }).port;
    if (port !== undefined && isConnect(message)) serveServices(workerPort(port), message.open, wrapRun);
  });
}
