/**
 * The real backend (connect.ts → serve.ts, the workspace's services through dispatch)
 * plus two jobs only tests have: `test.count`, a long job that reports progress and
 * honours cancel, and `test.crash`, which ends the backend as a crash would.
 */
import { connectBackend } from '../../electron/services/backend/connect';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

connectBackend((run) => async (method, input, context) => {
  if (method === 'test.count') {
    const { steps, delayMs } = input as { steps: number; delayMs: number };
    for (let done = 0; done < steps; done += 1) {
      if (context.signal.aborted) throw new Error('aborted');
      await sleep(delayMs);
      context.progress({ fraction: (done + 1) / steps, stage: 'counting' });
    }
    return { ok: true, data: { counted: steps } };
  }
  if (method === 'test.crash') {
    setTimeout(() => process.exit(7), 5);
    return new Promise(() => undefined);
  }
  return run(method, input, context);
});
