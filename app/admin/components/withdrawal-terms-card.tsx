import { BlockStack, Box, Button, InlineStack, Text } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages } from "~/admin/i18n";
import { termsParagraph } from "~/admin/withdrawal-texts";
import type { Locale } from "~/domain/types";
import { SectionCard } from "./section-card";

/** The paragraph for the store's terms (where the withdrawal function is), in English and French, each to copy. */
export function WithdrawalTermsCard({ url, locale }: { url: string; locale: Locale }) {
  const s = adminMessages(locale).withdrawalSettings;
  return (
    <SectionCard title={s.termsTitle} help={s.termsHelp}>
      <TermsText label={s.termsEn} lang="en" text={termsParagraph("en", url)} locale={locale} />
      <TermsText label={s.termsFr} lang="fr" text={termsParagraph("fr", url)} locale={locale} />
    </SectionCard>
  );
}

function TermsText({ label, lang, text, locale }: { label: string; lang: Locale; text: string; locale: Locale }) {
  const s = adminMessages(locale).withdrawalSettings;
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const copy = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) return setCopied("failed");
    clipboard.writeText(text).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };
  return (
    <BlockStack gap="200">
      <InlineStack gap="300" align="space-between" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {label}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <span aria-live="polite">
            {copied ? (
              <Text as="span" tone={copied === "copied" ? "success" : "critical"}>
                {copied === "copied" ? s.copied : s.copyFailed}
              </Text>
            ) : null}
          </span>
          <Button onClick={copy} accessibilityLabel={`${s.copy} — ${label}`}>
            {s.copy}
          </Button>
        </InlineStack>
      </InlineStack>
      <Box padding="300" background="bg-surface-secondary" borderRadius="200">
        <div lang={lang} style={{ userSelect: "all" }}>
          <Text as="p">{text}</Text>
        </div>
      </Box>
    </BlockStack>
  );
}
