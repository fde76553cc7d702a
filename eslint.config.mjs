// ESLint flat config: typescript-eslint's recommended rules, plus a wall that keeps the
// domain layer free of Apps Script globals (DESIGN §7).
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

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
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
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]",
          message: "Do not leave .only/.skip in tests.",
        },
      ],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...appsScriptGlobals],
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
