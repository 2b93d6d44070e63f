/** ESLint with only the Electron security rules (build/eslint-electron-security.cjs), no type info. */
import { ESLint, type Linter } from 'eslint';
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';
import type { Finding } from './finding';

const require = createRequire(import.meta.url);
const { electronSecurity } = require('../../build/eslint-electron-security.cjs') as { electronSecurity: Linter.Config[] };

export const LINTED = ['electron', 'renderer/src', 'shared'];

export async function lintSecurity(root: string, paths: readonly string[] = LINTED): Promise<Finding[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    // Inline `eslint-disable` comments cannot switch a security rule off.
    allowInlineConfig: false,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } }, ...electronSecurity],
  });
  const results = await eslint.lintFiles([...paths]);
  return results.flatMap((result) =>
    result.messages.map((m) => ({
      check: m.ruleId ?? 'eslint',
      file: result.filePath.startsWith(root) ? result.filePath.slice(root.length + 1) : result.filePath,
      line: m.line,
      message: m.message,
    })),
  );
}
