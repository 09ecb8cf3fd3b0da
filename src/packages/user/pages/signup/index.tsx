import { Input, Picker, Text, View } from '@tarojs/components'
import { Button } from '@/components/Button'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { PRIVACY_VERSION, userInputs } from '@/contracts/user'
import { Page } from '@/components/Page'
import { CheckChip } from '@/components/Chips'
import { Link } from '@/components/Link'
import { useMe } from '@/hooks/useMe'
import { useFormSubmit } from '@/forms/useFormSubmit'
import type { FieldErrors } from '@/forms/validate'
import { ROUTES, go } from '@/routes'
import { signUp, useCommunities } from '@/packages/user/hooks/useUser'

const FALLBACKS: FieldErrors = {
  privacyAgreed: '请先阅读并同意隐私保护指引',
  communityId: '请选择您所在的社区',
  gridId: '请重新选择网格',
  nickname: '昵称为1到20个字',
}

/** First use: agree to the privacy guide, choose a community (and grid), give a nickname. */
export default function SignUpPage() {
  const me = useMe()
  const communities = useCommunities()
  const f = useFormSubmit(userInputs.signUp, { privacyAgreed: false, nickname: '' }, FALLBACKS)
  const { privacyAgreed: agreed, nickname } = f.values
  const errors = f.errors
  const [communityIdx, setCommunityIdx] = useState(-1)
  const [gridIdx, setGridIdx] = useState(0) // 0 = not chosen

  const list = communities.data || []
  const community = communityIdx >= 0 ? list[communityIdx] : undefined
  const gridNames = useMemo(() => ['暂不选择', ...(community?.grids.map((g) => g.name) || [])], [community])

  const onSubmit = () => {
    const input = {
      privacyAgreed: agreed,
      privacyVersion: PRIVACY_VERSION,
      communityId: community?.id ?? '',
      gridId: community && gridIdx > 0 ? community.grids[gridIdx - 1]?.id : undefined,
      nickname,
    }
    f.submit(input, (data) => signUp(data as Parameters<typeof signUp>[0]), { done: '注册成功', then: () => void Taro.switchTab({ url: ROUTES.home }) })
  }

  if (me.data?.signedUp) {
    return (
      <Page>
        <View className='hm-card'>
          <Text className='hm-title'>您已经注册过了</Text>
          <Text className='hm-text hm-block'>所在社区：{me.data.communityName}</Text>
          <Button className='hm-btn' onClick={() => void Taro.switchTab({ url: ROUTES.home })}>
            返回首页
          </Button>
        </View>
      </Page>
    )
  }

  return (
    <Page
      loading={communities.loading}
      error={communities.error}
      onRetry={communities.refresh}
      empty={!communities.loading && !communities.error && list.length === 0}
      emptyText='暂时没有可选择的社区，请稍后再试'
    >
      <Text className='hm-title'>欢迎加入和美社区</Text>

      <View className='hm-card'>
        <Text className='hm-label'>1. 阅读隐私保护指引</Text>
        <Text className='hm-sub hm-block'>我们会收集您的昵称和所在社区，用于为您提供社区服务。</Text>
        <Link onClick={() => go(ROUTES.privacy)}>查看《和美社区隐私保护指引》</Link>
        <CheckChip checked={agreed} onChange={(on) => f.set('privacyAgreed', on)}>
          {`${agreed ? '☑' : '☐'} 我已阅读并同意隐私保护指引`}
        </CheckChip>
        {errors.privacyAgreed && <Text className='hm-error'>{errors.privacyAgreed}</Text>}
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>2. 选择您所在的社区</Text>
        <Picker
          mode='selector'
          range={list.map((c) => `${c.name}（${c.street}）`)}
          value={Math.max(communityIdx, 0)}
          onChange={(e) => {
            setCommunityIdx(Number(e.detail.value))
            setGridIdx(0)
            f.clear('communityId')
            f.clear('gridId')
          }}
        >
          <View className='hm-picker' data-testid='community-picker'>
            <Text>{community ? community.name : '请选择社区'}</Text>
            <Text className='hm-sub'>›</Text>
          </View>
        </Picker>
        {errors.communityId && <Text className='hm-error'>{errors.communityId}</Text>}

        {community && community.grids.length > 0 && (
          <View className='hm-field' style={{ marginTop: '16px' }}>
            <Text className='hm-label'>所在网格（可不选）</Text>
            <Picker
              mode='selector'
              range={gridNames}
              value={gridIdx}
              onChange={(e) => {
                setGridIdx(Number(e.detail.value))
                f.clear('gridId')
              }}
            >
              <View className='hm-picker' data-testid='grid-picker'>
                <Text>{gridNames[gridIdx]}</Text>
                <Text className='hm-sub'>›</Text>
              </View>
            </Picker>
            {errors.gridId && <Text className='hm-error'>{errors.gridId}</Text>}
          </View>
        )}
      </View>

      <View className='hm-card'>
        <Text className='hm-label'>3. 您的昵称</Text>
        <Input
          className='hm-input'
          type={process.env.TARO_ENV === 'weapp' ? 'nickname' : 'text'}
          placeholder='例如：林阿姨'
          maxlength={20}
          value={nickname}
          onInput={(e) => f.set('nickname', e.detail.value)}
          onBlur={(e) => f.set('nickname', e.detail.value)}
          aria-label='昵称'
        />
        {errors.nickname && <Text className='hm-error'>{errors.nickname}</Text>}
      </View>

      <Button className='hm-btn' disabled={f.busy} loading={f.busy} onClick={onSubmit}>
        同意并注册
      </Button>
    </Page>
  )
}
