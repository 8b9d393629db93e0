#!/usr/bin/env node
// Launcher for the `pcmt` command: runs the TypeScript CLI in plain Node through tsx,
// so `npx pcmt` works right after `npm install` without Electron or a build step.
import { register } from 'tsx/esm/api';

register();
// `pcmt dump | head -1`: a reader that has read enough closes the pipe, and the next
// write fails with EPIPE. That is the reader's choice, not our failure: stop quietly.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
