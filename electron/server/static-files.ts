// Serves the built renderer from one directory, and nothing outside it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function inside(root: string, full: string): boolean {
  const rel = relative(root, full);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Maps a URL path to a file inside root, or null. Decodes once, refuses NUL and backslashes, and
 * checks containment twice: on the resolved path (../ tricks) and on the real path (symlinks).
 */
export async function resolveStaticPath(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootReal = await realpath(root).catch(() => null);
  if (!rootReal) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const full = resolve(rootReal, '.' + wanted);
  if (!inside(rootReal, full)) return null;
  const real = await realpath(full).catch(() => null);
  if (!real || !inside(rootReal, real)) return null;
  const st = await stat(real).catch(() => null);
  if (!st) return null;
  if (st.isDirectory()) {
    const index = join(real, 'index.html');
    const ist = await stat(index).catch(() => null);
    return ist?.isFile() ? index : null;
  }
  return st.isFile() ? real : null;
}

export async function sendFile(res: ServerResponse, file: string, headOnly: boolean, cacheControl: string): Promise<void> {
  const st = await stat(file);
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': String(st.size),
    'Cache-Control': cacheControl,
  });
  if (headOnly) {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      done();
    });
    stream.on('end', done);
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}
