// HtmlService: outputs from strings or project files, and templates with <?= ?> (escaped),
// <?!= ?> (raw) and <? ?> (code) scriptlets; template properties are visible as variables.
import { gasEnum } from "../enums";
import { type EmulatorHost, SERVICE_NAME } from "../host";
import { INTERNAL, asGas } from "../internal";

type GHtml = typeof GoogleAppsScript.HTML;

export const SandboxMode = gasEnum<GHtml["SandboxMode"]>(["EMULATED", "IFRAME", "NATIVE"]);
export const XFrameOptionsMode = gasEnum<GHtml["XFrameOptionsMode"]>(["ALLOWALL", "DEFAULT"]);

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export interface HtmlOutputState {
  content: string;
  title: string;
  width: number;
  height: number;
  metaTags: { name: string; content: string }[];
  sandboxMode: string;
  xFrameOptionsMode: string;
}

const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 400;

export function escapeHtml(value: unknown): string {
  return textOf(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function textOf(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

type OutputMethods =
  | "addMetaTag"
  | "append"
  | "appendUntrusted"
  | "clear"
  | "getContent"
  | "getHeight"
  | "getTitle"
  | "getWidth"
  | "setContent"
  | "setHeight"
  | "setSandboxMode"
  | "setTitle"
  | "setWidth"
  | "setXFrameOptionsMode";

export class HtmlOutputEmu implements Pick<HtmlOutput, OutputMethods> {
  readonly [SERVICE_NAME] = "HtmlOutput";
  readonly [INTERNAL]: HtmlOutputState;

  constructor(content: string) {
    this[INTERNAL] = {
      content,
      title: "",
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
      metaTags: [],
      sandboxMode: "IFRAME",
      xFrameOptionsMode: "DEFAULT",
    };
  }

  private self(): HtmlOutput {
    return asGas<HtmlOutput>(this);
  }

  getContent(): string {
    return this[INTERNAL].content;
  }
  setContent(content: string): HtmlOutput {
    this[INTERNAL].content = textOf(content);
    return this.self();
  }
  append(addedContent: string): HtmlOutput {
    this[INTERNAL].content += textOf(addedContent);
    return this.self();
  }
  appendUntrusted(addedContent: string): HtmlOutput {
    this[INTERNAL].content += escapeHtml(addedContent);
    return this.self();
  }
  clear(): HtmlOutput {
    this[INTERNAL].content = "";
    return this.self();
  }
  getTitle(): string {
    return this[INTERNAL].title;
  }
  setTitle(title: string): HtmlOutput {
    this[INTERNAL].title = textOf(title);
    return this.self();
  }
  getWidth(): number {
    return this[INTERNAL].width;
  }
  setWidth(width: number): HtmlOutput {
    this[INTERNAL].width = width;
    return this.self();
  }
  getHeight(): number {
    return this[INTERNAL].height;
  }
  setHeight(height: number): HtmlOutput {
    this[INTERNAL].height = height;
    return this.self();
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this[INTERNAL].metaTags.push({ name: String(name), content: String(content) });
    return this.self();
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this[INTERNAL].sandboxMode = String(mode);
    return this.self();
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this[INTERNAL].xFrameOptionsMode = String(mode);
    return this.self();
  }
}

/** Compiles a template into JavaScript that pushes output pieces; exported for getCode(). */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (match.index > last)
      lines.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const kind = match[1];
    const code = (match[2] ?? "").trim();
    if (kind === "=") lines.push(`__out.push(__escape(${code}));`);
    else if (kind === "!=") lines.push(`__out.push(__raw(${code}));`);
    else lines.push(code);
    last = pattern.lastIndex;
  }
  if (last < source.length) lines.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return lines.join("\n");
}

export class HtmlTemplateEmu implements HtmlTemplate {
  readonly [SERVICE_NAME] = "HtmlTemplate";
  // Template variables are set as plain properties (template.contact = …), as in Apps Script.
  [propName: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any

  readonly [INTERNAL]: string;

  constructor(source: string) {
    this[INTERNAL] = source;
  }

  getRawContent(): string {
    return this[INTERNAL];
  }
  getCode(): string {
    return compileTemplate(this[INTERNAL]);
  }
  getCodeWithComments(): string {
    return this.getCode();
  }
  evaluate(): HtmlOutput {
    const variables: Record<string, unknown> = {};
    for (const key of Object.keys(this)) variables[key] = this[key];
    const out: string[] = [];
    const output = {
      append: (text: unknown) => out.push(textOf(text)),
      appendUntrusted: (text: unknown) => out.push(escapeHtml(text)),
    };
    // Sloppy-mode Function so `with` can expose the template's properties as variables.
    const run = new Function(
      "__vars",
      "__out",
      "__escape",
      "__raw",
      "output",
      `with (__vars) {\n${compileTemplate(this[INTERNAL])}\n}`,
    ) as (...args: unknown[]) => void;
    try {
      run(variables, out, escapeHtml, textOf, output);
    } catch (error) {
      // Keep the original error (and its stack); only say where it came from.
      if (error instanceof Error) {
        error.message = `Error evaluating the HTML template: ${error.message}`;
        throw error;
      }
      throw Object.assign(new Error(`Error evaluating the HTML template: ${String(error)}`), {
        cause: error,
      });
    }
    return asGas(new HtmlOutputEmu(out.join("")));
  }
}

export class HtmlServiceEmu implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  | "SandboxMode"
  | "XFrameOptionsMode"
  | "createHtmlOutput"
  | "createHtmlOutputFromFile"
  | "createTemplate"
  | "createTemplateFromFile"
> {
  readonly [SERVICE_NAME] = "HtmlService";
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly host: EmulatorHost) {}

  private file(filename: string): string {
    const name = String(filename).replace(/\.html$/, "");
    const content = this.host.projectFile(name);
    if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
    return content;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    if (html !== undefined && typeof html !== "string") {
      return asGas(new HtmlOutputEmu(html.getBlob().getDataAsString()));
    }
    return asGas(new HtmlOutputEmu(html ?? ""));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return asGas(new HtmlOutputEmu(this.file(filename)));
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    const source = typeof html === "string" ? html : html.getBlob().getDataAsString();
    return asGas(new HtmlTemplateEmu(source));
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return asGas(new HtmlTemplateEmu(this.file(filename)));
  }
}
