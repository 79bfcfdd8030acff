/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type AmendFlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.Scalars['String']['input'];
  payload: AdminTypes.Scalars['JSON']['input'];
}>;


export type AmendFlowTriggerReceiveMutation = { flowTriggerReceive?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendApplyShippingAddressMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderInput;
}>;


export type AmendApplyShippingAddressMutation = { orderUpdate?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<(
      Pick<AdminTypes.Order, 'id'>
      & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone'>>, fulfillmentOrders: { nodes: Array<(
          Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
          & { destination?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrderDestination, 'address1' | 'city' | 'zip' | 'countryCode'>> }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendShippingAddressReadBackQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendShippingAddressReadBackQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone'>>, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { destination?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrderDestination, 'address1' | 'city' | 'zip' | 'countryCode'>> }
      )> } }
  )> };

export type AmendOrderEditBeginMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendOrderEditBeginMutation = { orderEditBegin?: AdminTypes.Maybe<{ calculatedOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.CalculatedOrder, 'id'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.CalculatedLineItem, 'id' | 'quantity'>
          & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendOrderEditSetQuantityMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
  restock?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type AmendOrderEditSetQuantityMutation = { orderEditSetQuantity?: AdminTypes.Maybe<{ calculatedLineItem?: AdminTypes.Maybe<Pick<AdminTypes.CalculatedLineItem, 'id' | 'quantity'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendOrderEditCommitMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AmendOrderEditCommitMutation = { orderEditCommit?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<(
      Pick<AdminTypes.Order, 'id'>
      & { lineItems: { nodes: Array<Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendOrderLineQuantitiesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendOrderLineQuantitiesQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { lineItems: { nodes: Array<Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>> } }
  )> };

export type AmendCancelOrderMutationVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  reason: AdminTypes.OrderCancelReason;
  refundMethod?: AdminTypes.InputMaybe<AdminTypes.OrderCancelRefundMethodInput>;
  restock: AdminTypes.Scalars['Boolean']['input'];
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AmendCancelOrderMutation = { orderCancel?: AdminTypes.Maybe<{ job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id' | 'done'>>, orderCancelUserErrors: Array<Pick<AdminTypes.OrderCancelUserError, 'field' | 'message' | 'code'>> }> };

export type AmendCancelJobQueryVariables = AdminTypes.Exact<{
  jobId: AdminTypes.Scalars['ID']['input'];
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendCancelJobQuery = { job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id' | 'done'>>, order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'cancelledAt'>> };

export type AmendOrderCancelledQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendOrderCancelledQuery = { order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'cancelledAt'>> };

export type AmendFulfillmentServiceWorkQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendFulfillmentServiceWorkQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'requestStatus'>
        & { assignedLocation: (
          Pick<AdminTypes.FulfillmentOrderAssignedLocation, 'name'>
          & { location?: AdminTypes.Maybe<(
            Pick<AdminTypes.Location, 'id' | 'isFulfillmentService'>
            & { fulfillmentService?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentService, 'serviceName'>> }
          )> }
        ), merchantRequests: { nodes: Array<Pick<AdminTypes.FulfillmentOrderMerchantRequest, 'message' | 'responseData' | 'sentAt'>> } }
      )> } }
  )> };

export type AmendSubmitCancellationRequestMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  message?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AmendSubmitCancellationRequestMutation = { fulfillmentOrderSubmitCancellationRequest?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'requestStatus'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendFulfillmentOrderRequestStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendFulfillmentOrderRequestStatusQuery = { fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'requestStatus'>> };

export type AmendHoldFulfillmentOrderMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  hold: AdminTypes.FulfillmentOrderHoldInput;
}>;


export type AmendHoldFulfillmentOrderMutation = { fulfillmentOrderHold?: AdminTypes.Maybe<{ fulfillmentHold?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle'>>, fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderHoldUserError, 'field' | 'message' | 'code'>> }> };

export type AmendReleaseFulfillmentHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  holdIds?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input']>;
}>;


export type AmendReleaseFulfillmentHoldMutation = { fulfillmentOrderReleaseHold?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderReleaseHoldUserError, 'field' | 'message' | 'code'>> }> };

export type AmendFulfillmentHoldsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendFulfillmentHoldsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle' | 'heldByRequestingApp'>> }
      )> } }
  )> };

export type AmendOrderFactsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillmentOrders: AdminTypes.Scalars['Int']['input'];
  shippingLines: AdminTypes.Scalars['Int']['input'];
  discounts: AdminTypes.Scalars['Int']['input'];
}>;


export type AmendOrderFactsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'legacyResourceId' | 'name' | 'createdAt' | 'email' | 'phone' | 'statusPageUrl' | 'customerLocale' | 'currencyCode' | 'displayFinancialStatus' | 'displayFulfillmentStatus' | 'cancelledAt' | 'closed'>
    & { customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id' | 'locale' | 'firstName' | 'lastName'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>>, defaultPhoneNumber?: AdminTypes.Maybe<Pick<AdminTypes.CustomerPhoneNumber, 'phoneNumber'>> }
    )>, fulfillmentsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, fulfillmentOrders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'requestStatus' | 'fulfillAt'>
        & { deliveryMethod?: AdminTypes.Maybe<Pick<AdminTypes.DeliveryMethod, 'methodType'>>, fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'reason' | 'heldByRequestingApp'>> }
      )> }, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone'>>, purchasingEntity?: AdminTypes.Maybe<{ location: Pick<AdminTypes.CompanyLocation, 'id'> }>, shippingLines: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        Pick<AdminTypes.ShippingLine, 'title' | 'code'>
        & { originalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, discountedPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> }, discountApplications: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'>, nodes: Array<(
        { __typename: 'AutomaticDiscountApplication' }
        & Pick<AdminTypes.AutomaticDiscountApplication, 'title' | 'targetType'>
        & { value: (
          { __typename: 'MoneyV2' }
          & Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>
        ) | (
          { __typename: 'PricingPercentageValue' }
          & Pick<AdminTypes.PricingPercentageValue, 'percentage'>
        ) }
      ) | (
        { __typename: 'DiscountCodeApplication' }
        & Pick<AdminTypes.DiscountCodeApplication, 'code' | 'targetType'>
        & { value: (
          { __typename: 'MoneyV2' }
          & Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>
        ) | (
          { __typename: 'PricingPercentageValue' }
          & Pick<AdminTypes.PricingPercentageValue, 'percentage'>
        ) }
      ) | (
        { __typename: 'ManualDiscountApplication' }
        & Pick<AdminTypes.ManualDiscountApplication, 'title' | 'targetType'>
        & { value: (
          { __typename: 'MoneyV2' }
          & Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>
        ) | (
          { __typename: 'PricingPercentageValue' }
          & Pick<AdminTypes.PricingPercentageValue, 'percentage'>
        ) }
      ) | (
        { __typename: 'ScriptDiscountApplication' }
        & Pick<AdminTypes.ScriptDiscountApplication, 'title' | 'targetType'>
        & { value: (
          { __typename: 'MoneyV2' }
          & Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>
        ) | (
          { __typename: 'PricingPercentageValue' }
          & Pick<AdminTypes.PricingPercentageValue, 'percentage'>
        ) }
      )> }, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'currentQuantity' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type AmendMailingAddressFragment = Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone'>;

export type AmendShopShipsToQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AmendShopShipsToQuery = { shop: Pick<AdminTypes.Shop, 'shipsToCountries'> };

export type AmendOrderLineItemsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AmendOrderLineItemsQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'currentQuantity' | 'requiresShipping'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type AmendShippingQuoteMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.DraftOrderInput;
}>;


export type AmendShippingQuoteMutation = { draftOrderCalculate?: AdminTypes.Maybe<{ calculatedDraftOrder?: AdminTypes.Maybe<{ availableShippingRates: Array<(
        Pick<AdminTypes.ShippingRate, 'handle' | 'title'>
        & { price: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
      )> }>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type AmendShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AmendShopInfoQuery = { shop: (
    Pick<AdminTypes.Shop, 'name' | 'email' | 'contactEmail' | 'myshopifyDomain' | 'url' | 'currencyCode'>
    & { primaryDomain: Pick<AdminTypes.Domain, 'url'> }
  ) };

export type AmendWithdrawalFactsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillments: AdminTypes.Scalars['Int']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
  shipmentLines: AdminTypes.Scalars['Int']['input'];
}>;


export type AmendWithdrawalFactsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'createdAt' | 'deliveredAt'>
      & { fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'variantTitle' | 'unfulfilledQuantity'>
        & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'tags'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'status'>
        & { returnLineItems: { nodes: Array<(
            Pick<AdminTypes.ReturnLineItem, 'quantity'>
            & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
          ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'quantity'>> } }
      )> } }
  )> };

export type AmendWithdrawalLineItemsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type AmendWithdrawalLineItemsQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'variantTitle' | 'unfulfilledQuantity'>
        & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'tags'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type AmendReturnRequestMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnRequestInput;
}>;


export type AmendReturnRequestMutation = { returnRequest?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<Pick<AdminTypes.Return, 'id' | 'name' | 'status'>>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message' | 'code'>> }> };

export type AmendOrderReturnsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AmendOrderReturnsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
        & { returnLineItems: { nodes: Array<Pick<AdminTypes.ReturnLineItem, 'customerNote'>> } }
      )> } }
  )> };

export type AmendFindOrderByNameQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type AmendFindOrderByNameQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'legacyResourceId' | 'name' | 'email'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName'>>, billingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName'>> }
    )> } };

interface GeneratedQueryTypes {
  "#graphql\nquery AmendShippingAddressReadBack($id: ID!) {\n  order(id: $id) {\n    id\n    shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }\n    fulfillmentOrders(first: 10) {\n      nodes { id status destination { address1 city zip countryCode } }\n    }\n  }\n}\n": {return: AmendShippingAddressReadBackQuery, variables: AmendShippingAddressReadBackQueryVariables},
  "#graphql\nquery AmendOrderLineQuantities($id: ID!) {\n  order(id: $id) {\n    id\n    lineItems(first: 100) { nodes { id currentQuantity } }\n  }\n}\n": {return: AmendOrderLineQuantitiesQuery, variables: AmendOrderLineQuantitiesQueryVariables},
  "#graphql\nquery AmendCancelJob($jobId: ID!, $orderId: ID!) {\n  job(id: $jobId) { id done }\n  order(id: $orderId) { id cancelledAt }\n}\n": {return: AmendCancelJobQuery, variables: AmendCancelJobQueryVariables},
  "#graphql\nquery AmendOrderCancelled($id: ID!) {\n  order(id: $id) { id cancelledAt }\n}\n": {return: AmendOrderCancelledQuery, variables: AmendOrderCancelledQueryVariables},
  "#graphql\nquery AmendFulfillmentServiceWork($id: ID!) {\n  order(id: $id) {\n    id\n    cancelledAt\n    fulfillmentOrders(first: 20) {\n      nodes {\n        id\n        status\n        requestStatus\n        assignedLocation {\n          name\n          location { id isFulfillmentService fulfillmentService { serviceName } }\n        }\n        merchantRequests(kind: CANCELLATION_REQUEST, last: 1) {\n          nodes { message responseData sentAt }\n        }\n      }\n    }\n  }\n}\n": {return: AmendFulfillmentServiceWorkQuery, variables: AmendFulfillmentServiceWorkQueryVariables},
  "#graphql\nquery AmendFulfillmentOrderRequestStatus($id: ID!) {\n  fulfillmentOrder(id: $id) { id requestStatus }\n}\n": {return: AmendFulfillmentOrderRequestStatusQuery, variables: AmendFulfillmentOrderRequestStatusQueryVariables},
  "#graphql\nquery AmendFulfillmentHolds($id: ID!) {\n  order(id: $id) {\n    id\n    fulfillmentOrders(first: 10) {\n      nodes { id status fulfillmentHolds { id handle heldByRequestingApp } }\n    }\n  }\n}\n": {return: AmendFulfillmentHoldsQuery, variables: AmendFulfillmentHoldsQueryVariables},
  "#graphql\nquery AmendOrderFacts($id: ID!, $fulfillmentOrders: Int!, $shippingLines: Int!, $discounts: Int!) {\n  order(id: $id) {\n    id\n    legacyResourceId\n    name\n    createdAt\n    customer {\n      id\n      locale\n      firstName\n      lastName\n      defaultEmailAddress { emailAddress }\n      defaultPhoneNumber { phoneNumber }\n    }\n    email\n    phone\n    statusPageUrl\n    customerLocale\n    currencyCode\n    displayFinancialStatus\n    displayFulfillmentStatus\n    cancelledAt\n    closed\n    fulfillmentsCount { count }\n    fulfillmentOrders(first: $fulfillmentOrders) {\n      pageInfo { hasNextPage }\n      nodes {\n        id\n        status\n        requestStatus\n        fulfillAt\n        deliveryMethod { methodType }\n        fulfillmentHolds { id reason heldByRequestingApp }\n      }\n    }\n    shippingAddress { ...AmendMailingAddress }\n    purchasingEntity { ... on PurchasingCompany { location { id } } }\n    shippingLines(first: $shippingLines) {\n      pageInfo { hasNextPage }\n      nodes {\n        title\n        code\n        originalPriceSet { shopMoney { amount currencyCode } }\n        discountedPriceSet { shopMoney { amount currencyCode } }\n      }\n    }\n    discountApplications(first: $discounts) {\n      pageInfo { hasNextPage }\n      nodes {\n        __typename\n        targetType\n        value {\n          __typename\n          ... on MoneyV2 { amount currencyCode }\n          ... on PricingPercentageValue { percentage }\n        }\n        ... on DiscountCodeApplication { code }\n        ... on AutomaticDiscountApplication { title }\n        ... on ManualDiscountApplication { title }\n        ... on ScriptDiscountApplication { title }\n      }\n    }\n    lineItems(first: 10) {\n      nodes { id title currentQuantity requiresShipping variant { id } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\nfragment AmendMailingAddress on MailingAddress {\n  firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone\n}\n": {return: AmendOrderFactsQuery, variables: AmendOrderFactsQueryVariables},
  "#graphql\nquery AmendShopShipsTo {\n  shop { shipsToCountries }\n}\n": {return: AmendShopShipsToQuery, variables: AmendShopShipsToQueryVariables},
  "#graphql\nquery AmendOrderLineItems($id: ID!, $after: String) {\n  order(id: $id) {\n    lineItems(first: 100, after: $after) {\n      nodes { id title currentQuantity requiresShipping variant { id } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n": {return: AmendOrderLineItemsQuery, variables: AmendOrderLineItemsQueryVariables},
  "#graphql\nquery AmendShopInfo {\n  shop {\n    name\n    email\n    contactEmail\n    myshopifyDomain\n    url\n    currencyCode\n    primaryDomain { url }\n  }\n}\n": {return: AmendShopInfoQuery, variables: AmendShopInfoQueryVariables},
  "#graphql\nquery AmendWithdrawalFacts($id: ID!, $fulfillments: Int!, $lines: Int!, $shipmentLines: Int!) {\n  order(id: $id) {\n    id\n    fulfillments(first: $fulfillments) {\n      id\n      status\n      createdAt\n      deliveredAt\n      fulfillmentLineItems(first: $shipmentLines) { nodes { id quantity lineItem { id } } }\n    }\n    lineItems(first: $lines) {\n      nodes { id variantTitle unfulfilledQuantity product { tags } }\n      pageInfo { hasNextPage endCursor }\n    }\n    returns(first: 3) {\n      nodes {\n        id\n        status\n        returnLineItems(first: $shipmentLines) {\n          nodes { quantity ... on ReturnLineItem { fulfillmentLineItem { id } } }\n        }\n      }\n    }\n  }\n}\n": {return: AmendWithdrawalFactsQuery, variables: AmendWithdrawalFactsQueryVariables},
  "#graphql\nquery AmendWithdrawalLineItems($id: ID!, $first: Int!, $after: String) {\n  order(id: $id) {\n    lineItems(first: $first, after: $after) {\n      nodes { id variantTitle unfulfilledQuantity product { tags } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}\n": {return: AmendWithdrawalLineItemsQuery, variables: AmendWithdrawalLineItemsQueryVariables},
  "#graphql\nquery AmendOrderReturns($id: ID!) {\n  order(id: $id) {\n    id\n    returns(first: 10) {\n      nodes {\n        id\n        name\n        status\n        returnLineItems(first: 5) { nodes { ... on ReturnLineItem { customerNote } } }\n      }\n    }\n  }\n}\n": {return: AmendOrderReturnsQuery, variables: AmendOrderReturnsQueryVariables},
  "#graphql\nquery AmendFindOrderByName($query: String!) {\n  orders(first: 1, query: $query) {\n    nodes {\n      id\n      legacyResourceId\n      name\n      email\n      customer { firstName lastName }\n      shippingAddress { firstName lastName }\n      billingAddress { firstName lastName }\n    }\n  }\n}\n": {return: AmendFindOrderByNameQuery, variables: AmendFindOrderByNameQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation AmendFlowTriggerReceive($handle: String!, $payload: JSON!) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: AmendFlowTriggerReceiveMutation, variables: AmendFlowTriggerReceiveMutationVariables},
  "#graphql\nmutation AmendApplyShippingAddress($input: OrderInput!) {\n  orderUpdate(input: $input) {\n    order {\n      id\n      shippingAddress { firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }\n      fulfillmentOrders(first: 10) {\n        nodes { id status destination { address1 city zip countryCode } }\n      }\n    }\n    userErrors { field message }\n  }\n}\n": {return: AmendApplyShippingAddressMutation, variables: AmendApplyShippingAddressMutationVariables},
  "#graphql\nmutation AmendOrderEditBegin($id: ID!) {\n  orderEditBegin(id: $id) {\n    calculatedOrder {\n      id\n      lineItems(first: 100) { nodes { id quantity variant { id } } }\n    }\n    userErrors { field message }\n  }\n}\n": {return: AmendOrderEditBeginMutation, variables: AmendOrderEditBeginMutationVariables},
  "#graphql\nmutation AmendOrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!, $restock: Boolean) {\n  orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: $restock) {\n    calculatedLineItem { id quantity }\n    userErrors { field message }\n  }\n}\n": {return: AmendOrderEditSetQuantityMutation, variables: AmendOrderEditSetQuantityMutationVariables},
  "#graphql\nmutation AmendOrderEditCommit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {\n  orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {\n    order { id lineItems(first: 100) { nodes { id currentQuantity } } }\n    userErrors { field message }\n  }\n}\n": {return: AmendOrderEditCommitMutation, variables: AmendOrderEditCommitMutationVariables},
  "#graphql\nmutation AmendCancelOrder(\n  $orderId: ID!\n  $reason: OrderCancelReason!\n  $refundMethod: OrderCancelRefundMethodInput\n  $restock: Boolean!\n  $notifyCustomer: Boolean\n  $staffNote: String\n) {\n  orderCancel(\n    orderId: $orderId\n    reason: $reason\n    refundMethod: $refundMethod\n    restock: $restock\n    notifyCustomer: $notifyCustomer\n    staffNote: $staffNote\n  ) {\n    job { id done }\n    orderCancelUserErrors { field message code }\n  }\n}\n": {return: AmendCancelOrderMutation, variables: AmendCancelOrderMutationVariables},
  "#graphql\nmutation AmendSubmitCancellationRequest($id: ID!, $message: String) {\n  fulfillmentOrderSubmitCancellationRequest(id: $id, message: $message) {\n    fulfillmentOrder { id requestStatus }\n    userErrors { field message }\n  }\n}\n": {return: AmendSubmitCancellationRequestMutation, variables: AmendSubmitCancellationRequestMutationVariables},
  "#graphql\nmutation AmendHoldFulfillmentOrder($id: ID!, $hold: FulfillmentOrderHoldInput!) {\n  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {\n    fulfillmentHold { id handle }\n    fulfillmentOrder { id status }\n    userErrors { field message code }\n  }\n}\n": {return: AmendHoldFulfillmentOrderMutation, variables: AmendHoldFulfillmentOrderMutationVariables},
  "#graphql\nmutation AmendReleaseFulfillmentHold($id: ID!, $holdIds: [ID!]) {\n  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {\n    fulfillmentOrder { id status }\n    userErrors { field message code }\n  }\n}\n": {return: AmendReleaseFulfillmentHoldMutation, variables: AmendReleaseFulfillmentHoldMutationVariables},
  "#graphql\nmutation AmendShippingQuote($input: DraftOrderInput!) {\n  draftOrderCalculate(input: $input) {\n    calculatedDraftOrder {\n      availableShippingRates { handle title price { amount currencyCode } }\n    }\n    userErrors { field message }\n  }\n}\n": {return: AmendShippingQuoteMutation, variables: AmendShippingQuoteMutationVariables},
  "#graphql\nmutation AmendReturnRequest($input: ReturnRequestInput!) {\n  returnRequest(input: $input) {\n    return { id name status }\n    userErrors { field message code }\n  }\n}\n": {return: AmendReturnRequestMutation, variables: AmendReturnRequestMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
