// Strings of the security area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const securityEn = {
  'security.signing.signed': 'SIGNED',
  'security.signing.unsigned': 'UNSIGNED',
  'security.signing.bad_signature': 'BAD SIGNATURE',
  'security.signing.unverified': 'SIGNED, NO KEY',
  'security.signing.title.signed': 'MAVLink 2 signing: every frame verified with this aircraft\'s key',
  'security.signing.title.unsigned': 'No MAVLink signing: anyone on the radio could send commands to or pose as this aircraft',
  'security.signing.title.bad_signature': 'Frames claiming to be this aircraft failed signature checks (wrong key, replay or forgery) and were dropped',
  'security.signing.title.unverified': 'The aircraft signs its frames but this station has no key for it: set its key',
} as const;

export const securityZh: Record<keyof typeof securityEn, string> = {
  'security.signing.signed': '已签名',
  'security.signing.unsigned': '未签名',
  'security.signing.bad_signature': '签名错误',
  'security.signing.unverified': '已签名·无密钥',
  'security.signing.title.signed': 'MAVLink 2 签名：每一帧都已用该飞行器的密钥验证',
  'security.signing.title.unsigned': '未启用 MAVLink 签名：电台范围内任何人都可向该飞行器发送指令或冒充它',
  'security.signing.title.bad_signature': '自称该飞行器的数据帧未通过签名校验（密钥错误、重放或伪造），已丢弃',
  'security.signing.title.unverified': '该飞行器对数据帧签名，但本站没有它的密钥：请设置密钥',
};
