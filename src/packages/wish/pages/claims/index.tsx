import { ROUTES } from '@/routes'
import { MyList } from '@/packages/wish/components/MyList'
import { useMyClaims } from '@/packages/wish/hooks/useWish'

/** My claims: the wishes I promised to fulfil, overdue ones flagged; tap opens one. */
export default function ClaimsPage() {
  return <MyList list={useMyClaims()} emptyText='您还没有认领过心愿' showOverdue link={{ label: '去心愿墙看看', url: ROUTES.wishWall, plain: true }} />
}
