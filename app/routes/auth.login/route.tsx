import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginErrors = { shop?: string };

// login() answers with a redirect, or with the reason the shop domain was refused.
function loginErrorMessage(result: Awaited<ReturnType<typeof login>>): LoginErrors {
  if (result && typeof result === "object" && "shop" in result) {
    if (result.shop === "MISSING_SHOP") return { shop: "Enter your shop domain to log in." };
    if (result.shop === "INVALID_SHOP") return { shop: "Enter a valid shop domain, e.g. my-store.myshopify.com." };
  }
  return {};
}

export const loader = async ({ request }: LoaderFunctionArgs) => ({ errors: loginErrorMessage(await login(request)) });
export const action = async ({ request }: ActionFunctionArgs) => ({ errors: loginErrorMessage(await login(request)) });

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { errors } = actionData ?? loaderData;

  return (
    <PolarisAppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                Log in to Amend
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
