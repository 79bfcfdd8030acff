import { webhookRoute } from "~/webhooks/handle.server";

export const action = webhookRoute("ORDERS_CREATE");
