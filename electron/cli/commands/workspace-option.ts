import path from 'node:path';
import { defaultWorkspacePath } from '../../services/paths';
import { optionText, type ParsedArgs } from '../args';

/** --workspace, resolved against the current folder; the default workspace otherwise. */
export function workspaceOption(args: ParsedArgs): string {
  const given = optionText(args, 'workspace');
  return given === undefined ? defaultWorkspacePath() : path.resolve(given);
}
