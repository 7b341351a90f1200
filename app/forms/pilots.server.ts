/**
 * The pilot form schemas for actions. Routes import them from here, not from ./pilots: a `.server`
 * module never reaches the browser, so the pilot pages, validated on the server only, carry no zod
 * (issue 14 script budget; esbuild cannot drop a schema module, its zod calls look like side effects).
 */
export * from "./pilots";
