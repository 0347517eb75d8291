import { createContext, useContext } from "react";

/** The request id shown on error pages, so a member can quote it and staff find the log line. */
export const RequestIdContext = createContext<string>("");
export const useRequestId = () => useContext(RequestIdContext);
