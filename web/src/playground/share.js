// Share-as-URL: the playground state, deflated and base64url-encoded in the URL hash
// (`#share=…`), so nothing is stored on any server.

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/** state → "#share=…" */
export async function encodeShare(state) {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return '#share=' + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/** location.hash → state, or null when the hash holds no (valid) shared state. */
export async function decodeShare(hash) {
  const m = /^#share=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  try {
    const bytes = await pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw'));
    const state = JSON.parse(new TextDecoder().decode(bytes));
    return typeof state?.schema === 'string' && typeof state?.data === 'string' ? state : null;
  } catch {
    return null;
  }
}
