import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

function Document({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <link rel="preconnect" href="https://cdn.shopify.com/" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

/**
 * Outside the admin pages (which have their own): a plain page for an unknown address or a failure, never a
 * stack trace. Remix's default root boundary would also print every 404 to the server's console.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Document>
      <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 560, margin: "64px auto", padding: "0 16px" }}>
        <h1 style={{ fontSize: 20 }}>{notFound ? "Page not found" : "Something went wrong"}</h1>
        <p>
          {notFound
            ? "There is nothing at this address. Open Amend from your Shopify admin."
            : "Amend could not show this page. Try again in a moment; if it keeps happening, contact support."}
        </p>
      </main>
    </Document>
  );
}
