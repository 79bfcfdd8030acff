import { ApiVersion } from "@shopify/shopify-app-remix/server";

/** The one Admin API version of the app (shopify.app.toml's webhooks api_version must match). */
export const ADMIN_API_VERSION = "2026-10";
export const API_VERSION = ApiVersion.October26;
