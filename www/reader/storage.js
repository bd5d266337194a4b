// The browser's storage for this site: how much is used and allowed, whether it is kept when
// space runs low, and how a full or refused storage shows itself.

/** Nothing more fits: the browser's quota for this site is reached. */
export class StorageFullError extends Error {
  name = "StorageFullError";
}

/** The browser does not let this site store articles (private browsing, settings, an insecure origin). */
export class StorageRefusedError extends Error {
  name = "StorageRefusedError";
}

/** QuotaExceededError as browsers spell it, from Cache Storage, IndexedDB or localStorage. */
export function isQuotaError(error) {
  return error?.name === "QuotaExceededError" || error?.name === "NS_ERROR_DOM_QUOTA_REACHED" || error?.code === 22;
}

/** `{ usage, quota }` in bytes, or null where the browser does not say. */
export async function estimate() {
  try {
    const { usage, quota } = await navigator.storage.estimate();
    return { usage, quota };
  } catch {
    return null;
  }
}

/** Whether the browser keeps this site's storage when space runs low: true, false, or null (unknown). */
export async function persisted() {
  try {
    return await navigator.storage.persisted();
  } catch {
    return null;
  }
}

/** Asks the browser to keep this site's storage; resolves to its answer (null: cannot ask). */
export async function requestPersistence() {
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) return "?";
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
