import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("FULFILLMENT_ORDERS_SCHEDULED_FULFILLMENT_ORDER_READY");
