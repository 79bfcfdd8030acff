import { adminFr } from "./admin-fr";
import type { Messages } from "./en";

/** French texts: the same keys as English, checked by the `Messages` type. */
export const fr: Messages = {
  reasons: {
    FULFILLMENT_STARTED:
      "Votre commande est déjà en préparation pour l'expédition : elle ne peut plus être modifiée ni annulée ici. Contactez la boutique, elle pourra peut-être encore vous aider.",
    PAYMENT_CONFIRMED:
      "Votre paiement a déjà été encaissé : l'adresse ne peut plus être modifiée ici. Si elle est erronée, vous pouvez demander l'annulation de la commande, ou contacter la boutique.",
    ADDRESS_ALREADY_CHANGED:
      "L'adresse de cette commande a déjà été modifiée une fois, c'est le maximum. Si elle n'est toujours pas correcte, contactez la boutique.",
    SHIPPING_COST_INCREASE:
      "La livraison à la nouvelle adresse coûte {newPrice}, plus que les {oldPrice} que vous avez payés : l'adresse ne peut pas être modifiée ici. Essayez une adresse proche, ou contactez la boutique.",
    FREE_SHIPPING_DISCOUNT_USED:
      "Cette commande a bénéficié d'une offre de livraison gratuite : son adresse ne peut pas être modifiée ici. Contactez la boutique, ou demandez l'annulation puis passez une nouvelle commande.",
    ORDER_CANCELLED: "Cette commande a été annulée : il n'y a plus rien à modifier.",
    ORDER_CLOSED:
      "Cette commande est terminée et clôturée : elle ne peut plus être modifiée. Contactez la boutique si vous avez besoin d'aide.",
    WINDOW_EXPIRED:
      "Une commande peut être modifiée dans un délai de {window} après avoir été passée, et ce délai est dépassé. Contactez la boutique si vous avez besoin d'aide.",
    FEATURE_DISABLED: "Cette commande ne peut pas être modifiée en ligne. Contactez directement la boutique.",
    ADDRESS_INVALID: "Vérifiez l'adresse : le champ « {field} » est à corriger.",
    NO_SHIPPING_RATE:
      "La boutique ne livre pas à cette adresse. Choisissez une autre adresse, ou contactez la boutique.",
    COUNTRY_CHANGE_NOT_ALLOWED:
      "Cette boutique ne peut pas changer le pays de livraison ({from} → {to}). Choisissez une adresse dans ce pays : {from}.",
    LOCAL_DELIVERY_UNAVAILABLE:
      "Cette commande est livrée par la livraison locale de la boutique, qui ne dessert pas la nouvelle adresse. Choisissez une adresse dans sa zone de livraison, ou contactez la boutique.",
    NOTHING_TO_SHIP:
      "Rien dans cette commande n'est livré à une adresse (articles numériques ou services, par exemple) : il n'y a pas d'adresse à modifier. Vous pouvez tout de même demander son annulation, ou contacter la boutique.",
    PICKUP_ORDER:
      "Cette commande est à retirer, pas à livrer : il n'y a pas d'adresse de livraison à modifier. Pour la retirer ailleurs ou vous la faire livrer, contactez la boutique. Vous pouvez tout de même demander son annulation.",
    B2B_ORDER:
      "Cette commande a été passée pour une entreprise et est livrée à l'adresse de son site, qui ne peut pas être modifiée ici. Contactez la boutique.",
    ORDER_ON_HOLD:
      "La boutique a mis cette commande en attente : son adresse ne peut pas être modifiée ici pour le moment. Contactez la boutique. Vous pouvez tout de même demander son annulation.",
    REQUEST_ALREADY_PENDING:
      "Vous avez déjà {request} en cours pour cette commande. Nous vous écrirons dès que la boutique aura pris sa décision.",
    NOT_ORDER_OWNER:
      "Cette commande n'est pas liée à votre compte. Connectez-vous avec le compte utilisé pour la passer.",
    ORDER_NOT_FOUND:
      "Nous ne trouvons pas cette commande. Vérifiez le lien, ou ouvrez-la depuis l'historique de vos commandes.",
    CUSTOMER_DATA_UNAVAILABLE:
      "L'adresse de cette commande ne peut pas être modifiée en ligne. Contactez la boutique pour la changer.",
    WITHDRAWAL_PERIOD_ENDED:
      "Le délai de rétractation de cette commande ({days} jours après la livraison) est écoulé. Si vos articles posent problème, contactez la boutique.",
    ALREADY_WITHDRAWN:
      "Vous vous êtes déjà rétracté de cette commande. Vous avez reçu un accusé de réception par e-mail, et la boutique va donner suite.",
    ALL_ITEMS_EXEMPT:
      "Les articles de cette commande sont exclus du droit de rétractation (par exemple : confectionnés selon vos spécifications, périssables ou descellés). Contactez la boutique pour toute question.",
    NOTHING_TO_WITHDRAW:
      "Il ne reste rien dans cette commande dont vous puissiez vous rétracter. Contactez la boutique pour toute question.",
  },

  pendingRequest: {
    ADDRESS_CHANGE: "une demande de changement d'adresse",
    CANCELLATION: "une demande d'annulation",
    WITHDRAWAL: "une rétractation",
    ANY: "une demande",
  },

  requestKinds: {
    ADDRESS_CHANGE: "Changement d'adresse",
    CANCELLATION: "Annulation",
    WITHDRAWAL: "Rétractation",
  },

  statuses: {
    PENDING: "En attente de la boutique",
    NEEDS_INFO: "La boutique a besoin de précisions",
    APPLYING: "En cours d'application",
    APPLIED: "Effectuée",
    REJECTED: "Refusée",
    FAILED: "N'a pas pu être appliquée",
    WITHDRAWN: "Retirée",
    EXPIRED: "Expirée",
    SUPERSEDED: "Sans objet",
  },

  customerReasons: {
    CHANGED_MIND: "J'ai changé d'avis",
    WRONG_ADDRESS: "L'adresse de livraison est erronée",
    ORDERED_BY_MISTAKE: "J'ai commandé par erreur",
    FOUND_BETTER_PRICE: "J'ai trouvé moins cher ailleurs",
    DELIVERY_TOO_SLOW: "Le délai de livraison est trop long",
    OTHER: "Autre raison",
  },

  addressFields: {
    firstName: "Prénom",
    lastName: "Nom",
    company: "Entreprise",
    address1: "Adresse",
    address2: "Appartement, étage, etc.",
    city: "Ville",
    provinceCode: "État / province",
    zip: "Code postal",
    countryCode: "Pays",
    phone: "Téléphone",
  },

  addressErrors: {
    REQUIRED: "Le champ « {field} » est obligatoire.",
    TOO_LONG: "Le champ « {field} » est trop long : {max} caractères au maximum.",
    INVALID: "Le champ « {field} » ne semble pas correct. Vérifiez-le.",
  },

  addressErrorExample: "Par exemple : {example}.",

  durations: {
    minute: { one: "{count} minute", other: "{count} minutes" },
    hour: { one: "{count} heure", other: "{count} heures" },
    day: { one: "{count} jour", other: "{count} jours" },
  },

  withdrawal: {
    returnInstructions:
      "Votre rétractation de la commande {order} est enregistrée et un retour a été ouvert auprès de la boutique. La boutique vous indiquera par e-mail comment renvoyer les articles (adresse ou étiquette de retour). Renvoyez-les dans les 14 jours ; vous serez remboursé dans les 14 jours suivant votre rétractation, au plus tard dès réception des articles ou de la preuve de leur expédition.",
  },

  fulfillmentService: {
    cancellationRefused:
      "Votre commande est déjà en préparation chez notre entrepôt ({service}), qui n'a pas pu l'arrêter. Elle n'a pas été annulée.",
    cancellationRefusedWithReason:
      "Votre commande est déjà en préparation chez notre entrepôt ({service}), qui n'a pas pu l'arrêter ({reason}). Elle n'a pas été annulée.",
  },

  admin: adminFr,
};
