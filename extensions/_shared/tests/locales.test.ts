/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const ours = [
  "order-actions",
  "order-page",
  "order-status-block",
  "thank-you-block",
  "order-contact",
  "withdrawal",
  "withdrawal-action",
];

const keys = (node: unknown, prefix = ""): string[] =>
  typeof node === "string"
    ? [prefix]
    : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
const read = (ext: string, file: string) => JSON.parse(readFileSync(path.join(root, ext, "locales", file), "utf8"));

describe.each(ours)("%s locales", (ext) => {
  const en = read(ext, "en.default.json");
  const fr = read(ext, "fr.json");
  const own = readdirSync(path.join(root, ext, "src")).map((f) => readFileSync(path.join(root, ext, "src", f), "utf8"));
  const usesShared = own.some((code) => code.includes("_shared/ui"));
  const source = own.concat(usesShared ? [readFileSync(path.join(root, "_shared", "ui.tsx"), "utf8")] : []).join("\n");

  it("French has exactly the English keys, with the same placeholders", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      const get = (o: unknown) =>
        key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], o) as string;
      expect(
        get(fr)
          .match(/\{\{\w+\}\}/g)
          ?.sort(),
        key,
      ).toEqual(
        get(en)
          .match(/\{\{\w+\}\}/g)
          ?.sort(),
      );
    }
  });

  it("every key the code translates exists", () => {
    const used = [...source.matchAll(/\bt\(\s*"([\w.]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(1);
    const known = new Set(keys(en));
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });

  it("French uses typographic apostrophes and no-break spaces before : ? !", () => {
    const text = JSON.stringify(fr);
    expect(text).not.toMatch(/\w'\w/);
    expect(text).not.toMatch(/ [:?!;]/);
  });
});
