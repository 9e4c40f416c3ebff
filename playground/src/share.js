// Programs in URLs and in localStorage: `#code=` + base64url (RFC 4648 §5, no padding)
// of the program's UTF-8 bytes, so any program (any Unicode, any length the browser
// takes) survives a link exactly.

const STORAGE_KEY = "stackswitch-playground:program";

export function encodeProgram(source) {
  let binary = "";
  for (const byte of new TextEncoder().encode(source)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The program in `#code=...`, or null when the fragment has none or it is malformed. */
export function programFromFragment(hash) {
  const match = /^#code=([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match) return null;
  try {
    const binary = atob(match[1].replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function shareLink(source) {
  const url = new URL(location.href);
  url.hash = `code=${encodeProgram(source)}`;
  return url.href;
}

export function savedProgram() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, a sandboxed frame)
  }
}

export function saveProgram(source) {
  try {
    localStorage.setItem(STORAGE_KEY, source);
  } catch {
    // Full or disabled: the program is still in the editor and the URL can share it.
  }
}
