import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../src/content/decode.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decoding sources', () => {
  it('drops a BOM and normalises CRLF so line numbers match editors', () => {
    const r = decodeSource(bytes('\ufeff---\r\ntitle: t\r\n---\r\nbody\r\n'), 'a.md');
    expect(r).toEqual({ text: '---\ntitle: t\n---\nbody\n' });
  });

  it('rejects an empty file', () => {
    expect(decodeSource(new Uint8Array(), 'a.md')).toMatchObject({ error: { rule: 'file/empty' } });
    expect(decodeSource(bytes(' \n\n'), 'a.md')).toMatchObject({ error: { rule: 'file/empty' } });
  });

  it('rejects text that is not UTF-8, at the line of the first bad byte', () => {
    const gbk = new Uint8Array([...bytes('---\ntitle: t\n'), 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
    const r = decodeSource(gbk, 'a.md');
    expect(r).toMatchObject({ error: { rule: 'file/encoding', line: 3, column: 1 } });
  });
});
