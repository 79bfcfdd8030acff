import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return (
    <s-page heading={shopify.i18n.translate("page.heading")}>
      <s-text>{shopify.i18n.translate("page.loading")}</s-text>
    </s-page>
  );
}
