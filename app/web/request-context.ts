import { createContext, useContext } from "react";

/** The request id shown on error pages, so a member can quote it and staff find the log line. */
export const RequestIdContext = createContext<string>("");
export const useRequestId = () => useContext(RequestIdContext);

/** This response's Content-Security-Policy nonce: every inline <script> carries it (empty in the browser). */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);

/** True when this response failed because the database could not be reached: the error page says 503. */
export const UnavailableContext = createContext<boolean>(false);
export const useUnavailable = () => useContext(UnavailableContext);
