/**
 * Reads what an uploaded logo or seal really is from its bytes, never from its name or the
 * declared type (SECURITY.md: uploads are checked by content). A PNG is walked chunk by chunk
 * with every CRC checked up to IEND and nothing after it; a JPEG segment by segment up to the
 * frame header, and it must end with EOI. Bytes appended to an image (polyglots) are refused.
 */
export type ImageContentType = 'image/png' | 'image/jpeg';

export const imageContentTypes: readonly ImageContentType[] = ['image/png', 'image/jpeg'];

export type ImageInspection =
  | {
      readonly kind: 'image';
      readonly contentType: ImageContentType;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'invalid' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const INVALID: ImageInspection = { kind: 'invalid' };

export function inspectImage(bytes: Uint8Array): ImageInspection {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return inspectPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return inspectJpeg(bytes);
  return INVALID;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function uint32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8)) +
      bytes[offset + 3]!) >>>
    0
  );
}

function inspectPng(bytes: Uint8Array): ImageInspection {
  let offset = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  let first = true;
  while (offset + 12 <= bytes.length) {
    const length = uint32(bytes, offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const dataEnd = offset + 8 + length;
    if (length > 0x7fffffff || dataEnd + 4 > bytes.length) return INVALID;
    if (crc32(bytes, offset + 4, dataEnd) !== uint32(bytes, dataEnd)) return INVALID;
    if (first) {
      if (type !== 'IHDR' || length !== 13) return INVALID;
      width = uint32(bytes, offset + 8);
      height = uint32(bytes, offset + 12);
      first = false;
    } else if (type === 'IDAT') {
      sawData = true;
    } else if (type === 'IEND') {
      const valid = sawData && width > 0 && height > 0 && dataEnd + 4 === bytes.length;
      return valid ? { kind: 'image', contentType: 'image/png', width, height } : INVALID;
    }
    offset = dataEnd + 4;
  }
  return INVALID;
}

/** SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function inspectJpeg(bytes: Uint8Array): ImageInspection {
  const end = bytes.length;
  if (end < 4 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return INVALID;
  let offset = 2;
  while (offset + 4 <= end) {
    if (bytes[offset] !== 0xff) return INVALID;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0xda) return INVALID; // no frame yet
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    if (length < 2 || offset + 2 + length > end) return INVALID;
    if (isStartOfFrame(marker)) {
      if (length < 7) return INVALID;
      const height = (bytes[offset + 5]! << 8) | bytes[offset + 6]!;
      const width = (bytes[offset + 7]! << 8) | bytes[offset + 8]!;
      if (width === 0 || height === 0) return INVALID;
      return { kind: 'image', contentType: 'image/jpeg', width, height };
    }
    offset += 2 + length;
  }
  return INVALID;
}
