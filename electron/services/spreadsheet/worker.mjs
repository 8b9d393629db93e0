// Entry of the spreadsheet worker thread. Worker threads do not inherit tsx's loader
// from the CLI (pcmt.mjs) or vitest, so under plain Node this registers tsx and then
// loads the TypeScript body. The Electron bundle (electron/vite.main.config.ts) must
// build worker-body.ts as a second entry, worker.js, next to main.js, and read-workbook.ts
// then starts that file instead (see workerUrl there).
const { register } = await import('tsx/esm/api');
register();
await import('./worker-body.ts');
