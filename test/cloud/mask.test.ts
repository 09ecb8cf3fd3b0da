// Pure helpers: phone masking.
import { maskPhone } from '../../cloud/lib/mask'

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('never leaks short or empty values', () => {
    expect(maskPhone('')).toBe('')
    expect(maskPhone('12345')).toBe('*****')
  })
})
