import type { EmailTemplateSource } from "./types";

/**
 * Builds a default email's HTML and text Liquid from one list of blocks, so both parts always say
 * the same thing. The output is plain Liquid: what the merchant sees and edits in the admin.
 */
export interface Block {
  html: string;
  text: string;
}

/** A heading. `content` is Liquid text (outputs are HTML-escaped in the HTML part). */
export const h = (content: string): Block => ({ html: `<h1>${content}</h1>`, text: `${content}` });

export const p = (content: string): Block => ({ html: `<p>${content}</p>`, text: content });

/** The greeting by first name, or a neutral one when the name is unknown. */
export const greet = (withName: string, withoutName: string): Block =>
  p(
    `{% if customer.first_name != blank %}${withName.replace("{name}", "{{ customer.first_name }}")}{% else %}${withoutName}{% endif %}`,
  );

/** A customer's or staff's words, set apart. `variable` is e.g. "request.note". */
export const quote = (variable: string, label?: string): Block => ({
  html: `{% if ${variable} != blank %}${label ? `<p>${label}</p>` : ""}<blockquote>{{ ${variable} | escape | newline_to_br | raw }}</blockquote>{% endif %}`,
  text: `{% if ${variable} != blank %}${label ? `${label}\n` : ""}> {{ ${variable} }}{% endif %}`,
});

/** A postal address (`new_address`, `old_address`, `shipping_address`), as written on a parcel. */
export const address = (variable: string): Block => {
  const v = variable;
  const lines = [
    `{{ ${v}.name }}`,
    `{% if ${v}.company != blank %}{{ ${v}.company }}\n{% endif %}{{ ${v}.address1 }}`,
    `{% if ${v}.address2 != blank %}{{ ${v}.address2 }}\n{% endif %}{{ ${v}.zip }} {{ ${v}.city }}{% if ${v}.province_code != blank %} {{ ${v}.province_code }}{% endif %}`,
    `{{ ${v}.country }}`,
  ];
  return {
    html: `{% if ${v} %}<address>${lines.join("<br>").replace(/\n/g, "<br>")}</address>{% endif %}`,
    text: `{% if ${v} %}${lines
      .map((l) => l.replace(/\n/g, "\n  "))
      .map((l) => `  ${l}`)
      .join("\n")}{% endif %}`,
  };
};

/** A call to action; shown only when the URL variable is set. */
export const button = (label: string, urlVariable: string): Block => ({
  html: `{% if ${urlVariable} != blank %}<p><a class="button" href="{{ ${urlVariable} }}">${label}</a></p>{% endif %}`,
  text: `{% if ${urlVariable} != blank %}${label}: {{ ${urlVariable} }}{% endif %}`,
});

/** A label and a value on one line, shown only when the value is set. */
export const field = (label: string, variable: string): Block => ({
  html: `{% if ${variable} != blank %}<p>${label} {{ ${variable} }}</p>{% endif %}`,
  text: `{% if ${variable} != blank %}${label} {{ ${variable} }}{% endif %}`,
});

/** The items a store part-cancellation removed. */
export const cancelledItems = (): Block => ({
  html: `{% if cancelled_line_items.size > 0 %}<ul>{% for item in cancelled_line_items %}<li>{{ item.quantity }} × {{ item.title }}</li>{% endfor %}</ul>{% endif %}`,
  text: `{% for item in cancelled_line_items %}- {{ item.quantity }} x {{ item.title }}\n{% endfor %}`,
});

/** The withdrawal statement's items: the whole order, or each line and quantity. */
export const withdrawnItems = (wholeOrder: string): Block => ({
  html: `{% if withdrawal.whole_order %}<p>${wholeOrder}</p>{% endif %}{% if withdrawal.items.size > 0 %}<ul>{% for item in withdrawal.items %}<li>{{ item.quantity }} × {{ item.title }}</li>{% endfor %}</ul>{% endif %}`,
  text: `{% if withdrawal.whole_order %}${wholeOrder}\n{% endif %}{% for item in withdrawal.items %}- {{ item.quantity }} x {{ item.title }}\n{% endfor %}`,
});

/** Blocks shown only when a Liquid condition holds. */
export const when = (condition: string, blocks: Block[]): Block => ({
  html: `{% if ${condition} %}${blocks.map((b) => b.html).join("\n")}{% endif %}`,
  text: `{% if ${condition} %}${blocks.map((b) => b.text).join("\n\n")}{% endif %}`,
});

export function email(subject: string, blocks: Block[]): EmailTemplateSource {
  return {
    subject,
    html: blocks.map((b) => b.html).join("\n"),
    text: blocks.map((b) => b.text).join("\n\n"),
  };
}
