import { linkify } from '../../src/components/MessageThread/linkify'
import { safeDownloadHref, safeImageSrc } from '../../src/components/safeUrl'

const links = (text: string) => linkify(text).filter((t) => t.type === 'link').map((t) => (t.type === 'link' ? [t.text, t.href] : []))

describe('linkify', () => {
  it('keeps plain text as one text token, and the empty string as none', () => {
    expect(linkify('hello world')).toEqual([{ type: 'text', text: 'hello world' }])
    expect(linkify('')).toEqual([])
  })

  it('links http, https, www. and mailto targets', () => {
    expect(linkify('go to https://example.com/a?b=1#c now')).toEqual([
      { type: 'text', text: 'go to ' },
      { type: 'link', text: 'https://example.com/a?b=1#c', href: 'https://example.com/a?b=1#c' },
      { type: 'text', text: ' now' },
    ])
    expect(links('http://a.io www.b.com mailto:x@y.com and z@w.org')).toEqual([
      ['http://a.io', 'http://a.io/'], ['www.b.com', 'https://www.b.com/'], ['mailto:x@y.com', 'mailto:x@y.com'], ['z@w.org', 'mailto:z@w.org'],
    ])
  })

  it('never links javascript:, data:, vbscript: or other schemes', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)',
      'file:///etc/passwd', 'ftp://x.org', 'javascript://example.com/%0Aalert(1)', '<a href="javascript:alert(1)">x</a>']) {
      expect(linkify(text)).toEqual([{ type: 'text', text }])
    }
  })

  it('links only the https URL inside "javascript:https://…", leaving the scheme as text', () => {
    expect(linkify('javascript:https://evil.example')).toEqual([
      { type: 'text', text: 'javascript:' },
      { type: 'link', text: 'https://evil.example', href: 'https://evil.example/' },
    ])
  })

  it('leaves trailing punctuation and unopened parentheses out of a link', () => {
    expect(links('see https://a.com/x.')).toEqual([['https://a.com/x', 'https://a.com/x']])
    expect(links('(https://a.com/x)')).toEqual([['https://a.com/x', 'https://a.com/x']])
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar), ok')).toEqual([['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']])
    expect(links('"https://a.com/q?x=1"!')).toEqual([['https://a.com/q?x=1', 'https://a.com/q?x=1']])
  })

  it('ends a URL at CJK text or full-width punctuation', () => {
    expect(linkify('看一下https://example.com/p/1好的，谢谢')).toEqual([
      { type: 'text', text: '看一下' },
      { type: 'link', text: 'https://example.com/p/1', href: 'https://example.com/p/1' },
      { type: 'text', text: '好的，谢谢' },
    ])
  })

  it('gives back the input when the tokens are joined', () => {
    const input = 'a https://x.io/(y) b, mailto:q@r.st; javascript:void(0) 网址 www.z.cn。'
    expect(linkify(input).map((t) => t.text).join('')).toBe(input)
  })
})

describe('safe URLs', () => {
  it('allows downloads over http and https only', () => {
    expect(safeDownloadHref('https://f.example/1')).toBe('https://f.example/1')
    expect(safeDownloadHref('javascript:alert(1)')).toBeNull()
    expect(safeDownloadHref('data:text/html,x')).toBeNull()
    expect(safeDownloadHref(undefined)).toBeNull()
  })

  it('allows image sources over http(s), blob and image data URLs only', () => {
    expect(safeImageSrc('data:image/svg+xml,%3Csvg%3E')).toBe('data:image/svg+xml,%3Csvg%3E')
    expect(safeImageSrc('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA')
    expect(safeImageSrc('data:text/html,<script>')).toBeNull()
    expect(safeImageSrc('javascript:alert(1)')).toBeNull()
    expect(safeImageSrc('https://i.example/a.png')).toBe('https://i.example/a.png')
  })
})
