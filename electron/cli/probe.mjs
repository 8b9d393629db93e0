#!/usr/bin/env node
// The crypto capability probe (exchange-format.md §4.4) on its own, importing nothing
// but node:crypto and @noble/ciphers, so it runs inside the shipped Electron as
// `ELECTRON_RUN_AS_NODE=1 electron electron/cli/probe.mjs` — where the Node-built
// better-sqlite3 that `pcmt` loads could not. Prints JSON; exit 1 if a required
// capability is missing.
import { register } from 'tsx/esm/api';

register();
const { runCryptoProbe, missingRequired } = await import('../services/exchange/crypto-probe.ts');
const results = runCryptoProbe();
const missing = missingRequired(results);
process.stdout.write(`${JSON.stringify({ runtime: process.versions, results, missing })}\n`);
process.exitCode = missing.length === 0 ? 0 : 1;
