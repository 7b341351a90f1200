/**
 * The auth form schemas for actions and loaders. Routes import them from here, not from ./auth:
 * a `.server` module never reaches the browser, so pages that validate only on the server carry no
 * zod (issue 14 script budget; esbuild cannot drop a schema module, its zod calls look like side effects).
 */
export * from "./auth";
