/** SMS length accounting (3GPP TS 23.038): what the provider will bill, shown to the merchant. */

// The GSM 03.38 basic character set (one septet each), written out so it can be audited.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// The extension table: each costs an escape plus the character (two septets).
const GSM7_EXTENDED = "\f^{}\\[~]|€";

const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Characters that forced UCS-2 (empty for GSM-7): what to rewrite to save segments. */
  nonGsmChars: string[];
}

export function isGsm7Char(ch: string): boolean {
  return basic.has(ch) || extended.has(ch);
}

/** GSM-7: 160 septets in one segment, 153 per segment when concatenated; UCS-2: 70, then 67. */
export function countSmsSegments(text: string): SmsLength {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((c) => !isGsm7Char(c)))];
  if (nonGsm.length === 0) {
    const units = chars.reduce((n, c) => n + (extended.has(c) ? 2 : 1), 0);
    return { encoding: "GSM-7", units, segments: segmentsFor(units, 160, 153), nonGsmChars: [] };
  }
  const units = text.length;
  return { encoding: "UCS-2", units, segments: segmentsFor(units, 70, 67), nonGsmChars: nonGsm };
}

function segmentsFor(units: number, single: number, multi: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / multi);
}
