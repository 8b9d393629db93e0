// Entry of the background worker (whole-file check, the day's backup copy). Worker
// threads do not inherit tsx's loader from the CLI or vitest, so under plain Node this
// registers tsx and loads the TypeScript body; the Electron bundle builds worker-body.ts
// as dist-electron/background.js beside main.js (see workerUrl in background-jobs.ts).
const { register } = await import('tsx/esm/api');
register();
await import('./worker-body.ts');
