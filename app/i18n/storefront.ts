import type { Locale } from "~/domain/types";

/**
 * Texts of the storefront withdrawal page (the app proxy's /withdrawal), for visitors who are not signed in.
 * The function's and the confirmation's labels are the law's words. Placeholders are `{name}`.
 */
const en = {
  title: "Withdraw from contract here",
  lookup: {
    intro:
      "You can withdraw from a purchase from this store within the withdrawal period. To find your order, give your name, the order number and the email address you used for the order.",
    name: "Your full name",
    orderNumber: "Order number",
    orderNumberHint: "As in your order confirmation, for example #1001.",
    email: "Email address used for the order",
    submit: "Continue",
    notFound:
      "We couldn't find an order with these details. Check the order number and the email address in your order confirmation, and try again.",
    missing: "Please fill in: {fields}.",
  },
  statement: {
    heading: "Your withdrawal statement",
    text: "I, {name}, hereby give notice that I withdraw from my contract for order {order}.",
    nameLabel: "Your name, as it should appear on the statement",
    itemsLegend: "What do you withdraw from?",
    wholeOrder: "The whole order",
    someItems: "Only some items (choose the quantities below)",
    quantity: "Quantity to withdraw (of {count})",
    exempt: "Cannot be withdrawn: {reason}",
    alreadyWithdrawn: "Already withdrawn",
    acknowledgementLegend: "Where should we send the acknowledgement?",
    byEmail: "By email to {email}",
    bySms: "Also by SMS to {phone}",
    period: "You can withdraw until {date}.",
    periodNotStarted: "Your order has not been delivered yet: you can withdraw now, and until 14 days after delivery.",
    periodNotStartedDays:
      "Your order has not been delivered yet: you can withdraw now, and until {days} days after delivery.",
    confirm: "Confirm withdrawal",
    confirmHint: "Your withdrawal is registered as soon as you confirm; you'll receive an acknowledgement at once.",
    notAllowed: "Withdrawal isn't possible online for this order:",
    notOffered: "This store doesn't offer withdrawal online for this order. Please contact the store.",
    noItems: "Please choose at least one item and its quantity, or the whole order.",
    nameInvalid: "Please give your name (at most 200 characters).",
    checkChoices: "Please check what you chose and try again.",
    startAgain: "Start again",
  },
  acknowledgement: {
    heading: "Your withdrawal has been received",
    submittedAt: "Submitted on {date} at {time} (UTC).",
    statement: "Your statement",
    wholeOrder: "The whole order {order}.",
    items: "These items of order {order}:",
    itemLine: "{title} × {quantity}",
    sentTo: "An acknowledgement with this statement has been sent to {destinations}.",
    cancellation:
      "Nothing had been shipped yet, so the withdrawn items are cancelled. You'll be reimbursed by {date} at the latest.",
    return:
      "Please send the withdrawn items back: the store's instructions are in the acknowledgement. You'll be reimbursed by {date} at the latest (the store may wait until it has received the items or proof that you sent them).",
  },
  exemptReasons: {
    PERSONALISED: "made to your specifications or personalised",
    PERISHABLE: "liable to deteriorate or expire rapidly",
    SEALED_HYGIENE: "sealed for health or hygiene reasons and unsealed after delivery",
    SEALED_MEDIA: "sealed audio, video or software, unsealed after delivery",
    OTHER: "excluded from withdrawal by the store, as the law allows",
  },
  problems: {
    UNAUTHORIZED: "This page can only be opened from the store's website. Please go back to the store and try again.",
    FORM_EXPIRED: "This page has expired. Please start again.",
    RATE_LIMITED: "Too many attempts in a short time. Please wait {minutes} minutes and try again.",
    PAYLOAD_TOO_LARGE: "What was sent is too large. Please shorten it and try again.",
    SHOPIFY_UNAVAILABLE: "The store isn't answering right now. Please try again in a moment.",
    NOT_INSTALLED: "Withdrawal online isn't available in this store. Please contact the store.",
    INTERNAL: "Something went wrong on our side. Please try again; if it keeps happening, contact the store.",
  },
  stepLabel: "Step {step} of 3",
};

export type StorefrontTexts = typeof en;

const fr: StorefrontTexts = {
  title: "Renoncer au contrat ici",
  lookup: {
    intro:
      "Vous pouvez vous rétracter d’un achat fait dans cette boutique pendant le délai de rétractation. Pour retrouver votre commande, indiquez votre nom, le numéro de commande et l’adresse e-mail utilisée pour la commande.",
    name: "Vos prénom et nom",
    orderNumber: "Numéro de commande",
    orderNumberHint: "Comme dans votre confirmation de commande, par exemple #1001.",
    email: "Adresse e-mail utilisée pour la commande",
    submit: "Continuer",
    notFound:
      "Nous n’avons pas trouvé de commande avec ces informations. Vérifiez le numéro de commande et l’adresse e-mail de votre confirmation de commande, puis réessayez.",
    missing: "Veuillez renseigner : {fields}.",
  },
  statement: {
    heading: "Votre déclaration de rétractation",
    text: "Je soussigné(e), {name}, vous notifie par la présente ma rétractation du contrat portant sur la commande {order}.",
    nameLabel: "Votre nom, tel qu’il doit figurer sur la déclaration",
    itemsLegend: "De quoi vous rétractez-vous ?",
    wholeOrder: "De toute la commande",
    someItems: "De certains articles seulement (choisissez les quantités ci-dessous)",
    quantity: "Quantité (sur {count})",
    exempt: "Rétractation impossible : {reason}",
    alreadyWithdrawn: "Rétractation déjà faite",
    acknowledgementLegend: "Où devons-nous envoyer l’accusé de réception ?",
    byEmail: "Par e-mail à {email}",
    bySms: "Aussi par SMS au {phone}",
    period: "Vous pouvez vous rétracter jusqu’au {date}.",
    periodNotStarted:
      "Votre commande n’a pas encore été livrée : vous pouvez vous rétracter dès maintenant, et jusqu’à 14 jours après la livraison.",
    periodNotStartedDays:
      "Votre commande n’a pas encore été livrée : vous pouvez vous rétracter dès maintenant, et jusqu’à {days} jours après la livraison.",
    confirm: "Confirmer la rétractation",
    confirmHint:
      "Votre rétractation est enregistrée dès que vous confirmez ; vous recevez aussitôt un accusé de réception.",
    notAllowed: "La rétractation en ligne n’est pas possible pour cette commande :",
    notOffered:
      "Cette boutique ne propose pas la rétractation en ligne pour cette commande. Veuillez contacter la boutique.",
    noItems: "Veuillez choisir au moins un article et sa quantité, ou toute la commande.",
    nameInvalid: "Veuillez indiquer votre nom (200 caractères au plus).",
    checkChoices: "Veuillez vérifier vos choix et réessayer.",
    startAgain: "Recommencer",
  },
  acknowledgement: {
    heading: "Votre rétractation a bien été enregistrée",
    submittedAt: "Envoyée le {date} à {time} (UTC).",
    statement: "Votre déclaration",
    wholeOrder: "Toute la commande {order}.",
    items: "Ces articles de la commande {order} :",
    itemLine: "{title} × {quantity}",
    sentTo: "Un accusé de réception reprenant cette déclaration a été envoyé à {destinations}.",
    cancellation:
      "Rien n’avait encore été expédié : les articles concernés sont annulés. Vous serez remboursé(e) au plus tard le {date}.",
    return:
      "Veuillez renvoyer les articles concernés : les instructions de la boutique figurent dans l’accusé de réception. Vous serez remboursé(e) au plus tard le {date} (la boutique peut attendre d’avoir reçu les articles ou la preuve de leur envoi).",
  },
  exemptReasons: {
    PERSONALISED: "article confectionné selon vos spécifications ou personnalisé",
    PERISHABLE: "article susceptible de se détériorer ou de se périmer rapidement",
    SEALED_HYGIENE:
      "article scellé pour des raisons d’hygiène ou de protection de la santé, descellé après la livraison",
    SEALED_MEDIA: "enregistrement audio, vidéo ou logiciel scellé, descellé après la livraison",
    OTHER: "exclu de la rétractation par la boutique, comme la loi le permet",
  },
  problems: {
    UNAUTHORIZED:
      "Cette page ne s’ouvre que depuis le site de la boutique. Veuillez revenir sur la boutique et réessayer.",
    FORM_EXPIRED: "Cette page a expiré. Veuillez recommencer.",
    RATE_LIMITED: "Trop de tentatives en peu de temps. Veuillez patienter {minutes} minutes puis réessayer.",
    PAYLOAD_TOO_LARGE: "Ce qui a été envoyé est trop volumineux. Veuillez le raccourcir et réessayer.",
    SHOPIFY_UNAVAILABLE: "La boutique ne répond pas pour le moment. Veuillez réessayer dans un instant.",
    NOT_INSTALLED: "La rétractation en ligne n’est pas disponible dans cette boutique. Veuillez contacter la boutique.",
    INTERNAL:
      "Une erreur s’est produite de notre côté. Veuillez réessayer ; si le problème persiste, contactez la boutique.",
  },
  stepLabel: "Étape {step} sur 3",
};

export const storefrontTexts: Record<Locale, StorefrontTexts> = { en, fr };
