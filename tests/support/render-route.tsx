import { UNSAFE_RemixContext } from "@remix-run/react";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import type { ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";

/**
 * Renders a route's component to HTML with its loader's data, as Remix's server render would, inside
 * Polaris' AppProvider (@remix-run/testing is not installed: this is the part of createRemixStub we need).
 */
export async function renderRoute(Component: ComponentType, loaderData: unknown, path = "/app/page"): Promise<string> {
  const routes = [
    {
      id: "page",
      path: new URL(path, "http://x").pathname,
      loader: () => loaderData as Record<string, unknown>,
      Component,
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`the stub route answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const remix = {
    manifest: { routes: {}, entry: { imports: [], module: "" }, url: "", version: "test" },
    routeModules: {},
    future: {},
    isSpaMode: false,
  } as never;
  return renderToString(
    <UNSAFE_RemixContext.Provider value={remix}>
      <AppProvider i18n={en}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </UNSAFE_RemixContext.Provider>,
  );
}
