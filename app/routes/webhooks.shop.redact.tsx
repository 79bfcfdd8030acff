import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("SHOP_REDACT");
