import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return (
    <s-customer-account-action heading={shopify.i18n.translate("action.heading")}>
      <s-text>{shopify.i18n.translate("action.loading")}</s-text>
    </s-customer-account-action>
  );
}
