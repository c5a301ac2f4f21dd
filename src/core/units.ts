// STUB — being implemented (format owner). Signatures are the contract.
/** Binary units, at most 3 significant digits, exact when whole: "0 B", "8 B", "4 KiB", "64 GiB", "1.5 TiB". */
export function formatBytes(_n: bigint | number): string { throw new Error('not implemented'); }
/** Thousands separators: "8,589,934,592". */
export function formatCount(_n: bigint | number): string { throw new Error('not implemented'); }
