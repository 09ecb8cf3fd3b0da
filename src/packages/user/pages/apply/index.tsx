import { Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro from '@tarojs/taro'
import { SKILLS, userInputs } from '@/contracts/user'
import { Page } from '@/components/Page'
import { TextField } from '@/components/TextField'
import { CheckChip } from '@/components/Chips'
import { useMe } from '@/hooks/useMe'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { ROUTES, go } from '@/routes'
import { applyVolunteer } from '@/packages/user/hooks/useUser'

const FALLBACKS: FieldErrors = {
  realName: '真实姓名为2到20个字',
  phone: '请输入11位手机号',
  skills: '请至少选择一项技能',
  intro: '自我介绍最多200字',
  birthDate: '请填写出生日期（YYYY-MM-DD）',
}

/** Volunteer application: real name, phone, birth date (age requirements of service projects), skills, a short intro. */
export default function ApplyPage() {
  const me = useMe()
  const f = useFormSubmit(userInputs.applyVolunteer, { realName: '', phone: '', birthDate: '', skills: [] as string[], intro: '' }, FALLBACKS)
  const { realName, phone, birthDate, skills, intro } = f.values
  const errors = f.errors

  const toggle = (s: string) => f.set('skills', skills.includes(s) ? skills.filter((x) => x !== s) : [...skills, s])

  const onSubmit = () =>
    f.submit({ realName, phone: phone.trim(), birthDate: birthDate.trim(), skills, intro: intro.trim() || undefined }, applyVolunteer, {
      done: '申请已提交',
      then: () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.me })),
    })

  const user = me.data
  if (user && !user.signedUp) {
    return (
      <Page>
        <View className='hm-card'>
          <Text className='hm-text hm-block'>申请志愿者前，请先完成注册。</Text>
          <Button className='hm-btn' onClick={() => go(ROUTES.signup)}>
            去注册
          </Button>
        </View>
      </Page>
    )
  }
  if (user && (user.volunteerStatus === 'pending' || user.volunteerStatus === 'approved')) {
    return (
      <Page>
        <View className='hm-card'>
          <Text className='hm-text hm-block'>{user.volunteerStatus === 'pending' ? '您的申请正在审核中，请耐心等待。' : '您已经是志愿者了。'}</Text>
          <Button className='hm-btn' onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
            返回“我的”
          </Button>
        </View>
      </Page>
    )
  }

  return (
    <Page loading={me.loading && !user} error={user ? undefined : me.error} onRetry={me.refresh}>
      <Text className='hm-title'>申请成为志愿者</Text>
      <Text className='hm-sub hm-block'>姓名和手机号仅用于志愿服务记录和社区工作人员联系您，不会公开展示。</Text>

      <View className='hm-card'>
        <TextField label='真实姓名' placeholder='请输入真实姓名' maxlength={20} value={realName} onInput={(v) => f.set('realName', v)} error={errors.realName} />
        <TextField label='手机号' type='number' placeholder='请输入11位手机号' maxlength={11} value={phone} onInput={(v) => f.set('phone', v)} error={errors.phone} />
        <TextField label='出生日期' placeholder='例如 1990-01-01' maxlength={10} value={birthDate} onInput={(v) => f.set('birthDate', v)} error={errors.birthDate} />
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>擅长的服务（可多选）</Text>
        <View className='hm-wrap' role='group' aria-label='技能'>
          {SKILLS.map((s) => {
            const on = skills.includes(s)
            return (
              <CheckChip key={s} checked={on} onChange={() => toggle(s)}>
                {on ? `✓ ${s}` : s}
              </CheckChip>
            )
          })}
        </View>
        {errors.skills && <Text className='hm-error'>{errors.skills}</Text>}
      </View>

      <View className='hm-card'>
        <TextField
          label='自我介绍（可不填）'
          name='自我介绍'
          multiline
          placeholder='例如：退休教师，周末有空'
          maxlength={200}
          value={intro}
          onInput={(v) => f.set('intro', v)}
          error={errors.intro}
        />
      </View>

      <Button className='hm-btn' disabled={f.busy} loading={f.busy} onClick={onSubmit}>
        提交申请
      </Button>
    </Page>
  )
}
