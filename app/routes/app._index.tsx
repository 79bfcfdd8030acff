import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { prisma } from "../db.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const open = await prisma.changeRequest.count({
    where: { shop: session.shop, status: { in: ["PENDING", "NEEDS_INFO", "FAILED"] } },
  });
  return { shop: session.shop, open };
};

export default function Home() {
  const { open } = useLoaderData<typeof loader>();
  return (
    <Page title="Amend">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Requests that need you
              </Text>
              <Text as="p" variant="bodyMd">
                {open === 0 ? "Nothing is waiting for a decision." : `${open} request(s) waiting for a decision.`}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
