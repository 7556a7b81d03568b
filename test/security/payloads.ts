/**
 * XSS payloads for the rendering tests (test/security/xss.browser.test.tsx), after the OWASP "XSS Filter Evasion
 * Cheat Sheet" and the usual template-injection / markdown / URL-scheme tricks. Written inline on purpose: no
 * download, no generator.
 *
 * Every payload is harmless outside a browser that executes it, and none calls `alert`: `XSS` below is replaced by
 * a tripwire call, `__xss.push('xss-N')` (N = the payload's index), so a payload that ever runs leaves its number in
 * `window.__xss`. Payloads that would run in another browsing context (an iframe's srcdoc, a data: document) report
 * with `parent.postMessage('xss-N', '*')` instead, which reaches the test's `message` listener across origins.
 */

const TEMPLATES: readonly string[] = [
  // --- script tags and tag-breaking ---
  '<script>XSS</script>',
  '<SCRIPT SRC=data:text/javascript,XSS></SCRIPT>',
  '"><script>XSS</script>',
  "'><script>XSS</script>",
  '</p></span></div><script>XSS</script>',
  '<scr<script>ipt>XSS</scr</script>ipt>',
  '<IMG """><SCRIPT>XSS</SCRIPT>">',
  '<<SCRIPT>XSS//<</SCRIPT>',
  '<svg><script>XSS</script></svg>',
  '<!--<img src="--><img src=x onerror=XSS//">',
  // --- event handlers ---
  '<img src=x onerror="XSS">',
  '<IMG SRC=# onmouseover="XSS">',
  '<img src=x onerror=&#x5F;&#x5F;xss.push(1)&#x3B;XSS>',
  '<svg onload=XSS>',
  '<svg/onload=XSS>',
  '<svg><animate onbegin=XSS attributeName=x dur=1s>',
  '<body onload=XSS>',
  '<input autofocus onfocus=XSS>',
  '<details open ontoggle=XSS>',
  '<video><source onerror="XSS"></video>',
  '<audio src=x onerror=XSS>',
  '<marquee onstart=XSS>x</marquee>',
  '<x contenteditable onblur=XSS>x</x>',
  '<a onmouseover="XSS">xxs link</a>',
  '"onmouseover="XSS',
  "' autofocus onfocus='XSS",
  '<math><mtext><table><mglyph><style><img src=x onerror=XSS>',
  '<noscript><p title="</noscript><img src=x onerror=XSS>">',
  // --- javascript: URLs, case and encoding variants ---
  'javascript:XSS',
  'JaVaScRiPt:XSS',
  '&#x6A;avascript:XSS',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;XSS',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;XSS',
  'jav\tascript:XSS',
  'jav&#x09;ascript:XSS',
  'java\u0000script:XSS',
  '\u202Ejavascript:XSS',
  '\u0001javascript:XSS',
  'javascript://www.example.com/%0aXSS',
  'javascript:https://example.com/XSS',
  '<a href="javascript:XSS">x</a>',
  '<a href="&#106;avascript:XSS">x</a>',
  '<IMG SRC="javascript:XSS">',
  '<IMG SRC=JaVaScRiPt:XSS>',
  '<IMG SRC=`javascript:XSS`>',
  '<IMG SRC="jav&#x0A;ascript:XSS;">',
  '<IMG SRC=" &#14;  javascript:XSS;">',
  '<iframe src="javascript:XSS"></iframe>',
  '<svg><a xlink:href="javascript:XSS"><text x="0" y="10">x</text></a></svg>',
  '<form action="javascript:XSS"><button>x</button></form>',
  '<button formaction="javascript:XSS">x</button>',
  '<TABLE BACKGROUND="javascript:XSS">',
  '<BASE HREF="javascript:XSS;//">',
  '<LINK REL="stylesheet" HREF="javascript:XSS;">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:XSS;">',
  '<object data="javascript:XSS"></object>',
  // --- data:, vbscript:, srcdoc ---
  'data:text/html,<script>FRAME</script>',
  'data:text/html;base64,B64',
  '<iframe src="data:text/html,<script>FRAME</script>"></iframe>',
  '<embed src="data:text/html;base64,B64">',
  '<iframe srcdoc="<script>FRAME</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=FRAME&gt;"></iframe>',
  'vbscript:msgbox(XSS)',
  '<a href="vbscript:XSS">x</a>',
  'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="XSS"><script>XSS</script></svg>',
  'data:image/svg+xml;base64,SVG64',
  // --- style ---
  '<div style="width: expression(XSS);">x</div>',
  '<div style="background-image: url(javascript:XSS)">x</div>',
  '<STYLE>@import\'javascript:XSS\';</STYLE>',
  '<style>*{background:url("javascript:XSS")}</style>',
  '<BR SIZE="&{XSS}">',
  // --- template injection ---
  "{{constructor.constructor('XSS')()}}",
  "{{$on.constructor('XSS')()}}",
  '${XSS}',
  '<%= XSS %>',
  '#{XSS}',
  // --- markdown-like and mailto ---
  '[x](javascript:XSS)',
  '[x](JaVaScRiPt:XSS)',
  '![x](javascript:XSS)',
  '[x](data:text/html;base64,B64)',
  '<a href="mailto:javascript:XSS">mail</a>',
  'mailto:javascript:XSS',
  'mailto:x@example.com?body=<script>XSS</script>',
  // --- links that should stay links, with breakout attempts ---
  'https://example.com/"onmouseover="XSS',
  'https://example.com/<script>XSS</script>',
  "www.example.com/'onerror='XSS'",
  // --- encoded / look-alike markup ---
  '\\u003cscript\\u003eXSS\\u003c/script\\u003e',
  '%3Cscript%3EXSS%3C%2Fscript%3E',
  '&lt;script&gt;XSS&lt;/script&gt;',
  '\uFF1Cscript\uFF1EXSS\uFF1C/script\uFF1E',
  // --- polyglot ---
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+XSS//\'>',
]

const fire = (n: number) => `__xss.push('xss-${n}')`
const frame = (n: number) => `parent.postMessage('xss-${n}','*')`
const b64 = (s: string) => btoa(s)

/** The payloads, each with its own tripwire number. */
export const PAYLOADS: readonly string[] = TEMPLATES.map((t, n) =>
  t
    .replaceAll('B64', b64(`<script>${frame(n)}</script>`))
    .replaceAll('SVG64', b64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${fire(n)}"><script>${fire(n)}</script></svg>`))
    .replaceAll('FRAME', frame(n))
    .replaceAll('XSS', fire(n)))

// Ids the client accepts (checkId): non-empty, at most 128 characters, no surrounding blanks. The simulator
// lower-cases ids (mixed-case logins), which keeps a payload a payload.
const validId = (p: string) => p.length > 0 && p.length <= 128 && p.trim() === p

/** Payloads usable as user and conversation ids. */
export const ID_PAYLOADS: readonly string[] = [...new Set(PAYLOADS.filter(validId).map((p) => p.toLowerCase()))]
