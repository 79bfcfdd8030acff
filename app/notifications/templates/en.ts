import { address, button, cancelledItems, email, field, greet, h, p, quote, when, withdrawnItems } from "./build";
import type { EmailTemplateSource, LocaleTemplates } from "./types";

// SMS are plain ASCII on purpose: one GSM-7 segment (160 characters) with typical names and addresses.

const hello = greet("Hi {name},", "Hello,");
const signoff = p("{{ shop.name }}");

const staffCancellationRequested: EmailTemplateSource = email("Cancellation request for order {{ order.name }}", [
  h("Cancellation request for order {{ order.name }}"),
  p("{{ customer.name | default: 'A customer' }} asks to cancel order {{ order.name }}."),
  field("Reason:", "request.reason_label"),
  quote("request.note", "Their note:"),
  p(
    "Approve to cancel the order in Shopify (refund and restock follow your settings), reject to let it ship as normal, or ask the customer for more information.{% if request.deadline != blank %} Please decide before {{ request.deadline }}.{% endif %}",
  ),
  button("Review the request", "request.admin_url"),
]);

const staffAddressChanged: EmailTemplateSource = email("Address changed for order {{ order.name }}", [
  h("Address changed for order {{ order.name }}"),
  p(
    "{{ customer.name | default: 'The customer' }} changed the delivery address of order {{ order.name }}. The order in Shopify already has the new address.",
  ),
  p("New address:"),
  address("new_address"),
  when("old_address", [p("Previous address:"), address("old_address")]),
  p("If a shipping label was already printed for this order, print a new one before the parcel leaves."),
  button("Open the request", "request.admin_url"),
]);

const staffWithdrawalReceived: EmailTemplateSource = email("Withdrawal from order {{ order.name }}", [
  h("Withdrawal from order {{ order.name }}"),
  p(
    "{{ withdrawal.name | default: 'A customer' }} withdrew from the contract for order {{ order.name }} on {{ withdrawal.submitted_at }} (EU right of withdrawal). It is registered: no decision is needed.",
  ),
  withdrawnItems("The whole order"),
  when("withdrawal.outcome == 'CANCELLATION'", [
    p("Nothing had shipped: Amend cancels the withdrawn items in Shopify (refund per your withdrawal settings)."),
  ]),
  when("withdrawal.outcome == 'RETURN'", [
    p(
      "The items had shipped: Amend requested a return in Shopify. Approve it there and send the customer the return instructions.",
    ),
  ]),
  field("Reimburse the customer by:", "withdrawal.reimbursement_due_by"),
  button("Open the withdrawal", "request.admin_url"),
]);

export const en: LocaleTemplates = {
  locale: "en",
  reasonLabels: {
    CHANGED_MIND: "I changed my mind",
    WRONG_ADDRESS: "The delivery address is wrong",
    ORDERED_BY_MISTAKE: "I ordered by mistake",
    FOUND_BETTER_PRICE: "I found a better price",
    DELIVERY_TOO_SLOW: "Delivery would take too long",
    OTHER: "Another reason",
    QUANTITY_LIMIT: "The quantity ordered is above our limit",
    OUT_OF_STOCK: "An item is out of stock",
    PRICING_ERROR: "An item was listed with the wrong price or description",
    FRAUD_REVIEW_INFO_NEEDED: "We could not verify the payment",
    SHIPPING_UNAVAILABLE: "The carrier or shipping method is not available for this address",
    UNSUPPORTED_CLIENT: "The order was placed from an unsupported browser or app version",
  },
  kindLabels: { ADDRESS_CHANGE: "address change", CANCELLATION: "cancellation", WITHDRAWAL: "withdrawal" },
  layout: {
    footerCustomer:
      "You are receiving this email about your order {{ order.name }} at {{ shop.name }}. Questions? Just reply to this email.",
    footerStaff: "Sent by Amend for {{ shop.name }}. Choose who receives these alerts in Amend > Notifications.",
  },
  email: {
    ADDRESS_CHANGE_APPLIED: {
      CUSTOMER: email("Your new delivery address for order {{ order.name }}", [
        h("Your delivery address has been updated"),
        hello,
        p(
          "As you asked, we have changed the delivery address of order {{ order.name }}. Your order will be shipped to:",
        ),
        address("new_address"),
        p("Everything else stays the same: your items, your payment and your delivery method."),
        p(
          "Is something wrong with this address? Reply to this email as soon as possible: once your order is being prepared, the address can no longer be changed.",
        ),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffAddressChanged,
      OWNER: staffAddressChanged,
    },
    ADDRESS_CHANGE_REFUSED: {
      CUSTOMER: email("We could not change the address of order {{ order.name }}", [
        h("We could not change your delivery address"),
        hello,
        p("We are sorry: we could not change the delivery address of order {{ order.name }}."),
        quote("request.decision_note"),
        p("Your order will be delivered to the address you gave at checkout:"),
        address("old_address"),
        p(
          "Will you be away from this address? You can ask to cancel the order from your order page, or reply to this email and we will find a solution together.",
        ),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
    },
    CANCELLATION_REQUESTED: {
      CUSTOMER: email("We received your cancellation request for order {{ order.name }}", [
        h("We received your cancellation request"),
        hello,
        p("We have received your request to cancel order {{ order.name }}."),
        field("Reason:", "request.reason_label"),
        quote("request.note", "Your note:"),
        p(
          "What happens next: we will review your request{% if request.deadline != blank %} by {{ request.deadline }}{% endif %} and email you our decision. If we approve it, any payment will be refunded to your original payment method.",
        ),
        p("You do not need to do anything. Changed your mind? You can withdraw the request from your order page."),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffCancellationRequested,
      OWNER: staffCancellationRequested,
    },
    CANCELLATION_APPROVED: {
      CUSTOMER: email("Order {{ order.name }} is cancelled", [
        h("Your order is cancelled"),
        hello,
        p("We have approved your request: order {{ order.name }} is cancelled and will not be shipped."),
        quote("request.decision_note"),
        p(
          "If you were charged, the amount will be refunded to your original payment method. Banks usually take 5 to 10 business days to show it. If your payment was only authorised, the authorisation is released and you will not be charged.",
        ),
        p("There is nothing else for you to do. We hope to see you again soon."),
        signoff,
      ]),
    },
    CANCELLATION_REJECTED: {
      CUSTOMER: email("We could not cancel order {{ order.name }}", [
        h("We could not cancel your order"),
        hello,
        p("We are sorry: we could not cancel order {{ order.name }}."),
        quote("request.decision_note"),
        p("Your order continues as normal and will be shipped to you."),
        p(
          "No longer want the items? Once they arrive, you can return them under our returns policy. Have a question? Reply to this email.",
        ),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
    },
    INFO_REQUESTED: {
      CUSTOMER: email("We need more information about your request for order {{ order.name }}", [
        h("We need a little more information"),
        hello,
        p(
          "Before we can decide on your {{ request.kind_label }} request for order {{ order.name }}, we need more information from you.",
        ),
        quote("request.question", "Our question:"),
        p(
          "Please answer from your order page{% if request.deadline != blank %} before {{ request.deadline }}{% endif %}. We will continue as soon as we hear from you.",
        ),
        button("Answer now", "order.order_status_url"),
        signoff,
      ]),
    },
    CUSTOMER_REPLIED: {
      STAFF: email("Customer replied about order {{ order.name }}", [
        h("{{ customer.name | default: 'The customer' }} replied"),
        p(
          "{{ customer.name | default: 'The customer' }} answered your question about their {{ request.kind_label }} request for order {{ order.name }}:",
        ),
        quote("request.message"),
        p("The request is back in your inbox and waits for your decision."),
        button("Open the request", "request.admin_url"),
      ]),
    },
    REQUEST_FAILED: {
      STAFF: email("Action needed: order {{ order.name }} could not be updated in Shopify", [
        h("Order {{ order.name }} could not be updated"),
        p("Amend could not apply the {{ request.kind_label }} for order {{ order.name }}. Shopify answered:"),
        quote("request.failure_message"),
        p(
          "The customer has not been told of a result yet. Check the order in Shopify, then retry from the request page, or decide otherwise and let the customer know.",
        ),
        button("Open the request", "request.admin_url"),
      ]),
    },
    ORDER_PARTIALLY_CANCELLED: {
      CUSTOMER: email("Some items of order {{ order.name }} have been cancelled", [
        h("Part of your order has been cancelled"),
        hello,
        p("We are sorry: we had to cancel these items of order {{ order.name }}:"),
        cancelledItems(),
        field("Why:", "request.reason_label"),
        quote("request.decision_note"),
        p(
          "You will be refunded for these items on your original payment method; banks usually take 5 to 10 business days to show it. The rest of your order will be shipped as normal.",
        ),
        p("Have a question? Reply to this email."),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
    },
    ORDER_CANCELLED_BY_STORE: {
      CUSTOMER: email("Your order {{ order.name }} has been cancelled", [
        h("Your order has been cancelled"),
        hello,
        p("We are sorry: we had to cancel order {{ order.name }}."),
        field("Why:", "request.reason_label"),
        quote("request.decision_note"),
        p(
          "If you were charged, the amount will be refunded to your original payment method; banks usually take 5 to 10 business days to show it. If your payment was only authorised, you will not be charged.",
        ),
        p("You are welcome to place a new order at any time. Have a question? Reply to this email."),
        button("Visit the store", "shop.url"),
        signoff,
      ]),
    },
    WITHDRAWAL_RECEIVED: {
      CUSTOMER: email("Acknowledgement of your withdrawal from order {{ order.name }}", [
        h("We have received your withdrawal"),
        hello,
        p(
          "This email acknowledges receipt of your withdrawal from the contract for order {{ order.name }}. Please keep it: it is your record of the statement below.",
        ),
        field("Submitted on:", "withdrawal.submitted_at"),
        field("Name:", "withdrawal.name"),
        field("Order:", "order.name"),
        p("Withdrawn from:"),
        withdrawnItems("The whole order"),
        when("withdrawal.outcome == 'CANCELLATION'", [
          p("Your order had not been shipped: we are cancelling the withdrawn items, so nothing will be sent to you."),
        ]),
        when("withdrawal.outcome == 'RETURN'", [
          p(
            "Your items have been shipped: we will email you how to send them back (address or return label). Please send them within 14 days.",
          ),
        ]),
        field("You will be reimbursed, including the standard delivery cost, by:", "withdrawal.reimbursement_due_by"),
        button("View your order", "order.order_status_url"),
        signoff,
      ]),
      STAFF: staffWithdrawalReceived,
      OWNER: staffWithdrawalReceived,
    },
  },
  sms: {
    ADDRESS_CHANGE_APPLIED: {
      CUSTOMER: {
        text: "{{ shop.name }}: order {{ order.name }} will now be shipped to {{ new_address.address1 }}, {{ new_address.zip }} {{ new_address.city }}. Wrong? Reply to our email now.",
      },
      STAFF: {
        text: "Amend: order {{ order.name }} now ships to {{ new_address.zip }} {{ new_address.city }} {{ new_address.country_code }}. Reprint any label already printed.",
      },
    },
    ADDRESS_CHANGE_REFUSED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we could not change the address of order {{ order.name }}. It will go to the original address. Details in our email.",
      },
    },
    CANCELLATION_REQUESTED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we received your request to cancel order {{ order.name }}. We will email you our decision soon.",
      },
      STAFF: {
        text: "Amend: {{ customer.name }} asks to cancel order {{ order.name }}. Please review the request in Amend.",
      },
    },
    CANCELLATION_APPROVED: {
      CUSTOMER: {
        text: "{{ shop.name }}: order {{ order.name }} is cancelled as you asked. Any payment will be refunded to your original payment method.",
      },
    },
    CANCELLATION_REJECTED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we could not cancel order {{ order.name }}. It will be shipped as normal. Details in our email.",
      },
    },
    INFO_REQUESTED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we need more information about your request for order {{ order.name }}. Please answer from your order page.",
      },
    },
    CUSTOMER_REPLIED: {
      STAFF: {
        text: "Amend: {{ customer.name }} replied about order {{ order.name }}. The request waits for your decision in Amend.",
      },
    },
    REQUEST_FAILED: {
      STAFF: {
        text: "Amend: order {{ order.name }} could not be updated in Shopify. Open the request in Amend to retry.",
      },
    },
    ORDER_PARTIALLY_CANCELLED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we had to cancel some items of order {{ order.name }}. You will be refunded for them; the rest ships as normal.",
      },
    },
    ORDER_CANCELLED_BY_STORE: {
      CUSTOMER: {
        text: "{{ shop.name }}: we are sorry, we had to cancel order {{ order.name }}. Any payment will be refunded. Details in our email.",
      },
    },
    WITHDRAWAL_RECEIVED: {
      CUSTOMER: {
        text: "{{ shop.name }}: we received your withdrawal from order {{ order.name }} on {{ withdrawal.submitted_at }}. Details in our email.",
      },
      STAFF: {
        text: "Amend: {{ withdrawal.name }} withdrew from order {{ order.name }}. Reimburse by {{ withdrawal.reimbursement_due_by }}.",
      },
    },
  },
};
