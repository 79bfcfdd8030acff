import { Outlet } from "@remix-run/react";

/** /app/notifications/*: switches and branding (index), the template editor (editor; not "templates": Vite dev would serve app/notifications/templates/ at that URL), the delivery log. */
export default function NotificationsLayout() {
  return <Outlet />;
}
