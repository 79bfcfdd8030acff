import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("FULFILLMENT_ORDERS_PROGRESS_REPORTED");
