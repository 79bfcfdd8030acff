import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { amendApi, numericId } from "../../_shared/api";
import { useLoad } from "../../_shared/hooks";

export default () => {
  render(<ThankYouBlock />, document.body);
};

/**
 * "Wrong address? You can change it until …" with the way to the order's page. It shows nothing until it knows the
 * change is allowed, and nothing at all when it is not or when anything fails: the thank-you page never waits on
 * Amend and never shifts for it except to show this one message.
 */
function ThankYouBlock() {
  const t = shopify.i18n.translate;
  const orderId = numericId(shopify.orderConfirmation.value?.order?.id);
  const [options] = useLoad(() => amendApi(shopify, "checkout").options(orderId));
  if (options.state !== "ready" || !options.data.addressChange.allowed) return null;

  const { deadline } = options.data.addressChange;
  const url = orderStatusUrl(shopify.shop.id, orderId);
  return (
    <s-banner tone="info" heading={t("block.heading")}>
      <s-stack gap="small">
        <s-text>
          {deadline
            ? t("block.until", {
                deadline: shopify.i18n.formatDate(new Date(deadline), { dateStyle: "long", timeStyle: "short" }),
              })
            : t("block.fromOrderPage")}
        </s-text>
        {url && (
          <s-link href={url} accessibilityLabel={t("block.linkLabel", { order: options.data.order.name })}>
            {t("block.link")}
          </s-link>
        )}
      </s-stack>
    </s-banner>
  );
}

/** The order's page in the shop's customer account (shopify.com/<shop id>/account/orders/<order id>). */
function orderStatusUrl(shopGid: string, orderId: string): string | undefined {
  const shopId = numericId(shopGid);
  return shopId && orderId ? `https://shopify.com/${shopId}/account/orders/${orderId}` : undefined;
}
