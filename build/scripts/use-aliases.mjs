#!/usr/bin/env node
/**
 * `node build/scripts/use-aliases.mjs [--check] [folder…]`: rewrites relative imports that climb two
 * or more levels (`../../shared/lib/x`) into the path aliases (`@shared/lib/x`) of
 * tsconfig.base.json's `paths`, the one table this script reads. Imports that climb one level, or
 * that lead outside every alias folder, stay as they are.
 *
 * Only TypeScript under the folders given (default: electron, renderer, shared, test) is touched;
 * build/, deploy/ and the *.config.ts files stay relative, because they are loaded where the
 * aliases are not configured (electron-vite bundles its config itself; the IT kit runs alone).
 * --check changes nothing and exits 1 when a file would change (for CI after the switch).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const folders = args.filter((a) => !a.startsWith('--'));

/** [alias, absolute folder], longest folder first so electron/core wins over a shorter match. */
function aliasTable() {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  return Object.entries(compilerOptions.paths ?? {})
    .filter(([alias, targets]) => alias.endsWith('/*') && targets[0]?.endsWith('/*'))
    .map(([alias, targets]) => [alias.slice(0, -2), resolve(root, targets[0].slice(0, -2))])
    .sort((a, b) => b[1].length - a[1].length);
}

function* typeScriptFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'fixtures' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* typeScriptFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** The alias form of `specifier` as imported from `file`, or null to leave it. */
export function aliased(specifier, file, table) {
  if (!specifier.startsWith('../../')) return null;
  const target = resolve(dirname(file), specifier);
  for (const [alias, folder] of table) {
    if (target === folder || target.startsWith(folder + sep)) {
      const rest = relative(folder, target).split(sep).join('/');
      return rest === '' ? null : `${alias}/${rest}`;
    }
  }
  return null;
}

const MOCKS = new Set(['mock', 'doMock', 'unmock', 'importActual', 'importMock']);

/** The module specifiers of a file, found by TypeScript's parser (so import-like text inside strings is left alone). */
function specifiers(source, file) {
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal);
    else if (ts.isCallExpression(node) && ts.isStringLiteral(node.arguments[0] ?? node)) {
      const callee = node.expression;
      const dynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const viMock =
        ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'vi' && MOCKS.has(callee.name.text);
      if (dynamicImport || viMock) found.push(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  return found;
}

export function rewrite(source, file, table) {
  let out = source;
  // From the end, so earlier positions stay valid.
  for (const literal of specifiers(source, file).sort((a, b) => b.getStart() - a.getStart())) {
    const next = aliased(literal.text, file, table);
    if (next === null) continue;
    const start = literal.getStart();
    const quote = source[start];
    out = `${out.slice(0, start)}${quote}${next}${quote}${out.slice(literal.getEnd())}`;
  }
  return out;
}

const table = aliasTable();
let changed = 0;
for (const folder of folders.length > 0 ? folders : ['electron', 'renderer', 'shared', 'test']) {
  for (const file of typeScriptFiles(resolve(root, folder))) {
    const before = readFileSync(file, 'utf8');
    const after = rewrite(before, file, table);
    if (after === before) continue;
    changed += 1;
    if (check) process.stdout.write(`${relative(root, file)}\n`);
    else writeFileSync(file, after);
  }
}
process.stdout.write(`${check ? 'would rewrite' : 'rewrote'} ${changed} file(s)\n`);
if (check && changed > 0) process.exitCode = 1;
