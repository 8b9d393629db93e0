import path from 'node:path';
import type { OpenNotice } from '../../../db/connection';
import type { Language } from '../../../shared/i18n/format';
import { errorMessage } from '../../../shared/i18n/messages';
import { defaultWorkspacePath, isDefaultWorkspaceChosen } from '../../services/paths';
import { optionText, type ParsedArgs } from '../args';
import type { CliIo } from '../context';

/** --workspace, resolved against the current folder; the default workspace otherwise. */
export function workspaceOption(args: ParsedArgs): string {
  const given = optionText(args, 'workspace');
  return given === undefined ? defaultWorkspacePath() : path.resolve(given);
}

/**
 * Whether a missing workspace may be created: only on an explicit "New" (`--new`), or
 * on the first run with the default per-user workspace. A mistyped --workspace path
 * must get a sentence, not a new empty workspace.
 */
export function isCreateChosen(args: ParsedArgs): boolean {
  return args.options.has('new') || (optionText(args, 'workspace') === undefined && isDefaultWorkspaceChosen());
}

/** What opening the workspace had to tell (a foreign -wal moved aside, read-only, no backup): one line each on stderr. */
export function printNotices(io: CliIo, language: Language, notices: readonly OpenNotice[]): void {
  for (const notice of notices) io.err(errorMessage(notice.code, notice.params, language));
}
