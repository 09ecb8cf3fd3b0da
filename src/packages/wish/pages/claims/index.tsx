import { ROUTES, go } from '@/routes'
import { Button } from '@/components/Button'
import { MyList } from '@/packages/wish/components/MyList'
import { useMyClaims } from '@/packages/wish/hooks/useWish'

/** My claims: the wishes I promised to fulfil, overdue ones flagged; tap opens one. */
export default function ClaimsPage() {
  const list = useMyClaims()
  return (
    <MyList
      list={list}
      emptyText='您还没有认领过心愿'
      showOverdue
      header={
        <Button className='hm-btn hm-btn-plain' onClick={() => go(ROUTES.wishWall)}>
          去心愿墙看看
        </Button>
      }
    />
  )
}
