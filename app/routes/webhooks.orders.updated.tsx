import { handleWebhook } from "~/webhooks/handle.server";

export const action = handleWebhook;
