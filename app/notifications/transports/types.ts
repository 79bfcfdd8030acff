/** What a transport needs to deliver one outbox row. */
export interface OutgoingMessage {
  /** OutboxMessage.id */
  id: string;
  /** The shop the message is for (a FLOW trigger is sent through that shop's Admin API). */
  shop?: string;
  channel: "EMAIL" | "SMS" | "FLOW";
  recipient: string;
  fromName: string | null;
  replyTo: string | null;
  subject: string | null;
  html: string | null;
  text: string;
  /** The stable Message-ID header (`<uuid@amend.app>`): the same on every retry. */
  messageId: string;
  /** Sent as the SMS provider's Idempotency-Key: a retry after a crash is not a second SMS. */
  idempotencyKey: string;
}

/** The provider's answer, as recorded in the delivery log. */
export type DeliveryResult =
  | { ok: true; response: string; providerMessageId: string | null }
  | {
      ok: false;
      response: string;
      /** False when retrying cannot help (the recipient does not exist, the request is invalid). */
      retryable: boolean;
    };

export interface Transport {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
  close?(): void | Promise<void>;
}
