import type { Locale, RequestKind } from "~/domain/types";
import type { NotificationEvent, Recipient } from "../events";

/** A default email: Liquid for the subject, the HTML content (inside the branded layout) and the text part. */
export interface EmailTemplateSource {
  subject: string;
  html: string;
  text: string;
}

export interface SmsTemplateSource {
  text: string;
}

export type TemplateSource = EmailTemplateSource | SmsTemplateSource;

/** One locale's default templates and the words the variables and layout need. */
export interface LocaleTemplates {
  locale: Locale;
  /** CustomerReason and StoreCancelReason codes → what the reader sees. */
  reasonLabels: Record<string, string>;
  kindLabels: Record<RequestKind, string>;
  layout: {
    /** Liquid (text): the footer of customer emails. */
    footerCustomer: string;
    /** Liquid (text): the footer of staff and owner emails. */
    footerStaff: string;
  };
  email: Partial<Record<NotificationEvent, Partial<Record<Recipient, EmailTemplateSource>>>>;
  sms: Partial<Record<NotificationEvent, Partial<Record<Recipient, SmsTemplateSource>>>>;
}
