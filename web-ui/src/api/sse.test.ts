import { EventParser } from './sse';

describe('server-sent events parser', () => {
  it('splits named events across chunk boundaries and ignores comments', () => {
    const seen: [string, string][] = [];
    const p = new EventParser((n, d) => seen.push([n, d]));
    p.push('event:progress\nda');
    p.push('ta:{"done":1}\n\n: keep-alive\n\nevent: completed\r\ndata: {"done":45}\r\n\r\n');
    p.push('data: a\ndata: b\n\n');
    expect(seen).toEqual([['progress', '{"done":1}'], ['completed', '{"done":45}'], ['message', 'a\nb']]);
  });
});
