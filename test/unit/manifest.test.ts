// The manifest is part of the product: an editor add-on lists its scopes explicitly and carries no
// `addOns` section (that section would make it a card-based Google Workspace add-on instead).
import { readFileSync } from "node:fs";
import { join } from "node:path";

const manifest = JSON.parse(readFileSync(join(__dirname, "../../appsscript.json"), "utf8")) as {
  runtimeVersion?: string;
  exceptionLogging?: string;
  oauthScopes?: string[];
  addOns?: unknown;
};

describe("appsscript.json", () => {
  test("runs on V8 with exception logging, as an editor add-on", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect(manifest.addOns).toBeUndefined();
  });

  test("lists every scope the add-on needs, and the README explains each one", () => {
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        "https://www.googleapis.com/auth/spreadsheets",
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
        "https://mail.google.com/",
        "https://www.googleapis.com/auth/calendar.readonly",
      ]),
    );
    for (const scope of manifest.oauthScopes ?? []) expect(readme).toContain(scope);
  });
});
