// The browser's own file, text, compression, storage and download machinery, for src/io.rs.
// Everything here is what the browser already ships (TextDecoder, CompressionStream, Blob,
// canvas, localStorage): it costs the page no wasm. Every function catches its own failures
// and reports them as values or rejected promises with a plain message.

// The first file of a file input's change event or a drop event: { name, size, file } or null.
export function chosenFile(ev) {
  const files = (ev && ev.dataTransfer && ev.dataTransfer.files) || (ev && ev.target && ev.target.files) || [];
  const file = files[0];
  return file ? { name: String(file.name || ''), size: Number(file.size) || 0, file } : null;
}

// A file's bytes.
export async function fileBytes(file) {
  return new Uint8Array(await file.arrayBuffer());
}

// Bytes as text: `label` is a TextDecoder label, `skip` the BOM's length. The result is in
// Unicode's composed form (Windows-1258 text arrives with combining tone marks).
export function bytesToText(bytes, label, skip) {
  const text = new TextDecoder(label).decode(bytes.subarray(skip));
  return text.normalize('NFC');
}

// Composed form of pasted text.
export function nfc(text) {
  return String(text).normalize('NFC');
}

async function readAll(stream, maxBytes) {
  const reader = stream.getReader();
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error('too-large');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Text -> deflate-raw bytes (CompressionStream).
export async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return readAll(stream, 64 * 1024 * 1024);
}

// deflate-raw bytes -> UTF-8 text, refusing more than `maxBytes` once inflated (a link could
// carry a compression bomb). Rejects with 'too-large', or the browser's message for bad data.
export async function inflate(bytes, maxBytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const out = await readAll(stream, maxBytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(out);
}

// localStorage, which may be missing or full (private windows): null / false on failure.
export function storeGet(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (_) {
    return null;
  }
}
export function storeSet(key, value) {
  try {
    window.localStorage.setItem(key, value);
    return true;
  } catch (_) {
    return false;
  }
}
export function storeRemove(key) {
  try {
    window.localStorage.removeItem(key);
  } catch (_) {
    /* nothing stored, nothing to forget */
  }
}

function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

// Save text as a file.
export function downloadText(name, mime, text) {
  saveBlob(name, new Blob([text], { type: mime }));
}

// Draw an SVG document on a canvas at `scale` and save it as PNG. Resolves true when saved.
export function downloadPng(name, svg, width, height, scale) {
  return new Promise((resolve) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    img.onload = () => {
      try {
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(width * scale);
        canvas.height = Math.round(height * scale);
        const ctx = canvas.getContext('2d');
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0, width, height);
        URL.revokeObjectURL(url);
        canvas.toBlob((blob) => {
          if (blob) {
            saveBlob(name, blob);
            resolve(true);
          } else {
            resolve(false);
          }
        }, 'image/png');
      } catch (_) {
        URL.revokeObjectURL(url);
        resolve(false);
      }
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      resolve(false);
    };
    img.src = url;
  });
}

// The address's fragment, without '#'.
export function locationHash() {
  return window.location.hash.replace(/^#/, '');
}

// Save a file of this site under a name of ours (the dataset JSON of a built-in dataset).
export function downloadUrl(url, name) {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
