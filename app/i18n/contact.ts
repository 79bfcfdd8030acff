import type { Locale } from "~/domain/types";

/**
 * Texts of the customer's own channels (docs/notifications.md#the-customers-own-channels): the confirmation code's
 * message, what the order page says of a failed delivery, and the staff test message.
 */
export const contactTexts: Record<
  Locale,
  {
    codeSubject: (shop: string) => string;
    codeText: (shop: string, code: string, minutes: number) => string;
    failed: { EMAIL: string; SMS: string };
    retrying: { EMAIL: string; SMS: string };
    staffTestSubject: (shop: string) => string;
    staffTestText: (shop: string) => string;
  }
> = {
  en: {
    codeSubject: (shop) => `Your confirmation code for ${shop}`,
    codeText: (shop, code, minutes) =>
      `${code} is your code to receive ${shop}'s messages about your order here. It is valid for ${minutes} minutes. If you did not ask for it, ignore this message.`,
    failed: {
      EMAIL: "Our last email to {address} could not be delivered: the mail server refused it.",
      SMS: "Our last text message to {address} could not be delivered.",
    },
    retrying: {
      EMAIL: "Our last email to {address} has not been delivered yet; we keep trying.",
      SMS: "Our last text message to {address} has not been delivered yet; we keep trying.",
    },
    staffTestSubject: (shop) => `Test message from Amend for ${shop}`,
    staffTestText: (shop) =>
      `This is a test message from Amend for ${shop}. If you can read it, this address receives the store's notifications.`,
  },
  fr: {
    codeSubject: (shop) => `Votre code de confirmation pour ${shop}`,
    codeText: (shop, code, minutes) =>
      `${code} est votre code pour recevoir ici les messages de ${shop} sur votre commande. Il est valable ${minutes} minutes. Si vous ne l’avez pas demandé, ignorez ce message.`,
    failed: {
      EMAIL: "Notre dernier e-mail à {address} n’a pas pu être remis : le serveur de messagerie l’a refusé.",
      SMS: "Notre dernier SMS au {address} n’a pas pu être remis.",
    },
    retrying: {
      EMAIL: "Notre dernier e-mail à {address} n’est pas encore remis ; nous réessayons.",
      SMS: "Notre dernier SMS au {address} n’est pas encore remis ; nous réessayons.",
    },
    staffTestSubject: (shop) => `Message de test d’Amend pour ${shop}`,
    staffTestText: (shop) =>
      `Ceci est un message de test d’Amend pour ${shop}. Si vous le lisez, cette adresse reçoit les notifications de la boutique.`,
  },
};
