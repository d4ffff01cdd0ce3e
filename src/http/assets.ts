/**
 * Files the browser pages load, all from this server, never from a CDN, so the playground and the
 * graph view work offline: browser builds of installed npm packages (GraphiQL, React, Cytoscape.js),
 * found with require.resolve, and our own page scripts and styles in src/http/static. Package
 * files are served under their version (`/assets/graphiql@4.1.2/…`) and cached for good; ours
 * change with the code and are revalidated (ETag) on every load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Request, type Response, Router } from 'express';
import { PROJECT_ROOT } from '../config';

export interface Asset {
  /** The URL path it is served at. */
  url: string;
  /** The file on disk. */
  file: string;
  /** Never changes at this URL. */
  immutable: boolean;
}

/**
 * Our own browser files. tsc compiles only TypeScript into dist/, so they are served from the
 * source folder, found from the project root in both `src/` and `dist/src/` runs.
 */
export const STATIC_DIR = path.join(PROJECT_ROOT, 'src', 'http', 'static');

function existing(file: string, what: string): string {
  if (!fs.existsSync(file)) throw new Error(`${what} is missing: ${file}`);
  return file;
}

/**
 * An installed package's folder and version. Found from its resolved entry point, since a
 * package's `exports` may hide both its dist files and its package.json from require.resolve.
 */
function installedPackage(pkg: string): { dir: string; version: string } {
  const entry = require.resolve(pkg);
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version: string };
    if (name === pkg) return { dir, version };
  }
  throw new Error(`cannot find the folder of the package ${pkg} (resolved to ${entry})`);
}

/** A file of an installed package, e.g. vendorAsset('react', 'umd/react.production.min.js'). */
export function vendorAsset(pkg: string, relative: string): Asset {
  const { dir, version } = installedPackage(pkg);
  return {
    url: `/assets/${pkg}@${version}/${relative}`,
    file: existing(path.join(dir, relative), `${pkg}'s browser file ${relative}`),
    immutable: true,
  };
}

/** A file of ours in src/http/static. */
export function ownAsset(relative: string): Asset {
  return {
    url: `/assets/diplograph/${relative}`,
    file: existing(path.join(STATIC_DIR, relative), `the page asset ${relative}`),
    immutable: false,
  };
}

/** GET routes serving exactly these files (nothing else under /assets is reachable). */
export function assetRoutes(assets: Asset[]): Router {
  const router = Router();
  for (const asset of assets) {
    router.get(asset.url, (_req: Request, res: Response, next) => {
      res.sendFile(
        asset.file,
        asset.immutable
          ? { maxAge: '365d', immutable: true }
          : { cacheControl: false, headers: { 'Cache-Control': 'no-cache' } },
        (error) => {
          if (error && !res.headersSent) next(error);
        },
      );
    });
  }
  return router;
}

/**
 * Headers of our HTML pages. The Content-Security-Policy lets a page load and fetch only from this
 * server, so a dependency that reached out to a CDN or a font service would fail loudly here too;
 * inline styles stay allowed because React and Cytoscape set them.
 */
export function pageHeaders(res: Response): void {
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join('; '),
  });
}

/** Text for an HTML attribute or element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside <script type="application/json">: no `</script>` or `<!--` can end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
