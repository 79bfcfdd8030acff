import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("CUSTOMERS_REDACT");
