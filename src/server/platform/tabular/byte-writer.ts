/**
 * Appends text to a growing Buffer. Building a 100,000-row sheet as strings and converting at
 * the end costs about four times the CPU (cons strings, flattening, garbage collection); the
 * sheet XML is ASCII apart from shared-string text, so most of it is copied byte by byte.
 */
export class ByteWriter {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }

  /** Text known to be ASCII (markup, numbers, cell references). */
  ascii(text: string): void {
    this.reserve(text.length);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.length = at;
  }

  utf8(text: string): void {
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  toBuffer(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
