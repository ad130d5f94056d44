// A small static file server for dist/: `make run` serves the site with it, and the browser tests
// (tests/helpers.mjs) start it on a free port. Node built-ins only.
//
//   node scripts/serve.mjs [--host 127.0.0.1] [--port 8080] [--base /] [DIR=dist]
//
// It exists so that both use one MIME table: browsers refuse to stream-compile a .wasm file unless
// it is served as application/wasm. `--base /chiso/` serves DIR under that path, to try a build
// made with `trunk build --public-url /chiso/`.
//
// Like a production host, it serves the pre-compressed copy scripts/postbuild.mjs wrote (x.br,
// else x.gz) when the browser accepts that encoding, so the browser tests and `make bench` see
// the bytes a reader downloads.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Trunk's hashed file names (README, "Caching"): 16 hex digits, fewer when the hash starts with
 * zeros. */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/;

/** Content types by file extension; anything else is served as application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Starts a server. `mounts` maps URL path prefixes (ending in '/') to directories; the longest
 * matching prefix wins. A path ending in '/' serves that directory's index.html. Resolves to
 * `{ server, origin, close() }` once listening; `port: 0` picks a free port.
 */
export async function startStaticServer({ mounts, host = '127.0.0.1', port = 0, log = false }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => ({ prefix, dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server = createServer(async (req, res) => {
    const status = await serveFile(table, req, res);
    if (log) console.log(`${status} ${req.method} ${req.url}`);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const origin = `http://${host}:${server.address().port}`;
  const close = () => new Promise((ok) => { server.closeAllConnections(); server.close(() => ok()); });
  return { server, origin, close };
}

async function serveFile(table, req, res) {
  const send = (status, text) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(text);
    return status;
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(400, 'bad request\n');
  }
  const mount = table.find(({ prefix }) => pathname.startsWith(prefix));
  if (!mount) return send(404, 'not found\n');

  let file = join(mount.dir, pathname.slice(mount.prefix.length));
  // join() normalises '..' away; anything that still lands outside the mount is refused.
  if (file !== mount.dir && !file.startsWith(mount.dir + sep)) return send(403, 'forbidden\n');
  if (pathname.endsWith('/')) file = join(file, 'index.html');

  let info;
  try {
    info = await stat(file);
  } catch {
    return send(404, 'not found\n');
  }
  if (!info.isFile()) return send(404, 'not found\n');

  const headers = {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    // As the README's deploy section advises: a file whose name carries its content's hash never
    // changes (the page's boot script, run twice, is then fetched once); every other file is
    // checked again on each use, so tests and local runs always get the file just built.
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  let body = file;
  const encoding = await precompressed(file, req.headers['accept-encoding'] ?? '');
  if (encoding) {
    body = encoding.file;
    headers['content-encoding'] = encoding.name;
    headers['content-length'] = encoding.size;
    headers.vary = 'accept-encoding';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
  } else {
    createReadStream(body).pipe(res);
  }
  return 200;
}

/**
 * The pre-compressed copy of `file` to send for this Accept-Encoding header: brotli first, then
 * gzip; null when the browser accepts neither or no copy exists.
 */
async function precompressed(file, acceptEncoding) {
  const accepted = new Set(
    acceptEncoding.split(',').map((part) => part.trim().split(';')).filter(([, q]) => q?.trim() !== 'q=0').map(([name]) => name.trim().toLowerCase()),
  );
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepted.has(name)) continue;
    try {
      const info = await stat(file + ext);
      if (info.isFile()) return { name, file: file + ext, size: info.size };
    } catch {
      // No copy in this encoding.
    }
  }
  return null;
}

// Command line: `node scripts/serve.mjs [--host H] [--port P] [--base /sub/] [DIR]`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opts = { host: '127.0.0.1', port: 8080, base: '/', dir: 'dist' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--host') opts.host = args[++i];
    else if (arg === '--port') opts.port = Number(args[++i]);
    else if (arg === '--base') opts.base = args[++i];
    else if (arg.startsWith('--')) {
      console.error(`serve.mjs: unknown option ${arg}`);
      process.exit(2);
    } else opts.dir = arg;
  }
  const base = opts.base.endsWith('/') ? opts.base : `${opts.base}/`;
  const { origin } = await startStaticServer({
    mounts: { [base]: opts.dir }, host: opts.host, port: opts.port, log: true,
  });
  console.log(`serving ${opts.dir}/ at ${origin}${base} (Ctrl-C to stop)`);
}
