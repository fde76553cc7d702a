// Utilities: formatDate (Java patterns), uuids (deterministic per emulator), sleep (the cost
// model advances the emulated clock), base64, digests and blobs.
import { createHash } from "node:crypto";
import { gasEnum } from "../enums";
import { serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import type { ServiceRuntime } from "../serviceRuntime";
import { formatDate } from "./formatDate";

type GU = typeof GoogleAppsScript.Utilities;

const DIGEST_NODE_NAMES: Record<string, string> = {
  MD2: "md2",
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};

export const DigestAlgorithm = gasEnum<GU["DigestAlgorithm"]>(Object.keys(DIGEST_NODE_NAMES));
export const Charset = gasEnum<GU["Charset"]>(["US_ASCII", "UTF_8"]);

/** Apps Script byte arrays are Java bytes: -128..127. */
function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: string | readonly number[], charset?: string): Buffer {
  if (typeof data === "string")
    return Buffer.from(data, charset === "US_ASCII" ? "latin1" : "utf8");
  return Buffer.from(data.map((b) => b & 0xff));
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (isDate(value)) return "Date";
  if (Array.isArray(value)) return "number[]";
  const t = typeof value;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export class EmuBlob {
  readonly [SERVICE_NAME] = "Blob";

  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return this.bytes.toString(charset === "US_ASCII" ? "latin1" : "utf8");
  }

  getContentType(): string | null {
    return this.contentType;
  }

  setContentType(contentType: string): EmuBlob {
    this.contentType = contentType;
    return this;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): EmuBlob {
    this.name = name;
    return this;
  }

  setDataFromString(text: string): EmuBlob {
    this.bytes = Buffer.from(text, "utf8");
    return this;
  }

  copyBlob(): EmuBlob {
    return new EmuBlob(Buffer.from(this.bytes), this.contentType, this.name);
  }
}

export class EmuUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | "formatDate"
  | "getUuid"
  | "sleep"
  | "base64Encode"
  | "base64EncodeWebSafe"
  | "base64Decode"
  | "base64DecodeWebSafe"
> {
  readonly [SERVICE_NAME] = "Utilities";
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly Charset = Charset;

  constructor(private readonly runtime: ServiceRuntime) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
      const types = [date, timeZone, format].map(typeName).join(",");
      throw serviceError(
        `The parameters (${types}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    if (Number.isNaN(date.getTime())) throw serviceError("Invalid argument: date");
    try {
      return formatDate(date, timeZone, format);
    } catch (error) {
      throw serviceError(`Invalid argument: ${(error as Error).message}`);
    }
  }

  /** Deterministic per emulator (seeded), formatted as a version-4 UUID. */
  getUuid(): string {
    const hex = Array.from({ length: 32 }, () =>
      Math.floor(this.runtime.random() * 16).toString(16),
    );
    hex[12] = "4";
    hex[16] = ((parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** The time passes in the cost model (see cost.ts); nothing blocks. */
  sleep(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw serviceError("Invalid argument: milliseconds");
    }
  }

  base64Encode(data: string | number[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset as unknown as string).toString("base64");
  }

  base64EncodeWebSafe(
    data: string | number[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): string {
    return toBuffer(data, charset as unknown as string)
      .toString("base64")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
  }

  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(encoded, "base64"));
  }

  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, "+").replace(/_/g, "/"), "base64"));
  }

  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const nodeName = DIGEST_NODE_NAMES[String(algorithm)];
    if (!nodeName) throw serviceError(`Invalid argument: algorithm`);
    return toSignedBytes(createHash(nodeName).update(toBuffer(value, charset)).digest());
  }

  newBlob(data: string | number[], contentType?: string, name?: string): EmuBlob {
    return new EmuBlob(toBuffer(data), contentType ?? null, name ?? null);
  }
}
