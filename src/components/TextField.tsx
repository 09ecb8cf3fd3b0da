import { Input, Textarea, type InputProps } from '@tarojs/components'
import { visibleLength } from '@/contracts/textLength'
import { Field } from './Field'

export interface TextFieldProps {
  /** The visible label (and the input's accessible name unless `name` is given). */
  label: string
  /** The accessible name, when the label is a question or changes (e.g. '感谢的话'). */
  name?: string
  value: string
  onInput: (value: string) => void
  error?: string
  placeholder?: string
  maxlength?: number
  /** A textarea, for a few lines of text. */
  multiline?: boolean
  /** The keyboard, e.g. 'number' for phone numbers. */
  type?: InputProps['type']
  /** Show "typed/maxlength" beside the label (typed in visible characters, as the contract counts). */
  counter?: boolean
}

/** A labelled text input or textarea with its error underneath: the one way forms take typed text. */
export function TextField({ label, name, value, onInput, error, placeholder, maxlength, multiline = false, type, counter = false }: TextFieldProps) {
  const common = { placeholder, maxlength, value, 'aria-label': name || label, onInput: (e: { detail: { value: string } }) => onInput(e.detail.value) }
  return (
    <Field label={label} error={error} count={counter ? visibleLength(value) : undefined} max={counter ? maxlength : undefined}>
      {multiline ? <Textarea className='hm-input hm-textarea' {...common} /> : <Input className='hm-input' type={type} {...common} />}
    </Field>
  )
}
