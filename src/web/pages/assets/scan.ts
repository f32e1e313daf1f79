/**
 * The tag a scanned text designates — the server's rule (`tagFromScan`):
 * a text containing `/assets/tag/<tag>` (the URL a QR label encodes)
 * designates `<tag>`; any other text is the tag itself, trimmed. Barcode
 * scanners that type like a keyboard ("douchettes") and the camera both go
 * through here.
 */
export function tagFromScan(text: string): string {
  const trimmed = text.trim();
  const match = /\/assets\/tag\/([^/?#\s]+)/.exec(trimmed);
  if (!match?.[1]) return trimmed;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A malformed escape (%E9 alone): the text as it came.
    return match[1];
  }
}

/**
 * Whether this browser can read codes with the camera: a camera API is
 * enough — BarcodeDetector where the browser has it, ZXing otherwise.
 * (`getUserMedia` exists only on secure origins: HTTPS or localhost.)
 */
export function cameraScanSupported(): boolean {
  const media = (globalThis as { navigator?: { mediaDevices?: { getUserMedia?: unknown } } }).navigator?.mediaDevices;
  return typeof media?.getUserMedia === 'function';
}
