#!/usr/bin/env node
// Launcher for the `pcmt` command: runs the TypeScript CLI in plain Node through tsx,
// so `npx pcmt` works right after `npm install` without Electron or a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
