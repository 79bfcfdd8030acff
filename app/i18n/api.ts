import type { Locale } from "~/domain/types";

/** Messages of the customer API's error answers that are not rule reasons. */
export const apiErrors: Record<Locale, Record<string, string>> = {
  en: {
    INVALID_INPUT: "Some of what was sent is missing or not valid: {field}.",
    RULES_FAILED: "This change isn't possible right now.",
    REQUEST_NOT_FOUND: "We couldn't find this request.",
    INVALID_TRANSITION: "This request has moved on and can't be changed this way anymore. Please reload the page.",
    STALE_REQUEST: "This request was just updated. Please reload the page.",
    SHOPIFY_UNAVAILABLE: "The store is not answering right now. Please try again in a moment.",
    RATE_LIMITED: "Too many attempts in a short time. Please wait a moment and try again.",
    IN_PROGRESS: "This change is being made right now. Please try again in a moment.",
    PAYLOAD_TOO_LARGE: "What was sent is too large (at most {limit}). Please shorten it and try again.",
    IDEMPOTENCY_KEY_REUSED:
      "This submission was already used for another change. Please reload the page and try again.",
    LOGIN_REQUIRED: "Please sign in to your account to change this order.",
    UNAUTHORIZED: "Your session has expired. Please reload the page.",
    INTERNAL: "Something went wrong on our side. Please try again; if it keeps happening, contact the store.",
    CODE_INVALID: "This code is not right. Check the last message we sent and try again.",
    CODE_EXPIRED: "This code is no longer valid. Ask for a new code.",
    CODE_ATTEMPTS_EXCEEDED: "Too many wrong codes. Ask for a new code.",
    SMS_NOT_OFFERED: "This store does not send text messages about orders.",
    CONTACT_NOT_CONFIRMED: "Confirm your phone number with a code first.",
  },
  fr: {
    INVALID_INPUT: "Certaines informations manquent ou ne sont pas valides : {field}.",
    RULES_FAILED: "Cette modification n’est pas possible pour le moment.",
    REQUEST_NOT_FOUND: "Nous n’avons pas trouvé cette demande.",
    INVALID_TRANSITION: "Cette demande a évolué et ne peut plus être modifiée ainsi. Veuillez recharger la page.",
    STALE_REQUEST: "Cette demande vient d’être mise à jour. Veuillez recharger la page.",
    SHOPIFY_UNAVAILABLE: "La boutique ne répond pas pour le moment. Veuillez réessayer dans un instant.",
    RATE_LIMITED: "Trop de tentatives en peu de temps. Patientez un instant puis réessayez.",
    IN_PROGRESS: "Cette modification est en cours. Veuillez réessayer dans un instant.",
    PAYLOAD_TOO_LARGE: "L’envoi est trop volumineux (au plus {limit}). Veuillez le raccourcir et réessayer.",
    IDEMPOTENCY_KEY_REUSED:
      "Cet envoi a déjà servi pour une autre modification. Veuillez recharger la page et réessayer.",
    LOGIN_REQUIRED: "Connectez-vous à votre compte pour modifier cette commande.",
    UNAUTHORIZED: "Votre session a expiré. Veuillez recharger la page.",
    INTERNAL: "Un problème est survenu de notre côté. Réessayez ; si cela continue, contactez la boutique.",
    CODE_INVALID: "Ce code n’est pas le bon. Vérifiez le dernier message envoyé et réessayez.",
    CODE_EXPIRED: "Ce code n’est plus valable. Demandez un nouveau code.",
    CODE_ATTEMPTS_EXCEEDED: "Trop de codes erronés. Demandez un nouveau code.",
    SMS_NOT_OFFERED: "Cette boutique n’envoie pas de SMS sur les commandes.",
    CONTACT_NOT_CONFIRMED: "Confirmez d’abord votre numéro de téléphone avec un code.",
  },
};
