import { describe, expect, it } from 'vitest'
import {
  chinaNow,
  cleanPersons,
  dueLevel,
  isEmail,
  isIdNumber,
  isPhone,
  namesSomeone,
  personFieldErrors,
  personsText,
} from './reports'

const p = (name: string, unit = '', post = '') => ({ name, unit, post })

describe('dueLevel', () => {
  const d = (overdue: boolean, left: number) => ({
    kind: 'acceptance_notice' as const,
    due: '2026-12-01',
    overdue,
    working_days_left: left,
  })
  it('is red when overdue, orange within 3 working days', () => {
    expect(dueLevel(null)).toBeNull()
    expect(dueLevel(d(true, 0))).toBe('overdue')
    expect(dueLevel(d(false, 0))).toBe('soon')
    expect(dueLevel(d(false, 3))).toBe('soon')
    expect(dueLevel(d(false, 4))).toBe('ok')
  })
})

describe('persons', () => {
  it('drops blank rows and trims', () => {
    expect(cleanPersons([p(' 张三 ', '市财政局'), p(''), p('', '', ' 局长')])).toEqual([
      p('张三', '市财政局'),
      p('', '', '局长'),
    ])
  })

  it('needs a name or a post', () => {
    expect(namesSomeone([p('', '市财政局')])).toBe(false)
    expect(namesSomeone([p(' ')])).toBe(false)
    expect(namesSomeone([p(''), p('李四')])).toBe(true)
    expect(namesSomeone([p('', '', '局长')])).toBe(true)
  })

  it('maps the server’s row index back to the row on screen', () => {
    const rows = [p(''), p('张三'), p(''), p('李四')]
    expect(
      personFieldErrors(rows, {
        'persons.1.name': '内容过长',
        'persons.0.unit': '内容过长',
        content: '必填',
      }),
    ).toEqual({ 3: { name: '内容过长' }, 1: { unit: '内容过长' } })
  })
})

describe('chinaNow', () => {
  it('is UTC+8 to the minute', () => {
    expect(chinaNow(new Date('2026-11-27T21:43:51Z'))).toBe('2026-11-28T05:43')
    expect(chinaNow(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T08:00')
  })
})

describe('phone and ID number', () => {
  it('mirror the server’s checks', () => {
    expect(isPhone('0571-12345678')).toBe(true)
    expect(isPhone('+86 (571) 1234')).toBe(true)
    expect(isPhone('138x')).toBe(false)
    expect(isIdNumber('11010519491231002X')).toBe(true)
    expect(isIdNumber('110105194912310021')).toBe(true)
    expect(isIdNumber('1101051949123100')).toBe(false)
  })

  it('checks an e-mail address loosely', () => {
    expect(isEmail('reporter01@example.com')).toBe(true)
    expect(isEmail('张三@例子.中国')).toBe(true)
    expect(isEmail('not-an-email')).toBe(false)
    expect(isEmail('a b@example.com')).toBe(false)
  })
})

describe('personsText', () => {
  it('joins names with their unit and post', () => {
    expect(personsText([p('张三', '市财政局', '局长'), p('李四'), p('', '', '科长')])).toBe(
      '张三（市财政局 局长）、李四、（科长）',
    )
  })
})
