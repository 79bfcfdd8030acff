import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return (
    <s-admin-block heading={shopify.i18n.translate("block.heading")}>
      <s-text>{shopify.i18n.translate("block.loading")}</s-text>
    </s-admin-block>
  );
}
