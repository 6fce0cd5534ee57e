import { describe, expect, it } from 'vitest'
import { sha256Hex, solvePow, zeroBits } from './pow'

describe('sha256', () => {
  it('matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
    // Two blocks, and Chinese (UTF-8).
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
    expect(sha256Hex('巡察')).toBe(
      'c7825d80a04c961327238a106ec373e9fa359de8742bbbedb5d77d073176d217',
    )
  })
})

describe('proof of work', () => {
  it('counts zero bits as the server does', () => {
    // SHA-256("abc:") = 16a3ed41… (0x16 = 0001 0110): three zero bits.
    expect(zeroBits('abc', '')).toBe(3)
  })
  it('finds a solution with enough zero bits', async () => {
    const c = 'v1.1795745700.00112233445566778899aabb.0123456789abcdef0123456789abcdef'
    const s = await solvePow(c, 10)
    expect(zeroBits(c, s)).toBeGreaterThanOrEqual(10)
    expect(await solvePow(c, 0)).toBe('')
  })
})
