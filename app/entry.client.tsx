import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { RequestIdContext } from "./web/request-context";

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
