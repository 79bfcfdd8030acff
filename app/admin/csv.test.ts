import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvFilename, csvRow } from "./csv";

/** Splits a CSV text back into records and cells as RFC 4180 reads it (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("csvCell", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(csvCell("Camille Martin")).toBe("Camille Martin");
    expect(csvCell(42)).toBe("42");
    expect(csvCell("2026-12-05T00:12:03.120Z")).toBe("2026-12-05T00:12:03.120Z");
    expect(csvCell("Zoë Ørsted — « Lampe »")).toBe("Zoë Ørsted — « Lampe »");
  });

  it("writes null, undefined and non-finite numbers as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes commas, quotes, CR and LF (RFC 4180), doubling quotes", () => {
    expect(csvCell("Martin, Camille")).toBe('"Martin, Camille"');
    expect(csvCell('Lampe "Opaline"')).toBe('"Lampe ""Opaline"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ["+33 6 12 34 56 78", "'+33 6 12 34 56 78"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
    ["  =1+1", "'  =1+1"],
    ["\uff1d1+1", "'\uff1d1+1"],
  ])("neutralises a formula: %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("keeps text that only contains a formula character further in", () => {
    expect(csvCell("Jean-Pierre")).toBe("Jean-Pierre");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends with CRLF, and reads back to the same cells", () => {
    const cells = ["#1001", 'Say "hi", then\nleave', "=cmd|' /C calc'!A0", 2, null];
    const row = csvRow(cells);
    expect(row.endsWith("\r\n")).toBe(true);
    expect(parseCsv(row)).toEqual([["#1001", 'Say "hi", then\nleave', "'=cmd|' /C calc'!A0", "2", ""]]);
  });

  it("has a UTF-8 byte order mark to start a file with", () => {
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe("csvFilename", () => {
  it("keeps only safe characters", () => {
    expect(csvFilename("withdrawals", "2026-11-01", "2026-11-30")).toBe("withdrawals-2026-11-01-2026-11-30.csv");
    expect(csvFilename("withdrawals", '../"x"\r\n')).toBe("withdrawals-..__x___.csv");
  });
});
