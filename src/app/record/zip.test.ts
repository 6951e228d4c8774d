import { describe, expect, it } from 'vitest';

import { crc32, zipStore } from './zip';

const bytes = (s: string) => new TextEncoder().encode(s);

/** Read a stored zip back through its central directory (APPNOTE 4.3.12, 4.3.16). */
function readZip(zip: Uint8Array): { name: string; data: Uint8Array; crc: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let p = view.getUint32(end + 16, true);
  expect(p + size).toBe(end);
  const out = [];
  for (let k = 0; k < count; k++) {
    expect(view.getUint32(p, true)).toBe(0x02014b50);
    const crc = view.getUint32(p + 16, true);
    const length = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength));
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint16(local + 8, true)).toBe(0); // stored
    expect(view.getUint32(local + 14, true)).toBe(crc);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.push({ name, data: zip.subarray(start, start + length), crc });
    p += 46 + nameLength;
  }
  return out;
}

describe('zip writer', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('stores every file so that it reads back byte for byte', () => {
    const files = [
      { name: 'frame-0001.png', data: bytes('first frame') },
      { name: 'frame-0002.png', data: new Uint8Array([0, 255, 7, 128]) },
      { name: 'empty.txt', data: new Uint8Array() },
    ];
    const back = readZip(zipStore(files));
    expect(back.map((f) => f.name)).toEqual(files.map((f) => f.name));
    back.forEach((f, k) => {
      expect([...f.data]).toEqual([...files[k]!.data]);
      expect(f.crc).toBe(crc32(files[k]!.data));
    });
  });

  it('writes an empty archive as its end record alone', () => {
    expect(readZip(zipStore([]))).toEqual([]);
    expect(zipStore([]).length).toBe(22);
  });
});
