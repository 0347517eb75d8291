import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { startKeepingTyped } from "./web/keep-typed";
import { RequestIdContext } from "./web/request-context";

startKeepingTyped(); // what is typed before the page is taken over is put back after (root.tsx)

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestIdContext.Provider value={document.body.dataset.requestId ?? ""}>
        <RemixBrowser />
      </RequestIdContext.Provider>
    </StrictMode>,
  );
});
