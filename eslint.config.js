// ESLint 9 flat config: @eslint/js and typescript-eslint recommended, React, hooks and jsx-a11y.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

export default tseslint.config(
  // Generated or local output: builds (ours and the web bench baseline's), test artefacts, the local database folder.
  {
    ignores: [
      "build/",
      "public/build/",
      "public/sw.js",
      "bench/web-baseline/build/",
      "bench/web-baseline/public/build/",
      "node_modules/",
      "migrations/meta/",
      "test-results/",
      ".cache/",
      "data/",
      "tmp/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,jsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      // TypeScript checks component props; prop-types would only duplicate the types (and it
      // misreads `key` passed to a component as an undeclared prop).
      "react/prop-types": "off",
      // A leading underscore marks a binding that is unused on purpose: rest-destructuring to drop
      // keys (`const { secret: _s, ...rest } = row`), Express's four-argument error handler.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // A table that scrolls sideways on a phone is a focusable region (role="region" with a label,
      // tabIndex 0) so keyboard users can scroll it: what axe's scrollable-region-focusable asks.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true }],
    },
  },
  {
    // Components, models and pure modules never import from a route file: types a component needs
    // come from the model that makes the data (issue 10, item 5), so there are no import circles.
    files: ["app/components/**", "app/models/**", "app/domain/**", "app/forms/**", "app/utils/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "**/routes/*"], message: "Import from the model that makes the data, not from a route." }] },
      ],
    },
  },
);
