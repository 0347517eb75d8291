// ESLint: the recommended sets for TypeScript, React hooks and accessibility, plus the house's
// dependency rules (no import cycle; models never import components or routes; db/ takes only types
// from app/). Formatting is Prettier's job (prettier.config.js), not ESLint's.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".data/", "test-results/", "patches/", "node_modules/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })] },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // control characters are matched on purpose: input sanitising strips them
      "no-control-regex": "off",
    },
  },
  // migrations run against whatever schema the database has at that point, never the app's types
  { files: ["db/migrations/**"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  {
    files: ["app/models/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/components/*", "~/routes/*", "../components/*", "../routes/*"], message: "Models do not import components or routes." }] },
      ],
    },
  },
  {
    files: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["../app/*", "../../app/*", "~/*"], message: "db/ takes only types from app/.", allowTypeImports: true }] },
      ],
    },
  },
);
