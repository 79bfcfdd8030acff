/** The pure domain of Amend: vocabulary, rules, request lifecycle, deadlines, money, addresses, texts. */
export * from "./types";
export * from "./policy";
export * from "./money";
export * from "./address";
export * from "./deadlines";
export * from "./state-machine";
export * from "./rules";
export * from "./messages";
export type { Messages } from "../i18n/en";
export * from "./withdrawal";
