import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { amendApi, numericId, withdrawalPageUrl } from "../../_shared/api";
import { useLoad } from "../../_shared/hooks";

export default () => {
  render(<WithdrawalMenuItem />, document.body);
};

/**
 * The withdrawal function's entry point in the order's action menu, on the order index and the order page: one
 * button, labelled as the law words it, that opens the withdrawal statement (extensions/withdrawal). It shows only
 * once the options say withdrawal is offered for this order and still possible; until then, and when the options
 * cannot be loaded, there is no button (the order-status block and its page explain a refusal).
 */
function WithdrawalMenuItem() {
  const t = shopify.i18n.translate;
  const orderId = numericId(shopify.orderId);
  const [options] = useLoad(() => amendApi(shopify).options(orderId));
  if (options.state !== "ready") return null;
  const { order, withdrawal } = options.data;
  if (!withdrawal?.offered || !withdrawal.allowed) return null;
  return (
    <s-button href={withdrawalPageUrl(orderId)} accessibilityLabel={t("menu.withdrawLabel", { order: order.name })}>
      {t("menu.withdraw")}
    </s-button>
  );
}
