import "@shopify/ui-extensions/preact";
import { render } from "preact";

export default async () => {
  render(<Extension />, document.body);
};

function Extension() {
  return <s-button>{shopify.i18n.translate("menu.changeAddress")}</s-button>;
}
