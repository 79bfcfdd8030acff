import { Text } from "@shopify/polaris";
import { adminMessages } from "~/admin/i18n";
import type { TemplateResult } from "./template-editor-page";
import { SectionCard } from "./section-card";

/** The rendered template on the sample order: an email in a sandboxed frame, an SMS as text. */
export function TemplatePreviewCard({ preview, locale }: { preview: TemplateResult; locale: string }) {
  const n = adminMessages(locale).notifications;
  return (
    <SectionCard title={n.preview} gap="200">
      {preview.ok && preview.subject ? (
        <Text as="p" fontWeight="semibold">
          {preview.subject}
        </Text>
      ) : null}
      {preview.ok && preview.html ? (
        // sandboxed: the preview runs no script and cannot reach the admin page
        <iframe
          title={n.preview}
          sandbox=""
          srcDoc={preview.html}
          style={{ width: "100%", height: 560, border: "1px solid #e1e3e5", borderRadius: 8 }}
        />
      ) : preview.ok ? (
        <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>{preview.text}</pre>
      ) : null}
    </SectionCard>
  );
}
