/**
 * A store-only (no compression) zip writer, enough for a PNG sequence: PNGs are compressed
 * already. Local headers, the central directory and its end record as in PKWARE's APPNOTE
 * 4.3.7, 4.3.12 and 4.3.16, with the CRC-32 of IEEE 802.3 (polynomial 0xEDB88320). Pure.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of bytes (the zip and PNG checksum): crc32("123456789") = 0xCBF43926. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  /** A path inside the archive, ASCII ('frame-0001.png'). */
  name: string;
  data: Uint8Array;
}

/** 1 January 2000, 00:00, in MS-DOS time and date: a fixed stamp, so the archive is reproducible. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

/** A zip archive of the entries, stored (method 0); fewer than 65 535 entries of < 4 GiB. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff)
    throw new Error(`a zip holds at most 65535 files; got ${entries.length}`);
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const crcs = entries.map((e) => crc32(e.data));
  const localSize = entries.reduce((a, e, k) => a + 30 + names[k]!.length + e.data.length, 0);
  const centralSize = names.reduce((a, n) => a + 46 + n.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const u16 = (v: number) => {
    view.setUint16(p, v, true);
    p += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(p, v >>> 0, true);
    p += 4;
  };
  const offsets: number[] = [];
  entries.forEach((e, k) => {
    offsets.push(p);
    u32(0x04034b50); // local file header
    u16(10); // version needed: 1.0
    u16(0); // flags
    u16(0); // method: stored
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(crcs[k]!);
    u32(e.data.length); // compressed size
    u32(e.data.length); // uncompressed size
    u16(names[k]!.length);
    u16(0); // extra field length
    out.set(names[k]!, p);
    p += names[k]!.length;
    out.set(e.data, p);
    p += e.data.length;
  });
  const central = p;
  entries.forEach((e, k) => {
    u32(0x02014b50); // central directory header
    u16(20); // version made by
    u16(10); // version needed
    u16(0);
    u16(0);
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(crcs[k]!);
    u32(e.data.length);
    u32(e.data.length);
    u16(names[k]!.length);
    u16(0); // extra
    u16(0); // comment
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[k]!);
    out.set(names[k]!, p);
    p += names[k]!.length;
  });
  const centralEnd = p;
  u32(0x06054b50); // end of central directory
  u16(0);
  u16(0);
  u16(entries.length);
  u16(entries.length);
  u32(centralEnd - central);
  u32(central);
  u16(0); // comment length
  return out;
}
