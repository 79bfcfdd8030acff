import { address, button, cancelledItems, email, field, greet, h, p, quote, when, withdrawnItems } from "./build";
import type { EmailTemplateSource, LocaleTemplates } from "./types";

// SMS stay in the GSM-7 alphabet: é è à ù are in it; ê â î ô û ç are not, so the wording avoids them
// (e.g. "enregistrée" rather than "reçue"), and apostrophes are the straight ASCII one.

const hello = greet("Bonjour {name},", "Bonjour,");
const signoff = p("{{ shop.name }}");

const staffCancellationRequested: EmailTemplateSource = email(
  "Demande d’annulation pour la commande {{ order.name }}",
  [
    h("Demande d’annulation pour la commande {{ order.name }}"),
    p("{{ customer.name | default: 'Un client' }} demande l’annulation de la commande {{ order.name }}."),
    field("Motif :", "request.reason_label"),
    quote("request.note", "Son message :"),
    p(
      "Acceptez pour annuler la commande dans Shopify (remboursement et remise en stock selon vos réglages), refusez pour qu’elle soit expédiée normalement, ou demandez plus d’informations au client.{% if request.deadline != blank %} Merci de décider avant le {{ request.deadline }}.{% endif %}",
    ),
    button("Examiner la demande", "request.admin_url"),
  ],
);

const staffAddressChanged: EmailTemplateSource = email("Adresse modifiée pour la commande {{ order.name }}", [
  h("Adresse modifiée pour la commande {{ order.name }}"),
  p(
    "{{ customer.name | default: 'Le client' }} a modifié l’adresse de livraison de la commande {{ order.name }}. La commande dans Shopify porte déjà la nouvelle adresse.",
  ),
  p("Nouvelle adresse :"),
  address("new_address"),
  when("old_address", [p("Ancienne adresse :"), address("old_address")]),
  p(
    "Si une étiquette d’expédition a déjà été imprimée pour cette commande, imprimez-en une nouvelle avant le départ du colis.",
  ),
  button("Ouvrir la demande", "request.admin_url"),
]);

const staffWithdrawalReceived: EmailTemplateSource = email("Rétractation, commande {{ order.name }}", [
  h("Rétractation, commande {{ order.name }}"),
  p(
    "{{ withdrawal.name | default: 'Un client' }} s’est rétracté du contrat pour la commande {{ order.name }} le {{ withdrawal.submitted_at }} (droit de rétractation européen). Elle est enregistrée : aucune décision n’est à prendre.",
  ),
  withdrawnItems("Toute la commande"),
  when("withdrawal.outcome == 'CANCELLATION'", [
    p(
      "Rien n’était expédié : Amend annule les articles concernés dans Shopify (remboursement selon vos réglages de rétractation).",
    ),
  ]),
  when("withdrawal.outcome == 'RETURN'", [
    p(
      "Les articles étaient expédiés : Amend a demandé un retour dans Shopify. Approuvez-le dans Shopify et envoyez au client les instructions de retour.",
    ),
  ]),
  field("Remboursez le client au plus tard le :", "withdrawal.reimbursement_due_by"),
  button("Ouvrir la rétractation", "request.admin_url"),
]);

export const fr: LocaleTemplates = {
  locale: "fr",
  reasonLabels: {
    CHANGED_MIND: "J’ai changé d’avis",
    WRONG_ADDRESS: "L’adresse de livraison est erronée",
    ORDERED_BY_MISTAKE: "J’ai commandé par erreur",
    FOUND_BETTER_PRICE: "J’ai trouvé un meilleur prix",
    DELIVERY_TOO_SLOW: "Le délai de livraison est trop long",
    OTHER: "Autre motif",
    QUANTITY_LIMIT: "La quantité commandée dépasse notre limite",
    OUT_OF_STOCK: "Un article est en rupture de stock",
    PRICING_ERROR: "Un article était affiché avec un prix ou une description erronés",
    FRAUD_REVIEW_INFO_NEEDED: "Nous n’avons pas pu vérifier le paiement",
    SHIPPING_UNAVAILABLE: "Le transporteur ou le mode de livraison n’est pas disponible pour cette adresse",
    UNSUPPORTED_CLIENT:
      "La commande a été passée depuis un navigateur ou une version d’application non prise en charge",
  },
  kindLabels: { ADDRESS_CHANGE: "changement d’adresse", CANCELLATION: "annulation", WITHDRAWAL: "rétractation" },
  layout: {
    footerCustomer:
      "Vous recevez cet e-mail au sujet de votre commande {{ order.name }} chez {{ shop.name }}. Une question ? Répondez simplement à cet e-mail.",
    footerStaff: "Envoyé par Amend pour {{ shop.name }}. Choisissez qui reçoit ces alertes dans Amend > Notifications.",
  },
  email: {
    ADDRESS_CHANGE_APPLIED: {
      CUSTOMER: email("Votre nouvelle adresse de livraison pour la commande {{ order.name }}", [
        h("Votre adresse de livraison a été modifiée"),
        hello,
        p(
          "Comme vous l’avez demandé, nous avons modifié l’adresse de livraison de la commande {{ order.name }}. Votre commande sera expédiée à :",
        ),
        address("new_address"),
        p("Tout le reste est inchangé : vos articles, votre paiement et votre mode de livraison."),
        p(
          "Cette adresse comporte une erreur ? Répondez à cet e-mail au plus vite : une fois la préparation de votre commande commencée, l’adresse ne peut plus être modifiée.",
        ),
        button("Voir ma commande", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffAddressChanged,
      OWNER: staffAddressChanged,
    },
    ADDRESS_CHANGE_REFUSED: {
      CUSTOMER: email("Nous n’avons pas pu modifier l’adresse de la commande {{ order.name }}", [
        h("Nous n’avons pas pu modifier votre adresse de livraison"),
        hello,
        p("Nous sommes désolés : nous n’avons pas pu modifier l’adresse de livraison de la commande {{ order.name }}."),
        quote("request.decision_note"),
        p("Votre commande sera livrée à l’adresse indiquée lors de l’achat :"),
        address("old_address"),
        p(
          "Vous ne serez pas à cette adresse ? Vous pouvez demander l’annulation de la commande depuis la page de votre commande, ou répondre à cet e-mail pour que nous trouvions une solution ensemble.",
        ),
        button("Voir ma commande", "order.order_status_url"),
        signoff,
      ]),
    },
    CANCELLATION_REQUESTED: {
      CUSTOMER: email("Nous avons bien reçu votre demande d’annulation de la commande {{ order.name }}", [
        h("Nous avons bien reçu votre demande d’annulation"),
        hello,
        p("Nous avons bien reçu votre demande d’annulation de la commande {{ order.name }}."),
        field("Motif :", "request.reason_label"),
        quote("request.note", "Votre message :"),
        p(
          "La suite : nous examinons votre demande{% if request.deadline != blank %} d’ici le {{ request.deadline }}{% endif %} et vous enverrons notre décision par e-mail. Si elle est acceptée, tout paiement sera remboursé sur votre moyen de paiement d’origine.",
        ),
        p(
          "Vous n’avez rien à faire. Vous avez changé d’avis ? Vous pouvez retirer votre demande depuis la page de votre commande.",
        ),
        button("Voir ma commande", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffCancellationRequested,
      OWNER: staffCancellationRequested,
    },
    CANCELLATION_APPROVED: {
      CUSTOMER: email("La commande {{ order.name }} est annulée", [
        h("Votre commande est annulée"),
        hello,
        p("Nous avons accepté votre demande : la commande {{ order.name }} est annulée et ne sera pas expédiée."),
        quote("request.decision_note"),
        p(
          "Si vous avez été débité, le montant sera remboursé sur votre moyen de paiement d’origine ; les banques mettent généralement 5 à 10 jours ouvrés à l’afficher. Si votre paiement était seulement autorisé, l’autorisation est levée et vous ne serez pas débité.",
        ),
        p("Vous n’avez rien d’autre à faire. Au plaisir de vous revoir bientôt."),
        signoff,
      ]),
    },
    CANCELLATION_REJECTED: {
      CUSTOMER: email("Nous n’avons pas pu annuler la commande {{ order.name }}", [
        h("Nous n’avons pas pu annuler votre commande"),
        hello,
        p("Nous sommes désolés : nous n’avons pas pu annuler la commande {{ order.name }}."),
        quote("request.decision_note"),
        p("Votre commande suit son cours et vous sera expédiée normalement."),
        p(
          "Vous ne souhaitez plus ces articles ? À leur réception, vous pourrez les retourner selon notre politique de retour. Une question ? Répondez à cet e-mail.",
        ),
        button("Voir ma commande", "order.order_status_url"),
        signoff,
      ]),
    },
    INFO_REQUESTED: {
      CUSTOMER: email("Nous avons besoin de précisions sur votre demande pour la commande {{ order.name }}", [
        h("Nous avons besoin de quelques précisions"),
        hello,
        p(
          "Avant de décider de votre demande de {{ request.kind_label }} pour la commande {{ order.name }}, nous avons besoin de précisions de votre part.",
        ),
        quote("request.question", "Notre question :"),
        p(
          "Merci de répondre depuis la page de votre commande{% if request.deadline != blank %} avant le {{ request.deadline }}{% endif %}. Nous reprendrons dès votre réponse.",
        ),
        button("Répondre", "order.order_status_url"),
        signoff,
      ]),
    },
    CUSTOMER_REPLIED: {
      STAFF: email("Réponse du client pour la commande {{ order.name }}", [
        h("{{ customer.name | default: 'Le client' }} a répondu"),
        p(
          "{{ customer.name | default: 'Le client' }} a répondu à votre question sur sa demande de {{ request.kind_label }} pour la commande {{ order.name }} :",
        ),
        quote("request.message"),
        p("La demande est de retour dans votre boîte de réception et attend votre décision."),
        button("Ouvrir la demande", "request.admin_url"),
      ]),
    },
    REQUEST_FAILED: {
      STAFF: email("Action requise : la commande {{ order.name }} n’a pas pu être modifiée dans Shopify", [
        h("La commande {{ order.name }} n’a pas pu être modifiée"),
        p(
          "Amend n’a pas pu appliquer la demande de {{ request.kind_label }} pour la commande {{ order.name }}. Réponse de Shopify :",
        ),
        quote("request.failure_message"),
        p(
          "Le client n’a pas encore été informé d’un résultat. Vérifiez la commande dans Shopify, puis relancez depuis la page de la demande, ou décidez autrement et prévenez le client.",
        ),
        button("Ouvrir la demande", "request.admin_url"),
      ]),
    },
    ORDER_PARTIALLY_CANCELLED: {
      CUSTOMER: email("Des articles de la commande {{ order.name }} ont été annulés", [
        h("Une partie de votre commande a été annulée"),
        hello,
        p("Nous sommes désolés : nous avons dû annuler ces articles de la commande {{ order.name }} :"),
        cancelledItems(),
        field("Pourquoi :", "request.reason_label"),
        quote("request.decision_note"),
        p(
          "Ces articles vous seront remboursés sur votre moyen de paiement d’origine ; les banques mettent généralement 5 à 10 jours ouvrés à l’afficher. Le reste de votre commande sera expédié normalement.",
        ),
        p("Une question ? Répondez à cet e-mail."),
        button("Voir ma commande", "order.order_status_url"),
        signoff,
      ]),
    },
    ORDER_CANCELLED_BY_STORE: {
      CUSTOMER: email("Votre commande {{ order.name }} a été annulée", [
        h("Votre commande a été annulée"),
        hello,
        p("Nous sommes désolés : nous avons dû annuler la commande {{ order.name }}."),
        field("Pourquoi :", "request.reason_label"),
        quote("request.decision_note"),
        p(
          "Si vous avez été débité, le montant sera remboursé sur votre moyen de paiement d’origine ; les banques mettent généralement 5 à 10 jours ouvrés à l’afficher. Si votre paiement était seulement autorisé, vous ne serez pas débité.",
        ),
        p("Vous pouvez passer une nouvelle commande à tout moment. Une question ? Répondez à cet e-mail."),
        button("Visiter la boutique", "shop.url"),
        signoff,
      ]),
    },
    WITHDRAWAL_RECEIVED: {
      CUSTOMER: email("Accusé de réception de votre rétractation, commande {{ order.name }}", [
        h("Nous avons bien reçu votre rétractation"),
        hello,
        p(
          "Cet e-mail accuse réception de votre rétractation du contrat pour la commande {{ order.name }}. Conservez-le : il reprend votre déclaration ci-dessous.",
        ),
        field("Envoyée le :", "withdrawal.submitted_at"),
        field("Nom :", "withdrawal.name"),
        field("Commande :", "order.name"),
        p("Rétractation portant sur :"),
        withdrawnItems("Toute la commande"),
        when("withdrawal.outcome == 'CANCELLATION'", [
          p(
            "Votre commande n’avait pas été expédiée : nous annulons les articles concernés, rien ne vous sera envoyé.",
          ),
        ]),
        when("withdrawal.outcome == 'RETURN'", [
          p(
            "Vos articles ont été expédiés : nous vous indiquerons par e-mail comment les renvoyer (adresse ou étiquette de retour). Renvoyez-les dans les 14 jours.",
          ),
        ]),
        field(
          "Vous serez remboursé, frais de livraison standard compris, au plus tard le :",
          "withdrawal.reimbursement_due_by",
        ),
        button("Voir votre commande", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffWithdrawalReceived,
      OWNER: staffWithdrawalReceived,
    },
  },
  sms: {
    ADDRESS_CHANGE_APPLIED: {
      CUSTOMER: {
        text: "{{ shop.name }} : la commande {{ order.name }} sera livrée au {{ new_address.address1 }}, {{ new_address.zip }} {{ new_address.city }}. Erreur ? Voir notre e-mail.",
      },
      STAFF: {
        text: "Amend : la commande {{ order.name }} part maintenant vers {{ new_address.zip }} {{ new_address.city }} {{ new_address.country_code }}. Refaites l'étiquette si besoin.",
      },
    },
    ADDRESS_CHANGE_REFUSED: {
      CUSTOMER: {
        text: "{{ shop.name }} : nous n'avons pas pu modifier l'adresse de la commande {{ order.name }}. Elle ira à l'adresse d'origine. Voir notre e-mail.",
      },
    },
    CANCELLATION_REQUESTED: {
      CUSTOMER: {
        text: "{{ shop.name }} : votre demande d'annulation de la commande {{ order.name }} est enregistrée. Notre décision vous sera envoyée par e-mail.",
      },
      STAFF: {
        text: "Amend : {{ customer.name }} demande l'annulation de la commande {{ order.name }}. Examinez la demande dans Amend.",
      },
    },
    CANCELLATION_APPROVED: {
      CUSTOMER: {
        text: "{{ shop.name }} : la commande {{ order.name }} est annulée comme demandé. Tout paiement sera remboursé sur votre moyen de paiement d'origine.",
      },
    },
    CANCELLATION_REJECTED: {
      CUSTOMER: {
        text: "{{ shop.name }} : nous n'avons pas pu annuler la commande {{ order.name }}. Elle sera expédiée normalement. Détails dans notre e-mail.",
      },
    },
    INFO_REQUESTED: {
      CUSTOMER: {
        text: "{{ shop.name }} : nous avons besoin de précisions sur votre demande pour la commande {{ order.name }}. Répondez depuis la page de la commande.",
      },
    },
    CUSTOMER_REPLIED: {
      STAFF: {
        text: "Amend : {{ customer.name }} a répondu au sujet de la commande {{ order.name }}. La demande attend votre décision dans Amend.",
      },
    },
    REQUEST_FAILED: {
      STAFF: {
        text: "Amend : Shopify a refusé la modification de la commande {{ order.name }}. Ouvrez la demande dans Amend pour relancer.",
      },
    },
    ORDER_PARTIALLY_CANCELLED: {
      CUSTOMER: {
        text: "{{ shop.name }} : nous avons été obligés d'annuler des articles de la commande {{ order.name }}. Ils vous seront remboursés ; le reste part normalement.",
      },
    },
    ORDER_CANCELLED_BY_STORE: {
      CUSTOMER: {
        text: "{{ shop.name }} : désolés, nous avons été obligés d'annuler la commande {{ order.name }}. Tout paiement sera remboursé. Détails dans notre e-mail.",
      },
    },
    WITHDRAWAL_RECEIVED: {
      CUSTOMER: {
        text: "{{ shop.name }} : retractation de la commande {{ order.name }} recue le {{ withdrawal.submitted_at }}. Details par e-mail.",
      },
      STAFF: {
        text: "Amend : {{ withdrawal.name }} s'est retracte de la commande {{ order.name }}. Remboursement avant le {{ withdrawal.reimbursement_due_by }}.",
      },
    },
  },
};
