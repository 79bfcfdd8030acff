import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { amendApi, numericId } from "../../_shared/api";
import { useLoad } from "../../_shared/hooks";

export default () => {
  render(<ThankYouBlock />, document.body);
};

/**
 * "Wrong address? You can change it until …" with the way to the order's page, and, where the store offers the EU
 * withdrawal function for this order, "Withdraw from contract here" to the storefront's withdrawal page (the
 * thank-you page has no customer-account session; that page identifies the order by number, email and name). It
 * shows nothing until it knows, and nothing at all when neither applies or when anything fails: the thank-you page
 * never waits on Amend and never shifts for it except to show these messages.
 */
function ThankYouBlock() {
  const t = shopify.i18n.translate;
  const orderId = numericId(shopify.orderConfirmation.value?.order?.id);
  const [options] = useLoad(() => amendApi(shopify, "checkout").options(orderId));
  if (options.state !== "ready") return null;
  const { addressChange, withdrawal, order } = options.data;
  const withdraw = withdrawal?.offered && withdrawal.allowed ? withdrawal : null;
  if (!addressChange.allowed && !withdraw) return null;

  const { deadline } = addressChange;
  const url = orderStatusUrl(shopify.shop.id, orderId);
  return (
    <s-stack gap="base">
      {addressChange.allowed && (
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
              <s-link href={url} accessibilityLabel={t("block.linkLabel", { order: order.name })}>
                {t("block.link")}
              </s-link>
            )}
          </s-stack>
        </s-banner>
      )}
      {withdraw && (
        <s-banner tone="info" heading={t("withdrawal.heading")}>
          <s-stack gap="small">
            <s-text>{t("withdrawal.text", { days: withdraw.periodDays })}</s-text>
            <s-link href={withdraw.storefrontUrl} accessibilityLabel={t("withdrawal.linkLabel", { order: order.name })}>
              {t("withdrawal.link")}
            </s-link>
          </s-stack>
        </s-banner>
      )}
    </s-stack>
  );
}

/** The order's page in the shop's customer account (shopify.com/<shop id>/account/orders/<order id>). */
function orderStatusUrl(shopGid: string, orderId: string): string | undefined {
  const shopId = numericId(shopGid);
  return shopId && orderId ? `https://shopify.com/${shopId}/account/orders/${orderId}` : undefined;
}
