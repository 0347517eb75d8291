// ESLint: the recommended sets for TypeScript, React hooks and accessibility, plus the house's
// dependency rules (no import cycle; models never import components or routes; db/ takes only types
// from app/) and its 120-column limit. Layout is Prettier's job (prettier.config.js).
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import regexp from "eslint-plugin-regexp";
import globals from "globals";
import tseslint from "typescript-eslint";

// Data, not code: translations and seed content are prose, kept one entry a line.
const DATA_FILES = [
  "app/locales/**",
  "scripts/seed/demo-content.ts",
  "scripts/seed/programme.ts",
  "scripts/seed/programme-fr.ts",
];

/** Every eslint-disable comment names its rules and says why after "--". */
const explainedDisables = {
  meta: {
    type: "problem",
    schema: [],
    messages: { bare: "Name the rule and give the reason: `eslint-disable… rule -- why`." },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m = /^\s*eslint-disable(?:-next-line|-line)?(?:\s+([^]*))?$/.exec(comment.value);
          if (!m) continue;
          const [rules, why] = (m[1] ?? "").split(/\s--\s/);
          if (!rules?.trim() || !why?.trim()) context.report({ loc: comment.loc, messageId: "bare" });
        }
      },
    };
  },
};

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".data/", "test-results/", "patches/", "node_modules/", "**/*.d.ts"] },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  // its TypeScript settings (extensions, parser): without them import-x skips every .ts file silently
  importX.flatConfigs.typescript,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, house: { rules: { "explained-disables": explainedDisables } } },
    settings: {
      "import-x/resolver": undefined,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: {
      "house/explained-disables": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./app/models",
              from: ["./app/components", "./app/routes", "./app/root.tsx"],
              message: "Models do not import components or routes (move the type or helper into the model).",
            },
            {
              target: "./app/models/permissions.server.ts",
              from: "./app/viewer.server.ts",
              message: "viewer.server imports permissions.server, not the other way (scopeOf takes a ScopeSource).",
            },
            {
              target: ["./app/components", "./app/routes"],
              from: "./app/root.tsx",
              message: "Read the root loader's data through ~/web/root-data.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // a variable a function declared above reads must stay `let` (a `const` would be in its dead zone)
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // control characters are matched on purpose: input sanitising strips them
      "no-control-regex": "off",
      // radio and checkbox labels wrap the input and a <span><strong>{t(…)}</strong></span> (3 levels deep)
      "jsx-a11y/label-has-associated-control": ["error", { depth: 3 }],
      "max-len": ["error", { code: 120, ignoreUrls: true }],
    },
  },
  {
    // Regular expressions: none may backtrack super-linearly (post bodies are up to 32,000 characters, headers and
    // form fields more), plus the plugin's correctness rules; not its style set. test/ is left out: its regexes
    // read the app's own pages and fixtures.
    files: ["app/**", "scripts/**", "db/**"],
    plugins: { regexp },
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "regexp/no-contradiction-with-assertion": "error",
      "regexp/no-dupe-disjunctions": ["error", { report: "interesting" }],
      "regexp/no-empty-alternative": "error",
      "regexp/no-empty-capturing-group": "error",
      "regexp/no-empty-group": "error",
      "regexp/no-empty-lookarounds-assertion": "error",
      "regexp/no-escape-backspace": "error",
      "regexp/no-invalid-regexp": "error",
      "regexp/no-lazy-ends": "error",
      "regexp/no-misleading-capturing-group": "error",
      "regexp/no-misleading-unicode-character": "error",
      "regexp/no-obscure-range": "error",
      "regexp/no-optional-assertion": "error",
      "regexp/no-potentially-useless-backreference": "error",
      "regexp/no-useless-assertions": "error",
      "regexp/no-useless-backreference": "error",
      "regexp/no-useless-dollar-replacements": "error",
      "regexp/no-zero-quantifier": "error",
    },
  },
  { files: DATA_FILES, rules: { "max-len": "off" } },
  // migrations run against whatever schema the database has at that point, never the app's types
  { files: ["db/migrations/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    // db/ is the bottom of the house: it may describe app types, never run app code
    // (the demo data is a script: scripts/seed)
    files: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app", "**/app/**", "~/**"],
              message: "db/ takes only types from app/ (import type).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
