import { describe, expect, it } from "vitest";
import { countSmsSegments } from "./sms-segments";

describe("SMS segment count", () => {
  it.each([
    ["", "GSM-7", 0, 0],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    ["€".repeat(80), "GSM-7", 160, 1],
    ["€".repeat(81), "GSM-7", 162, 2],
    ["Livrée à Lyon, déjà expédié: où? Ç", "GSM-7", 34, 1],
    ["ê".repeat(70), "UCS-2", 70, 1],
    ["ê".repeat(71), "UCS-2", 71, 2],
    ["ç" + "a".repeat(133), "UCS-2", 134, 2],
    ["ç" + "a".repeat(134), "UCS-2", 135, 3],
  ])("GIVEN %j THEN %s, %i units, %i segment(s)", (text, encoding, units, segments) => {
    expect(countSmsSegments(text)).toMatchObject({ encoding, units, segments });
  });

  it("GIVEN a non-GSM character THEN it names it, so the merchant knows what to rewrite", () => {
    expect(countSmsSegments("Votre reçu est prêt").nonGsmChars).toEqual(["ç", "ê"]);
  });
});
