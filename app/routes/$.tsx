/**
 * Every URL no other route matches. Its loader answers 404 by throwing, so Remix runs the root
 * loader first and the root ErrorBoundary shows "page not found" in the reader's language, with the
 * signed-in header (without this route Remix renders the error page with no root data: English and
 * signed out). Other methods answer 404 the same way.
 */
export function loader(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

export function action(): never {
  throw new Response(null, { status: 404, statusText: "Not Found" });
}

/** Never shown (the loader always throws); its presence makes this a page route, not a resource route. */
export default function NotFound() {
  return null;
}
