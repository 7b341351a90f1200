/** The per-request CSP nonce, provided by entry.server.tsx; empty in the browser (not needed after load). */
import { createContext, useContext } from "react";

export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
