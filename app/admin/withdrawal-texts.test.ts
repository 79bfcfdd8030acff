import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { termsParagraph, withdrawalPageUrl } from "./withdrawal-texts";

const docs = readFileSync(new URL("../../docs/withdrawal.md", import.meta.url), "utf8");

describe("the paragraph for the store's terms", () => {
  const url = withdrawalPageUrl("your-store.myshopify.com");

  it("points at the storefront withdrawal page through the app proxy", () => {
    expect(url).toBe("https://your-store.myshopify.com/apps/amend/withdrawal");
  });

  it("in French carries the decree's wording with the address and the function's label", () => {
    const fr = termsParagraph("fr", url);
    expect(fr).toContain(`Vous pouvez également exercer votre droit de rétractation en ligne sur ${url}`);
    expect(fr).toContain("« Renoncer au contrat ici »");
    expect(fr).toContain(
      "un accusé de réception de la rétractation sur un support durable (par exemple, par courriel), y compris son contenu ainsi que la date et l'heure de sa soumission.",
    );
  });

  it("in English names the function's label and the acknowledgement's content, date and time", () => {
    const en = termsParagraph("en", url);
    expect(en).toContain(`exercise your right of withdrawal online at ${url}`);
    expect(en).toContain("“Withdraw from contract here”");
    expect(en).toContain("including its content and the date and time of its submission.");
  });

  it.each(["en", "fr"] as const)("is quoted word for word in docs/withdrawal.md (%s)", (locale) => {
    expect(docs).toContain(`> ${termsParagraph(locale, url)}`);
  });
});
