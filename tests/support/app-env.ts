// Imported first by tests that load the app's own modules: the app's env with Shopify's test-helper keys,
// so tokens and HMACs signed by @shopify/shopify-api/test-helpers verify (and a wrong secret does not).
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";

process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL ??= "https://my-test-app.myshopify.io";
