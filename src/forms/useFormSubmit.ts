import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type * as z from 'zod/mini'
import { useAction, type ActionOptions } from '@/hooks/useAction'
import { serverFieldErrors, validate, type FieldErrors } from './validate'

interface SubmitOptions<R> extends Pick<ActionOptions<R>, 'done' | 'then' | 'onError'> {
  /** Checks the schema cannot make (e.g. a photo still uploading), on the raw input. */
  extra?: () => FieldErrors
  /** Runs synchronously in the tap once the input is valid, before the call (WeChat's subscription prompt). */
  beforeCall?: () => void
  /** A toast when the input is refused here (long forms, where the first error may be off screen). */
  invalidHint?: string
}

/** Without `field`'s error (the same object when it had none, so no re-render). */
function without(errors: FieldErrors, field: string): FieldErrors {
  if (!(field in errors)) return errors
  const rest = { ...errors }
  delete rest[field]
  return rest
}

/**
 * A form's values, its field errors and its submit: validate with the contract's schema, call once (the
 * useAction guard), show the server's INVALID_INPUT issues beside the fields. Changing a field clears its
 * error. Value keys are the schema's field names, so an error and its field share a name.
 */
export function useFormSubmit<V extends Record<string, unknown>, S extends z.ZodMiniType>(schema: S, initial: V | (() => V), fallbacks: FieldErrors = {}) {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState('')
  const action = useAction()

  /** Clears a field's error (for a field whose value lives outside `values`, e.g. photos). */
  const clear = useCallback((field: string) => setErrors((prev) => without(prev, field)), [])

  /** Sets one value and clears its error. */
  const set = useCallback(
    <K extends keyof V & string>(field: K, value: V[K]) => {
      setValues((prev) => ({ ...prev, [field]: value }))
      clear(field)
    },
    [clear],
  )

  /**
   * Validates `input` and, when valid, calls `call` with the parsed data. Synchronous up to the call, so it
   * runs inside the tap. Returns false when the input was refused here (errors shown) or a call is running.
   */
  const submit = <R>(input: unknown, call: (data: z.output<S>) => Promise<R>, options: SubmitOptions<R> = {}): boolean => {
    if (action.running()) return false
    setFormError('')
    const v = validate(schema, input, fallbacks)
    const errs: FieldErrors = { ...(v.ok ? {} : v.errors), ...(options.extra?.() ?? {}) }
    if (!v.ok || Object.keys(errs).length) {
      setErrors(errs)
      if (options.invalidHint) void Taro.showToast({ title: options.invalidHint, icon: 'none' })
      return false
    }
    setErrors({})
    options.beforeCall?.()
    void action.run(() => call(v.data), {
      done: options.done,
      then: options.then,
      onError: (e) => {
        if (options.onError?.(e)) return true
        if (e.code === 'INVALID_INPUT') setErrors(serverFieldErrors(e.issues, fallbacks))
        setFormError(e.message)
      },
    })
    return true
  }

  return { values, set, clear, errors, formError, busy: action.busy, submit }
}
