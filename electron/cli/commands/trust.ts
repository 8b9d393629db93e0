/** `pcmt trust root-keygen|init|publish|import` (exchange-format.md §3.5); add-office and revoke are in key-lifecycle.ts. */
import path from 'node:path';
import { cliExchangeMessage as m } from '../../../shared/i18n/cli-exchange-messages';
import { AppError } from '../../../shared/errors';
import { isBcpkgError } from '../../services/exchange/bcpkg-error';
import { openSecret, sealSecret } from '../../services/exchange/secret-files';
import { ed25519PublicFromSeed, fingerprint, formatPublicKeyFile, generateEd25519Seed, keyIdHex, keyIdOf } from '../../services/exchange/signify';
import { importTrustFile, initAuthority, publishTrustList } from '../../services/exchange/trust-service';
import { optionText } from '../args';
import { type CliContext, type Command } from '../context';
import { missingArgument, readIn, withWorkspace, writeOut } from './keys';
import { readPassphrase } from './passphrase';

/** The option's value and the words after the command: `--root-pub A.pub B.pub` lists both. */
function manyFiles(ctx: CliContext, name: string): string[] {
  const first = optionText(ctx.args, name);
  return [...(first === undefined ? [] : [first]), ...ctx.args.positionals];
}

export const trustRootKeygenCommand: Command = {
  valued: ['out', 'lang'],
  flags: [],
  async run({ args, language, io }: CliContext) {
    const out = optionText(args, 'out');
    if (out === undefined) throw missingArgument(language, 'trust root-keygen', 'needOut');
    const passphrase = await readPassphrase(language, m(language, 'passphrasePrompt'), true);
    const seed = generateEd25519Seed();
    try {
      const publicKey = ed25519PublicFromSeed(seed);
      const keyFile = writeOut(out, sealSecret('bcpkg.root-key', 'ROOT', seed, passphrase));
      const pubFile = writeOut(`${out.replace(/\.key$/u, '')}.pub`, Buffer.from(formatPublicKeyFile('ROOT', publicKey), 'ascii'));
      io.out(m(language, 'rootWritten', { key: keyFile, pub: pubFile, keyId: keyIdHex(keyIdOf(publicKey)), fingerprint: fingerprint(publicKey, 'ed25519') }));
      return 0;
    } finally {
      seed.fill(0);
    }
  },
};

export const trustInitCommand: Command = {
  valued: ['workspace', 'root-pub', 'threshold', 'lang'],
  flags: [],
  run: (ctx: CliContext) => {
    const { args, language, io } = ctx;
    const files = manyFiles(ctx, 'root-pub');
    if (files.length === 0) throw missingArgument(language, 'trust init', 'needRootPub');
    const threshold = optionText(args, 'threshold');
    if (threshold === undefined) throw missingArgument(language, 'trust init', 'needThreshold');
    const pubs = files.map((f) => ({ fileName: path.basename(f), text: readIn(f, language).toString('utf8') }));
    return withWorkspace(args, language, async ({ workspace }) => {
      const roots = initAuthority(workspace, pubs, Number(threshold));
      io.out(m(language, 'trustInit', { count: roots.length, threshold }));
      for (const r of roots) io.out(m(language, 'rootLine', r));
      return 0;
    });
  },
};

async function unlockRoot(ctx: CliContext, file: string): Promise<Buffer> {
  const bytes = readIn(file, ctx.language);
  const passphrase = await readPassphrase(ctx.language, m(ctx.language, 'passphraseFor', { what: path.basename(file) }));
  try {
    return openSecret('bcpkg.root-key', bytes, passphrase).secret;
  } catch (error) {
    if (isBcpkgError(error) && error.code === 'E_WRONG_PASSPHRASE') throw new AppError('PASSPHRASE_WRONG');
    if (isBcpkgError(error)) throw new AppError('KEY_FILE_INVALID', { file: path.basename(file), detail: error.code });
    throw error;
  }
}

export const trustPublishCommand: Command = {
  valued: ['workspace', 'root-key', 'expires', 'out', 'lang'],
  flags: [],
  run: (ctx: CliContext) => {
    const { args, language, io } = ctx;
    const files = manyFiles(ctx, 'root-key');
    if (files.length === 0) throw missingArgument(language, 'trust publish', 'needRootKey');
    const expires = optionText(args, 'expires');
    if (expires === undefined) throw missingArgument(language, 'trust publish', 'needExpires');
    const out = optionText(args, 'out');
    if (out === undefined) throw missingArgument(language, 'trust publish', 'needOut');
    return withWorkspace(args, language, async ({ workspace }) => {
      const seeds: Buffer[] = [];
      try {
        for (const file of files) seeds.push(await unlockRoot(ctx, file));
        const { bytes, summary } = publishTrustList(workspace, seeds, expires);
        const file = writeOut(out, bytes);
        io.out(m(language, 'published', { version: summary.version, offices: summary.offices.length, expires: summary.expiresAt.slice(0, 10), file }));
        return 0;
      } finally {
        for (const seed of seeds) seed.fill(0);
      }
    });
  },
};

export const trustImportCommand: Command = {
  valued: ['workspace', 'lang'],
  flags: ['bootstrap', 'confirm-jump'],
  run: ({ args, language, io }: CliContext) => {
    const [file] = args.positionals;
    if (file === undefined) throw missingArgument(language, 'trust import', 'needFile');
    const bytes = readIn(file, language);
    return withWorkspace(args, language, async ({ workspace }) => {
      const summary = importTrustFile(workspace, path.basename(file), bytes, args.options.has('bootstrap'), new Date(), args.options.has('confirm-jump'));
      io.out(m(language, 'trustImported', { authority: summary.authority.officeName, version: summary.version, offices: summary.offices.length, expires: summary.expiresAt.slice(0, 10) }));
      if (args.options.has('bootstrap')) {
        io.out(m(language, 'bootstrapRoots'));
        for (const r of summary.rootKeys) io.out(m(language, 'rootLine', r));
      }
      return 0;
    });
  },
};
