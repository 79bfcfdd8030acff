import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("FULFILLMENT_ORDERS_MANUALLY_REPORTED_PROGRESS_STOPPED");
