import { describe, expect, it } from "vitest";
import { refusalMessage, waitingMessage } from "~/services/apply.server";
import { systemMessage } from "./request-detail";

describe("Amend's notes about a fulfillment service, on the request page", () => {
  const refused = refusalMessage([{ fulfillmentOrderId: "fo1", service: "LogiPlus", message: "Déjà expédié" }]);

  it("are shown in French to a French-speaking merchant", () => {
    expect(systemMessage(waitingMessage(["LogiPlus"]), "fr")).toBe(
      "En attente de l'accord de LogiPlus pour l'annulation (le prestataire logistique prépare la commande).",
    );
    expect(systemMessage(refused, "fr")).toBe(
      "LogiPlus a refusé d'annuler : la commande est déjà en préparation. Réponse du prestataire : « Déjà expédié ».",
    );
    expect(
      systemMessage(refusalMessage([{ fulfillmentOrderId: "fo1", service: "LogiPlus", message: null }]), "fr"),
    ).toBe("LogiPlus a refusé d'annuler : la commande est déjà en préparation.");
  });

  it("stay as written in English, and any other message is left alone", () => {
    expect(systemMessage(refused, "en")).toBe(refused);
    expect(systemMessage("No decision before the deadline", "fr")).toBe("No decision before the deadline");
  });
});
