import { send } from './client';

/**
 * Server-sent events over fetch, so that the token travels in the Authorization header (EventSource cannot set
 * headers, and a token never goes into a URL). Calls onEvent for every event until the stream ends or the
 * signal aborts; resolves when the server closes the stream.
 */
export async function streamEvents(
  path: string,
  onEvent: (name: string, data: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await send(path, { accept: 'text/event-stream', signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventParser(onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  parser.push('\n\n');
}

/** The text/event-stream format: "event:" and "data:" lines, events separated by a blank line. */
export class EventParser {
  private buffer = '';
  private name = 'message';
  private data: string[] = [];

  constructor(private readonly onEvent: (name: string, data: string) => void) {}

  push(chunk: string) {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.search(/\r?\n/)) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + (this.buffer[nl] === '\r' ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string) {
    if (line === '') {
      if (this.data.length > 0) this.onEvent(this.name, this.data.join('\n'));
      this.name = 'message';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.name = value;
    else if (field === 'data') this.data.push(value);
  }
}
