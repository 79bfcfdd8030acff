// @ts-check
/* global document, window, setTimeout */
/**
 * The page around the extension frames: it opens an action menu item's modal target in a <dialog> (a new render
 * each time, as Shopify does), closes it for `shopify.close()` or Escape, and shows toasts.
 */
(() => {
  /** @param {string} handle @param {string} order */
  const dialogOf = (handle, order) =>
    /** @type {HTMLDialogElement | null} */ (
      document.querySelector(`dialog.action-modal[data-handle="${handle}"][data-order="${order}"]`)
    );

  const preview = {
    /** @param {string} handle @param {string} order */
    openModal(handle, order) {
      const dialog = dialogOf(handle, order);
      if (!dialog || dialog.open) return;
      const frame = document.createElement("iframe");
      frame.className = "extension-frame modal-frame";
      frame.title = dialog.getAttribute("aria-label") || handle;
      frame.dataset.handle = handle;
      frame.dataset.target = "customer-account.order.action.render";
      frame.src = dialog.dataset.src || "";
      dialog.replaceChildren(frame);
      dialog.showModal();
      frame.addEventListener("load", () => frame.contentWindow?.focus(), { once: true });
    },
    /** @param {string} handle */
    closeModal(handle) {
      /** @type {HTMLDialogElement | null} */ (
        document.querySelector(`dialog.action-modal[data-handle="${handle}"][open]`)
      )?.close();
    },
    /** @param {string} message */
    toast(message) {
      const toast = document.createElement("div");
      toast.className = "toast";
      toast.setAttribute("role", "status");
      toast.textContent = message;
      document.body.append(toast);
      setTimeout(() => toast.remove(), 5000);
    },
  };
  /** @type {any} */ (window).__preview = preview;

  document.addEventListener("DOMContentLoaded", () => {
    for (const dialog of document.querySelectorAll("dialog.action-modal")) {
      // the modal's frame goes with it: the next opening renders the target afresh
      dialog.addEventListener("close", () => {
        dialog.replaceChildren();
        const { handle, order } = /** @type {HTMLElement} */ (dialog).dataset;
        const menu = document.querySelector(
          `iframe[data-handle="${handle}"][data-order="${order}"][data-target$="menu-item.render"]`,
        );
        /** @type {HTMLElement | null} */ (menu)?.focus();
      });
      // a click on the backdrop (outside the frame) closes it
      dialog.addEventListener("click", (e) => {
        if (e.target === dialog) /** @type {HTMLDialogElement} */ (dialog).close();
      });
    }
  });
})();
