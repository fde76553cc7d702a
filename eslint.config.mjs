// ESLint flat config: typescript-eslint's recommended rules, plus the walls between the layers of
// DESIGN §7: the domain is pure (no Apps Script globals or types, no adapter or emulator imports),
// the emulator knows nothing of Touchbase, and the sidebar shares only src/api's types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const appsScriptGlobals = [
  "SpreadsheetApp",
  "GmailApp",
  "MailApp",
  "ScriptApp",
  "PropertiesService",
  "LockService",
  "CacheService",
  "HtmlService",
  "Session",
  "Utilities",
  "Logger",
];

const noFocusedTests = {
  selector:
    "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]",
  message: "Do not leave .only/.skip in tests.",
};

const layerMessage = (what) => `${what} (DESIGN §7 layers).`;

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "reports/", ".stryker-tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-syntax": ["error", noFocusedTests],
    },
  },
  {
    files: ["src/domain/**/*.ts", "src/api/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...appsScriptGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)(sheets|triggers|ui|gmail|emulator|scripts|sidebar)(/|$)",
              message: layerMessage(
                "The domain is pure: adapters and the emulator call it, never the reverse",
              ),
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        noFocusedTests,
        {
          selector: "TSQualifiedName[left.name='GoogleAppsScript']",
          message: layerMessage("The domain gets plain values: no GoogleAppsScript types"),
        },
      ],
    },
  },
  {
    files: ["emulator/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(src|scripts|sidebar|test)(/|$)",
              message: layerMessage(
                "The emulator is an Apps Script runtime and knows nothing of Touchbase",
              ),
            },
          ],
        },
      ],
    },
  },
  {
    files: ["sidebar/**/*.ts", "importDialog/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(?!src/api/)(src|emulator|scripts)(/|$)",
              message: layerMessage(
                "The sidebar runs in the browser: it shares only src/api's types",
              ),
            },
            {
              regex: "^(\\.\\./)+src/api/",
              allowTypeImports: true,
              message: layerMessage("The sidebar imports only types from src/api"),
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
