import { Badge, InlineStack, Text } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { RequestDetailView } from "~/admin/presenters/request-detail";
import type { Locale, ReasonCode } from "~/domain/types";
import { SectionCard } from "./section-card";

/** The rules checked when the request came in, each with its outcome. */
export function RequestRulesCard({
  evaluation,
  locale,
}: {
  evaluation: RequestDetailView["evaluation"];
  locale: Locale;
}) {
  const t = adminMessages(locale);
  const d = t.detail;
  return (
    <SectionCard title={d.rules} gap="200">
      {evaluation.length === 0 ? (
        <Text as="p" tone="subdued">
          {d.noRules}
        </Text>
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {evaluation.map((rule) => {
            const label = t.rules[rule.code as ReasonCode];
            return (
              <li key={rule.code} style={{ padding: "4px 0" }}>
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone={rule.passed ? "success" : "critical"}>{rule.passed ? d.passed : d.failedRule}</Badge>
                  <Text as="span">{label ? (rule.passed ? label.rule : label.failed) : rule.code}</Text>
                </InlineStack>
              </li>
            );
          })}
        </ul>
      )}
    </SectionCard>
  );
}
