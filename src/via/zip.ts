import { crc32, inflateRawSync } from "node:zlib";

/**
 * Just enough of the ZIP format to take one file out of the authors' dataset
 * archive: find the end-of-central-directory record, walk the central
 * directory (it holds reliable sizes even when the local header defers them to
 * a data descriptor), then inflate the entry's data from its local header.
 * Methods: 0 (stored) and 8 (deflate). No ZIP64, no encryption, no multi-disk;
 * those stop with a clear error. The CRC-32 and size are checked.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

export class ZipError extends Error {
  constructor(message: string) {
    super(`zip: ${message}`);
    this.name = "ZipError";
  }
}

/** The entries of the central directory. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  // The EOCD record is 22 bytes plus a comment of up to 65,535 bytes at the end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no end-of-central-directory record (not a zip file?)");
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || count === 0xffff) throw new ZipError("ZIP64 archives are not supported");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CDH) throw new ZipError(`bad central directory entry ${k}`);
    const flags = zip.readUInt16LE(p + 8);
    if (flags & 1) throw new ZipError("encrypted entries are not supported");
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
      name: zip.toString("utf8", p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry, CRC- and size-checked. */
export function zipRead(zip: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > zip.length || zip.readUInt32LE(p) !== LFH) throw new ZipError(`bad local header for ${entry.name}`);
  const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw new ZipError(`${entry.name} is truncated`);
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) out = inflateRawSync(data);
  else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
  if (out.length !== entry.size) throw new ZipError(`${entry.name}: size ${out.length}, expected ${entry.size}`);
  if (crc32(out) >>> 0 !== entry.crc >>> 0) throw new ZipError(`${entry.name}: CRC-32 mismatch`);
  return out;
}

/**
 * The one entry called `basename` (in any folder, macOS `__MACOSX/` resource
 * forks ignored).
 */
export function unzipFile(zip: Buffer, basename: string): Buffer {
  const hits = zipEntries(zip).filter(
    (e) => !e.name.startsWith("__MACOSX/") && !e.name.endsWith("/") && e.name.split("/").pop() === basename,
  );
  if (hits.length === 0) throw new ZipError(`no entry named ${basename}`);
  if (hits.length > 1) throw new ZipError(`${hits.length} entries named ${basename}`);
  return zipRead(zip, hits[0]);
}
