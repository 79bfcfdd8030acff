import { Box, Button, Card, InlineStack, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminMessages } from "~/admin/i18n";
import type { NotificationCardProps } from "./notifications-page";
import { Section } from "./section-card";

/** The emails' branding: logo, its width and the accent colour, with a live swatch and logo preview. */
export function BrandingCard({ data, fetcher: branding }: NotificationCardProps) {
  const t = adminMessages(data.locale);
  const saved = data.branding;
  const n = t.notifications;
  const [logoUrl, setLogoUrl] = useState(saved.logoUrl);
  const [logoWidth, setLogoWidth] = useState(String(saved.logoWidth));
  const [accentColor, setAccentColor] = useState(saved.accentColor);
  const brandErrors = branding.data?.fieldErrors ?? {};
  // a branding field: posted under its name, labelled and explained by its own messages
  const field = (name: "logoUrl" | "logoWidth" | "accentColor", value: string, onChange: (value: string) => void) => ({
    label: n[name],
    name,
    value,
    onChange,
    autoComplete: "off",
    error: brandErrors[name] ? n.brandingErrors[name] : undefined,
  });
  return (
    <Card>
      <branding.Form method="post">
        <input type="hidden" name="intent" value="branding" />
        <Section title={n.brandingTitle}>
          <TextField {...field("logoUrl", logoUrl, setLogoUrl)} helpText={n.logoUrlHelp} />
          <TextField {...field("logoWidth", logoWidth, setLogoWidth)} type="number" min={40} max={400} />
          <InlineStack gap="200" blockAlign="end">
            <Box minWidth="160px">
              <TextField {...field("accentColor", accentColor, setAccentColor)} helpText={n.accentHelp} />
            </Box>
            <div
              aria-hidden
              style={{
                width: 32,
                height: 32,
                borderRadius: 6,
                background: /^#[0-9a-f]{3,6}$/i.test(accentColor) ? accentColor : "transparent",
                border: "1px solid #ccc",
              }}
            />
          </InlineStack>
          {logoUrl.startsWith("https://") ? (
            <img src={logoUrl} alt="" style={{ width: Math.min(400, Number(logoWidth) || 120), maxWidth: "100%" }} />
          ) : null}
          <Button submit variant="primary" loading={branding.state !== "idle"} disabled={branding.state !== "idle"}>
            {t.common.save}
          </Button>
        </Section>
      </branding.Form>
    </Card>
  );
}
