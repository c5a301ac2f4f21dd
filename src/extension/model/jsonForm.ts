// Command results cross into tests and scripts as plain JSON: bigint becomes a number when exact, else a
// decimal string (the same rule as the core's reportToJson); byte arrays become number arrays.
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toJsonForm(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(toJsonForm);
  if (typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== undefined && typeof x !== 'function') out[k] = toJsonForm(x);
    }
    return out;
  }
  return null;
}
