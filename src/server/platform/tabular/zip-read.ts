import zlib from 'node:zlib';
import { TabularError } from './tabular-types';

/**
 * Reads the entries of a ZIP archive held in memory (PKWARE APPNOTE, the subset spreadsheet
 * programs write): the central directory is the index, entries are stored or deflated.
 * Encrypted entries, ZIP64, multi-disk archives and other methods are refused as malformed.
 * Sizes come from the central directory and are checked before anything is inflated, and
 * inflation stops at the declared size, so an archive cannot expand past `budget` bytes in
 * total however it lies (zip bombs).
 */
export interface ZipArchive {
  readonly names: readonly string[];
  /** The entry's bytes, or undefined when there is no such entry. */
  read(name: string): Buffer | undefined;
}

interface CentralEntry {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function malformed(): TabularError {
  return new TabularError('tabular_malformed');
}

export function readZip(bytes: Buffer, budget: number): ZipArchive {
  const end = findEndOfCentralDirectory(bytes);
  const disk = bytes.readUInt16LE(end + 4);
  const cdDisk = bytes.readUInt16LE(end + 6);
  const count = bytes.readUInt16LE(end + 10);
  const cdSize = bytes.readUInt32LE(end + 12);
  const cdOffset = bytes.readUInt32LE(end + 16);
  if (disk !== 0 || cdDisk !== 0) throw malformed();
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw malformed();
  if (cdOffset + cdSize > end) throw malformed();

  const entries = new Map<string, CentralEntry>();
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) throw malformed();
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    // Bit 0: encrypted; bit 6: strong encryption; bit 13: encrypted central directory.
    if ((flags & 0x2041) !== 0) throw malformed();
    if (method !== STORED && method !== DEFLATED) throw malformed();
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      throw malformed();
    }
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) throw malformed();
    const name = bytes.toString('utf8', at + 46, nameEnd).replaceAll('\\', '/');
    entries.set(name, {
      method,
      crc: bytes.readUInt32LE(at + 16),
      compressedSize,
      size,
      localOffset,
    });
    at = nameEnd + extraLength + commentLength;
  }

  let remaining = budget;
  return {
    names: [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.size > remaining) throw new TabularError('tabular_too_large');
      remaining -= entry.size;
      const data = entryData(bytes, entry, cdOffset);
      let out: Buffer;
      if (entry.method === STORED) {
        if (entry.compressedSize !== entry.size) throw malformed();
        out = data;
      } else {
        try {
          // Past the declared size inflation throws instead of allocating: the bomb guard.
          out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
        } catch {
          throw malformed();
        }
      }
      if (out.length !== entry.size || zlib.crc32(out) >>> 0 !== entry.crc >>> 0) {
        throw malformed();
      }
      return out;
    },
  };
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length) {
      return at;
    }
  }
  throw malformed();
}

function entryData(bytes: Buffer, entry: CentralEntry, limit: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > limit || bytes.readUInt32LE(at) !== LOCAL) throw malformed();
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > limit) throw malformed();
  return bytes.subarray(start, stop);
}
