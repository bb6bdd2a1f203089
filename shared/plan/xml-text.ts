// The text of an XML file (KML) from its bytes. KML is UTF-8 by the standard, but files from Chinese
// desktop tools are sometimes GBK with an XML declaration that says so, and Windows tools write UTF-16
// with a byte-order mark; decoding those as UTF-8 turns every Chinese zone name into mojibake.

const DECLARED: Array<[RegExp, string]> = [
  [/^(gb2312|gbk|gb18030|cp936|x-gbk|euc-cn)$/i, 'gb18030'],
  [/^(big5|big5-hkscs|cp950)$/i, 'big5'],
  [/^(iso-8859-1|latin1|windows-1252|cp1252)$/i, 'windows-1252'],
  [/^utf-16(le)?$/i, 'utf-16le'],
  [/^utf-16be$/i, 'utf-16be'],
];

export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // The declaration is ASCII whatever follows it; 200 bytes hold it.
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  const enc = declared ? DECLARED.find(([re]) => re.test(declared))?.[1] : undefined;
  if (enc) {
    try {
      return new TextDecoder(enc).decode(bytes);
    } catch {
      // a runtime without that decoder: UTF-8 below still reads the coordinates
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
