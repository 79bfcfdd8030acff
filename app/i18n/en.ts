import type { AddressErrorCode, AddressField } from "../domain/address";
import { adminEn } from "./admin-en";
import type { CustomerReason, ReasonCode, RequestKind, RequestStatus } from "../domain/types";

/**
 * English texts. This object's shape is the `Messages` type: every other locale must have exactly
 * these keys (a missing or extra key is a type error). Add new texts in their own top-level section.
 * Placeholders are `{name}`, filled by app/domain/messages.ts.
 */
export const en = {
  /** Why an action was refused, in the shopper's words, saying what to do next. */
  reasons: {
    FULFILLMENT_STARTED:
      "Your order is already being prepared for shipping, so it can't be changed or cancelled here anymore. Please contact the store — they may still be able to help.",
    PAYMENT_CONFIRMED:
      "Your payment has already been processed, so the address can't be changed here. If the address is wrong, you can ask to cancel the order, or contact the store.",
    ADDRESS_ALREADY_CHANGED:
      "The address of this order has already been changed once, which is the limit. If it's still not right, please contact the store.",
    SHIPPING_COST_INCREASE:
      "Shipping to the new address costs {newPrice}, more than the {oldPrice} you paid, so it can't be changed here. Try an address nearby, or contact the store.",
    FREE_SHIPPING_DISCOUNT_USED:
      "This order used a free-shipping offer, so its address can't be changed here. Please contact the store, or ask to cancel the order and place a new one.",
    ORDER_CANCELLED: "This order has been cancelled, so there's nothing left to change.",
    ORDER_CLOSED:
      "This order is complete and closed, so it can't be changed anymore. Please contact the store if you need help.",
    WINDOW_EXPIRED:
      "Orders can be changed within {window} of being placed, and that time has passed. Please contact the store if you need help.",
    FEATURE_DISABLED: "This order can't be changed online. Please contact the store directly.",
    ADDRESS_INVALID: "Please check the address: {field} needs your attention.",
    NO_SHIPPING_RATE: "The store doesn't deliver to this address. Please choose another address, or contact the store.",
    COUNTRY_CHANGE_NOT_ALLOWED:
      "This store can't change the delivery country ({from} → {to}). Please choose an address in {from}.",
    LOCAL_DELIVERY_UNAVAILABLE:
      "This order is delivered by the store's local delivery, which doesn't serve the new address. Please choose an address in its delivery area, or contact the store.",
    NOTHING_TO_SHIP:
      "Nothing in this order is delivered to an address (digital items or services, for example), so there's no address to change. You can still ask to cancel it, or contact the store.",
    PICKUP_ORDER:
      "This order is to be picked up, not delivered, so there's no delivery address to change. To collect it elsewhere or have it delivered, please contact the store. You can still ask to cancel it.",
    B2B_ORDER:
      "This order was placed for a company and ships to the company location's address, which can't be changed here. Please contact the store.",
    ORDER_ON_HOLD:
      "The store has put this order on hold, so its address can't be changed here for now. Please contact the store. You can still ask to cancel it.",
    REQUEST_ALREADY_PENDING:
      "You already have {request} in progress for this order. We'll write to you as soon as the store has decided.",
    NOT_ORDER_OWNER: "This order isn't linked to your account. Please sign in with the account you used to place it.",
    ORDER_NOT_FOUND: "We couldn't find this order. Please check the link, or open the order from your order history.",
    CUSTOMER_DATA_UNAVAILABLE:
      "The address of this order can't be changed online. Please contact the store to change it.",
    WITHDRAWAL_PERIOD_ENDED:
      "The withdrawal period for this order ({days} days after delivery) has ended. If something is wrong with your items, please contact the store.",
    ALREADY_WITHDRAWN:
      "You have already withdrawn from this order. You received an acknowledgement by email, and the store will follow up.",
    ALL_ITEMS_EXEMPT:
      "The items in this order can't be withdrawn from (for example, made to your specifications, perishable, or unsealed). Please contact the store if you have a question.",
    NOTHING_TO_WITHDRAW:
      "There is nothing left in this order to withdraw from. Please contact the store if you have a question.",
  } satisfies Record<ReasonCode, string>,

  /** The open request named in REQUEST_ALREADY_PENDING. */
  pendingRequest: {
    ADDRESS_CHANGE: "an address change request",
    CANCELLATION: "a cancellation request",
    WITHDRAWAL: "a withdrawal",
    ANY: "a request",
  } satisfies Record<RequestKind | "ANY", string>,

  requestKinds: {
    ADDRESS_CHANGE: "Address change",
    CANCELLATION: "Cancellation",
    WITHDRAWAL: "Withdrawal",
  } satisfies Record<RequestKind, string>,

  /** A request's status, as a short label (badges, lists). */
  statuses: {
    PENDING: "Waiting for the store",
    NEEDS_INFO: "The store needs more information",
    APPLYING: "Being applied",
    APPLIED: "Done",
    REJECTED: "Declined",
    FAILED: "Couldn't be applied",
    WITHDRAWN: "Withdrawn",
    EXPIRED: "Expired",
    SUPERSEDED: "No longer needed",
  } satisfies Record<RequestStatus, string>,

  /** The reasons a customer can give for cancelling. */
  customerReasons: {
    CHANGED_MIND: "I changed my mind",
    WRONG_ADDRESS: "The delivery address is wrong",
    ORDERED_BY_MISTAKE: "I ordered by mistake",
    FOUND_BETTER_PRICE: "I found a better price elsewhere",
    DELIVERY_TOO_SLOW: "Delivery would take too long",
    OTHER: "Another reason",
  } satisfies Record<CustomerReason, string>,

  addressFields: {
    firstName: "First name",
    lastName: "Last name",
    company: "Company",
    address1: "Address",
    address2: "Apartment, suite, etc.",
    city: "City",
    provinceCode: "State / province",
    zip: "Postal code",
    countryCode: "Country",
    phone: "Phone",
  } satisfies Record<AddressField, string>,

  addressErrors: {
    REQUIRED: "{field} is required.",
    TOO_LONG: "{field} is too long: {max} characters at most.",
    INVALID: "{field} doesn't look right. Please check it.",
  } satisfies Record<AddressErrorCode, string>,

  /** Appended to an address error that has an example value. */
  addressErrorExample: "For example: {example}.",

  /** Durations, by plural category (Intl.PluralRules); "other" is the fallback. */
  durations: {
    minute: { one: "{count} minute", other: "{count} minutes" },
    hour: { one: "{count} hour", other: "{count} hours" },
    day: { one: "{count} day", other: "{count} days" },
  },

  /** What the customer is told when the store's fulfillment service could not stop the order (a cancellation). */
  /** The EU right of withdrawal. */
  withdrawal: {
    returnInstructions:
      "Your withdrawal from order {order} is registered and a return has been opened with the store. The store will email you how to send the items back (address or return label). Please send them within 14 days; you will be reimbursed within 14 days of your withdrawal, at the latest once the items are back or you have shown that you sent them.",
  },

  fulfillmentService: {
    cancellationRefused:
      "Your order is already being prepared by our warehouse ({service}), which could not stop it. It was not cancelled.",
    cancellationRefusedWithReason:
      "Your order is already being prepared by our warehouse ({service}), which could not stop it ({reason}). It was not cancelled.",
  },

  /** The merchant admin (app/routes/app.*), in its own file. */
  admin: adminEn,
};

export type Messages = typeof en;
