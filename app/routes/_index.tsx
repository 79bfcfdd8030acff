import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

// Shopify opens the app with ?shop=…; keep the query so authentication finds the shop.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return new Response(
    '<!doctype html><html lang=en><meta charset=utf-8><title>Amend</title><body style="font-family:system-ui;max-width:40rem;margin:4rem auto;line-height:1.5"><h1>Amend</h1><p>Customers change their shipping address or ask to cancel an order from their Shopify account; merchants decide in Shopify admin.</p><p>Open Amend from your Shopify admin (Apps → Amend).</p></body></html>',
    { headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
};
