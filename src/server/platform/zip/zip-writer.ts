import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * A minimal streaming ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): each file is deflated as it
 * is read, sizes and CRC-32 follow the data in a data descriptor, so nothing is buffered
 * whole. Names are UTF-8 (flag bit 11). No package is installed for this, and the format
 * subset needed is small; test/platform/zip-writer.test.ts checks the output with Python's
 * zipfile and Info-ZIP's unzip. Archives are limited to 4 GiB and 65,535 entries: a tenant
 * export far beyond that needs ZIP64 (not implemented; writing fails loudly instead).
 */
export interface ZipEntry {
  /** Path inside the archive; a trailing "/" makes a directory. */
  name: string;
  /** File content; omitted for a directory. */
  data?: Buffer | string | AsyncIterable<Buffer>;
  modifiedAt?: Date;
}

const LIMIT = 0xffffffff;
const UTF8_NAMES = 1 << 11;
const FLAGS = (1 << 3) | UTF8_NAMES;
const VERSION = 20;
const MADE_BY_UNIX = (3 << 8) | VERSION;

interface Written {
  name: Buffer;
  directory: boolean;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  return Readable.from(zipChunks(entries), { objectMode: false });
}

export async function* zipChunks(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
): AsyncGenerator<Buffer> {
  const written: Written[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const directory = entry.name.endsWith('/');
    const name = Buffer.from(entry.name, 'utf8');
    const { time, date } = dosDateTime(entry.modifiedAt ?? new Date());
    const record: Written = {
      name,
      directory,
      time,
      date,
      crc: 0,
      compressedSize: 0,
      size: 0,
      offset,
    };
    const header = localHeader(record);
    offset += header.length;
    yield header;
    if (!directory) {
      const counter = { crc: 0, size: 0 };
      for await (const chunk of deflated(toChunks(entry.data ?? ''), counter)) {
        record.compressedSize += chunk.length;
        offset += chunk.length;
        yield chunk;
      }
      record.crc = counter.crc;
      record.size = counter.size;
      const descriptor = dataDescriptor(record);
      offset += descriptor.length;
      yield descriptor;
    }
    if (offset > LIMIT || record.size > LIMIT) throw new Error('ZIP archive exceeds 4 GiB');
    written.push(record);
  }
  if (written.length > 0xffff) throw new Error('ZIP archive exceeds 65,535 entries');
  const central = Buffer.concat(written.map((record) => centralHeader(record)));
  if (offset + central.length > LIMIT) throw new Error('ZIP archive exceeds 4 GiB');
  yield central;
  yield endOfCentralDirectory(written.length, central.length, offset);
}

async function* toChunks(data: Buffer | string | AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  if (typeof data === 'string') yield Buffer.from(data, 'utf8');
  else if (Buffer.isBuffer(data)) yield data;
  else for await (const chunk of data) yield chunk;
}

/** Deflates a source while counting its CRC-32 and size; back-pressure passes through. */
async function* deflated(
  source: AsyncIterable<Buffer>,
  counter: { crc: number; size: number },
): AsyncGenerator<Buffer> {
  async function* counted() {
    for await (const chunk of source) {
      counter.crc = zlib.crc32(chunk, counter.crc);
      counter.size += chunk.length;
      yield chunk;
    }
  }
  const deflate = zlib.createDeflateRaw();
  const feeding = pipeline(counted(), deflate);
  // A failing source rejects `feeding` and destroys the deflater, which ends the loop below.
  feeding.catch(() => {});
  for await (const chunk of deflate) yield chunk as Buffer;
  await feeding;
}

/**
 * The same archive built in memory for small files produced synchronously (an .xlsx export):
 * sizes and CRC are known before the data, so they sit in the local headers and there are no
 * data descriptors, the form every reader handles.
 */
export function zipBuffer(
  entries: readonly { name: string; data: Buffer | string; modifiedAt?: Date }[],
  /** zlib level; 1 deflates a large sheet about seven times faster than 6, ~15 % larger. */
  level = zlib.constants.Z_DEFAULT_COMPRESSION,
): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const compressed = zlib.deflateRawSync(data, { level });
    const { time, date } = dosDateTime(entry.modifiedAt ?? new Date());
    const record: Written = {
      name: Buffer.from(entry.name, 'utf8'),
      directory: false,
      time,
      date,
      crc: zlib.crc32(data),
      compressedSize: compressed.length,
      size: data.length,
      offset,
    };
    const header = localHeader(record, UTF8_NAMES);
    parts.push(header, compressed);
    offset += header.length + compressed.length;
    if (offset > LIMIT) throw new Error('ZIP archive exceeds 4 GiB');
    written.push(record);
  }
  if (written.length > 0xffff) throw new Error('ZIP archive exceeds 65,535 entries');
  const central = Buffer.concat(written.map((record) => centralHeader(record, UTF8_NAMES)));
  parts.push(central, endOfCentralDirectory(written.length, central.length, offset));
  return Buffer.concat(parts);
}

function localHeader(entry: Written, flags = FLAGS): Buffer {
  const buffer = Buffer.alloc(30);
  buffer.writeUInt32LE(0x04034b50, 0);
  buffer.writeUInt16LE(VERSION, 4);
  buffer.writeUInt16LE(flags, 6);
  buffer.writeUInt16LE(entry.directory ? 0 : 8, 8);
  buffer.writeUInt16LE(entry.time, 10);
  buffer.writeUInt16LE(entry.date, 12);
  // Streamed: CRC and sizes (offsets 14–25) stay zero, they follow in the data descriptor.
  if (flags !== FLAGS) {
    buffer.writeUInt32LE(entry.crc >>> 0, 14);
    buffer.writeUInt32LE(entry.compressedSize, 18);
    buffer.writeUInt32LE(entry.size, 22);
  }
  buffer.writeUInt16LE(entry.name.length, 26);
  buffer.writeUInt16LE(0, 28);
  return Buffer.concat([buffer, entry.name]);
}

function dataDescriptor(entry: Written): Buffer {
  const buffer = Buffer.alloc(16);
  buffer.writeUInt32LE(0x08074b50, 0);
  buffer.writeUInt32LE(entry.crc >>> 0, 4);
  buffer.writeUInt32LE(entry.compressedSize, 8);
  buffer.writeUInt32LE(entry.size, 12);
  return buffer;
}

function centralHeader(entry: Written, flags = FLAGS): Buffer {
  const buffer = Buffer.alloc(46);
  buffer.writeUInt32LE(0x02014b50, 0);
  buffer.writeUInt16LE(MADE_BY_UNIX, 4);
  buffer.writeUInt16LE(VERSION, 6);
  buffer.writeUInt16LE(flags, 8);
  buffer.writeUInt16LE(entry.directory ? 0 : 8, 10);
  buffer.writeUInt16LE(entry.time, 12);
  buffer.writeUInt16LE(entry.date, 14);
  buffer.writeUInt32LE(entry.crc >>> 0, 16);
  buffer.writeUInt32LE(entry.compressedSize, 20);
  buffer.writeUInt32LE(entry.size, 24);
  buffer.writeUInt16LE(entry.name.length, 28);
  // Extra field, comment, disk number, internal attributes: none.
  const mode = entry.directory ? 0o40755 : 0o100644;
  buffer.writeUInt32LE(((mode << 16) | (entry.directory ? 0x10 : 0)) >>> 0, 38);
  buffer.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([buffer, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const buffer = Buffer.alloc(22);
  buffer.writeUInt32LE(0x06054b50, 0);
  buffer.writeUInt16LE(count, 8);
  buffer.writeUInt16LE(count, 10);
  buffer.writeUInt32LE(size, 12);
  buffer.writeUInt32LE(offset, 16);
  return buffer;
}

/** MS-DOS date and time, in Japan time: the people opening the archive are there. */
function dosDateTime(at: Date): { time: number; date: number } {
  const jst = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  const year = Math.max(1980, jst.getUTCFullYear());
  return {
    time: (jst.getUTCHours() << 11) | (jst.getUTCMinutes() << 5) | (jst.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((jst.getUTCMonth() + 1) << 5) | jst.getUTCDate(),
  };
}
