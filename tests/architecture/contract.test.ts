/**
 * style.md B7.3: every contract method has a handler, a validator and a test.
 * The handler part is a compile-time check: the services build their handler map
 * `satisfies Handlers`, so a missing method fails `npm run typecheck`. This file
 * covers the two runtime halves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { schemas } from '../../shared/api/schemas';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report']);
const TEST_FILE = /\.test\.(ts|tsx)$/u;
const E2E_SPEC = /^tests\/e2e\/.*\.spec\.ts$/u;

function listTestFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const rel = path.relative(repoRoot, full).split(path.sep).join('/');
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) listTestFiles(full, found);
    } else if (TEST_FILE.test(entry.name) || E2E_SPEC.test(rel)) {
      found.push(full);
    }
  }
  return found;
}

/** String literals only: a method named in a comment is not a test of it. */
function stringLiterals(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const literals = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return literals;
}

describe('API contract coverage', () => {
  it.each(METHOD_NAMES)('%s has a runtime validator', (method) => {
    expect(typeof schemas[method].safeParse).toBe('function');
  });

  it('has no validator for a method the contract lacks', () => {
    expect(Object.keys(schemas).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('every method is named in at least one test', () => {
    const self = path.resolve(import.meta.filename);
    const named = new Set<string>();
    for (const file of listTestFiles(repoRoot)) {
      if (file !== self) for (const literal of stringLiterals(file)) named.add(literal);
    }
    expect(METHOD_NAMES.filter((method) => !named.has(method))).toEqual([]);
  });
});
