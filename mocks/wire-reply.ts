/**
 * A mock's answer as plain data. Every mock (providers, Telegram) renders
 * its answers as a `WireReply`; the edge turns it into what the client
 * holds: a fetch `Response` in-process (`toResponse`), or bytes on a socket
 * under `mocks serve` (server.ts), with no WHATWG objects on the way — a
 * Response costs more to build and read than the mock's whole pipeline.
 *
 * Three bodies: a whole text (JSON), server-sent events (one pre-rendered
 * event per pull, `onDone` once when the last one is read or the reader
 * gives up: the ledger frees a concurrency slot then), and a reset after the
 * headers (the body read fails as a dropped connection does).
 */
import { StreamResetError } from './providers/stream-faults.ts';

export type WireReply = {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: WireBody;
};

type WireBody =
  | { readonly kind: 'text'; readonly text: string }
  /** Server-sent events as text, or binary messages (an AWS event stream). */
  | { readonly kind: 'events'; readonly events: readonly (string | Uint8Array)[]; readonly onDone: () => void }
  | { readonly kind: 'reset' };

export type ReplyInit = {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: Readonly<Record<string, string>>;
};

/** JSON with a provider-chosen content-type (Gemini sends `application/json; charset=UTF-8`). */
export function jsonReply(body: unknown, init: ReplyInit, contentType = 'application/json'): WireReply {
  return {
    status: init.status,
    statusText: statusTextOf(init),
    headers: { 'content-type': contentType, ...init.headers },
    body: { kind: 'text', text: JSON.stringify(body) },
  };
}

/** An SSE body; `onDone` runs once, when the last event is read or the reader cancels. */
export function sseReply(events: readonly string[], init: ReplyInit, onDone: () => void): WireReply {
  return {
    status: init.status,
    statusText: statusTextOf(init),
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...init.headers },
    body: { kind: 'events', events, onDone: once(onDone) },
  };
}

/** An AWS event stream (`application/vnd.amazon.eventstream`, mocks/providers/event-stream.ts): one binary message per pull. */
export function eventStreamReply(messages: readonly Uint8Array[], init: ReplyInit, onDone: () => void): WireReply {
  return {
    status: init.status,
    statusText: statusTextOf(init),
    headers: { 'content-type': 'application/vnd.amazon.eventstream', ...init.headers },
    body: { kind: 'events', events: messages, onDone: once(onDone) },
  };
}

/** 200 headers, then the body read fails (stream-faults.ts `reset-after-headers`). */
export function resetAfterHeadersReply(init: ReplyInit, contentType: string): WireReply {
  return { status: 200, statusText: 'OK', headers: { 'content-type': contentType, ...init.headers }, body: { kind: 'reset' } };
}

/** The body text of a whole reply (a rendered forced 429, to send inside a stream). */
export function replyText(reply: WireReply): string {
  if (reply.body.kind !== 'text') throw new TypeError(`expected a whole-text reply, got a ${reply.body.kind} body`);
  return reply.body.text;
}

/** Gives up on a reply that will not be read (an aborted request): an event stream counts as done. */
export function discardReply(reply: WireReply): void {
  if (reply.body.kind === 'events') reply.body.onDone();
}

/**
 * The reply as a fetch `Response`. Events are pulled one at a time with no
 * timers, so reading is deterministic; a reset body errors on its first read
 * with `StreamResetError`, what undici rejects with when a server drops the
 * socket (lazily, so an unread body costs nothing).
 */
export function toResponse(reply: WireReply): Response {
  const init = { status: reply.status, statusText: reply.statusText, headers: reply.headers };
  const body = reply.body;
  switch (body.kind) {
    case 'text':
      return new Response(body.text, init);
    case 'events':
      return new Response(eventStream(body.events, body.onDone), init);
    case 'reset':
      return new Response(new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new StreamResetError()) }), init);
  }
}

function eventStream(events: readonly (string | Uint8Array)[], onDone: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < events.length) {
        const event = events[next++]!;
        controller.enqueue(typeof event === 'string' ? encoder.encode(event) : event);
        return;
      }
      controller.close();
      onDone();
    },
    cancel: onDone,
  });
}

function once(action: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    action();
  };
}

function statusTextOf(init: ReplyInit): string {
  return init.statusText ?? STATUS_TEXT[init.status] ?? '';
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  529: 'Overloaded',
};
