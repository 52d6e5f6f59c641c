/**
 * The AWS event stream encoding (`application/vnd.amazon.eventstream`), as
 * Bedrock's ConverseStream sends it: each message is a prelude (total length,
 * headers length: big-endian uint32s, then the CRC32 of those 8 bytes), the
 * headers, the payload and the CRC32 of everything before it. A header is its
 * name's length (uint8), the name, a value type (7: string), the value's
 * length (uint16) and the value. Layout from the AWS event stream spec
 * (https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html, "Event stream encoding")
 * and smithy-typescript's @smithy/eventstream-codec, which the AWS SDK decodes with.
 */
import { crc32 } from 'node:zlib';

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
const STRING_VALUE = 7;

/** One message: its headers (all strings) and its payload. */
function encodeEventMessage(headers: Readonly<Record<string, string>>, payload: Uint8Array): Uint8Array {
  const encoded = Object.entries(headers).map(([name, value]) => encodeHeader(name, value));
  const headersLength = encoded.reduce((sum, header) => sum + header.length, 0);
  const total = PRELUDE_BYTES + headersLength + payload.length + CRC_BYTES;
  const message = new Uint8Array(total);
  const view = new DataView(message.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(message.subarray(0, 8)));
  let offset = PRELUDE_BYTES;
  for (const header of encoded) {
    message.set(header, offset);
    offset += header.length;
  }
  message.set(payload, offset);
  view.setUint32(total - CRC_BYTES, crc32(message.subarray(0, total - CRC_BYTES)));
  return message;
}

/** An `event` message of type `eventType` with a JSON payload. */
export function jsonEvent(eventType: string, payload: object): Uint8Array {
  return encodeEventMessage(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    new TextEncoder().encode(JSON.stringify(payload)),
  );
}

/** An `exception` message (a modeled error inside a 200 stream, e.g. `throttlingException`). */
export function exceptionEvent(exceptionType: string, message: string): Uint8Array {
  return encodeEventMessage(
    { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    new TextEncoder().encode(JSON.stringify({ message })),
  );
}

function encodeHeader(name: string, value: string): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const valueBytes = new TextEncoder().encode(value);
  const header = new Uint8Array(1 + nameBytes.length + 1 + 2 + valueBytes.length);
  const view = new DataView(header.buffer);
  header[0] = nameBytes.length;
  header.set(nameBytes, 1);
  header[1 + nameBytes.length] = STRING_VALUE;
  view.setUint16(2 + nameBytes.length, valueBytes.length);
  header.set(valueBytes, 4 + nameBytes.length);
  return header;
}
