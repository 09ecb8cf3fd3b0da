import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PERSON_STATUS_LABELS, SIGNUP_ROLE_LABELS, type ElderSignupCandidate } from '@/contracts'
import { Button } from '@/components/Button'

export interface CandidatesProps {
  candidates: ElderSignupCandidate[]
  busy: boolean
  /** Called synchronously from the tap (the subscription prompt must come before any await). */
  onSignUp: (c: ElderSignupCandidate) => void
  onCancel: (c: ElderSignupCandidate) => void
  onAddFamily: () => void
}

/** 我要报名 for myself; 为家人报名 opens the elders I manage, each with its own button; cancel where allowed. */
export function Candidates({ candidates, busy, onSignUp, onCancel, onAddFamily }: CandidatesProps) {
  const [showFamily, setShowFamily] = useState(false)
  const [self, ...family] = candidates
  const row = (c: ElderSignupCandidate, label: string) => (
    <View key={typeof c.person === 'string' ? 'self' : c.person.profileId} className='hm-card'>
      <Text className='hm-text hm-block'>
        {c.name}：{PERSON_STATUS_LABELS[c.status]}
        {c.role && c.status === 'signed_up' ? `（${SIGNUP_ROLE_LABELS[c.role]}）` : ''}
      </Text>
      {c.allowed.includes('signUp') && (
        <Button className='hm-btn' disabled={busy} onClick={() => onSignUp(c)}>
          {label}
        </Button>
      )}
      {c.allowed.includes('cancelSignUp') && (
        <Button className='hm-btn hm-btn-plain' disabled={busy} onClick={() => onCancel(c)}>
          取消报名
        </Button>
      )}
    </View>
  )
  return (
    <View>
      {self && row(self, '我要报名')}
      <Button className='hm-btn hm-btn-plain' onClick={() => setShowFamily(!showFamily)}>
        为家人报名
      </Button>
      {showFamily && (
        <View>
          {family.map((c) => row(c, `为${c.name}报名`))}
          {!family.length && <Text className='hm-text hm-block'>您还没有添加家人。</Text>}
          <Button className='hm-btn hm-btn-plain' onClick={onAddFamily}>
            添加家人
          </Button>
        </View>
      )}
    </View>
  )
}
