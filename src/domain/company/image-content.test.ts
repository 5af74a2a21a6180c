import { describe, expect, it } from 'vitest';
import { makeJpegHeader, makePng } from '../../../test/support/images';
import { COMPANY_IMAGE_MAX_BYTES, checkCompanyImage } from './company-images';
import { inspectImage } from './image-content';

describe('inspectImage', () => {
  it('reads the size of a real PNG and of a JPEG frame header', () => {
    expect(inspectImage(makePng(120, 45))).toEqual({
      kind: 'image',
      contentType: 'image/png',
      width: 120,
      height: 45,
    });
    expect(inspectImage(makeJpegHeader(640, 480))).toEqual({
      kind: 'image',
      contentType: 'image/jpeg',
      width: 640,
      height: 480,
    });
  });

  it('refuses text, a PNG signature in front of garbage, a damaged chunk and appended bytes', () => {
    const png = makePng(4, 4);
    expect(inspectImage(Buffer.from('<html><script>alert(1)</script>')).kind).toBe('invalid');
    expect(
      inspectImage(Buffer.concat([png.subarray(0, 8), Buffer.from('garbage!garbage!')])).kind,
    ).toBe('invalid');
    const damaged = Buffer.from(png);
    damaged[20] = (damaged[20]! + 1) & 0xff; // inside IHDR: its CRC no longer matches
    expect(inspectImage(damaged).kind).toBe('invalid');
    expect(inspectImage(Buffer.concat([png, Buffer.from('<script>')])).kind).toBe('invalid');
    expect(inspectImage(png.subarray(0, png.length - 1)).kind).toBe('invalid');
    const jpeg = makeJpegHeader(10, 10);
    expect(inspectImage(Buffer.concat([jpeg, Buffer.from('PK\u0003\u0004')])).kind).toBe('invalid');
    expect(inspectImage(new Uint8Array()).kind).toBe('invalid');
  });
});

describe('checkCompanyImage', () => {
  it('accepts a PNG declared as PNG and names every refusal', () => {
    expect(checkCompanyImage(makePng(300, 100), 'image/png')).toMatchObject({ kind: 'ok' });
    expect(checkCompanyImage(makePng(30, 10), 'image/jpeg')).toEqual({
      kind: 'type_mismatch',
      actual: 'image/png',
    });
    expect(checkCompanyImage(makePng(2001, 1), 'image/png')).toMatchObject({
      kind: 'dimensions_exceeded',
      width: 2001,
    });
    expect(checkCompanyImage(makePng(2000, 2000), 'image/png').kind).toBe('ok');
    expect(checkCompanyImage(new Uint8Array(COMPANY_IMAGE_MAX_BYTES + 1), 'image/png').kind).toBe(
      'too_large',
    );
  });
});
