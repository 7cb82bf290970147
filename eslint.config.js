// One flat config for every workspace; each workspace runs `eslint .` from its own folder.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// bulletproof-react's import zones for the SPA: shared code -> features -> app, never sideways.
// Paths are absolute so the rule means the same from the root and from apps/web. Features are read
// from the folder, so a new one is fenced in from its first file.
const web = join(import.meta.dirname, 'apps/web/src');
const features = readdirSync(join(web, 'features'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const spaZones = [
  ...features.map((feature) => ({
    target: join(web, 'features', feature),
    from: join(web, 'features'),
    except: [`./${feature}`],
    message: 'Features never import one another: compose them in app/routes, or move what they share to components/ or lib/.',
  })),
  { target: join(web, 'features'), from: join(web, 'app'), message: 'Nothing under features/ imports app/.' },
  {
    target: ['components', 'config', 'hooks', 'lib', 'types', 'utils'].map((dir) => join(web, dir)),
    from: [join(web, 'features'), join(web, 'app')],
    message: 'Shared code imports no feature and nothing of app/.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-server/**', '**/node_modules/**', '**/reports/**', '**/test-results/**', '**/playwright-report/**', '**/.run/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    // import-x v4 has no working default resolver; without one no-cycle crashes on package imports.
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'no-restricted-syntax': ['error', { selector: "TSAsExpression > TSAnyKeyword", message: 'No `as any`.' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'import-x/no-restricted-paths': ['error', { zones: spaZones }] },
  },
);
