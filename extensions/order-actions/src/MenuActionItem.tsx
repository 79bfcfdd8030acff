import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { amendApi, numericId, orderPageUrl } from "../../_shared/api";
import { useLoad } from "../../_shared/hooks";

export default () => {
  render(<MenuActionItem />, document.body);
};

/**
 * One button in the order's action menu (the target renders a single button). It links straight to the address
 * page when that is the only change allowed, and otherwise opens the modal (ActionModal), which offers what is
 * allowed and explains what is not — so the button always leads somewhere.
 */
function MenuActionItem() {
  const t = shopify.i18n.translate;
  const orderId = numericId(shopify.orderId);
  const [options] = useLoad(() => amendApi(shopify).options(orderId));

  if (options.state === "loading") {
    return (
      <s-button loading accessibilityLabel={t("menu.loadingLabel")}>
        {t("menu.changeOrder")}
      </s-button>
    );
  }
  if (options.state === "ready") {
    const { addressChange, cancellation } = options.data;
    if (addressChange.allowed && !cancellation.allowed) {
      return <s-button href={orderPageUrl(orderId)}>{t("menu.changeAddress")}</s-button>;
    }
    if (cancellation.allowed && !addressChange.allowed) {
      return (
        <s-button accessibilityLabel={t("menu.requestCancellationLabel")}>{t("menu.requestCancellation")}</s-button>
      );
    }
    if (!cancellation.allowed && !addressChange.allowed) {
      return <s-button accessibilityLabel={t("menu.notAllowedLabel")}>{t("menu.changeOrder")}</s-button>;
    }
  }
  // both allowed, or the options could not be loaded: the modal offers both and shows its own retry
  return <s-button accessibilityLabel={t("menu.changeOrderLabel")}>{t("menu.changeOrder")}</s-button>;
}
