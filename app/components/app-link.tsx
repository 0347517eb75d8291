// Links that cost nothing on pages without JavaScript. Remix's <Link> and <NavLink> resolve the
// route-relative path, compute prefetch and discovery state and memoise it all on every render:
// on /latest (a hundred links) that was 7% of the server's CPU. A page with `hydrate: false`
// never runs client-side navigation, so there a plain <a> with the same href, class and
// aria-current is the same page for the reader. Hydrated pages keep Remix's components.
import { Link, NavLink, useLocation, type LinkProps, type NavLinkProps } from "@remix-run/react";
import { createContext, useContext } from "react";

/** Set by the root layout: does this page load the React bundle? */
export const HydratedContext = createContext(true);

/** Only site-absolute paths are written as they are; anything route-relative goes through Remix. */
const plain = (to: LinkProps["to"]): to is string => typeof to === "string" && to.startsWith("/");

export function AppLink({ to, prefetch: _prefetch, discover: _discover, ...rest }: LinkProps) {
  const hydrated = useContext(HydratedContext);
  if (hydrated || !plain(to) || rest.reloadDocument || rest.replace || rest.state !== undefined)
    return <Link to={to} {...rest} />;
  const { preventScrollReset: _p, relative: _r, viewTransition: _v, children, ...anchor } = rest;
  return (
    <a href={to} {...anchor}>
      {children}
    </a>
  );
}

export function AppNavLink({
  to,
  className,
  children,
  end,
  ...rest
}: Omit<NavLinkProps, "className" | "children" | "style"> & { className?: string; children: React.ReactNode }) {
  const hydrated = useContext(HydratedContext);
  const { pathname } = useLocation();
  if (hydrated || !plain(to)) {
    return (
      <NavLink to={to} end={end} className={className} {...rest}>
        {children}
      </NavLink>
    );
  }
  // NavLink's rule: the link is current on its own path and (unless `end`) on the paths below it
  const active = pathname === to || (!end && to !== "/" && pathname.startsWith(`${to}/`));
  const {
    prefetch: _f,
    discover: _d,
    preventScrollReset: _p,
    relative: _r,
    viewTransition: _v,
    caseSensitive: _c,
    reloadDocument: _rd,
    replace: _rp,
    state: _s,
    ...anchor
  } = rest;
  return (
    <a
      href={to}
      className={[className, active ? "active" : ""].filter(Boolean).join(" ") || undefined}
      aria-current={active ? "page" : undefined}
      {...anchor}
    >
      {children}
    </a>
  );
}
