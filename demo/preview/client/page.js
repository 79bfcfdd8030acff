// @ts-check
/* global document, window, setTimeout */
/**
 * The page around the extension frames: it opens an action menu item's modal target in a <dialog> (a new render
 * each time, as Shopify does), closes it for `shopify.close()` or Escape, and shows toasts.
 */
(() => {
  /** @param {string} handle */
  const dialogOf = (handle) =>
    /** @type {HTMLDialogElement | null} */ (document.querySelector(`dialog.action-modal[data-handle="${handle}"]`));

  const preview = {
    /** @param {string} handle */
    openModal(handle) {
      const dialog = dialogOf(handle);
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
      dialogOf(handle)?.close();
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
        const menu = document.querySelector(
          `iframe[data-handle="${/** @type {HTMLElement} */ (dialog).dataset.handle}"][data-target$="menu-item.render"]`,
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
