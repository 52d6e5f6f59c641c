/**
 * A decoder for AWS event stream messages, written from the format's spec
 * (mocks/providers/event-stream.ts cites it) apart from the mock's encoder, so
 * a test reads the bytes as a client would: lengths, both CRC32s, string headers.
 */
import { crc32 } from 'node:zlib';

export type EventMessage = { readonly headers: Readonly<Record<string, string>>; readonly payload: unknown };

/** Every message in `bytes`, in order; throws on a bad length or checksum. */
export function decodeEventMessages(bytes: Uint8Array): EventMessage[] {
  const messages: EventMessage[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
    const total = view.getUint32(0);
    const headersLength = view.getUint32(4);
    const message = bytes.subarray(offset, offset + total);
    if (view.getUint32(8) !== crc32(message.subarray(0, 8))) throw new Error(`prelude checksum mismatch at byte ${offset}`);
    if (view.getUint32(total - 4) !== crc32(message.subarray(0, total - 4))) throw new Error(`message checksum mismatch at byte ${offset}`);
    const headers = decodeHeaders(message.subarray(12, 12 + headersLength));
    const payloadText = new TextDecoder().decode(message.subarray(12 + headersLength, total - 4));
    messages.push({ headers, payload: JSON.parse(payloadText) as unknown });
    offset += total;
  }
  return messages;
}

function decodeHeaders(bytes: Uint8Array): Record<string, string> {
  const headers: Record<string, string> = {};
  const decoder = new TextDecoder();
  for (let offset = 0; offset < bytes.length; ) {
    const nameLength = bytes[offset]!;
    const name = decoder.decode(bytes.subarray(offset + 1, offset + 1 + nameLength));
    const type = bytes[offset + 1 + nameLength];
    if (type !== 7) throw new Error(`header ${name}: value type ${type}, expected 7 (string)`);
    const valueLength = new DataView(bytes.buffer, bytes.byteOffset + offset + 2 + nameLength).getUint16(0);
    headers[name] = decoder.decode(bytes.subarray(offset + 4 + nameLength, offset + 4 + nameLength + valueLength));
    offset += 4 + nameLength + valueLength;
  }
  return headers;
}
