/** Distances on the earth for the check-in geofence (issue 10): computed on the server from the coordinates sent. */

/** The earth's mean radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8

/** A point in degrees (gcj02, as Taro.getLocation gives and the project's place is stored). */
export interface LatLng {
  lat: number
  lng: number
}

const rad = (deg: number) => (deg * Math.PI) / 180

/** The great-circle distance between two points in metres (haversine). */
export function distanceM(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}
