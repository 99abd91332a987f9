/**
 * Any path no other route matches: a 404 through the root's error page. Being a route, it
 * lets the root loader run first, so the page still knows who is signed in (and never asks
 * a signed-in person to sign in).
 */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
